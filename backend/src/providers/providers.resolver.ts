import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { validationFailed } from '../common/app-error.js';
import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { ProviderHealthModel, ProviderHostKeyModel, ProviderInput, ProviderModel } from './models/provider.model.js';
import type { PinnedHosts } from './host-keys.js';
import { ProvidersService } from './providers.service.js';

@Resolver(() => ProviderModel)
export class ProvidersResolver {
  constructor(private readonly service: ProvidersService) {}

  @Allow('providers:read')
  @Query(() => [ProviderModel])
  providers(@InTenants('providers:read') scope: TenantScope): Promise<ProviderModel[]> {
    return this.service.list(scope);
  }

  @Allow('providers:read')
  @Query(() => ProviderModel, { nullable: true })
  provider(@InTenants('providers:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<ProviderModel> {
    return this.service.get(id, scope);
  }

  @Allow('providers:read')
  @Query(() => [ProviderHealthModel], { description: 'Providers that went down or came back, newest first.' })
  providerAlarms(
    @InTenants('providers:read') scope: TenantScope,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<ProviderHealthModel[]> {
    return this.service.alarms(take, scope);
  }

  @Allow('providers:write')
  @Mutation(() => ProviderModel, { description: 'Register a provider; its settings and credentials are checked, nothing is stored when they are wrong.' })
  createProvider(@InTenants('providers:write') scope: TenantScope, @Args('input') input: ProviderInput): Promise<ProviderModel> {
    return this.service.create(input, scope);
  }

  @Allow('providers:write')
  @Mutation(() => ProviderModel)
  async updateProvider(
    @InTenants('providers:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ProviderInput,
  ): Promise<ProviderModel> {
    await this.service.get(id, scope, true);
    if (input.tenantId) throw validationFailed('A provider stays in its tenant: share it with others instead.', { tenantId: 'cannot change' });
    return this.service.update(id, input);
  }

  @Allow('providers:write')
  @Mutation(() => Boolean, {
    description:
      'Delete a provider; CONFLICT for local, for one an active service or an inventory uses, and for one any service was deployed on (a retired service keeps it for its history).',
  })
  async deleteProvider(@InTenants('providers:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.service.get(id, scope, true);
    return this.service.delete(id);
  }

  @Allow('providers:write')
  @Mutation(() => ProviderModel, { description: 'Check the provider now (the same check the monitor repeats).' })
  async checkProviderHealth(@InTenants('providers:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<ProviderModel> {
    await this.service.get(id, scope, true);
    return this.service.checkHealth(id);
  }

  @Allow('providers:write')
  @Mutation(() => ProviderModel, {
    description: 'Read what the provider holds now (Kubernetes: namespaces, deployments, services; OpenStack: Heat stacks, Nova servers).',
  })
  async refreshProviderResources(@InTenants('providers:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<ProviderModel> {
    await this.service.get(id, scope, true);
    return this.service.refreshResources(id);
  }

  @Allow('providers:write')
  @Mutation(() => ProviderModel, {
    description:
      'Accept new SSH host keys: forget the keys pinned for these hosts of an ssh provider (all of them when hosts is left out) and learn them again now. For a host that was reinstalled; until then a changed key fails every run and check.',
  })
  async acceptProviderHostKeys(
    @InTenants('providers:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('hosts', { type: () => [String], nullable: true, description: 'Host names of the provider; all when left out.' }) hosts?: string[] | null,
  ): Promise<ProviderModel> {
    await this.service.get(id, scope, true);
    return this.service.acceptHostKeys(id, hosts);
  }

  @ResolveField(() => [ProviderHostKeyModel], {
    description: 'ssh: the host key pinned for each host (learnt when created or at the first check that reached it); every connection checks it.',
  })
  hostKeys(@Parent() provider: ProviderModel & { hostKeys?: PinnedHosts }): ProviderHostKeyModel[] {
    return this.service.hostKeysOf(provider);
  }

  @ResolveField(() => [ProviderHealthModel], { description: 'Its latest health checks, newest first.' })
  healthHistory(@Parent() provider: ProviderModel, @Args('take', { type: () => Int, defaultValue: 50 }) take: number): Promise<ProviderHealthModel[]> {
    return this.service.healthHistory(provider.id, take);
  }

  @ResolveField(() => GraphQLJSON, {
    description: 'The inventory its runs get (credentials are files and variables of the run, never here: nothing is decrypted or written to show it).',
  })
  inventory(@Parent() provider: ProviderModel): Promise<object> {
    return this.service.inventoryFor(provider.id);
  }

  @Allow('providers:write')
  @Mutation(() => ProviderModel, {
    description: 'Share a provider with these tenants (replacing its shares): their orders, and those of the tenants below them, may run on it.',
  })
  shareProvider(
    @InTenants('providers:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('tenantIds', { type: () => [ID] }) tenantIds: string[],
  ): Promise<ProviderModel> {
    return this.service.share(id, tenantIds, scope);
  }

  @ResolveField(() => [ID], { description: 'The tenants it is shared with (besides its own).' })
  sharedWith(@Parent() provider: ProviderModel): Promise<string[]> {
    return this.service.sharedWith(provider.id);
  }
}
