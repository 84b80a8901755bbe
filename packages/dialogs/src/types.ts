// The dialog (order form) model: tabs -> boxes -> fields. One definition drives the form in the
// browser and the server's check of an order; both import these types and validator.ts.

export const FIELD_TYPES = ['text', 'textarea', 'password', 'checkbox', 'radio', 'dropdown', 'integer', 'float', 'date', 'datetime', 'tags'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type DialogScalar = string | number | boolean;
/** A field's value as a form submits it: a scalar, a list of scalars (tags, multi-select) or nothing. */
export type DialogValue = DialogScalar | DialogScalar[] | null;
export type DialogValues = Record<string, DialogValue>;

export interface Choice {
  value: string;
  label: string;
}

export type ProviderType = 'local' | 'ssh' | 'openstack' | 'kubernetes';

/** Where a field's choices come from, resolved when the dialog is shown and when an order is validated. */
export type DataSource =
  | { type: 'static'; choices: Choice[] }
  /** The providers, or those of one type (an OpenStack item offers OpenStack clouds only). */
  | { type: 'providers'; providerType?: ProviderType }
  | { type: 'gitRepos' }
  /** The playbooks of a repository named literally (`repo`) or by another field's value (`repoField`). */
  | { type: 'playbooks'; repo: string; repoField?: undefined }
  | { type: 'playbooks'; repoField: string; repo?: undefined }
  /** The stored credentials of one type: value = credential id, label = its name. */
  | { type: 'credentials'; credentialType: string }
  /** Imported from ManageIQ with an automate method: an administrator must bind it before ordering. */
  | { type: 'pending'; automateMethod: string };

/** Shows a field only when another field's value matches; a hidden field is not required and its value is dropped. */
export type VisibleWhen = { field: string; equals: DialogScalar } | { field: string; in: DialogScalar[] } | { field: string; notEmpty: true };

export interface DialogField {
  name: string;
  label: string;
  type: FieldType;
  help?: string;
  required?: boolean;
  default?: DialogValue;
  readOnly?: boolean;
  multiple?: boolean;
  /** A regular expression in RE2 syntax (JavaScript's, less lookaround and backreferences): run in linear time. */
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

export const dialogFields = (d: DialogDefinition): DialogField[] => d.tabs.flatMap((tab) => tab.boxes.flatMap((box) => box.fields));

/** Field types whose values are secrets: masked in the UI, never echoed in errors, stored encrypted. */
export const isSecretField = (f: Pick<DialogField, 'type'>): boolean => f.type === 'password';

/** Names of the fields whose values must be stored encrypted and never shown back. */
export const secretFieldNames = (d: DialogDefinition): string[] =>
  dialogFields(d)
    .filter(isSecretField)
    .map((f) => f.name);

/** Names of the fields a service's owner may change when reconfiguring it. */
export const reconfigurableFieldNames = (d: DialogDefinition): string[] =>
  dialogFields(d)
    .filter((f) => f.reconfigurable === true)
    .map((f) => f.name);

/** The fields a dynamic field's choices are computed from: dependsOn and a playbooks source's repoField. */
export function refreshTriggers(f: DialogField): string[] {
  const names = new Set(f.dependsOn ?? []);
  if (f.dataSource?.type === 'playbooks' && f.dataSource.repoField) names.add(f.dataSource.repoField);
  return [...names];
}

/** The fields a field needs before it can be shown or resolved: its refresh triggers and its visibleWhen field. */
export function fieldPrerequisites(f: DialogField): string[] {
  const names = new Set(refreshTriggers(f));
  if (f.visibleWhen) names.add(f.visibleWhen.field);
  return [...names];
}

/** The fields whose values decide whether `field` is shown: its visibleWhen field, that one's, and so on. */
export function visibilityChain(d: DialogDefinition, field: DialogField): string[] {
  const byName = new Map(dialogFields(d).map((f) => [f.name, f]));
  const chain: string[] = [];
  let current: DialogField | undefined = field;
  while (current?.visibleWhen && !chain.includes(current.visibleWhen.field)) {
    chain.push(current.visibleWhen.field);
    current = byName.get(current.visibleWhen.field);
  }
  return chain;
}
