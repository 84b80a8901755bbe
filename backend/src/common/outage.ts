/**
 * Tells a failure of the portal's own infrastructure — PostgreSQL or Redis down, restarting
 * or unreachable — from a fault of the code. An outage is answered SERVICE_UNAVAILABLE
 * (retryable): the same request succeeds once the server is back, so clients retry.
 */

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * PostgreSQL SQLSTATEs of a server that is going away or cannot take the connection:
 * class 08 (connection exception), admin/crash shutdown, "cannot connect now" (starting up or
 * shutting down) and too many connections.
 */
const PG_OUTAGE = (code: string) => code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';

/** What node-postgres and ioredis say when the connection is gone (they give no code). */
const OUTAGE_MESSAGES = [
  /Connection terminated/i,
  // TypeORM, once the pool is closed (the process is stopping): another process will answer.
  /Driver not Connected/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /Connection is closed\.?$/i,
  /Reached the max retries per request limit/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
];

interface MaybeCoded {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
  originalError?: unknown;
}

/** True when `err` (or what it wraps: TypeORM's driverError, a cause, an AggregateError's errors) is an outage. */
export function isOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as MaybeCoded;
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && PG_OUTAGE(e.code)))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && OUTAGE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  const inner = [e.driverError, e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => x !== err && isOutage(x, depth + 1));
}

/** True when PostgreSQL refused a value as a UUID: the id cannot name anything, so the answer is NOT_FOUND. */
export function isInvalidUuid(err: unknown): boolean {
  const e = err as MaybeCoded | null;
  const driver = (e?.driverError ?? e) as MaybeCoded | null;
  return driver?.code === '22P02' && typeof driver.message === 'string' && /invalid input syntax for type uuid/i.test(driver.message);
}
