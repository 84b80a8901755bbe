// Client-side mirror of the server's dialog rules, so a person sees mistakes before submitting.
// The server stays the authority: it re-validates every order and its VALIDATION_FAILED field
// errors are shown on the same fields. Checks that need a parser (a field's `format`, e.g. a YAML
// mapping) are left to the server on purpose.
import type { DialogField, DialogScalar, DialogValue, DialogValues, Dialog } from './types';
import { dialogFields } from './types';

export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const choiceValues = (field: DialogField): string[] => (field.choices ?? []).map((choice) => String(choice.value));

const checkText = (field: DialogField, value: unknown): string | undefined => {
  if (typeof value !== 'string') return 'Must be text';
  if (field.minLength !== undefined && value.length < field.minLength) {
    return `Must be at least ${field.minLength} characters`;
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return `Must be at most ${field.maxLength} characters`;
  }
  if (field.pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(field.pattern, 'u');
    } catch {
      return undefined; // a broken pattern is the catalog's fault; the server reports it
    }
    if (!re.test(value)) return field.patternMessage ?? `Must match ${field.pattern}`;
  }
  return undefined;
};

const checkInteger = (field: DialogField, value: unknown): string | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) return 'Must be a whole number';
  if (field.min !== undefined && n < field.min) return `Must be at least ${field.min}`;
  if (field.max !== undefined && n > field.max) return `Must be at most ${field.max}`;
  return undefined;
};

const checkChoice = (field: DialogField, value: unknown): string | undefined => {
  const allowed = choiceValues(field);
  if (field.type === 'dropdown' && field.multiple) {
    if (!Array.isArray(value)) return 'Must be a list of choices';
    const unknown = value.find((v) => !allowed.includes(String(v)));
    return unknown === undefined ? undefined : `Unknown choice: ${String(unknown)}`;
  }
  if (Array.isArray(value)) return 'Choose one value';
  return allowed.includes(String(value)) ? undefined : `Unknown choice: ${String(value)}`;
};

/** The first rule that `value` breaks for `field`, as a message; undefined when it is valid. */
export const validateDialogValue = (field: DialogField, value: unknown): string | undefined => {
  // A checkbox always has a value (false until ticked), so `required` never blocks it.
  if (isEmptyValue(value)) return field.required ? 'Required' : undefined;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return checkText(field, value);
    case 'integer':
      return checkInteger(field, value);
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'Must be true or false';
    case 'radio':
    case 'dropdown':
      return checkChoice(field, value);
    default: {
      const unreachable: never = field.type;
      return `Unsupported field type ${String(unreachable)}`;
    }
  }
};

/** All field errors of a whole form, keyed by field name. */
export const validateDialogValues = (dialog: Dialog, values: Record<string, unknown>): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const field of dialogFields(dialog)) {
    const message = validateDialogValue(field, values[field.name]);
    if (message !== undefined) errors[field.name] = message;
  }
  return errors;
};

const isScalar = (value: unknown): value is DialogScalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const toDialogValue = (field: DialogField, value: unknown): DialogValue => {
  if (field.type === 'integer' && typeof value === 'string') return Number(value);
  if (Array.isArray(value)) return value.filter(isScalar);
  return isScalar(value) ? value : null;
};

/** The values to submit: every dialog field that has a value; empty optional fields are left out. */
export const collectDialogValues = (dialog: Dialog, values: Record<string, unknown>): DialogValues => {
  const out: DialogValues = {};
  for (const field of dialogFields(dialog)) {
    const value = values[field.name];
    if (isEmptyValue(value)) continue;
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
    else if (field.type === 'dropdown' && field.multiple) out[field.name] = [];
  }
  return out;
};
