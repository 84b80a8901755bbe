import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { reachWith, tenantsWith } from '../access/permissions.js';
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
}

export const viewerOf = (principal: Principal): Viewer => ({
  userId: principal.user.id,
  tenantId: principal.user.tenant.id,
  tenants: tenantsWith(principal.rights, 'requests:all'),
});

/** Which catalog items a caller may see: those of `tenants`, and those shared with a tenant of `reach` (theirs and their ancestors). */
export interface CatalogViewer {
  tenants: string[];
  reach: string[];
}

/** The CatalogViewer of the current GraphQL operation. */
export const CurrentCatalogViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): CatalogViewer => {
  const principal = GqlExecutionContext.create(ctx).getContext<GqlContext>().principal;
  if (!principal) throw new Error('CurrentCatalogViewer used on an operation without authentication');
  return { tenants: tenantsWith(principal.rights, 'catalog:read'), reach: reachWith(principal.rights, 'catalog:read') };
});

/** The Viewer of the current GraphQL operation. */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer => {
  const principal = GqlExecutionContext.create(ctx).getContext<GqlContext>().principal;
  if (!principal) throw new Error('CurrentViewer used on an operation without authentication');
  return viewerOf(principal);
});

/** True when the viewer may see a record owned by `ownerId`. */
export const sees = (viewer: Viewer | undefined, ownerId: string, tenantId: string): boolean =>
  !viewer || viewer.userId === ownerId || viewer.tenants.includes(tenantId);
