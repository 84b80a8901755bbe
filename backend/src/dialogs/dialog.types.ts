export const FIELD_TYPES = ['text', 'textarea', 'password', 'checkbox', 'radio', 'dropdown', 'integer', 'float', 'date', 'datetime', 'tags'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Choice {
  value: string;
  label: string;
}

/** Where a field's choices come from, resolved when the dialog is shown and when an order is validated. */
export type DataSource =
  | { type: 'static'; choices: Choice[] }
  /** The providers, or those of one type (an OpenStack item offers OpenStack clouds only). */
  | { type: 'providers'; providerType?: 'local' | 'ssh' | 'openstack' | 'kubernetes' }
  | { type: 'gitRepos' }
  /** The playbooks of a repository named literally (`repo`) or by another field's value (`repoField`). */
  | { type: 'playbooks'; repo: string; repoField?: undefined }
  | { type: 'playbooks'; repoField: string; repo?: undefined }
  /** The stored credentials of one type: value = credential id, label = its name. */
  | { type: 'credentials'; credentialType: string }
  /** Imported from ManageIQ with an automate method: an administrator must bind it before ordering. */
  | { type: 'pending'; automateMethod: string };

/** Shows a field only when another field's value matches; a hidden field is not required and its value is dropped. */
export type VisibleWhen =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number | boolean)[] }
  | { field: string; notEmpty: true };

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
  visibleWhen?: VisibleWhen;
  /** May be changed when the service is reconfigured. */
  reconfigurable?: boolean;
  /** Fields whose values this field's choices and default are computed from. */
  dependsOn?: string[];
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

/** Field types whose values are secrets: masked in the UI, never echoed in errors, stored encrypted. */
export const isSecretField = (f: Pick<DialogField, 'type'>): boolean => f.type === 'password';

/** Names of the fields whose values must be stored encrypted and never shown back. */
export const secretFieldNames = (d: DialogDefinition): string[] => dialogFields(d).filter(isSecretField).map((f) => f.name);

/** Names of the fields a service's owner may change when reconfiguring it. */
export const reconfigurableFieldNames = (d: DialogDefinition): string[] =>
  dialogFields(d)
    .filter((f) => f.reconfigurable === true)
    .map((f) => f.name);

/** The fields a field needs before it can be shown or resolved: dependsOn, a repoField and its visibleWhen field. */
export function fieldPrerequisites(f: DialogField): string[] {
  const names = new Set(f.dependsOn ?? []);
  if (f.dataSource?.type === 'playbooks' && f.dataSource.repoField) names.add(f.dataSource.repoField);
  if (f.visibleWhen) names.add(f.visibleWhen.field);
  return [...names];
}
