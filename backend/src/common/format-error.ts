import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './app-error.js';

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
      return 400;
    case ErrorCode.CONFLICT:
      return 409;
    case ErrorCode.UNAVAILABLE:
      return 503;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * The one place where errors become GraphQL errors. AppErrors keep their code and message;
 * Apollo's own coded errors (parse, validation, bad input) pass through; anything else is
 * logged and answered with a generic message, so internals never leak to clients.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, status: httpStatus(original.code), ...original.details },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal error: the server failed to answer this request; it has been logged.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
