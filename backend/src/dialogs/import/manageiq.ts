// ManageIQ service dialog exports (Automation → Customization → Service Dialogs → export, or
// product/dialogs/service_dialogs/*.yml): a YAML list of dialogs, each with dialog_tabs →
// dialog_groups → dialog_fields. Keys may be Ruby symbols (":protected"), nil is YAML null.
import type { Choice, DialogDefinition, DialogField, DialogValue, FieldType } from '@superfluid/dialogs';
import { DialogImportError, FIELD_NAME, type ImportedDialogs, isRecord, optionalNumber, parseAll, parseDocument, slug, truthy } from './import-helpers.js';

type Obj = Record<string, unknown>;

/** Strips the ":" of Ruby symbol keys and symbol values, at every level. */
function unsymbol(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unsymbol);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/^:/, ''), unsymbol(v)]));
  if (typeof value === 'string' && /^:[a-z_]+$/.test(value)) return value.slice(1);
  return value;
}

const byPosition = (items: unknown): Obj[] =>
  (Array.isArray(items) ? items.filter(isRecord) : [])
    .map((item, i) => ({ item, i }))
    .sort((a, b) => Number(a.item.position ?? a.i) - Number(b.item.position ?? b.i) || a.i - b.i)
    .map((x) => x.item);

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** `values` as [[value, label], ...] or { value: label }; a nil value ("<None>") is not a choice. */
function choicesOf(values: unknown): Choice[] {
  const pairs: [unknown, unknown][] = Array.isArray(values)
    ? values.filter(Array.isArray).map((p) => [p[0], p[1]] as [unknown, unknown])
    : isRecord(values)
      ? Object.entries(values)
      : [];
  return pairs.filter(([v]) => v !== null && v !== undefined && v !== '').map(([v, label]) => ({ value: String(v), label: text(label) ?? String(v) }));
}

/** Ruby regexes anchor with \A and \z; JavaScript with ^ and $. */
const jsPattern = (rule: string): string => rule.replace(/^\\A/, '^').replace(/\\[zZ]$/, '$');

const TYPES: Record<string, FieldType> = {
  DialogFieldTextBox: 'text',
  DialogFieldTextAreaBox: 'textarea',
  DialogFieldCheckBox: 'checkbox',
  DialogFieldRadioButton: 'radio',
  DialogFieldDropDownList: 'dropdown',
  DialogFieldDateControl: 'date',
  DialogFieldDateTimeControl: 'datetime',
  DialogFieldTagControl: 'tags',
};

/** A ManageIQ default value in our field's terms; undefined when there is none. */
function defaultOf(type: FieldType, multiple: boolean, raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === '') return undefined;
  switch (type) {
    case 'checkbox':
      return truthy(raw);
    case 'integer':
    case 'float': {
      const n = optionalNumber(raw);
      return n === 'invalid' ? raw : n;
    }
    case 'dropdown':
    case 'tags': {
      if (type === 'dropdown' && !multiple) return String(raw);
      if (Array.isArray(raw)) return raw.map(String);
      if (typeof raw === 'string' && raw.startsWith('[')) {
        try {
          const list: unknown = JSON.parse(raw);
          if (Array.isArray(list)) return list.map(String);
        } catch {
          // not a JSON list: one value
        }
      }
      return [String(raw)];
    }
    case 'date':
    case 'datetime': {
      const s = String(raw);
      if (type === 'date' && /^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
      const t = Date.parse(s);
      if (Number.isNaN(t)) return s; // kept, so the dialog check names it
      return type === 'date' ? new Date(t).toISOString().slice(0, 10) : new Date(t).toISOString().replace('.000Z', 'Z');
    }
    default:
      return String(raw);
  }
}

