import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { CurrentUser, InTenants, type TenantScope } from '../auth/auth.decorators.js';
import type { UserModel } from '../users/models/user.model.js';
import { QuotaInput, QuotaModel } from './models/quota.model.js';
import { QuotasService } from './quotas.service.js';

@Resolver(() => QuotaModel)
export class QuotasResolver {
  constructor(private readonly service: QuotasService) {}

  @Allow('self:read')
  @Query(() => [QuotaModel], { description: 'The quotas on the caller’s orders (their own, their tenant’s and those above it), with the use now.' })
  myQuotas(@CurrentUser() user: UserModel): Promise<QuotaModel[]> {
    return this.service.mine(user, user.tenant.id);
  }

  @Allow('users:read')
  @Query(() => [QuotaModel], { description: 'A tenant’s quotas, or a user’s, with the use now.' })
  quotas(
    @InTenants('users:read') scope: TenantScope,
    @Args('tenantId', { type: () => ID, nullable: true }) tenantId: string | null,
    @Args('userId', { type: () => ID, nullable: true }) userId: string | null,
  ): Promise<QuotaModel[]> {
    return this.service.list({ tenantId, userId }, scope);
  }

  @Allow('users:write')
  @Mutation(() => QuotaModel, { description: 'Set a tenant’s or a user’s limit on a dimension (replacing the one there was).' })
  setQuota(@InTenants('users:write') scope: TenantScope, @Args('input') input: QuotaInput): Promise<QuotaModel> {
    return this.service.set(input, scope);
  }

  @Allow('users:write')
  @Mutation(() => Boolean, { description: 'Remove a limit.' })
  deleteQuota(@InTenants('users:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(id, scope);
  }
}
