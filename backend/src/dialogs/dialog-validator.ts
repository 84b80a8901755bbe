import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { forbiddenVariable } from '../common/ansible-variables.js';
import { type DialogDefinition, type DialogField, dialogFields, isSecretField, type VisibleWhen } from './dialog.types.js';

export type FieldErrors = Record<string, string>;

export interface ValidationResult {
  /** The values to store: defaults applied, unknown and empty optional fields dropped. */
  values: Record<string, unknown>;
  errors: FieldErrors;
}

/** Parses a YAML/JSON mapping typed by a user; throws with a message fit for the form. */
export function parseYamlMapping(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (err) {
    const first = (err as Error).message.split('\n')[0];
    throw new Error(`is not valid YAML or JSON: ${first}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('must be a mapping of names to values, e.g. "name: world"');
  for (const key of Object.keys(doc)) {
    const why = forbiddenVariable(key);
    if (why) throw new Error(why);
  }
  return doc as Record<string, unknown>;
}

/** `YYYY-MM-DD`, a day that exists. The UI's validation.ts has the same rule. */
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
  if (!m || !isCalendarDate(m[1])) return false;
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  const [oh, om] = [Number(m[6] ?? 0), Number(m[7] ?? 0)];
  return h < 24 && min < 60 && sec < 60 && oh < 24 && om < 60;
}

const MAX_TEXT = 65536;
const MAX_TAG = 255;
const MAX_TAGS = 100;

/** One JSON Schema per field; the form (frontend/src/dialogs/validation.ts) applies the same rules. */
export function fieldSchema(f: DialogField): Record<string, unknown> {
  const choiceValues = f.choices?.map((c) => c.value);
  // ajv refuses an empty enum; a field whose data source found nothing accepts no value.
  const oneOf = (values: string[] = []) => (values.length ? { enum: values } : { not: {} });
  const text = {
    type: 'string',
    ...(f.pattern !== undefined ? { pattern: f.pattern } : {}),
    ...(f.minLength !== undefined ? { minLength: f.minLength } : {}),
    maxLength: f.maxLength ?? MAX_TEXT,
  };
  const bounds = {
    ...(f.min !== undefined ? { minimum: f.min } : {}),
    ...(f.max !== undefined ? { maximum: f.max } : {}),
  };
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'password':
      return text;
    case 'checkbox':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', ...bounds };
    case 'float':
      return { type: 'number', ...bounds };
    case 'date':
      return { type: 'string', format: 'sf-date' };
    case 'datetime':
      return { type: 'string', format: 'sf-date-time' };
    case 'tags':
      return {
        type: 'array',
        maxItems: MAX_TAGS,
        uniqueItems: true,
        items: {
          type: 'string',
          minLength: 1,
          maxLength: f.maxLength ?? MAX_TAG,
          ...(f.pattern !== undefined ? { pattern: f.pattern } : {}),
          ...(choiceValues ? oneOf(choiceValues) : {}),
        },
      };
    case 'radio':
      return { type: 'string', ...oneOf(choiceValues) };
    case 'dropdown':
      return f.multiple ? { type: 'array', items: { type: 'string', ...oneOf(choiceValues) }, uniqueItems: true } : { type: 'string', ...oneOf(choiceValues) };
    default: {
      const unknown: never = f.type;
      throw new Error(`unknown field type ${String(unknown)}`);
    }
  }
}

export const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A message for the first broken rule. Never quotes a secret field's value. */
function message(f: DialogField, e: ErrorObject, value: unknown): string {
  const secret = isSecretField(f);
  switch (e.keyword) {
    case 'pattern':
      return f.patternMessage ?? `must match ${f.pattern}`;
    case 'not':
      return 'has no choices to pick from';
    case 'enum':
      if (secret) return 'is not one of the choices';
      return `"${String(Array.isArray(value) ? value.find((v) => !f.choices?.some((c) => c.value === v)) : value)}" is not one of the choices`;
    case 'type':
      if (e.instancePath !== '') return f.type === 'tags' ? 'must be a list of text tags' : 'must be a list of choices';
      return `must be ${e.params.type === 'integer' ? 'a whole number' : e.params.type === 'array' ? 'a list' : `a ${String(e.params.type)}`}`;
    case 'format':
      return f.type === 'date' ? 'must be a date as YYYY-MM-DD' : 'must be a date and time with a time zone, e.g. 2025-06-01T08:30:00Z';
    case 'uniqueItems':
      return 'lists the same value twice';
    case 'minLength':
      return e.instancePath !== '' ? 'must not contain an empty tag' : `must be at least ${String(e.params.limit)} characters`;
    case 'maxLength':
      return e.instancePath !== '' ? `has a tag longer than ${String(e.params.limit)} characters` : `must be at most ${String(e.params.limit)} characters`;
    case 'maxItems':
      return `must have at most ${String(e.params.limit)} items`;
    case 'minimum':
      return `must be >= ${String(e.params.limit)}`;
    case 'maximum':
      return `must be <= ${String(e.params.limit)}`;
    default:
      return e.message ?? 'is not valid';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('sf-date', { type: 'string', validate: isCalendarDate });
ajv.addFormat('sf-date-time', { type: 'string', validate: isDateTime });
const compiled = new Map<string, { schema: object; validate: ValidateFunction }>();
const MAX_COMPILED = 500;

/** Compiles once per distinct schema; old ones are dropped from ajv too, so memory stays bounded. */
function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const hit = compiled.get(key);
  if (hit) return hit.validate;
  if (compiled.size >= MAX_COMPILED) {
    const [oldKey, old] = compiled.entries().next().value!;
    ajv.removeSchema(old.schema);
    compiled.delete(oldKey);
  }
  const validate = ajv.compile(schema);
  compiled.set(key, { schema, validate });
  return validate;
}

/** The first rule `value` (not empty) breaks for `f`, or undefined. Required-ness and visibility are not checked here. */
export function validateFieldValue(f: DialogField, value: unknown, validate: ValidateFunction = compile(fieldSchema(f))): string | undefined {
  if (!validate(value)) return message(f, validate.errors![0], value);
  if (f.format === 'yaml_mapping') {
    try {
      parseYamlMapping(value as string);
    } catch (err) {
      return `${f.label} ${(err as Error).message}`;
    }
  }
  return undefined;
}

/** Whether a value satisfies a visibleWhen condition; a list matches when any of its items does. */
export function conditionHolds(condition: VisibleWhen, value: unknown): boolean {
  if ('notEmpty' in condition) return !isEmpty(value);
  const wanted: unknown[] = 'equals' in condition ? [condition.equals] : condition.in;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.some((v) => wanted.includes(v));
}

/** The value a field takes from submitted values: read-only fields keep their default. */
const effectiveValue = (f: DialogField, submitted: Record<string, unknown>): unknown => (f.readOnly ? f.default : (submitted[f.name] ?? f.default));

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
      result = controller !== undefined && depth < fields.length && visible(controller, depth + 1) && conditionHolds(f.visibleWhen, effectiveValue(controller, submitted));
    }
    memo.set(f.name, result);
    return result;
  };
  return new Set(fields.filter((f) => visible(f, 0)).map((f) => f.name));
}

/** A dialog compiled once: every field's validator built, then used for any number of orders. */
export interface CompiledDialog {
  definition: DialogDefinition;
  validate(submitted: Record<string, unknown>): ValidationResult;
}

export function compileDialog(dialog: DialogDefinition): CompiledDialog {
  const fields = dialogFields(dialog);
  const validators = new Map(fields.map((f) => [f.name, compile(fieldSchema(f))]));
  return {
    definition: dialog,
    validate(submitted) {
      const errors: FieldErrors = {};
      const values: Record<string, unknown> = {};
      for (const name of Object.keys(submitted)) {
        if (!validators.has(name)) errors[name] = `is not a field of the dialog "${dialog.label}"`;
      }
      const shown = visibleFields(fields, submitted);
      for (const f of fields) {
        if (!shown.has(f.name)) continue; // hidden: not required, its value dropped
        const raw = effectiveValue(f, submitted);
        if (isEmpty(raw)) {
          if (f.required) errors[f.name] = `${f.label} is required`;
          continue;
        }
        const problem = validateFieldValue(f, raw, validators.get(f.name));
        if (problem) errors[f.name] = problem;
        else values[f.name] = raw;
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
