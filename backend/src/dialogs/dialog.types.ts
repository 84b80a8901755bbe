export const FIELD_TYPES = ['text', 'textarea', 'checkbox', 'radio', 'dropdown', 'integer'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Choice {
  value: string;
  label: string;
}

/** Where a field's choices come from, resolved when the dialog is shown and when an order is validated. */
export type DataSource =
  | { type: 'static'; choices: Choice[] }
  | { type: 'providers' }
  | { type: 'playbooks'; repo: string };

export interface DialogField {
  name: string;
  label: string;
  type: FieldType;
  help?: string;
  required?: boolean;
  default?: unknown;
  readOnly?: boolean;
  multiple?: boolean;
  pattern?: string;
  patternMessage?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** `yaml_mapping`: the text must parse as a YAML or JSON mapping. */
  format?: 'yaml_mapping';
  choices?: Choice[];
  dataSource?: DataSource;
}

export interface DialogBox {
  label: string;
  fields: DialogField[];
}

export interface DialogTab {
  label: string;
  boxes: DialogBox[];
}

export interface DialogDefinition {
  name: string;
  label: string;
  description?: string;
  tabs: DialogTab[];
}

export const dialogFields = (d: DialogDefinition): DialogField[] =>
  d.tabs.flatMap((tab) => tab.boxes.flatMap((box) => box.fields));
