import { Allow } from '../access/allow.decorator.js';
import { permissionsOf } from '../access/permissions.js';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserModel } from '../users/models/user.model.js';
import { ClientIp, CurrentPrincipal, CurrentUser, Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { ApiTokenModel, CreatedApiTokenModel } from './models/api-token.model.js';
import { AuthPayloadModel } from './models/auth-payload.model.js';
import type { Principal } from './principal.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Exchange a username and password for a bearer token (a session). One login per request; attempts are limited per address and failures per user name (TOO_MANY_REQUESTS says when to try again).',
  })
  login(@Args('username') username: string, @Args('password') password: string, @ClientIp() ip: string): Promise<AuthPayloadModel> {
    return this.auth.login(username, password, ip);
  }

  @Allow('self:read')
  @Mutation(() => Boolean, { description: 'End the session this request carries: its token stops working at once, and its subscriptions end.' })
  logout(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    return this.auth.logout(principal);
  }

  @Allow('self:read')
  @Query(() => [String], {
    description: "What the caller may do with this token: the permissions of their roles (narrowed by the token's scopes). The UI shows only what they allow.",
  })
  myPermissions(@CurrentPrincipal() principal: Principal): string[] {
    return permissionsOf(principal.rights);
  }

  @Allow('self:read')
  @Query(() => UserModel, { description: 'The user the token belongs to.' })
  me(@CurrentUser() user: UserModel): UserModel {
    return user;
  }

  @Allow('self:write')
  @Mutation(() => CreatedApiTokenModel, {
    description: 'Create a named API token for scripts and `git push`; the token is returned once. It expires (by default after API_TOKEN_TTL_DAYS, 90).',
  })
  createApiToken(
    @CurrentPrincipal() principal: Principal,
    @Args('name') name: string,
    @Args('expiresInDays', {
      type: () => Int,
      nullable: true,
      description: 'Days until it expires (1 to 3650); leave empty for the default (API_TOKEN_TTL_DAYS, 90).',
    })
    expiresInDays?: number | null,
    @Args('scopes', {
      type: () => [String],
      nullable: true,
      description: 'What it may be used for: read, order, git:read, git:push, admin. Leave empty for all of them. It never allows more than your roles do.',
    })
    scopes?: string[] | null,
  ): Promise<CreatedApiTokenModel> {
    return this.auth.createApiToken(principal.user.id, name, expiresInDays, scopes, principal.rights.scopes);
  }

  @Allow('self:read')
  @Query(() => [ApiTokenModel], { description: "The current user's API tokens, newest first (never the tokens themselves)." })
  apiTokens(@CurrentUser() user: UserModel): Promise<ApiTokenModel[]> {
    return this.auth.listApiTokens(user.id);
  }

  @Allow('self:write')
  @Mutation(() => Boolean, { description: 'Revoke one of your API tokens; it stops working at once.' })
  revokeApiToken(@CurrentUser() user: UserModel, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeApiToken(user.id, id);
  }
}
