import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AppError, ErrorCode } from '../common/app-error.js';
import { assertIdArgs } from '../common/id-args.js';
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

/**
 * Every GraphQL operation needs a valid token, except those marked @Public(); then its ID
 * arguments must be UUIDs (anything else names nothing: NOT_FOUND).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic) await this.authenticate(gql.getContext<GqlContext>());
    assertIdArgs(gql.getInfo<GraphQLResolveInfo>(), gql.getArgs<Record<string, unknown>>());
    return true;
  }

  private async authenticate(ctx: GqlContext): Promise<void> {
    if (ctx.user && ctx.principal) return;
    const token = bearerToken(ctx);
    if (!token) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Log in first: send "Authorization: Bearer <token>" from the login mutation.');
    const principal = await this.auth.principal(token);
    if (!principal) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Your token is unknown or expired: log in again.');
    ctx.user = principal.user;
    ctx.principal = principal;
  }
}
