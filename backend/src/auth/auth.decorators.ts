import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { UserModel } from '../users/models/user.model.js';

export const IS_PUBLIC = 'superfluid:isPublic';
/** Marks an operation that needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface GqlContext {
  req?: { headers: Record<string, string | string[] | undefined> };
  connectionParams?: Record<string, unknown>;
  user?: UserModel;
}

/** The authenticated user of the current GraphQL operation. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserModel => {
  const user = GqlExecutionContext.create(ctx).getContext<GqlContext>().user;
  if (!user) throw new Error('CurrentUser used on an operation without authentication');
  return user;
});
