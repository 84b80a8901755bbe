import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { permissionsOfRole, ROLE_DESCRIPTIONS, ROLES } from '../access/permissions.js';
import { CurrentUser, InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { CreateUserInput, GroupInput, UpdateUserInput } from './dto/user.inputs.js';
import { GroupModel, RoleInfoModel, UserModel } from './models/user.model.js';
import { UsersService } from './users.service.js';

@Resolver()
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Allow('users:read')
  @Query(() => [UserModel], { description: 'Every user, by user name.' })
  users(@InTenants('users:read') scope: TenantScope): Promise<UserModel[]> {
    return this.service.list(scope);
  }

  @Allow('users:read')
  @Query(() => UserModel, { nullable: true })
  user(@InTenants('users:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<UserModel | null> {
    return this.service.findById(id, scope);
  }

  @Allow('users:write')
  @Mutation(() => UserModel, { description: 'Add a user; they must change the password you set at their first sign-in.' })
  createUser(@InTenants('users:write') scope: TenantScope, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return this.service.create(input, scope);
  }

  @Allow('users:write')
  @Mutation(() => UserModel, { description: 'Change a user: name, e-mail, groups, disabled. CONFLICT when no enabled administrator would remain.' })
  updateUser(
    @InTenants('users:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
  ): Promise<UserModel> {
    return this.service.update(id, input, scope);
  }

  @Allow('users:write')
  @Mutation(() => Boolean, { description: 'Delete a user without records (CONFLICT otherwise: disable them); never the last administrator.' })
  deleteUser(@InTenants('users:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(id, scope);
  }

  @Allow('users:write')
  @Mutation(() => UserModel, { description: "Set a user's password: their sessions end, and they must change it at their next sign-in." })
  resetUserPassword(
    @InTenants('users:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('password') password: string,
  ): Promise<UserModel> {
    return this.service.resetPassword(id, password, scope);
  }

  @Allow('self:write')
  @Mutation(() => UserModel, { description: 'Change your own password (at least 10 characters, not a common password).' })
  changePassword(
    @CurrentUser() user: UserModel,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<UserModel> {
    return this.service.changePassword(user.id, currentPassword, newPassword);
  }

  @Allow('users:read')
  @Query(() => [GroupModel], { description: 'Every group, by name, with its roles and members.' })
  groups(@InTenants('users:read') scope: TenantScope): Promise<GroupModel[]> {
    return this.service.listGroups(scope);
  }

  @Allow('users:read')
  @Query(() => GroupModel, { nullable: true })
  group(@InTenants('users:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<GroupModel | null> {
    return this.service.findGroup(id, scope);
  }

  @Allow('users:write')
  @Mutation(() => GroupModel)
  createGroup(@InTenants('users:write') scope: TenantScope, @Args('input') input: GroupInput): Promise<GroupModel> {
    return this.service.saveGroup(null, input, scope);
  }

  @Allow('users:write')
  @Mutation(() => GroupModel, { description: 'Change a group (its roles and members too). CONFLICT when no enabled administrator would remain.' })
  updateGroup(@InTenants('users:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string, @Args('input') input: GroupInput): Promise<GroupModel> {
    return this.service.saveGroup(id, input, scope);
  }

  @Allow('users:write')
  @Mutation(() => Boolean, { description: 'Delete a group (its members lose its roles). CONFLICT when no enabled administrator would remain.' })
  deleteGroup(@InTenants('users:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.deleteGroup(id, scope);
  }

  @Allow('self:read')
  @Query(() => [RoleInfoModel], { description: 'The roles a group can grant, and what each allows.' })
  roles(): RoleInfoModel[] {
    return ROLES.map((name) => ({
      name,
      description: ROLE_DESCRIPTIONS[name],
      permissions: permissionsOfRole(name),
    }));
  }
}
