import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header a caller (or a proxy in front) may name its request with; the answer carries the id used. */
export const REQUEST_ID_HEADER = 'x-request-id';

const VALID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's request id when it is one we keep (at most 64 of A-Z a-z 0-9 . _ -); null otherwise. */
export function validRequestId(value: unknown): string | null {
  return typeof value === 'string' && VALID.test(value) ? value : null;
}

/**
 * The id of an HTTP request: the caller's `x-request-id` when valid, a new UUID otherwise (an
 * invalid one is dropped, never logged: it could carry anything). Set on `req.id` and on the
 * answer's `x-request-id` header, once: later calls for the same request return the same id.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const id = validRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