function convertField(raw: Obj, where: string, triggers: string[], problems: string[]): DialogField | null {
  const name = text(raw.name);
  const at = `${where}, field "${name ?? '?'}"`;
  if (!name) {
    problems.push(`${at}: has no name`);
    return null;
  }
  if (!FIELD_NAME.test(name)) problems.push(`${at}: the name is not an identifier (letters, digits and _), so it cannot become an Ansible variable`);
  const kind = text(raw.type);
  const mapped = kind ? TYPES[kind] : undefined;
  if (!mapped) {
    problems.push(`${at}: field type "${kind ?? '(none)'}" is not supported (supported: ${Object.keys(TYPES).join(', ')})`);
    return null;
  }
  const options = isRecord(raw.options) ? raw.options : {};
  let type: FieldType = mapped;
  if (type === 'text' && truthy(options.protected)) type = 'password';
  else if (type === 'text' && raw.data_type === 'integer') type = 'integer';
  const multiple = type === 'dropdown' && truthy(options.force_multi_value);
  const choices = choicesOf(raw.values);
  const field: DialogField = { name, label: text(raw.label) ?? name, type };
  const help = [
    text(raw.description),
    type === 'tags' && text(options.category_description ?? options.category_name)
      ? `ManageIQ tag category ${String(text(options.category_description ?? options.category_name))}`
      : undefined,
  ]
    .filter(Boolean)
    .join(' — ');
  if (help) field.help = help;
  if (truthy(raw.required)) field.required = true;
  if (multiple) field.multiple = true;
  if (truthy(raw.reconfigurable)) field.reconfigurable = true;
  const hidden = raw.visible === false || raw.display === 'hide';
  if (truthy(raw.read_only) || hidden) field.readOnly = true;
  if (hidden) field.help = [field.help, 'hidden in ManageIQ: always its default'].filter(Boolean).join(' — ');
  if (raw.validator_type === 'regex' && text(raw.validator_rule)) {
    field.pattern = jsPattern(String(raw.validator_rule));
    field.patternMessage = `must match ${String(raw.validator_rule)}`;
  }
  if (type !== 'password') {
    const value = defaultOf(type, multiple, raw.default_value);
    // A default of the wrong shape is kept as it came: the import drops it with a warning (parseAll).
    if (value !== undefined) field.default = value as DialogValue;
  }
  if (truthy(raw.dynamic)) {
    const action = isRecord(raw.resource_action) ? raw.resource_action : {};
    const path = [action.ae_namespace, action.ae_class, action.ae_instance].map(text).filter(Boolean).join('/');
    field.dataSource = { type: 'pending', automateMethod: path ? `/${path}` : '(no automate method in the export)' };
    // ManageIQ refreshes an auto_refresh field when a trigger_auto_refresh field above it changes.
    const dependsOn = truthy(raw.auto_refresh) ? triggers.filter((t) => t !== name) : [];
    if (dependsOn.length) field.dependsOn = dependsOn;
  } else if (choices.length) {
    field.choices = choices;
  } else if (type === 'radio' || type === 'dropdown') {
    problems.push(`${at}: a ${kind} that is not dynamic needs values`);
  }
  if (type === 'tags' && choices.length && field.dataSource) field.choices = choices;
  if (truthy(raw.trigger_auto_refresh)) triggers.push(name);
  return field;
}

function convertDialog(raw: Obj, index: number, problems: string[]): DialogDefinition | null {
  const label = text(raw.label);
  const where = `dialog ${label ? `"${label}"` : `#${index + 1}`}`;
  if (!label) {
    problems.push(`${where}: has no label`);
    return null;
  }
  const tabs = byPosition(raw.dialog_tabs);
  if (!tabs.length) problems.push(`${where}: has no dialog_tabs`);
  const triggers: string[] = [];
  const definition: DialogDefinition = {
    name: slug(label),
    label,
    ...(text(raw.description) ? { description: text(raw.description) } : {}),
    tabs: tabs.map((tab, t) => ({
      label: text(tab.label) ?? `Tab ${t + 1}`,
      boxes: byPosition(tab.dialog_groups).map((group, g) => ({
        label: text(group.label) ?? `Box ${g + 1}`,
        fields: byPosition(group.dialog_fields).flatMap((f) => convertField(f, where, triggers, problems) ?? []),
      })),
    })),
  };
  if (!definition.name) problems.push(`${where}: the label gives no usable name`);
  return definition;
}

/** Converts a ManageIQ service dialog export (YAML or JSON) to dialog definitions; throws DialogImportError. */
export function importManageIqDialogs(content: string): ImportedDialogs {
  const doc = unsymbol(parseDocument(content, 'ManageIQ export'));
  const list = Array.isArray(doc) ? doc : isRecord(doc) ? [doc] : [];
  const dialogs = list.filter(isRecord);
  if (!dialogs.length) throw new DialogImportError(['the ManageIQ export holds no dialog: expected a YAML list of dialogs with label and dialog_tabs']);
  const problems: string[] = [];
  const converted = dialogs.map((d, i) => convertDialog(d, i, problems));
  if (problems.length) throw new DialogImportError(problems);
  return parseAll(converted as DialogDefinition[], (d) => `dialog "${d.label}"`);
}
