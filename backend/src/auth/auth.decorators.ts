import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Permission, reachWith, tenantsWith } from '../access/permissions.js';
import { validationFailed } from '../common/app-error.js';
import type { UserModel } from '../users/models/user.model.js';
import type { Principal } from './principal.js';

export const IS_PUBLIC = 'superfluid:isPublic';
/** Marks an operation that needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface GqlContext {
  req?: { headers: Record<string, string | string[] | undefined> };
  connectionParams?: Record<string, unknown>;
  /** The client's address (Express's req.ip, which honours TRUST_PROXY), for the sign-in limits. */
  ip?: string;
  user?: UserModel;
  /** The token the operation came with and whom it acts for. */
  principal?: Principal;
}

/** The authenticated user of the current GraphQL operation. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserModel => {
  const user = GqlExecutionContext.create(ctx).getContext<GqlContext>().user;
  if (!user) throw new Error('CurrentUser used on an operation without authentication');
  return user;
});

/** The principal (user and token) of the current GraphQL operation. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = GqlExecutionContext.create(ctx).getContext<GqlContext>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an operation without authentication');
  return principal;
});

/** The client's address, for the sign-in limits. */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string => GqlExecutionContext.create(ctx).getContext<GqlContext>().ip ?? '');

/**
 * Whose requests, services and jobs the caller may see and act on: everyone's (the
 * permission requests:all) or only their own.
 */
export interface Viewer {
  userId: string;
  /** The caller's own tenant: what they order belongs to it. */
  tenantId: string;
  /** The tenants whose requests and services they may see and act on (requests:all), besides their own. */
  tenants: string[];
  /** Their groups: they see and act on the requests and services shared with one (an item with `visibility: group`). */
  groups: string[];
}

export const viewerOf = (principal: Principal): Viewer => ({
  userId: principal.user.id,
  tenantId: principal.user.tenant.id,
  tenants: tenantsWith(principal.rights, 'requests:all'),
  groups: principal.user.groups.map((g) => g.id),
});

/**
 * Where a caller has a permission: the tenants in which they have it, and `reach`, those
 * tenants with their ancestors (something shared with a tenant is shared with the tenants
 * below it). A record of one of `tenants`, or shared with one of `reach`, is theirs to use.
 */
export interface TenantScope {
  tenants: string[];
  reach: string[];
  /** The caller's own tenant: where what they create goes unless they say otherwise. */
  home: string;
}

/** Whether a record of `tenantId` is in the scope (one of its tenants). */
export const inScope = (scope: TenantScope | undefined, tenantId: string): boolean => !scope || scope.tenants.includes(tenantId);

/** The tenant a new record goes to: the one asked for (which must be in the scope), or the caller's own. */
export function tenantFor(scope: TenantScope | undefined, asked: string | null | undefined, fallback: string): string {
  const tenantId = asked ?? scope?.home ?? fallback;
  if (scope && !scope.tenants.includes(tenantId)) {
    throw validationFailed(
      asked ? 'You may not create this in that tenant.' : 'You may not create this in your own tenant: choose a tenant where your role allows it.',
      {
        tenantId: 'is not a tenant where your role allows this',
      },
    );
  }
  return tenantId;
}

export const scopeOf = (principal: Principal, permission: Permission): TenantScope => ({
  home: principal.user.tenant.id,
  tenants: tenantsWith(principal.rights, permission),
  reach: reachWith(principal.rights, permission),
});

/** The TenantScope of the current GraphQL operation's caller for `permission`. */
export const InTenants = createParamDecorator((permission: Permission, ctx: ExecutionContext): TenantScope => {
  const principal = GqlExecutionContext.create(ctx).getContext<GqlContext>().principal;
  if (!principal) throw new Error('InTenants used on an operation without authentication');
  return scopeOf(principal, permission);
});

/** Which catalog items a caller may see. */
export type CatalogViewer = TenantScope;
export const CurrentCatalogViewer = () => InTenants('catalog:read');

/** The Viewer of the current GraphQL operation. */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer => {
  const principal = GqlExecutionContext.create(ctx).getContext<GqlContext>().principal;
  if (!principal) throw new Error('CurrentViewer used on an operation without authentication');
  return viewerOf(principal);
});

/** True when the viewer may see a record owned by `ownerId` in `tenantId`, shared with `groupIds`. */
export const sees = (viewer: Viewer | undefined, ownerId: string, tenantId: string, groupIds: readonly string[] = []): boolean =>
  !viewer || viewer.userId === ownerId || viewer.tenants.includes(tenantId) || groupIds.some((g) => viewer.groups.includes(g));
