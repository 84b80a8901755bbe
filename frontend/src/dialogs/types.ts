// The dialog (order form) definition served as ServiceTemplate.dialog and Dialog.form: tabs -> boxes -> fields.
// Mirrors backend/src/dialogs/dialog.types.ts.
import type { ProviderType } from '../types';

export const DIALOG_FIELD_TYPES = [
  'text',
  'textarea',
  'password',
  'checkbox',
  'radio',
  'dropdown',
  'integer',
  'float',
  'date',
  'datetime',
  'tags',
] as const;
export type DialogFieldType = (typeof DIALOG_FIELD_TYPES)[number];

export type DialogScalar = string | number | boolean;
export type DialogValue = DialogScalar | DialogScalar[] | null;

export interface DialogChoice {
  value: string | number;
  label: string;
}

export type VisibleWhen =
  | { field: string; equals: DialogScalar }
  | { field: string; in: DialogScalar[] }
  | { field: string; notEmpty: true };

export interface DialogDataSource {
  type: 'static' | 'providers' | 'gitRepos' | 'playbooks' | 'credentials' | 'pending';
  /** static: the choices (the editor keeps them on the field instead). */
  choices?: DialogChoice[];
  repo?: string;
  repoField?: string;
  credentialType?: string;
  /** providers: only providers of this type (any when absent). */
  providerType?: ProviderType;
  automateMethod?: string;
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
  dataSource?: DialogDataSource;
  visibleWhen?: VisibleWhen;
  reconfigurable?: boolean;
  dependsOn?: string[];
  /** textarea: the text must parse as a YAML or JSON mapping. */
  format?: 'yaml_mapping';
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
  description?: string;
  tabs: DialogTab[];
}

export type DialogValues = Record<string, DialogValue>;

export const dialogFields = (dialog: Dialog): DialogField[] =>
  dialog.tabs.flatMap((tab) => tab.boxes.flatMap((box) => box.fields));

/** The fields whose values decide whether `field` is shown: its visibleWhen field, that one's, and so on. */
export const visibilityChain = (dialog: Dialog, field: DialogField): string[] => {
  const byName = new Map(dialogFields(dialog).map((f) => [f.name, f]));
  const chain: string[] = [];
  let current: DialogField | undefined = field;
  while (current?.visibleWhen && !chain.includes(current.visibleWhen.field)) {
    chain.push(current.visibleWhen.field);
    current = byName.get(current.visibleWhen.field);
  }
  return chain;
};

/** The fields a dynamic field's choices are computed from. */
export const refreshTriggers = (field: DialogField): string[] => {
  const names = new Set(field.dependsOn ?? []);
  if (field.dataSource?.repoField) names.add(field.dataSource.repoField);
  return [...names];
};

export type DialogImportFormat = 'MANAGEIQ' | 'AWX_SURVEY';

/** A stored dialog as the Dialogs resource lists it; `form` (the resolved definition) and `definition`
 * (as stored) only when read by id. */
export interface DialogRecord {
  id: string;
  name: string;
  label: string;
  description: string | null;
  /** catalog (files under catalog/dialogs), imported, or editor (the dialog editor). */
  origin: 'catalog' | 'imported' | 'editor';
  updatedAt: string;
  fields: {
    name: string;
    label: string;
    type: DialogFieldType;
    required: boolean;
    dynamic: boolean;
    /** Imported with a ManageIQ automate method and not bound yet: the dialog cannot be ordered. */
    pending: boolean;
    dependsOn: string[];
    /** The automate method a bound field was imported with (it may be bound again). */
    boundFrom: string | null;
  }[];
  form?: Dialog;
  definition?: Dialog;
}
