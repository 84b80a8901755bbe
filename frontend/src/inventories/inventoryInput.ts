// The inventory form's values → the InventoryInput the API takes. A site's variables are edited as
// text: a JSON object, or "key: value" lines (a value that reads as JSON — a number, true, a list —
// is taken as such, anything else as a string).
import { withSubject } from '../common/serverErrors';
import type { JsonObject, JsonValue } from '../types';
import type { InventoryInput } from './api';

export interface InventorySiteValues {
  name?: string | null;
  providerId?: string | null;
  hosts?: string[] | null;
  /** Text while edited; the record's object before. */
  variables?: string | JsonObject | null;
}

export interface InventoryFormValues {
  name?: string | null;
  description?: string | null;
  sites?: (InventorySiteValues | null)[] | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Variables as the form shows them: "key: value" lines (values that are not plain strings as JSON). */
export const variablesToText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return '';
  return Object.entries(value)
    .map(([key, v]) => `${key}: ${typeof v === 'string' && !looksLikeJson(v) ? v : JSON.stringify(v)}`)
    .join('\n');
};

const looksLikeJson = (value: string): boolean => {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
};

/** The text of a site's variables as an object, or the reason it is not one. */
export const parseVariables = (value: unknown): { variables: JsonObject | null } | { error: string } => {
  if (isObject(value)) return { variables: value };
  const source = text(value);
  if (source === '') return { variables: null };
  if (source.startsWith('{')) {
    try {
      const parsed = JSON.parse(source) as JsonValue;
      return isObject(parsed) ? { variables: parsed } : { error: 'a JSON object, please' };
    } catch (error) {
      return { error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const variables: JsonObject = {};
  for (const [i, line] of source.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `line ${i + 1}: write key: value` };
    const key = line.slice(0, colon).trim();
    const raw = line.slice(colon + 1).trim();
    let parsed: JsonValue = raw;
    if (raw !== '' && looksLikeJson(raw)) parsed = JSON.parse(raw) as JsonValue;
    variables[key] = parsed;
  }
  return { variables };
};

/** For the variables input: undefined when the text reads as variables. */
export const validateVariables = (value: unknown): string | undefined => {
  const result = parseVariables(value);
  return 'error' in result ? result.error : undefined;
};

export const toInventoryInput = (values: InventoryFormValues): InventoryInput => ({
  name: text(values.name),
  description: text(values.description) || null,
  sites: (values.sites ?? [])
    .filter((s): s is InventorySiteValues => s !== null)
    .map((s) => {
      const parsed = parseVariables(s.variables);
      return {
        name: text(s.name),
        providerId: text(s.providerId),
        hosts: (s.hosts ?? []).map(text).filter(Boolean),
        variables: 'variables' in parsed ? parsed.variables : null,
      };
    }),
});

/** The server's `sites` message goes under the sites (a field of its own: see InventoryForm). */
export const placeInventoryErrors = (errors: Record<string, unknown>): Record<string, unknown> => {
  const placed: Record<string, unknown> = {};
  // "is taken" under the name reads "Name is taken".
  for (const [key, message] of Object.entries(errors))
    placed[key === 'sites' ? 'sitesError' : key] = key === 'name' && typeof message === 'string' ? withSubject('Name', message) : message;
  return placed;
};
