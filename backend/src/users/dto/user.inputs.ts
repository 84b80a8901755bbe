import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreateUserInput {
  @Field({ description: 'Letters, digits, ".", "_", "-" and "@"; 1 to 64 characters; unique.' }) username: string;
  @Field({ description: 'At least 10 characters, not a common password. The user must change it at first sign-in.' }) password: string;
  @Field({ nullable: true }) displayName?: string;
  @Field({ nullable: true }) email?: string;
  @Field(() => [ID], { nullable: true, description: 'The groups to put the user in (their roles are the user’s).' }) groupIds?: string[];
  @Field(() => ID, { nullable: true, description: 'The tenant the user belongs to (the root when left out).' }) tenantId?: string;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true }) displayName?: string;
  @Field({ nullable: true }) email?: string;
  @Field({ nullable: true, description: 'Disable (true) or enable (false); a disabled user’s tokens stop working at once.' }) disabled?: boolean;
  @Field(() => [ID], { nullable: true, description: 'The groups the user belongs to (replaces the list).' }) groupIds?: string[];
  @Field(() => ID, { nullable: true, description: 'Move the user to another tenant (their earlier requests stay where they were made).' }) tenantId?: string;
}

@InputType()
export class GroupInput {
  @Field({ description: '1 to 100 characters; unique.' }) name: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => [String], { description: 'Roles its members get: administrator, operator, designer, approver, requester, auditor.' }) roles: string[];
  @Field(() => [ID], { nullable: true, description: 'Its members (replaces the list).' }) memberIds?: string[];
  @Field(() => ID, { nullable: true, description: 'The tenant its roles apply in, with every tenant below (the root when left out).' }) tenantId?: string;
}
