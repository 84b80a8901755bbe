/**
 * What of a mutation's arguments the audit trail keeps: every argument name, and the
 * values that cannot be secrets. A value whose name looks like a secret is "[redacted]";
 * the `inputs` and `secrets` of a credential keep their field names only; dialog values
 * keep only their names (a dialog field may hold anything); a webhook endpoint's URL keeps its
 * origin only (chat services put their token in the path); long strings are cut.
 */

export const REDACTED = '[redacted]';
const SECRET_NAME = /password|secret|token|key|private|credential|passphrase/i;
const MAX_STRING = 200;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

/** Cut to `max` characters (marking the cut). */
export const truncate = (text: string, max = MAX_STRING): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The value with every leaf replaced by "[redacted]" (names kept). */
function redactLeaves(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return value;
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => redactLeaves(v, depth + 1));
  if (typeof value === 'object') return Object.fromEntries(Object.keys(value).map((k) => [k, redactLeaves((value as Record<string, unknown>)[k], depth + 1)]));
  return REDACTED;
}

function clean(name: string, value: unknown, operation: string, depth: number): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (SECRET_NAME.test(name)) return REDACTED;
  if (name === 'dialogValues') return value && typeof value === 'object' && !Array.isArray(value) ? { keys: Object.keys(value) } : REDACTED;
  if (/credential/i.test(operation) && (name === 'inputs' || name === 'secrets')) return redactLeaves(value, depth);
  if (/webhookendpoint|performancejob/i.test(operation) && name === 'url' && typeof value === 'string') return originOnly(value);
  if (depth > MAX_DEPTH) return '[too deep]';
  if (typeof value === 'string') return truncate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // A date that did not parse (GraphQL's DateTime turns 'x' into an invalid Date) is kept as what it is.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => clean(name, v, operation, depth + 1));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, clean(k, v, operation, depth + 1)]));
  }
  return REDACTED;
}

/** A URL's scheme, host and port, its path and query replaced by "…" (they may carry a token). */
function originOnly(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
  } catch {
    return REDACTED;
  }
}

/** The arguments of `operation` as the audit trail keeps them. */
export function auditDetails(operation: string, args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [name, clean(name, value, operation, 0)]));
}
