import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, serviceUnavailable } from './app-error.js';
import { isInvalidUuid, isOutage } from './outage.js';

const logger = new Logger('GraphQL');

function httpStatus(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.QUERY_TOO_COMPLEX:
      return 400;
    case ErrorCode.CONFLICT:
    case ErrorCode.QUOTA_EXCEEDED:
      return 409;
    case ErrorCode.UNAVAILABLE:
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.TOO_MANY_REQUESTS:
      return 429;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * GraphQL's own input errors quote the value they refuse ("Variable "$i" got invalid value
 * { password: "..." }", "String cannot represent a non string value: ..."), and input
 * values may be secrets: keep the variable, the path and the reason, drop the value.
 * `inner` is the message of the coercion error that a variable error wraps.
 */
export function redactInputValues(message: string, inner?: string): string {
  const variable = /^Variable "\$(\w+)" got invalid value /.exec(message);
  if (variable) {
    const wrapped = inner !== undefined && inner !== message && message.endsWith(`; ${inner}`);
    const head = wrapped ? message.slice(0, -(inner.length + 2)) : message;
    // The value is printed JSON-quoted, so an unescaped ` at "path"` can only be the path.
    const at = / at "([\w.[\]]+)"$/.exec(head);
    return `Variable "$${variable[1]}" got an invalid value${at ? ` at "${at[1]}"` : ''}${wrapped ? `; ${redactInputValues(inner)}` : '.'}`;
  }
  return message
    .replace(/(Expected value of type "[^"]+"), found [\s\S]*$/, '$1.')
    .replace(/(cannot represent[^:]*value): [\s\S]*$/, '$1.')
    .replace(/^Value [\s\S]* does not exist in ("[^"]+" enum)\.[\s\S]*$/, 'The value does not exist in $1.');
}

/** Outages are logged once a while, not once per failed request: a 10 s database stop fails hundreds. */
let lastOutageLog = 0;

/**
 * What an unexpected error means to a client: a database or Redis outage is a retryable
 * SERVICE_UNAVAILABLE; PostgreSQL refusing a malformed id is NOT_FOUND (nothing has that id);
 * anything else stays unexpected (null). Used for GraphQL and HTTP alike.
 */
export function classifyError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isOutage(error)) {
    if (Date.now() - lastOutageLog > 5_000) {
      lastOutageLog = Date.now();
      logger.warn(`database or Redis unreachable, answering SERVICE_UNAVAILABLE: ${error instanceof Error ? error.message : String(error)}`);
    }
    return serviceUnavailable();
  }
  if (isInvalidUuid(error)) return new AppError(ErrorCode.NOT_FOUND, 'Nothing has this id: ids are UUIDs (such as 0b5c7d1e-8f0a-4c53-9d3e-2a6f1b7c8e90).');
  return null;
}

/** The extensions of an AppError: its code, its HTTP status and its details. */
export const appErrorExtensions = (error: AppError): Record<string, unknown> => ({ code: error.code, status: httpStatus(error.code), ...error.details });

/**
 * The one place where errors become GraphQL errors. AppErrors keep their code and message;
 * Apollo's own coded errors (parse, validation, bad input) pass through; an outage of the
 * database or Redis is SERVICE_UNAVAILABLE; anything else is logged and answered with a
 * generic message, so internals never leak to clients.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = error instanceof GraphQLError ? error.originalError : error;
  const original = classifyError(unwrapped) ?? unwrapped;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: appErrorExtensions(original),
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const inner = original instanceof Error && original !== error ? original.message : undefined;
    return { message: redactInputValues(formatted.message, inner), locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal error: the server failed to answer this request; it has been logged.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
