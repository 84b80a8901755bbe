// Client-side mirror of the server's dialog rules (backend/src/dialogs/dialog-validator.ts), so a
// person sees mistakes before submitting. The server stays the authority: it re-validates every
// order and its VALIDATION_FAILED field errors are shown on the same fields. Checks that need a
// parser (a field's `format`, e.g. a YAML mapping) are left to the server on purpose.
// backend/src/dialogs/dialog-parity.spec.ts runs this file and the server's validator on the same
// table of values and fails when they disagree.
import type { DialogField, DialogScalar, DialogValue, DialogValues, Dialog, VisibleWhen } from './types';
import { dialogFields } from './types';

export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const MAX_TEXT = 65536;
const MAX_TAG = 255;
const MAX_TAGS = 100;

const choiceValues = (field: DialogField): string[] => (field.choices ?? []).map((choice) => String(choice.value));

/** `YYYY-MM-DD`, a day that exists. */
export const isCalendarDate = (value: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** ISO 8601 date and time with a time zone (`Z` or `±hh:mm`), seconds optional. */
export const isDateTime = (value: string): boolean => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m || !isCalendarDate(m[1] ?? '')) return false;
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  const [oh, om] = [Number(m[6] ?? 0), Number(m[7] ?? 0)];
  return h < 24 && min < 60 && sec < 60 && oh < 24 && om < 60;
};

const patternError = (field: DialogField, value: string): string | undefined => {
  if (field.pattern === undefined) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(field.pattern, 'u');
  } catch {
    return undefined; // a broken pattern is the catalog's fault; the server reports it
  }
  return re.test(value) ? undefined : (field.patternMessage ?? `Must match ${field.pattern}`);
};

const checkText = (field: DialogField, value: unknown): string | undefined => {
  if (typeof value !== 'string') return 'Must be text';
  if (field.minLength !== undefined && value.length < field.minLength) {
    return `Must be at least ${field.minLength} characters`;
  }
  const max = field.maxLength ?? MAX_TEXT;
  if (value.length > max) return `Must be at most ${max} characters`;
  return patternError(field, value);
};

const checkBounds = (field: DialogField, n: number): string | undefined => {
  if (field.min !== undefined && n < field.min) return `Must be at least ${field.min}`;
  if (field.max !== undefined && n > field.max) return `Must be at most ${field.max}`;
  return undefined;
};

const checkInteger = (field: DialogField, value: unknown): string | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) return 'Must be a whole number';
  return checkBounds(field, n);
};

const checkFloat = (field: DialogField, value: unknown): string | undefined => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Must be a number';
  return checkBounds(field, value);
};

const hasDuplicates = (values: unknown[]): boolean => new Set(values.map((v) => JSON.stringify(v))).size !== values.length;

const checkChoice = (field: DialogField, value: unknown): string | undefined => {
  const allowed = choiceValues(field);
  if (field.type === 'dropdown' && field.multiple) {
    if (!Array.isArray(value)) return 'Must be a list of choices';
    if (value.some((v) => typeof v !== 'string')) return 'Must be a list of choices';
    const unknown = value.find((v) => !allowed.includes(String(v)));
    if (unknown !== undefined) return `Unknown choice: ${String(unknown)}`;
    return hasDuplicates(value) ? 'Lists the same value twice' : undefined;
  }
  if (typeof value !== 'string') return 'Choose one value';
  return allowed.includes(value) ? undefined : `Unknown choice: ${value}`;
};

const checkTags = (field: DialogField, value: unknown): string | undefined => {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'Must be a list of text tags';
  const tags = value as string[];
  if (tags.length > MAX_TAGS) return `Must have at most ${MAX_TAGS} tags`;
  if (tags.some((t) => t === '')) return 'Must not contain an empty tag';
  const max = field.maxLength ?? MAX_TAG;
  if (tags.some((t) => t.length > max)) return `Has a tag longer than ${max} characters`;
  for (const tag of tags) {
    const bad = patternError(field, tag);
    if (bad) return bad;
  }
  if (field.choices) {
    const allowed = choiceValues(field);
    const unknown = tags.find((t) => !allowed.includes(t));
    if (unknown !== undefined) return `Unknown choice: ${unknown}`;
  }
  return hasDuplicates(tags) ? 'Lists the same tag twice' : undefined;
};

