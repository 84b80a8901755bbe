import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserModel } from '../users/models/user.model.js';
import { CurrentUser, Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
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
}
