import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { TenantInput } from './dto/tenant.input.js';
import { TenantModel } from './models/tenant.model.js';
import { TenantsService } from './tenants.service.js';

@Resolver(() => TenantModel)
export class TenantsResolver {
  constructor(private readonly service: TenantsService) {}

  @Allow('self:read')
  @Query(() => [TenantModel], { description: 'Every tenant, by name (a tree: see parentId).' })
  async tenants(@InTenants('self:read') scope: TenantScope): Promise<TenantModel[]> {
    // The tenants where the caller has a role, those below them, and those above (to share with).
    return (await this.service.list()).filter((t) => scope.reach.includes(t.id));
  }

  @Allow('users:write')
  @Mutation(() => TenantModel, { description: 'Add a tenant under a parent (the root when left out).' })
  createTenant(@InTenants('users:write') scope: TenantScope, @Args('input') input: TenantInput): Promise<TenantModel> {
    return this.service.save(null, input, scope);
  }

  @Allow('users:write')
  @Mutation(() => TenantModel, { description: 'Rename or move a tenant (never under itself).' })
  updateTenant(
    @InTenants('users:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: TenantInput,
  ): Promise<TenantModel> {
    return this.service.save(id, input, scope);
  }

  @Allow('users:write')
  @Mutation(() => Boolean, { description: 'Delete an empty tenant; CONFLICT while anything belongs to it, and for the root.' })
  deleteTenant(@InTenants('users:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(id, scope);
  }
}
