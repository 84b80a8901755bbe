import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

/** What every log line written inside a context carries (undefined fields are left out). */
export interface LogFields {
  /** The correlation id: the HTTP request's id, carried on to the queue jobs it causes. */
  reqId?: string;
  [field: string]: string | number | undefined;
}

const correlation = new AsyncLocalStorage<{ reqId?: string }>();

/** The correlation id of the HTTP request or queue job this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return correlation.getStore()?.reqId;
}

/** Runs `fn` with `reqId` as the current correlation id (the HTTP side: the logger's own context is pino-http's). */
export function withRequestId<T>(reqId: string, fn: () => T): T {
  return correlation.run({ reqId }, fn);
}

/**
 * A logging context for work that does not come from an HTTP request (a queue job): every line
 * logged inside `fn` — through Nest's Logger too — carries `fields`, and `currentRequestId()`
 * answers its `reqId`, so the jobs it queues carry it on.
 */
@Injectable()
export class LogContext {
  constructor(private readonly pino: PinoLogger) {}

  run<T>(fields: LogFields, fn: () => T): T {
    const bindings = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return correlation.run({ reqId: fields.reqId }, () => this.pino.runInContext(fn, { bindings }));
  }
}
