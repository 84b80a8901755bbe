/** Error codes that clients can switch on; they reach GraphQL as `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  CONFLICT = 'CONFLICT',
  UNAVAILABLE = 'UNAVAILABLE',
  /** A part the portal depends on (PostgreSQL, Redis) cannot be reached right now: retry soon. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The operation exceeds a limit of the API (depth, aliases, cost): ask for less at once. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Too many attempts (sign-ins): wait before trying again. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** An order would take a tenant's or a user's use of a dimension above its quota. */
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
}

/**
 * An expected failure with a message a user can act on. Each domain module throws these
 * (never raw errors) for anything the caller did wrong or can fix.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable details, e.g. `{ fields: { name: 'is required' } }`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) => new AppError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`);

export const validationFailed = (message: string, fields?: Record<string, string>) =>
  new AppError(ErrorCode.VALIDATION_FAILED, message, fields ? { fields } : {});

/** A temporary outage: the message says to try again, `retryable` says so to programs. */
export const serviceUnavailable = (message = 'The portal cannot reach its database right now: try again in a few seconds.') =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, { retryable: true });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
