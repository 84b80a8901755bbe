import { Logger } from '@nestjs/common';
import { AppError, ErrorCode, validationFailed } from '../common/app-error.js';
import { isOutage } from '../common/outage.js';
import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type CatalogViewer, CurrentCatalogViewer, CurrentUser, CurrentViewer, InTenants, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ServiceTemplateModel } from '../catalog/models/service-template.model.js';
import { JobsService } from '../jobs/jobs.service.js';
import { JobModel } from '../jobs/models/job.model.js';
import { ServiceModel } from '../services/models/service.model.js';
import { ServicesService } from '../services/services.service.js';
import { UserModel, UserRefModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { MAX_TAKE } from '../common/list-query.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { OrderServiceInput } from './dto/order-service.input.js';
import { ServiceRequestFilter, ServiceRequestSort } from './dto/request-list.input.js';
import { BulkOrderResultModel, type OrderErrorModel } from './models/bulk-order.model.js';
import { RequestFilterChoicesModel } from './models/request-filter-choices.model.js';
import {
  RequestActionEnum,
  RequestItemModel,
  RequestMachineModel,
  RequestOriginModel,
  RequestTransitionModel,
  ServiceRequestModel,
} from './models/service-request.model.js';
import type { RequestAction } from './service-request.entity.js';
import { RequestStore } from './request-store.js';
import { RequestStreamsService } from './request-streams.service.js';
import { RequestsService } from './requests.service.js';

/** The most orders one orderServices call takes. */
export const MAX_BULK_ORDERS = 100;

@Resolver(() => ServiceRequestModel)
export class RequestsResolver {
  private readonly logger = new Logger(RequestsResolver.name);

  constructor(
    private readonly requests: RequestsService,
    private readonly streams: RequestStreamsService,
    private readonly catalog: CatalogService,
    private readonly jobService: JobsService,
    private readonly serviceService: ServicesService,
    private readonly users: UsersService,
    private readonly store: RequestStore,
    private readonly tenants: TenantsService,
  ) {}

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      'Run a failed bundle request again from the state that failed, after its cause was fixed: failed items run again, succeeded ones are kept, and the same commits are used.',
  })
  resumeServiceRequest(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ServiceRequestModel> {
    return this.requests.resume(user, id, viewer);
  }

  @ResolveField(() => [RequestItemModel], { description: 'What it runs: one item for a single playbook (`main`), the child items of a bundle, by index.' })
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

  @ResolveField(() => RequestMachineModel, {
    nullable: true,
    description: 'The state machine the request follows (pinned when it was ordered), and what it does.',
  })
  async machine(@Parent() request: ServiceRequestModel): Promise<RequestMachineModel | null> {
    const full = await this.store.load(request.id);
    if (!full) return null;
    const plan = full.plan;
    return {
      name: plan.machine.name,
      states: plan.machine.states.map((s) => ({ name: s.name, method: s.method })),
      action: plan.action ?? 'provision',
      serviceId: plan.serviceId ?? plan.measure?.serviceId ?? null,
      rollbackOf: plan.rollbackOf ?? null,
      onFailure: plan.onFailure ?? 'keep',
    };
  }

  @ResolveField(() => RequestOriginModel, { nullable: true, description: 'The scheduled operation that started it; null: started by its requester.' })
  async scheduledBy(@Parent() request: ServiceRequestModel): Promise<RequestOriginModel | null> {
    const schedule = (await this.store.load(request.id))?.plan.schedule;
    return schedule ? { id: schedule.id, name: schedule.name } : null;
  }

  @ResolveField(() => [RequestTransitionModel], { description: "The state machine's history, oldest first." })
  transitions(@Parent() request: ServiceRequestModel): Promise<RequestTransitionModel[]> {
    return this.store.transitions(request.id);
  }

  @Allow('order')
  @Mutation(() => [BulkOrderResultModel], {
    description:
      `Orders up to ${MAX_BULK_ORDERS} items in one call (AWX's bulk launch), each exactly as orderService would, one after the other: ` +
      'every order is stored or refused on its own, and the answer says which (request, or error with code, message and fields), in the order given.',
  })
  async orderServices(
    @CurrentUser() user: UserModel,
    @CurrentCatalogViewer() viewer: CatalogViewer,
    @InTenants('order') scope: TenantScope,
    @Args('inputs', { type: () => [OrderServiceInput] }) inputs: OrderServiceInput[],
  ): Promise<BulkOrderResultModel[]> {
    if (inputs.length === 0 || inputs.length > MAX_BULK_ORDERS) {
      throw validationFailed(`Give 1 to ${MAX_BULK_ORDERS} orders (${inputs.length} given); split a larger batch.`, {
        inputs: `1 to ${MAX_BULK_ORDERS} orders`,
      });
    }
    const results: BulkOrderResultModel[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        results.push({ index, request: await this.requests.order(user, input, viewer, scope), error: null });
      } catch (err) {
        results.push({ index, request: null, error: orderError(err, this.logger) });
      }
    }
    return results;
  }

  @Allow('order')
  @Mutation(() => ServiceRequestModel, { description: 'Order a catalog item: validate the dialog values, store the request, queue it.' })
  orderService(
    @CurrentUser() user: UserModel,
    @CurrentCatalogViewer() viewer: CatalogViewer,
    @InTenants('order') scope: TenantScope,
    @Args('input') input: OrderServiceInput,
  ): Promise<ServiceRequestModel> {
    return this.requests.order(user, input, viewer, scope);
  }

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      'Preview an order: validated as orderService would, then its items run in check mode with --diff (a bundle’s in provision order) on the providers it names; their jobs show what would change. No service is made and no quota used; it waits for the approval the order would need (check mode does not stop a task marked check_mode: false).',
  })
  previewOrder(
    @CurrentUser() user: UserModel,
    @CurrentCatalogViewer() viewer: CatalogViewer,
    @InTenants('order') scope: TenantScope,
    @Args('input') input: OrderServiceInput,
  ): Promise<ServiceRequestModel> {
    return this.requests.preview(user, input, viewer, scope);
  }

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      'Cancel a request that has not started yet (pending, queued, or pending approval): it ends canceled and nothing of it runs. CONFLICT once it runs (cancel its job instead) or has ended.',
  })
  cancelServiceRequest(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ServiceRequestModel> {
    return this.requests.cancel(user, id, viewer);
  }

  @Allow('order')
  @Mutation(() => ServiceRequestModel, {
    description:
      'Order again what an ended request ordered (after a failure, a cancel or a dead worker): a new request with the same values and, unless latestCommit, the same commit.',
  })
  retryServiceRequest(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('latestCommit', { type: () => Boolean, defaultValue: false }) latestCommit: boolean,
  ): Promise<ServiceRequestModel> {
    return this.requests.retry(user, id, latestCommit, viewer);
  }

  @Allow('requests:read')
  @Query(() => [ServiceRequestModel], {
    description: `Service requests the caller may see that match \`filter\`, newest first unless \`sort\` says otherwise: a page of \`take\` (at most ${MAX_TAKE}) after \`skip\`.`,
  })
  serviceRequests(
    @CurrentViewer() viewer: Viewer,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
    @Args('filter', { type: () => ServiceRequestFilter, nullable: true }) filter: ServiceRequestFilter | null,
    @Args('sort', { type: () => ServiceRequestSort, nullable: true }) sort: ServiceRequestSort | null,
  ): Promise<ServiceRequestModel[]> {
    return this.requests.list(skip, take, viewer, filter, sort);
  }

  @Allow('requests:read')
  @Query(() => Int, { description: 'How many service requests the caller may see match `filter`, for paging.' })
  serviceRequestCount(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => ServiceRequestFilter, nullable: true }) filter: ServiceRequestFilter | null,
  ): Promise<number> {
    return this.requests.count(viewer, filter);
  }

  @Allow('requests:read')
  @Query(() => RequestFilterChoicesModel, {
    description: 'Who ordered, and which tenants own, the requests the caller may see: the choices of the request and service lists’ filters.',
  })
  async serviceRequestFilterChoices(@CurrentViewer() viewer: Viewer): Promise<RequestFilterChoicesModel> {
    const { requesterIds, tenantIds } = await this.requests.filterChoices(viewer);
    const [requesters, tenants] = await Promise.all([
      Promise.all(requesterIds.map((id) => this.users.findById(id))),
      this.tenants.list().then((all) => all.filter((t) => tenantIds.includes(t.id))),
    ]);
    return {
      requesters: requesters.filter((u): u is UserModel => u !== null).sort((a, b) => a.username.localeCompare(b.username)),
      tenants: tenants.map((t) => ({ id: t.id, name: t.name })),
    };
  }

  @Allow('requests:read')
  @Query(() => ServiceRequestModel, { nullable: true })
  serviceRequest(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ServiceRequestModel> {
    return this.requests.get(id, viewer);
  }

  @Allow('requests:read')
  @Subscription(() => ServiceRequestModel, {
    description: 'The request now, then again at every change of status, until it finishes or fails.',
    resolve: (request: ServiceRequestModel) => request,
  })
  async serviceRequestUpdated(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AsyncGenerator<ServiceRequestModel>> {
    await this.requests.get(id, viewer); // NOT_FOUND for a request the viewer may not see
    return this.streams.updates(id, selectedFields(info));
  }

  @ResolveField(() => Int, { nullable: true, description: 'While queued: 1 for the next request a worker takes, 2 after it, and so on.' })
  queuePosition(@Parent() request: ServiceRequestModel): Promise<number | null> | null {
    return request.status === 'queued' ? this.requests.queuePosition(request.id) : null;
  }

  @ResolveField(() => ServiceTemplateModel, { nullable: true })
  template(@Parent() request: ServiceRequestModel): Promise<ServiceTemplateModel | null> {
    return this.catalog.findById(request.templateId);
  }

  @ResolveField(() => UserRefModel, {
    nullable: true,
    description: 'Who ordered it: their id and user name (the rest of a user is for those who administer users).',
  })
  requester(@Parent() request: ServiceRequestModel): Promise<UserRefModel | null> {
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
  constructor(private readonly requestsService: RequestsService) {}

  @ResolveField(() => ServiceRequestModel, { nullable: true })
  request(@Parent() service: ServiceModel, @CurrentViewer() viewer: Viewer): Promise<ServiceRequestModel | null> {
    return visibleOrNull(this.requestsService.get(service.requestId, viewer));
  }

  @ResolveField(() => [ServiceRequestModel], {
    description: `Every request that changed it — the one that provisioned it, its reconfigurations, retirements and rollbacks — that the caller may see, newest first (the latest \`take\`, at most ${MAX_TAKE}).`,
  })
  requests(
    @Parent() service: ServiceModel,
    @CurrentViewer() viewer: Viewer,
    @Args('take', { type: () => Int, defaultValue: 100 }) take: number,
    @Args('actions', {
      type: () => [RequestActionEnum],
      nullable: true,
      description: 'Only these actions; left out, every action but measure (a performance job’s measures are listed when asked for).',
    })
    actions: RequestAction[] | null,
  ): Promise<ServiceRequestModel[]> {
    return this.requestsService.forService(service, viewer, take, actions);
  }
}

@Resolver(() => JobModel)
export class JobRequestLinkResolver {
  constructor(private readonly requests: RequestsService) {}

  @ResolveField(() => ServiceRequestModel, { nullable: true })
  request(@Parent() job: JobModel, @CurrentViewer() viewer: Viewer): Promise<ServiceRequestModel | null> | null {
    return job.requestId ? visibleOrNull(this.requests.get(job.requestId, viewer)) : null;
  }
}

/** A linked record the caller may not see is shown as absent (null), like one that does not exist. */
async function visibleOrNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCode.NOT_FOUND) return null;
    throw err;
  }
}

/** The fields a subscriber selected on the request (null when it uses fragments: treat it as selecting everything). */
function selectedFields(info: GraphQLResolveInfo): string[] | null {
  const selections = info.fieldNodes[0]?.selectionSet?.selections ?? [];
  const names: string[] = [];
  for (const s of selections) {
    if (s.kind !== 'Field') return null;
    names.push(s.name.value);
  }
  return names;
}

/** An order's refusal as orderService would answer it; an unexpected error is logged and said in general terms. */
function orderError(err: unknown, logger: Logger): OrderErrorModel {
  if (err instanceof AppError) {
    const fields = err.details.fields as Record<string, string> | undefined;
    return { code: err.code, message: err.message, fields: fields ?? null };
  }
  if (isOutage(err))
    return {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: 'The database or Redis was unavailable: this order may not have been stored. Look at your requests before ordering it again.',
      fields: null,
    };
  logger.error(`orderServices: ${(err as Error).stack ?? String(err)}`);
  return {
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Internal error: this order may not have been stored (it has been logged). Look at your requests before ordering it again.',
    fields: null,
  };
}
