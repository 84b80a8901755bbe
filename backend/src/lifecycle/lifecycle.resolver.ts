import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { CurrentUser, CurrentViewer, InTenants, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import { ServiceConfigurationModel, ServiceRequestModel } from '../requests/models/service-request.model.js';
import { ServiceModel } from '../services/models/service.model.js';
import { UserModel } from '../users/models/user.model.js';
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

  @ResolveField(() => ServiceConfigurationModel, { description: 'What it was ordered (or last reconfigured) with, and what of it can be reconfigured.' })
  configuration(@Parent() service: ServiceModel): Promise<ServiceConfigurationModel> {
    return this.lifecycle.configurationOf(service);
  }
}
