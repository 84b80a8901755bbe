import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PERMISSION } from '../access/allow.decorator.js';
import { can, type Permission } from '../access/permissions.js';
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

/** What a user who must change their password may still do. */
const BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'logout']);

/**
 * Every GraphQL operation needs a valid token, except those marked @Public(), and the
 * permission it declares with @Allow (deny by default: none declared, nobody may); then its
 * ID arguments must be UUIDs (anything else names nothing: NOT_FOUND).
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
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (!isPublic) {
      const ctx = gql.getContext<GqlContext>();
      await this.authenticate(ctx);
      const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION, [context.getHandler(), context.getClass()]);
      authorize(ctx, info.fieldName, permission);
    }
    assertIdArgs(info, gql.getArgs<Record<string, unknown>>());
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

/** FORBIDDEN unless the caller's roles and token carry the operation's permission. */
function authorize(ctx: GqlContext, operation: string, permission: Permission | undefined): void {
  const principal = ctx.principal!;
  if (principal.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(operation)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Change your password first (changePassword): an administrator set it.', { mustChangePassword: true });
  }
  if (!permission) throw new AppError(ErrorCode.FORBIDDEN, `"${operation}" says nobody may call it.`);
  if (!can(principal.rights, permission)) {
    const byScope = principal.rights.scopes !== null && can({ ...principal.rights, scopes: null }, permission);
    throw new AppError(
      ErrorCode.FORBIDDEN,
      byScope
        ? `This API token's scopes do not allow "${operation}" (it needs the scope that carries ${permission}): use a token with that scope.`
        : `You may not call "${operation}": it needs the permission ${permission}, which your roles (${principal.rights.roles.join(', ') || 'none'}) do not give. Ask an administrator.`,
      { permission },
    );
  }
}
