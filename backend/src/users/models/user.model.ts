import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '../../access/permissions.js';
import { TenantRefModel } from '../../tenants/models/tenant.model.js';

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() username: string;
  @Field({ description: 'A name to show; empty when not set.' }) displayName: string;
  @Field() email: string;
  @Field({ description: 'A disabled user cannot sign in; their tokens stop working.' }) disabled: boolean;
  @Field({ description: 'An administrator set the password: the user must change it before anything else.' }) mustChangePassword: boolean;
  @Field(() => [String], { description: 'The roles the user has through their groups.' }) roles: string[];
  @Field(() => [GroupRefModel], { description: 'The groups the user belongs to.' }) groups: GroupRefModel[];
  @Field(() => TenantRefModel, { description: 'The tenant the user belongs to: their requests and services belong to it.' }) tenant: TenantRefModel;
  @Field() createdAt: Date;
  /** Not in the API: each group's roles and tenant, from which the principal's rights are made. */
  grants: { roles: Role[]; tenantId: string }[];
}

@ObjectType('GroupRef')
export class GroupRefModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  /** Not in the API: the group's tenant (set on a user's groups). */
  tenantId?: string;
}

@ObjectType('Group')
export class GroupModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => [String], { description: 'The roles its members have: administrator, operator, designer, approver, requester, auditor.' }) roles: string[];
  @Field(() => [UserRefModel]) members: UserRefModel[];
  @Field(() => TenantRefModel, { description: 'Its roles apply in this tenant and every tenant below it.' }) tenant: TenantRefModel;
  @Field() createdAt: Date;
}

@ObjectType('UserRef')
export class UserRefModel {
  @Field(() => ID) id: string;
  @Field() username: string;
}

@ObjectType('RoleInfo')
export class RoleInfoModel {
  @Field() name: string;
  @Field() description: string;
  @Field(() => [String], { description: 'The permissions it gives (see README, "Users and roles").' }) permissions: string[];
}
