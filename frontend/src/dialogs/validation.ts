// The form's side of the one dialog validator (@superfluid/dialogs): the server checks every order
// with the same rules and the same pattern engine, so the form and the API accept and refuse the
// same values. Here: the form's wording, the coercion of what inputs hand over (a number typed as
// text, a Date), and the values to submit.
import { fieldProblem, formMessage, isEmpty, visibleFields } from '@superfluid/dialogs';
import type { Dialog, DialogField, DialogScalar, DialogValue, DialogValues } from './types';
import { dialogFields } from './types';

const isEmptyValue = isEmpty;

const isScalar = (value: unknown): value is DialogScalar => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** A value as the API takes it: numbers from number inputs that gave text, instants from dates. */
const toDialogValue = (field: DialogField, value: unknown): DialogValue => {
  if ((field.type === 'integer' || field.type === 'float') && typeof value === 'string' && value.trim() !== '') return Number(value);
  if (field.type === 'datetime' && value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.filter(isScalar);
  return isScalar(value) ? value : null;
};

/** The first rule that `value` breaks for `field`, as the form says it; undefined when it is valid. Never quotes a password. */
export const validateDialogValue = (field: DialogField, value: unknown): string | undefined => {
  const problem = fieldProblem(field, isEmptyValue(value) ? value : toDialogValue(field, value));
  return problem && formMessage(problem);
};

/** Whether a field is shown for these values: its visibleWhen holds and its controlling field is shown. */
export const isFieldVisible = (dialog: Dialog, field: DialogField, values: Record<string, unknown>): boolean =>
  !field.visibleWhen || visibleFields(dialogFields(dialog), values).has(field.name);

/** The values to submit: every shown dialog field that has a value; empty optional and hidden fields are left out. */
export const collectDialogValues = (dialog: Dialog, values: Record<string, unknown>): DialogValues => {
  const out: DialogValues = {};
  const shown = visibleFields(dialogFields(dialog), values);
  for (const field of dialogFields(dialog)) {
    const value = values[field.name];
    if (isEmptyValue(value) || !shown.has(field.name)) continue;
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
