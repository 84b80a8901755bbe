import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { validationFailed } from '../common/app-error.js';
import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { InventoriesService } from './inventories.service.js';
import { InventoryInput, InventoryModel } from './models/inventory.model.js';

@Resolver(() => InventoryModel)
export class InventoriesResolver {
  constructor(private readonly service: InventoriesService) {}

  @Allow('providers:read')
  @Query(() => [InventoryModel], { description: 'Multi-site inventories.' })
  inventories(@InTenants('providers:read') scope: TenantScope): Promise<InventoryModel[]> {
    return this.service.list(scope);
  }

  @Allow('providers:read')
  @Query(() => InventoryModel, { nullable: true })
  inventory(@InTenants('providers:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<InventoryModel> {
    return this.service.get(id, scope);
  }

  @Allow('providers:write')
  @Mutation(() => InventoryModel, {
    description: 'Create a multi-site inventory; it is rendered and parsed by ansible-inventory first, nothing stored when it fails.',
  })
  createInventory(@InTenants('providers:write') scope: TenantScope, @Args('input') input: InventoryInput): Promise<InventoryModel> {
    return this.service.create(input, scope);
  }

  @Allow('providers:write')
  @Mutation(() => InventoryModel)
  async updateInventory(
    @InTenants('providers:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: InventoryInput,
  ): Promise<InventoryModel> {
    await this.service.get(id, scope, true);
    if (input.tenantId) throw validationFailed('An inventory stays in its tenant.', { tenantId: 'cannot change' });
    return this.service.update(id, input);
  }

  @Allow('providers:write')
  @Mutation(() => Boolean, { description: 'Delete an inventory; CONFLICT while catalog items use it.' })
  async deleteInventory(@InTenants('providers:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.service.get(id, scope, true);
    return this.service.delete(id);
  }

  @Allow('providers:write')
  @Mutation(() => InventoryModel, {
    description: 'Share an inventory with these tenants (replacing its shares): their catalog items, and those of the tenants below them, may use it.',
  })
  shareInventory(
    @InTenants('providers:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('tenantIds', { type: () => [ID] }) tenantIds: string[],
  ): Promise<InventoryModel> {
    return this.service.share(id, tenantIds, scope);
  }

  @ResolveField(() => [ID], { description: 'The tenants it is shared with (besides its own).' })
  sharedWith(@Parent() inventory: InventoryModel): Promise<string[]> {
    return this.service.sharedWith(inventory.id);
  }

  @ResolveField(() => GraphQLJSON, { description: 'The inventory a run gets: one group per site with its hosts and connection variables (never a secret).' })
  rendered(@Parent() inventory: InventoryModel): Promise<object> {
    return this.service.rendered(inventory.id);
  }
}
