import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { CurrentUser, CurrentViewer, InTenants, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import { ServiceConfigurationModel, ServicePlacementModel, ServiceRequestModel } from '../requests/models/service-request.model.js';
import { ServiceModel } from '../services/models/service.model.js';
import { UserModel } from '../users/models/user.model.js';
import { PlacementInput } from './dto/placement.input.js';
import { LifecycleService } from './lifecycle.service.js';

@Resolver(() => ServiceModel)
export class LifecycleResolver {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      "Retire a service: its retirement playbooks run in reverse order (a bundle's highest index first), each given the outputs its provisioning returned; the service is then marked retired.",
  })
  retireService(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The service.' }) id: string,
  ): Promise<ServiceRequestModel> {
    return this.lifecycle.retire(user, id, viewer);
  }

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      "Reconfigure a service: the fields its dialog marks reconfigurable take the values given (the others keep the service's; a secret sent back masked is kept), the whole is validated like an order, then the reconfigure playbooks run with the new variables and the outputs each item returned; the service takes the outputs they return.",
  })
  reconfigureService(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The service.' }) id: string,
    @Args('dialogValues', { type: () => GraphQLJSON, description: 'Field name → new value; fields left out keep their value.' }) dialogValues: unknown,
  ): Promise<ServiceRequestModel> {
    return this.lifecycle.reconfigure(user, id, dialogValues, viewer);
  }

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      "Heal a service: each deployed item's heal playbook runs (its provision playbook again where it has none) with the values the service has, on the same providers and sites, in index order; the service takes the outputs they return, and keeps its own if the heal fails.",
  })
  healService(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The service.' }) id: string,
  ): Promise<ServiceRequestModel> {
    return this.lifecycle.heal(user, id, viewer);
  }

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      'Migrate a service to other providers (a single playbook: its provider; a multi-site item: one or more sites): every item is provisioned again with the values the service has, the moved ones on their new providers, the others in place; then the moved ones are retired where they were, and the service takes the new outputs and providers. On failure the old placement is kept and what was put on the new providers is rolled back.',
  })
  migrateService(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @InTenants('order') scope: TenantScope,
    @Args('id', { type: () => ID, description: 'The service.' }) id: string,
    @Args('placements', { type: () => [PlacementInput], description: 'The new providers: one per site moved.' }) placements: PlacementInput[],
  ): Promise<ServiceRequestModel> {
    return this.lifecycle.migrate(user, id, placements, viewer, scope);
  }

  @Allow('order')
  @Mutation(() => Boolean, {
    description:
      'Delete a retired service: its record leaves the services list and no longer keeps its providers; the requests that made, changed and retired it stay, as does the audit trail.',
  })
  deleteService(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'The service (retired).' }) id: string): Promise<boolean> {
    return this.lifecycle.deleteService(id, viewer);
  }

  @Allow('services:force')
  @Mutation(() => ServiceModel, {
    description:
      'Force-retire a service whose target is gone (administrators): it is marked retired with no playbook run, and a finished retirement request records who did it and why.',
  })
  forceRetireService(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @InTenants('services:force') scope: TenantScope,
    @Args('id', { type: () => ID, description: 'The service.' }) id: string,
    @Args('reason', { description: 'Why: what is gone (required; kept in the request and the audit trail).' }) reason: string,
  ): Promise<ServiceModel> {
    return this.lifecycle.forceRetire(user, id, reason, viewer, scope);
  }

  @ResolveField(() => [String], {
    description: 'The playbooks a retirement would run, in their order (highest index first); none: retiring only marks it retired.',
  })
  retirementPlaybooks(@Parent() service: ServiceModel): Promise<string[]> {
    return this.lifecycle.retirementPlaybooks(service);
  }

  @ResolveField(() => [ServicePlacementModel], { description: 'Where it runs that migrateService can change (none: it cannot be moved, or is not active).' })
  async placements(@Parent() service: ServiceModel): Promise<ServicePlacementModel[]> {
    return (await this.lifecycle.placementsOf(service)).map((p) => ({
      site: p.site ?? null,
      providerId: p.providerId,
      providerTypes: p.providerTypes ?? null,
    }));
  }

  @ResolveField(() => ServiceConfigurationModel, { description: 'What it was ordered (or last reconfigured) with, and what of it can be reconfigured.' })
  configuration(@Parent() service: ServiceModel): Promise<ServiceConfigurationModel> {
    return this.lifecycle.configurationOf(service);
  }
}
