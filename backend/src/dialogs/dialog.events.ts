/** Asked to find the dialog a catalog item uses (refreshDialogField given a templateId): a listener sets `dialog`. */
export class TemplateDialogQuery {
  static readonly NAME = 'dialog.of-template';
  dialog: string | null = null;

  constructor(readonly templateId: string) {}
}
