import { Global, Inject, type MiddlewareConsumer, Module, type NestModule, type OnModuleInit } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LogContext, withRequestId } from './log-context.js';
import { pinoLevel, pinoParams } from './pino-options.js';
import { assignRequestId } from './request-id.js';

/**
 * Logs: one JSON line per event through pino (nestjs-pino routes Nest's Logger to it, see
 * main.ts), each line of an HTTP request or of a queue job carrying the request id (`reqId`)
 * that follows an order to its jobs. Secrets are redacted (pino-options.ts).
 */
@Global()
@Module({
  imports: [LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => pinoParams(config) })],
  providers: [LogContext],
  exports: [LogContext],
})
export class LoggingModule implements NestModule, OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * nestjs-pino keeps one root logger per process, made with the first app's settings: a later
   * app in the same process (integration tests start several) sets its own level on it.
   */
  onModuleInit(): void {
    PinoLogger.root.level = pinoLevel(this.config.logLevel);
  }

  /** Every HTTP request gets its id (the caller's x-request-id, or a new one), the current correlation id while it is handled. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: Request, res: Response, next: NextFunction) => withRequestId(assignRequestId(req as Request & { id?: unknown }, res), next))
      .forRoutes('{/*splat}');
  }
}
