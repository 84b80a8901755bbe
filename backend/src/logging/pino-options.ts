import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/config.js';
import { assignRequestId } from './request-id.js';

/** LOG_LEVEL (Nest's names) → pino's. */
const LEVELS: Record<AppConfig['logLevel'], LevelWithSilent> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

export const pinoLevel = (level: AppConfig['logLevel']): LevelWithSilent => LEVELS[level];

/**
 * Never written, wherever they appear (pino's redaction; `*` is one level of nesting): the
 * headers that carry credentials, and any field named like a secret. GraphQL variables are
 * never logged at all (graphql-log.plugin.ts); their paths are listed too in case an error
 * object carries them.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'currentPassword', 'token', 'secret', 'authorization', 'cookie', 'variables'].flatMap((key) => [key, `*.${key}`]),
];

/** HTTP requests logged by pino-http, one line each as they end: the webhooks, the git remote, sign-in redirects. GraphQL has its own line (with the operation); health checks, scrapes and the UI's files none. */
const LOGGED_PATHS = /^\/(hooks|git|api|auth)(\/|$)/;

type Req = IncomingMessage & { id?: unknown; originalUrl?: string };

/** The path alone: a query string may carry a token (an OpenID Connect callback's `code`). */
const pathOf = (req: Req) => (req.originalUrl ?? req.url ?? '').split('?')[0];

/**
 * Where the lines go: stdout, as JSON lines, or through pino-pretty for a terminal
 * (LOG_FORMAT=pretty). Through process.stdout (synchronous on Linux for files, pipes and
 * terminals: nothing lost on a crash, nothing out of order), not around it to its file
 * descriptor, so that whatever taps process.stdout (a test) sees the lines too.
 */
export function logDestination(config: Pick<AppConfig, 'logFormat'>): DestinationStream {
  if (config.logFormat === 'pretty') {
    return pretty({ colorize: Boolean(process.stdout.isTTY), translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', destination: process.stdout });
  }
  return process.stdout;
}

/** The logger's settings: nestjs-pino's Params, whose pino-http instance is also the root logger of every line. */
export function pinoParams(config: Pick<AppConfig, 'logLevel' | 'logFormat' | 'role'>, destination: DestinationStream = logDestination(config)): Params {
  const options: Options<Req, ServerResponse> = {
    level: pinoLevel(config.logLevel),
    base: { pid: process.pid, role: config.role },
    timestamp: pino.stdTimeFunctions.isoTime,
    // JSON lines say "level":"info" (pino-pretty reads pino's numbers, which it colours).
    ...(config.logFormat === 'json' ? { formatters: { level: (label: string) => ({ level: label }) } } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    genReqId: (req, res) => assignRequestId(req, res),
    // Lines logged while a request is handled carry its id only (as reqId), not the whole request;
    // the line that ends it has the request too (as the serializer below writes it).
    quietReqLogger: true,
    serializers: {
      req: (req: Req) => ({ method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => !LOGGED_PATHS.test(pathOf(req)) },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  };
  return { pinoHttp: [options, destination] };
}
