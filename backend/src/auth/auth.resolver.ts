import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserModel } from '../users/models/user.model.js';
import { CurrentUser, Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { ApiTokenModel, CreatedApiTokenModel } from './models/api-token.model.js';
import { AuthPayloadModel } from './models/auth-payload.model.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Exchange a username and password for a bearer token.' })
  login(@Args('username') username: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    return this.auth.login(username, password);
  }

  @Query(() => UserModel, { description: 'The user the token belongs to.' })
  me(@CurrentUser() user: UserModel): UserModel {
    return user;
  }

  @Mutation(() => CreatedApiTokenModel, { description: 'Create a named API token for scripts and `git push`; the token is returned once.' })
  createApiToken(
    @CurrentUser() user: UserModel,
    @Args('name') name: string,
    @Args('expiresInDays', { type: () => Int, nullable: true, description: 'Leave empty for a token valid until revoked.' }) expiresInDays?: number | null,
  ): Promise<CreatedApiTokenModel> {
    return this.auth.createApiToken(user.id, name, expiresInDays);
  }

  @Query(() => [ApiTokenModel], { description: "The current user's API tokens, newest first (never the tokens themselves)." })
  apiTokens(@CurrentUser() user: UserModel): Promise<ApiTokenModel[]> {
    return this.auth.listApiTokens(user.id);
  }

  @Mutation(() => Boolean, { description: 'Revoke one of your API tokens; it stops working at once.' })
  revokeApiToken(@CurrentUser() user: UserModel, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeApiToken(user.id, id);
  }
}
