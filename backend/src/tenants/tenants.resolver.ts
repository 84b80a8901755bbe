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
  tenants(): Promise<TenantModel[]> {
    return this.service.list();
  }

  @Allow('users:write')
  @Mutation(() => TenantModel, { description: 'Add a tenant under a parent (the root when left out).' })
  createTenant(@Args('input') input: TenantInput): Promise<TenantModel> {
    return this.service.save(null, input);
  }

  @Allow('users:write')
  @Mutation(() => TenantModel, { description: 'Rename or move a tenant (never under itself).' })
  updateTenant(@Args('id', { type: () => ID }) id: string, @Args('input') input: TenantInput): Promise<TenantModel> {
    return this.service.save(id, input);
  }

  @Allow('users:write')
  @Mutation(() => Boolean, { description: 'Delete an empty tenant; CONFLICT while anything belongs to it, and for the root.' })
  deleteTenant(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(id);
  }
}
