// The one validator of dialog values. The browser runs it as a person types (and before an order
// is sent); the server runs it again on every order, on values it has resolved dynamic choices
// for, and stays the authority. Each broken rule is a FieldProblem: `message` is the API's wording
// (VALIDATION_FAILED field errors), formMessage() the form's, shown under the field.
import { matchesPattern, patternProblem } from './pattern.js';
import { type DialogDefinition, type DialogField, dialogFields, isSecretField, type VisibleWhen } from './types.js';
import { parseYamlMapping } from './yaml-mapping.js';

export type FieldErrors = Record<string, string>;

export interface ValidationResult {
  /** The values to store: defaults applied, unknown and empty optional fields dropped. */
  values: Record<string, unknown>;
  errors: FieldErrors;
}

/** The rule a value breaks; `limit` for the rules that have one. */
export interface FieldProblem {
  rule:
    | 'required'
    | 'type'
    | 'minLength'
    | 'maxLength'
    | 'pattern'
    | 'min'
    | 'max'
    | 'choice'
    | 'noChoices'
    | 'duplicate'
    | 'maxItems'
    | 'emptyTag'
    | 'tagLength'
    | 'date'
    | 'datetime'
    | 'format';
  /** What the API says, after the field's name: never quotes a secret field's value. */
  message: string;
  limit?: number;
}

export const MAX_TEXT = 65536;
export const MAX_TAG = 255;
export const MAX_TAGS = 100;

/** `YYYY-MM-DD`, a day that exists. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO 8601 date and time with a time zone (`Z` or `±hh:mm`), seconds optional: `2025-06-01T08:30:00Z`. */
export function isDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m || !isCalendarDate(m[1]!)) return false;
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  const [oh, om] = [Number(m[6] ?? 0), Number(m[7] ?? 0)];
  return h < 24 && min < 60 && sec < 60 && oh < 24 && om < 60;
}

export const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

const problem = (rule: FieldProblem['rule'], message: string, limit?: number): FieldProblem =>
  limit === undefined ? { rule, message } : { rule, message, limit };

function patternBroken(f: DialogField, value: string): FieldProblem | undefined {
  if (f.pattern === undefined) return undefined;
  // Saving refuses such a pattern; one stored before RE2 (a lookahead), or typed in the editor's
  // preview, refuses every value rather than letting it through unchecked.
  const unusable = patternProblem(f.pattern);
  if (unusable) return problem('pattern', `cannot be checked: the field's pattern ${unusable}; the dialog must be changed`);
  return matchesPattern(f.pattern, value) ? undefined : problem('pattern', f.patternMessage ?? `must match ${f.pattern}`);
}

function checkText(f: DialogField, value: unknown): FieldProblem | undefined {
  if (typeof value !== 'string') return problem('type', 'must be text');
  if (f.minLength !== undefined && value.length < f.minLength) return problem('minLength', `must be at least ${f.minLength} characters`, f.minLength);
  const max = f.maxLength ?? MAX_TEXT;
  if (value.length > max) return problem('maxLength', `must be at most ${max} characters`, max);
  return patternBroken(f, value);
}

function checkBounds(f: DialogField, n: number): FieldProblem | undefined {
  if (f.min !== undefined && n < f.min) return problem('min', `must be >= ${f.min}`, f.min);
  if (f.max !== undefined && n > f.max) return problem('max', `must be <= ${f.max}`, f.max);
  return undefined;
}

const hasDuplicates = (values: unknown[]): boolean => new Set(values).size !== values.length;

/** A value that is not among the choices; a field whose data source found nothing accepts no value. */
function notAChoice(f: DialogField, values: string[]): FieldProblem | undefined {
  const allowed = f.choices?.map((c) => c.value) ?? [];
  if (allowed.length === 0) return problem('noChoices', 'has no choices to pick from');
  const unknown = values.find((v) => !allowed.includes(v));
  if (unknown === undefined) return undefined;
  return problem('choice', isSecretField(f) ? 'is not one of the choices' : `"${unknown}" is not one of the choices`);
}

function checkTags(f: DialogField, value: unknown): FieldProblem | undefined {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return problem('type', 'must be a list of text tags');
  const tags = value as string[];
  if (tags.length > MAX_TAGS) return problem('maxItems', `must have at most ${MAX_TAGS} items`, MAX_TAGS);
  if (tags.some((t) => t === '')) return problem('emptyTag', 'must not contain an empty tag');
  const max = f.maxLength ?? MAX_TAG;
  if (tags.some((t) => t.length > max)) return problem('tagLength', `has a tag longer than ${max} characters`, max);
  for (const tag of tags) {
    const bad = patternBroken(f, tag);
    if (bad) return bad;
  }
  const outside = f.choices ? notAChoice(f, tags) : undefined;
  if (outside) return outside;
  return hasDuplicates(tags) ? problem('duplicate', 'lists the same value twice') : undefined;
}

function checkChoice(f: DialogField, value: unknown): FieldProblem | undefined {
  if (f.type === 'dropdown' && f.multiple) {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return problem('type', 'must be a list of choices');
    return notAChoice(f, value as string[]) ?? (hasDuplicates(value) ? problem('duplicate', 'lists the same value twice') : undefined);
  }
  if (typeof value !== 'string') return problem('type', 'must be one of the choices');
  return notAChoice(f, [value]);
}

