import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, ErrorCode } from '../common/app-error.js';
import { type GqlContext, IS_PUBLIC } from './auth.decorators.js';
import { AuthService } from './auth.service.js';

/** Bearer token from an HTTP header or from graphql-ws connection parameters. */
export function bearerToken(ctx: GqlContext): string | undefined {
  const header = ctx.req?.headers?.authorization ?? ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}

/** Every GraphQL operation needs a valid token, except those marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    if (ctx.user) return true;
    const token = bearerToken(ctx);
    if (!token) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Log in first: send "Authorization: Bearer <token>" from the login mutation.');
    const user = await this.auth.authenticate(token);
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Your token is unknown or expired: log in again.');
    ctx.user = user;
    return true;
  }
}
