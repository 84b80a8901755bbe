import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { ErrorCode } from './app-error.js';
import { appErrorExtensions, classifyError } from './format-error.js';

/**
 * Every error of a resolver or controller passes here. In GraphQL, the error goes on to the
 * one formatter (`formatError`), which gives it its code: expected failures are answers, not
 * server faults, so Nest must not log them. Over plain HTTP (git remote, webhooks, health),
 * an AppError or an outage of the database (SERVICE_UNAVAILABLE, 503 with Retry-After) is
 * answered as JSON with the same code; anything else gets Nest's own handling.
 */
@Catch()
export class AppErrorFilter extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return error;
    if (host.getType() !== 'http' || error instanceof HttpException) return super.catch(error, host);
    const known = classifyError(error);
    if (!known) return super.catch(error, host);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return super.catch(error, host);
    const extensions = appErrorExtensions(known);
    if (known.code === ErrorCode.SERVICE_UNAVAILABLE) res.setHeader('Retry-After', '5');
    res.status(extensions.status as number).json({ message: known.message, ...extensions });
    return undefined;
  }
}