/** The first rule a non-empty `value` breaks for `f`, or undefined. Required-ness and visibility are not checked here. */
export function validateFieldValue(f: DialogField, value: unknown): FieldProblem | undefined {
  switch (f.type) {
    case 'text':
    case 'password':
      return checkText(f, value);
    case 'textarea': {
      const bad = checkText(f, value);
      if (bad || f.format !== 'yaml_mapping') return bad;
      try {
        parseYamlMapping(value as string);
        return undefined;
      } catch (err) {
        return problem('format', `${f.label} ${(err as Error).message}`);
      }
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : problem('type', 'must be true or false');
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? checkBounds(f, value) : problem('type', 'must be a whole number');
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? checkBounds(f, value) : problem('type', 'must be a number');
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : problem('date', 'must be a date as YYYY-MM-DD');
    case 'datetime':
      return typeof value === 'string' && isDateTime(value)
        ? undefined
        : problem('datetime', 'must be a date and time with a time zone, e.g. 2025-06-01T08:30:00Z');
    case 'tags':
      return checkTags(f, value);
    case 'radio':
    case 'dropdown':
      return checkChoice(f, value);
    default: {
      const unknown: never = f.type;
      throw new Error(`unknown field type ${String(unknown)}`);
    }
  }
}

/** The first rule a field's value breaks, required-ness included (an empty optional value is fine). */
export function fieldProblem(f: DialogField, value: unknown): FieldProblem | undefined {
  if (isEmpty(value)) return f.required ? problem('required', `${f.label} is required`) : undefined;
  return validateFieldValue(f, value);
}

/** The form's wording of a problem, shown under the field (which shows the label already). */
export function formMessage(p: FieldProblem): string {
  switch (p.rule) {
    case 'required':
      return 'Required';
    case 'min':
      return `Must be at least ${String(p.limit)}`;
    case 'max':
      return `Must be at most ${String(p.limit)}`;
    case 'pattern':
    case 'format':
      return p.message;
    default:
      return p.message.charAt(0).toUpperCase() + p.message.slice(1);
  }
}

/** Whether a value satisfies a visibleWhen condition; a list matches when any of its items does. */
export function conditionHolds(condition: VisibleWhen, value: unknown): boolean {
  if ('notEmpty' in condition) return !isEmpty(value);
  const wanted: unknown[] = 'equals' in condition ? [condition.equals] : condition.in;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.some((v) => wanted.includes(v));
}

/** The value a field takes from submitted values: read-only fields keep their default. */
export const effectiveValue = (f: DialogField, submitted: Record<string, unknown>): unknown => (f.readOnly ? f.default : (submitted[f.name] ?? f.default));

/** Which fields are shown for these values: a field is hidden when its visibleWhen fails or its controlling field is hidden. */
export function visibleFields(fields: DialogField[], submitted: Record<string, unknown>): Set<string> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const memo = new Map<string, boolean>();
  const visible = (f: DialogField, depth: number): boolean => {
    const known = memo.get(f.name);
    if (known !== undefined) return known;
    let result = true;
    if (f.visibleWhen) {
      const controller = byName.get(f.visibleWhen.field);
      // A definition that passed parseDialog has no cycle; the depth guard keeps a broken one from looping.
      result =
        controller !== undefined &&
        depth < fields.length &&
        visible(controller, depth + 1) &&
        conditionHolds(f.visibleWhen, effectiveValue(controller, submitted));
    }
    memo.set(f.name, result);
    return result;
  };
  return new Set(fields.filter((f) => visible(f, 0)).map((f) => f.name));
}

/** A dialog prepared once, then used for any number of orders. */
export interface CompiledDialog {
  definition: DialogDefinition;
  validate(submitted: Record<string, unknown>): ValidationResult;
}

export function compileDialog(dialog: DialogDefinition): CompiledDialog {
  const fields = dialogFields(dialog);
  const known = new Set(fields.map((f) => f.name));
  return {
    definition: dialog,
    validate(submitted) {
      const errors: FieldErrors = {};
      const values: Record<string, unknown> = {};
      for (const name of Object.keys(submitted)) {
        if (!known.has(name)) errors[name] = `is not a field of the dialog "${dialog.label}"`;
      }
      const shown = visibleFields(fields, submitted);
      for (const f of fields) {
        if (!shown.has(f.name)) continue; // hidden: not required, its value dropped
        const raw = effectiveValue(f, submitted);
        const broken = fieldProblem(f, raw);
        if (broken) errors[f.name] = broken.message;
        else if (!isEmpty(raw)) values[f.name] = raw;
      }
      return { values, errors };
    },
  };
}

/**
 * Validates submitted values against a dialog whose choices are already resolved.
 * Read-only fields always take their default; unknown fields are an error; hidden fields
 * (visibleWhen) are neither required nor kept.
 */
export function validateDialogValues(dialog: DialogDefinition, submitted: Record<string, unknown>): ValidationResult {
  return compileDialog(dialog).validate(submitted);
}