/** The first rule that `value` breaks for `field`, as a message; undefined when it is valid. Never quotes a password. */
export const validateDialogValue = (field: DialogField, value: unknown): string | undefined => {
  // A checkbox always has a value (false until ticked), so `required` never blocks it.
  if (isEmptyValue(value)) return field.required ? 'Required' : undefined;
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'password':
      return checkText(field, value);
    case 'integer':
      return checkInteger(field, value);
    case 'float':
      return checkFloat(field, value);
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'Must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : 'Must be a date as YYYY-MM-DD';
    case 'datetime':
      return typeof value === 'string' && isDateTime(value) ? undefined : 'Must be a date and time with a time zone';
    case 'tags':
      return checkTags(field, value);
    case 'radio':
    case 'dropdown':
      return checkChoice(field, value);
    default: {
      const unreachable: never = field.type;
      return `Unsupported field type ${String(unreachable)}`;
    }
  }
};

/** Whether a value satisfies a visibleWhen condition; a list matches when any of its items does. */
export const conditionHolds = (condition: VisibleWhen, value: unknown): boolean => {
  if ('notEmpty' in condition) return !isEmptyValue(value);
  const wanted: unknown[] = 'equals' in condition ? [condition.equals] : condition.in;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.some((v) => wanted.includes(v));
};

const effectiveValue = (field: DialogField, values: Record<string, unknown>): unknown =>
  field.readOnly ? field.default : (values[field.name] ?? field.default);

/** Whether a field is shown for these values: its visibleWhen holds and its controlling field is shown. */
export const isFieldVisible = (dialog: Dialog, field: DialogField, values: Record<string, unknown>): boolean => {
  const byName = new Map(dialogFields(dialog).map((f) => [f.name, f]));
  const seen = new Set<string>();
  let current: DialogField | undefined = field;
  while (current?.visibleWhen) {
    if (seen.has(current.name)) return false;
    seen.add(current.name);
    const controller = byName.get(current.visibleWhen.field);
    if (!controller || !conditionHolds(current.visibleWhen, effectiveValue(controller, values))) return false;
    current = controller;
  }
  return true;
};

/** All field errors of a whole form, keyed by field name; hidden fields are never in error. */
export const validateDialogValues = (dialog: Dialog, values: Record<string, unknown>): Record<string, string> => {
  const errors: Record<string, string> = {};
  const known = new Set(dialogFields(dialog).map((f) => f.name));
  for (const name of Object.keys(values)) if (!known.has(name)) errors[name] = 'Not a field of this form';
  for (const field of dialogFields(dialog)) {
    if (!isFieldVisible(dialog, field, values)) continue;
    const message = validateDialogValue(field, effectiveValue(field, values));
    if (message !== undefined) errors[field.name] = message;
  }
  return errors;
};

const isScalar = (value: unknown): value is DialogScalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const toDialogValue = (field: DialogField, value: unknown): DialogValue => {
  if ((field.type === 'integer' || field.type === 'float') && typeof value === 'string') return Number(value);
  if (field.type === 'datetime' && value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.filter(isScalar);
  return isScalar(value) ? value : null;
};

/** The values to submit: every shown dialog field that has a value; empty optional and hidden fields are left out. */
export const collectDialogValues = (dialog: Dialog, values: Record<string, unknown>): DialogValues => {
  const out: DialogValues = {};
  for (const field of dialogFields(dialog)) {
    const value = values[field.name];
    if (isEmptyValue(value) || !isFieldVisible(dialog, field, values)) continue;
    out[field.name] = toDialogValue(field, value);
  }
  return out;
};

/** Initial form values: the given values where present, else each field's default. */
export const initialDialogValues = (dialog: Dialog, given: DialogValues = {}): DialogValues => {
  const out: DialogValues = {};
  for (const field of dialogFields(dialog)) {
    const value = field.name in given ? given[field.name] : field.default;
    if (value !== undefined && value !== null) out[field.name] = value;
    else if (field.type === 'checkbox') out[field.name] = false;
    else if ((field.type === 'dropdown' && field.multiple) || field.type === 'tags') out[field.name] = [];
  }
  return out;
};
