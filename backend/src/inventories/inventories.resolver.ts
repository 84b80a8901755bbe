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
  inventories(): Promise<InventoryModel[]> {
    return this.service.list();
  }

  @Allow('providers:read')
  @Query(() => InventoryModel, { nullable: true })
  inventory(@Args('id', { type: () => ID }) id: string): Promise<InventoryModel> {
    return this.service.get(id);
  }

  @Allow('providers:write')
  @Mutation(() => InventoryModel, {
    description: 'Create a multi-site inventory; it is rendered and parsed by ansible-inventory first, nothing stored when it fails.',
  })
  createInventory(@Args('input') input: InventoryInput): Promise<InventoryModel> {
    return this.service.create(input);
  }

  @Allow('providers:write')
  @Mutation(() => InventoryModel)
  updateInventory(@Args('id', { type: () => ID }) id: string, @Args('input') input: InventoryInput): Promise<InventoryModel> {
    return this.service.update(id, input);
  }

  @Allow('providers:write')
  @Mutation(() => Boolean, { description: 'Delete an inventory; CONFLICT while catalog items use it.' })
  deleteInventory(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(id);
  }

  @ResolveField(() => GraphQLJSON, { description: 'The inventory a run gets: one group per site with its hosts and connection variables (never a secret).' })
  rendered(@Parent() inventory: InventoryModel): Promise<object> {
    return this.service.rendered(inventory.id);
  }
}
