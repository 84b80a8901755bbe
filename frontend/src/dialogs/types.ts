// The dialog (order form) definition served as ServiceTemplate.dialog: tabs -> boxes -> fields.

export const DIALOG_FIELD_TYPES = ['text', 'textarea', 'checkbox', 'radio', 'dropdown', 'integer'] as const;
export type DialogFieldType = (typeof DIALOG_FIELD_TYPES)[number];

export type DialogScalar = string | number | boolean;
export type DialogValue = DialogScalar | DialogScalar[] | null;

export interface DialogChoice {
  value: string | number;
  label: string;
}

export interface DialogField {
  name: string;
  label: string;
  type: DialogFieldType;
  required?: boolean;
  default?: DialogValue;
  help?: string;
  pattern?: string;
  patternMessage?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  readOnly?: boolean;
  multiple?: boolean;
  choices?: DialogChoice[];
}

export interface DialogBox {
  label: string;
  fields: DialogField[];
}

export interface DialogTab {
  label: string;
  boxes: DialogBox[];
}

export interface Dialog {
  name: string;
  label: string;
  tabs: DialogTab[];
}

export type DialogValues = Record<string, DialogValue>;

export const dialogFields = (dialog: Dialog): DialogField[] =>
  dialog.tabs.flatMap((tab) => tab.boxes.flatMap((box) => box.fields));
