import type { TenantScope } from '../auth/auth.decorators.js';

/** Asked to find the dialog a catalog item uses (refreshDialogField given a templateId): a listener sets `dialog`. */
export class TemplateDialogQuery {
  static readonly NAME = 'dialog.of-template';
  dialog: string | null = null;

  /** `viewer`: only an item it may see (catalog:read); none: any item. */
  constructor(
    readonly templateId: string,
    readonly viewer?: TenantScope,
  ) {}
}
