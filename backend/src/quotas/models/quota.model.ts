import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { TenantRefModel } from '../../tenants/models/tenant.model.js';
import { UserRefModel } from '../../users/models/user.model.js';

@ObjectType('Quota', { description: 'A limit on what a tenant (with the tenants below it) or a user may hold, and how much of it is used.' })
export class QuotaModel {
  @Field(() => ID) id: string;
  @Field(() => TenantRefModel, { nullable: true, description: 'A tenant’s quota: what it and every tenant below it hold counts.' })
  tenant: TenantRefModel | null;
  @Field(() => UserRefModel, { nullable: true, description: 'A user’s quota: what they ordered counts.' }) user: UserRefModel | null;
  @Field({
    description:
      'services (active services and orders that will make one), requests_per_day (orders of the last 24 hours), or a dimension catalog items declare (vcpus, memory_gb...).',
  })
  dimension: string;
  @Field(() => Float) limit: number;
  @Field(() => Float, { description: 'How much is used now (orders waiting for approval or running included).' }) used: number;
}

@InputType('QuotaInput')
export class QuotaInput {
  @Field(() => ID, { nullable: true, description: 'A tenant’s quota (set by an administrator of the tenant above it; the root’s by a root administrator).' })
  tenantId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Or a user’s quota.' }) userId?: string | null;
  @Field() dimension: string;
  @Field(() => Float, { description: '0 or more; an order that would take the use above it is refused (QUOTA_EXCEEDED).' }) limit: number;
}
