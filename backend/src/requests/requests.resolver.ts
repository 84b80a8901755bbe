import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ServiceTemplateModel } from '../catalog/models/service-template.model.js';
import { JobsService } from '../jobs/jobs.service.js';
import { JobModel } from '../jobs/models/job.model.js';
import { ServiceModel } from '../services/models/service.model.js';
import { ServicesService } from '../services/services.service.js';
import { UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { OrderServiceInput } from './dto/order-service.input.js';
import { GraphQLJSON } from 'graphql-type-json';
import { RequestItemModel, RequestMachineModel, RequestTransitionModel, ServiceConfigurationModel, ServiceRequestModel } from './models/service-request.model.js';
import { isBundlePlan } from './service-request.entity.js';
import { StateMachineRunner } from './state-machine.runner.js';
import { RequestStreamsService } from './request-streams.service.js';
import { RequestsService } from './requests.service.js';

@Resolver(() => ServiceRequestModel)
export class RequestsResolver {
  constructor(
    private readonly requests: RequestsService,
    private readonly streams: RequestStreamsService,
    private readonly catalog: CatalogService,
    private readonly jobService: JobsService,
    private readonly serviceService: ServicesService,
    private readonly users: UsersService,
    private readonly machines: StateMachineRunner,
  ) {}

  @Mutation(() => ServiceRequestModel, {
    description:
      "Run a failed bundle request again from the state that failed, after its cause was fixed: failed items run again, succeeded ones are kept, and the same commits are used.",
  })
  resumeServiceRequest(@CurrentUser() user: UserModel, @Args('id', { type: () => ID }) id: string): Promise<ServiceRequestModel> {
    return this.machines.resume(user, id);
  }

  @Mutation(() => ServiceRequestModel, {
    description:
      'Retire a service: its retirement playbooks run in reverse order (a bundle\'s highest index first), each given the outputs its provisioning returned; the service is then marked retired.',
  })
  retireService(@CurrentUser() user: UserModel, @Args('id', { type: () => ID, description: 'The service.' }) id: string): Promise<ServiceRequestModel> {
    return this.requests.retire(user, id);
  }

  @Mutation(() => ServiceRequestModel, {
    description:
      "Reconfigure a service: the fields its dialog marks reconfigurable take the values given (the others keep the service's; a secret sent back masked is kept), the whole is validated like an order, then the reconfigure playbooks run with the new variables and the outputs each item returned; the service takes the outputs they return.",
  })
  reconfigureService(
    @CurrentUser() user: UserModel,
    @Args('id', { type: () => ID, description: 'The service.' }) id: string,
    @Args('dialogValues', { type: () => GraphQLJSON, description: 'Field name → new value; fields left out keep their value.' }) dialogValues: unknown,
  ): Promise<ServiceRequestModel> {
    return this.requests.reconfigure(user, id, dialogValues);
  }

  @ResolveField(() => [RequestItemModel], { description: 'Bundles: the child items, by index.' })
  async items(@Parent() request: ServiceRequestModel): Promise<RequestItemModel[]> {
    return (await this.requests.items(request.id)).map((i) => ({
      id: i.id,
      name: i.name,
      index: i.index,
      status: i.status,
      jobId: i.jobId,
      playbook: i.plan.playbook,
      commit: i.plan.commit,
      site: i.plan.site ?? null,
      outputs: i.outputs,
      message: i.message,
      startedAt: i.startedAt,
      finishedAt: i.finishedAt,
    }));
  }

  @ResolveField(() => RequestMachineModel, { nullable: true, description: 'Bundles: the state machine the request follows (pinned when it was ordered), and what it does.' })
  async machine(@Parent() request: ServiceRequestModel): Promise<RequestMachineModel | null> {
    const full = await this.requests.load(request.id);
    if (!full || !isBundlePlan(full.plan)) return null;
    const plan = full.plan;
    return {
      name: plan.machine.name,
      states: plan.machine.states.map((s) => ({ name: s.name, method: s.method })),
      action: plan.action ?? 'provision',
      serviceId: plan.serviceId ?? null,
      rollbackOf: plan.rollbackOf ?? null,
      onFailure: plan.onFailure ?? 'keep',
    };
  }

  @ResolveField(() => [RequestTransitionModel], { description: "Bundles: the state machine's history, oldest first." })
  transitions(@Parent() request: ServiceRequestModel): Promise<RequestTransitionModel[]> {
    return this.requests.transitions(request.id);
  }

  @Mutation(() => ServiceRequestModel, { description: 'Order a catalog item: validate the dialog values, store the request, queue it.' })
  orderService(@CurrentUser() user: UserModel, @Args('input') input: OrderServiceInput): Promise<ServiceRequestModel> {
    return this.requests.order(user, input);
  }

  @Mutation(() => ServiceRequestModel, {
    description:
      'Cancel a request that has not started yet (pending or queued): it ends canceled and nothing of it runs. CONFLICT once it runs (cancel its job instead) or has ended.',
  })
  cancelServiceRequest(@CurrentUser() user: UserModel, @Args('id', { type: () => ID }) id: string): Promise<ServiceRequestModel> {
    return this.requests.cancel(user, id);
  }

  @Mutation(() => ServiceRequestModel, {
    description:
      'Order again what an ended request ordered (after a failure, a cancel or a dead worker): a new request with the same values and, unless latestCommit, the same commit.',
  })
  retryServiceRequest(
    @CurrentUser() user: UserModel,
    @Args('id', { type: () => ID }) id: string,
    @Args('latestCommit', { type: () => Boolean, defaultValue: false }) latestCommit: boolean,
  ): Promise<ServiceRequestModel> {
    return this.requests.retry(user, id, latestCommit);
  }

  @Query(() => [ServiceRequestModel], { description: 'Service requests, newest first.' })
  serviceRequests(
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<ServiceRequestModel[]> {
    return this.requests.list(skip, take);
  }

  @Query(() => ServiceRequestModel, { nullable: true })
  serviceRequest(@Args('id', { type: () => ID }) id: string): Promise<ServiceRequestModel> {
    return this.requests.get(id);
  }

  @Subscription(() => ServiceRequestModel, {
    description: 'The request now, then again at every change of status, until it finishes or fails.',
    resolve: (request: ServiceRequestModel) => request,
  })
  serviceRequestUpdated(@Args('id', { type: () => ID }) id: string): AsyncGenerator<ServiceRequestModel> {
    return this.streams.updates(id);
  }

  @ResolveField(() => Int, { nullable: true, description: 'While queued: 1 for the next request a worker takes, 2 after it, and so on.' })
  queuePosition(@Parent() request: ServiceRequestModel): Promise<number | null> | null {
    return request.status === 'queued' ? this.requests.queuePosition(request.id) : null;
  }

  @ResolveField(() => ServiceTemplateModel, { nullable: true })
  template(@Parent() request: ServiceRequestModel): Promise<ServiceTemplateModel | null> {
    return this.catalog.findById(request.templateId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  requester(@Parent() request: ServiceRequestModel): Promise<UserModel | null> {
    return this.users.findById(request.requesterId);
  }

  @ResolveField(() => [JobModel])
  jobs(@Parent() request: ServiceRequestModel): Promise<JobModel[]> {
    return this.jobService.listForRequest(request.id);
  }

  @ResolveField(() => ServiceModel, { nullable: true })
  async service(@Parent() request: ServiceRequestModel): Promise<ServiceModel | null> {
    return this.serviceService.forRequest(request.id);
  }
}

/** Links from other types back to their request; kept here so the other modules need not know requests. */
@Resolver(() => ServiceModel)
export class ServiceRequestLinkResolver {
  constructor(private readonly requests: RequestsService) {}

  @ResolveField(() => ServiceRequestModel, { nullable: true })
  request(@Parent() service: ServiceModel): Promise<ServiceRequestModel> {
    return this.requests.get(service.requestId);
  }

  @ResolveField(() => ServiceConfigurationModel, { description: 'What it was ordered (or last reconfigured) with, and what of it can be reconfigured.' })
  configuration(@Parent() service: ServiceModel): Promise<ServiceConfigurationModel> {
    return this.requests.configurationOf(service);
  }
}

@Resolver(() => JobModel)
export class JobRequestLinkResolver {
  constructor(private readonly requests: RequestsService) {}

  @ResolveField(() => ServiceRequestModel, { nullable: true })
  request(@Parent() job: JobModel): Promise<ServiceRequestModel> | null {
    return job.requestId ? this.requests.get(job.requestId) : null;
  }
}
