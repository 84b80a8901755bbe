import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { forbiddenVariable } from '../common/ansible-variables.js';
import { type DialogDefinition, type DialogField, dialogFields } from './dialog.types.js';

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

/** One JSON Schema per field; the form and the server share the same rules. */
export function fieldSchema(f: DialogField): Record<string, unknown> {
  const choiceValues = f.choices?.map((c) => c.value);
  switch (f.type) {
    case 'text':
    case 'textarea':
      return {
        type: 'string',
        ...(f.pattern !== undefined ? { pattern: f.pattern } : {}),
        ...(f.minLength !== undefined ? { minLength: f.minLength } : {}),
        ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : { maxLength: 65536 }),
      };
    case 'checkbox':
      return { type: 'boolean' };
    case 'integer':
      return {
        type: 'integer',
        ...(f.min !== undefined ? { minimum: f.min } : {}),
        ...(f.max !== undefined ? { maximum: f.max } : {}),
      };
    case 'radio':
      return { type: 'string', enum: choiceValues ?? [] };
    case 'dropdown':
      return f.multiple
        ? { type: 'array', items: { type: 'string', enum: choiceValues ?? [] }, uniqueItems: true }
        : { type: 'string', enum: choiceValues ?? [] };
    default: {
      const unknown: never = f.type;
      throw new Error(`unknown field type ${String(unknown)}`);
    }
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function message(f: DialogField, e: ErrorObject, value: unknown): string {
  switch (e.keyword) {
    case 'pattern':
      return f.patternMessage ?? `must match ${f.pattern}`;
    case 'enum':
      return `"${String(Array.isArray(value) ? value.find((v) => !f.choices?.some((c) => c.value === v)) : value)}" is not one of the choices`;
    case 'type':
      return `must be ${e.params.type === 'integer' ? 'a whole number' : `a ${String(e.params.type)}`}`;
    default:
      return e.message ?? 'is not valid';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true });
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

/**
 * Validates submitted values against a dialog whose choices are already resolved.
 * Read-only fields always take their default; unknown fields are an error.
 */
export function validateDialogValues(dialog: DialogDefinition, submitted: Record<string, unknown>): ValidationResult {
  const fields = dialogFields(dialog);
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(submitted)) {
    if (!known.has(name)) errors[name] = `is not a field of the dialog "${dialog.label}"`;
  }
  for (const f of fields) {
    const raw = f.readOnly ? f.default : (submitted[f.name] ?? f.default);
    if (isEmpty(raw)) {
      if (f.required) errors[f.name] = `${f.label} is required`;
      continue;
    }
    const validate = compile(fieldSchema(f));
    if (!validate(raw)) {
      errors[f.name] = message(f, validate.errors![0], raw);
      continue;
    }
    if (f.format === 'yaml_mapping') {
      try {
        parseYamlMapping(raw as string);
      } catch (err) {
        errors[f.name] = `${f.label} ${(err as Error).message}`;
        continue;
      }
    }
    values[f.name] = raw;
  }
  return { values, errors };
}
