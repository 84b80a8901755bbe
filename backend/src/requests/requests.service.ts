import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type CatalogViewer, sees, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, notFound, validationFailed } from '../common/app-error.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { ServiceTemplateEntity } from '../catalog/service-template.entity.js';
import { DialogsService } from '../dialogs/dialogs.service.js';
import { JobRequesterQuery } from '../jobs/job.events.js';
import { StateMachinesService } from '../state-machines/state-machines.service.js';
import type { StateMachineDef } from '../state-machines/state-machine.types.js';
import type { UserModel } from '../users/models/user.model.js';
import { checkDateRange, checkId, checkPage, MAX_TAKE, SortDirection } from '../common/list-query.js';
import type { OrderServiceInput } from './dto/order-service.input.js';
import { RequestSortField, type ServiceRequestFilter, type ServiceRequestSort } from './dto/request-list.input.js';
import type { ServiceRequestModel } from './models/service-request.model.js';
import type { RequestItemEntity } from './request-item.entity.js';
import { approvalPlan, approvesOverQuota, overQuotaApproval, withApproval } from './approval-policy.js';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { UsersService } from '../users/users.service.js';
import { lifetimePlan } from './lifetime.js';
import { QuotaGuard } from './quota-guard.js';
import { masked, RequestPlanner, SINGLE_ITEM, withServiceId } from './request-planner.js';
import { RequestQueue } from './request-queue.js';
import { type RequestFigures, RequestFiguresReader } from './request-figures.js';
import type { DayWindow } from '../common/day-window.js';
import { type NewItem, type RequestCount, type RequestQuery, RequestStore, type RequestVisibility } from './request-store.js';
import {
  type LifetimePlan,
  REQUEST_ACTIONS,
  type RequestAction,
  type RequestOrigin,
  type RequestPlan,
  type ServiceRequestEntity,
  TERMINAL_REQUEST_STATUSES,
} from './service-request.entity.js';

/**
 * Orders: validates an order against its template's dialog, plans its items, stores the
 * request and queues it; also retries, cancels and reads them. Every request, a single
 * playbook as well as a bundle, runs as items under a state machine (`state-machines/`).
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly store: RequestStore,
    private readonly queue: RequestQueue,
    private readonly planner: RequestPlanner,
    private readonly catalog: CatalogService,
    private readonly dialogs: DialogsService,
    private readonly machines: StateMachinesService,
    private readonly quotas: QuotaGuard,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly figuresReader: RequestFiguresReader,
  ) {}

  /**
   * Validates an order against its template's dialog, stores the request with the exact
   * commits and variables it will run with, and queues it. Nothing is stored when anything
   * is wrong.
   */
  async order(user: UserModel, input: OrderServiceInput, viewer?: CatalogViewer, scope?: TenantScope, origin?: RequestOrigin): Promise<ServiceRequestModel> {
    const order = await this.prepare(input, viewer, scope, (template) => lifetimePlan(template.lifetime, input.retiresAt, this.clock.now()));
    return this.submit(user, order.template, masked(order.values, order.secretFields), order.items, order.machine, order.lifetime, origin);
  }

  /**
   * An order checked as `order` checks it (the item the caller may order, the values against its
   * dialog, the job options, the items planned), storing nothing: a scheduled order is refused
   * when it is made, not when it fires. Answers the item's name and its dialog's secret fields.
   */
  async checkOrder(input: OrderServiceInput, viewer?: CatalogViewer, scope?: TenantScope): Promise<{ templateName: string; secretFields: string[] }> {
    const { template, secretFields } = await this.prepare(input, viewer, scope, (t) => lifetimePlan(t.lifetime, input.retiresAt, this.clock.now()));
    return { templateName: template.name, secretFields };
  }

  /**
   * A preview of an order: validated as the order would be, then its items run in check mode
   * with --diff (a bundle's item by item, in provision order) on the providers it names, so
   * their jobs show what would change. It makes no service and counts against no quota (action
   * `preview`); it waits for the approval the order would wait for, as check mode does not stop
   * a task that says `check_mode: false`.
   */
  async preview(user: UserModel, input: OrderServiceInput, viewer?: CatalogViewer, scope?: TenantScope): Promise<ServiceRequestModel> {
    const { template, values, secretFields, items, machine } = await this.prepare(input, viewer, scope, () => undefined);
    // A preview makes no service: its id only lets the playbooks name what they would deploy.
    const serviceId = randomUUID();
    // Check mode is not a sandbox (a task may say check_mode: false): what the order would need approved, the preview does too.
    const approval = approvalPlan(template.approval, { values, groups: user.groups.map((g) => g.name) });
    const plan: RequestPlan = {
      action: 'preview',
      machine: withApproval(await machine, approval),
      ...(approval ? { approval } : {}),
      refresh: template.items ? 'always' : 'policy',
      service: { name: `Preview of ${template.name}`, outputs: template.items ? 'per-item' : 'flat', id: serviceId },
    };
    const checked = withServiceId(items, serviceId).map((item) => ({
      ...item,
      plan: { ...item.plan, options: { ...item.plan.options, check: true, diff: true } },
    }));
    const id = await this.store.create({
      templateId: template.id,
      requesterId: user.id,
      tenantId: user.tenant.id,
      dialogValues: masked(values, secretFields),
      plan,
      items: checked,
      groupIds: sharedGroups(template, user),
    });
    await this.queue.enqueue(id);
    return this.store.get(id);
  }

  /**
   * What an order and a preview check alike: the item (one the caller may order), the values
   * against its dialog, the job options it allows, the items planned (repositories, providers
   * and credentials the caller may use). `early` runs the order's own checks before the dialog's.
   */
  private async prepare<T>(
    input: OrderServiceInput,
    viewer: CatalogViewer | undefined,
    scope: TenantScope | undefined,
    early: (template: ServiceTemplateEntity) => T,
  ): Promise<{
    template: ServiceTemplateEntity;
    values: Record<string, unknown>;
    secretFields: string[];
    items: NewItem[];
    machine: Promise<StateMachineDef>;
    lifetime: T;
  }> {
    const template = await this.catalog.get(input.templateId, false, viewer);
    const submitted = input.dialogValues;
    if (submitted === null || typeof submitted !== 'object' || Array.isArray(submitted)) {
      throw validationFailed('dialogValues must be an object of field names to values, e.g. {"playbook": "hello.yml"}');
    }
    if (template.type === 'bundle' && Object.values(input.jobOptions ?? {}).some((v) => v !== null && v !== undefined)) {
      throw validationFailed('A bundle takes no job options: each of its items has its own, set in the catalog.');
    }
    const lifetime = early(template);
    const machine = this.machineFor(template);
    machine.catch(() => undefined); // awaited by the caller, after the order's own checks
    // A site given a provider its items cannot use is refused saying what the site takes.
    await this.planner.checkSiteTypes(template, submitted as Record<string, unknown>, scope);
    const { values, secretFields } = await this.dialogs.validateOrder(template.dialogName, submitted as Record<string, unknown>, scope);
    const jobOptions = template.type === 'bundle' ? undefined : this.planner.jobOptions(template, input.jobOptions);
    const items = await this.planner.items(template, values, secretFields, { jobOptions, scope });
    return { template, values, secretFields, items, machine, lifetime };
  }

  /**
   * Orders again what an ended request ordered, as a new request by `user`: the same
   * values, and the same commits unless `latestCommit` asks for the repositories' current ones.
   */
  async retry(user: UserModel, id: string, latestCommit: boolean, viewer?: Viewer): Promise<ServiceRequestModel> {
    const previous = await this.get(id, viewer);
    if (!TERMINAL_REQUEST_STATUSES.includes(previous.status)) {
      throw new AppError(ErrorCode.CONFLICT, `This request is still ${previous.status}: retry it once it has ended.`);
    }
    if (previous.plan.action === 'retire') {
      throw new AppError(ErrorCode.CONFLICT, 'A retirement is retried with retireService, or resumed with resumeServiceRequest.');
    }
    if (previous.plan.action === 'measure') {
      throw new AppError(ErrorCode.CONFLICT, 'A measure is not ordered again: its performance job measures again when its next sample is due.');
    }
    if (previous.plan.action !== 'provision') {
      throw new AppError(
        ErrorCode.CONFLICT,
        `A ${previous.plan.action} request is not ordered again: resume it with resumeServiceRequest, or start a new ${previous.plan.action}.`,
      );
    }
    const template = await this.fullTemplate(previous.templateId);
    const previousItems = await this.store.items(previous.id);
    // The secret values are not kept in clear: new plans take the sealed ones over.
    const items = await this.planner.items(template, previous.dialogValues, [], {
      reuse: latestCommit ? null : previousItems,
      sealedFrom: previousItems,
      jobOptions: previousItems[0]?.plan.options,
    });
    return this.submit(user, template, previous.dialogValues, items, this.machineFor(template), lifetimePlan(template.lifetime, null, this.clock.now()));
  }

  /**
   * Cancels a request that has not started (pending, pending approval, or queued: waiting for a worker or a
   * provider slot). The claim a worker makes to start it moves it from those statuses only,
   * so once canceled nothing of it runs. A running request is stopped by canceling its job.
   */
  async cancel(user: UserModel, id: string, viewer?: Viewer): Promise<ServiceRequestModel> {
    const request = await this.get(id, viewer);
    if (await this.store.cancelNotStarted(id, `Canceled by ${user.username} before it started: nothing ran.`)) return this.store.get(id);
    const now = (await this.store.load(id))?.status ?? request.status;
    if (now === 'running') {
      throw new AppError(ErrorCode.CONFLICT, 'This request has started: cancel its running job (cancelJob) to stop Ansible where it is.');
    }
    throw new AppError(ErrorCode.CONFLICT, `This request has already ended (${now}): there is nothing to cancel.`);
  }

  /** Runs a failed request again from the state that failed, after its cause was fixed. */
  async resume(user: UserModel, id: string, viewer?: Viewer): Promise<ServiceRequestModel> {
    const request = await this.get(id, viewer);
    if (request.plan.action === 'measure') {
      throw new AppError(ErrorCode.CONFLICT, 'A measure is not resumed: its performance job measures again when its next sample is due.');
    }
    const items = await this.store.items(id);
    if (request.plan.action === 'provision' && items.length === 1 && items[0].name === SINGLE_ITEM) {
      throw new AppError(ErrorCode.CONFLICT, 'A single playbook is run again with retryServiceRequest: resume is for bundles, whose succeeded items it keeps.');
    }
    if (request.status !== 'failed' || !request.state)
      throw new AppError(ErrorCode.CONFLICT, `This request is ${request.status}: only a failed request can be resumed.`);
    // A failed order gave back its share of the quotas: resuming takes it again, checked as an order is.
    const state = request.state;
    const resume = (tx: EntityManager | null) => this.store.resume(id, state, user.username, tx);
    const owner = request.plan.action === 'provision' ? await this.users.findById(request.requesterId) : null;
    const resumed = owner
      ? await this.quotas.reserve({ user: owner, tenantId: request.tenantId, amounts: request.plan.quota ?? {}, requestId: id }, resume)
      : await resume(null);
    if (!resumed) {
      throw new AppError(ErrorCode.CONFLICT, 'This request is no longer failed: only a failed request can be resumed.');
    }
    await this.queue.trigger(id);
    return this.store.get(id);
  }

  /** How many requests there are of each catalog item, action and status, everyone's (for the metrics). */
  countsByTemplate(): Promise<RequestCount[]> {
    return this.store.countsByTemplate();
  }

  /** The request; NOT_FOUND also when the viewer may not see it (as if it did not exist). */
  async get(id: string, viewer?: Viewer): Promise<ServiceRequestEntity> {
    const request = await this.store.get(id);
    if (!sees(viewer, request.requesterId, request.tenantId, request.groupIds)) throw notFound('Service request', id);
    return request;
  }

  /**
   * A page of the requests `viewer` may see that match `filter`, sorted (newest first unless
   * `sort` says otherwise). VALIDATION_FAILED for a page or filter that cannot be answered.
   */
  list(skip: number, take: number, viewer?: Viewer, filter?: ServiceRequestFilter | null, sort?: ServiceRequestSort | null): Promise<ServiceRequestModel[]> {
    checkPage(skip, take);
    return this.store.list(this.query(filter, viewer), skip, take, {
      field: sort?.field ?? RequestSortField.createdAt,
      direction: sort?.direction ?? SortDirection.DESC,
    });
  }

  /** How many requests `viewer` may see match `filter`. */
  count(viewer?: Viewer, filter?: ServiceRequestFilter | null): Promise<number> {
    return this.store.count(this.query(filter, viewer));
  }

  /**
   * Every request that changed a service (its provisioning, reconfigurations, retirements, rollbacks)
   * that `viewer` may see, newest first; its measures when `actions` asks for them.
   */
  forService(service: { id: string; requestId: string }, viewer?: Viewer, take = 100, actions?: RequestAction[] | null): Promise<ServiceRequestModel[]> {
    checkPage(0, take);
    return this.store.list(
      { only: visibility(viewer), service: { id: service.id, provisionedBy: service.requestId }, actions: actions ?? LISTED_ACTIONS },
      0,
      take,
    );
  }

  /** The dashboard's figures over `window` of the requests `viewer` may see (the lists' visibility): orders per day and per item, what waits and runs now. */
  figures(window: DayWindow, viewer?: Viewer): Promise<RequestFigures> {
    return this.figuresReader.read(window, visibility(viewer));
  }

  /** Requesters and tenants of the requests `viewer` may see, to pick from in a list's filters. */
  filterChoices(viewer?: Viewer): Promise<{ requesterIds: string[]; tenantIds: string[] }> {
    return this.store.filterChoices(visibility(viewer), MAX_TAKE);
  }

  private query(filter: ServiceRequestFilter | null | undefined, viewer: Viewer | undefined): RequestQuery {
    const f = filter ?? {};
    for (const field of ['templateId', 'requesterId', 'tenantId'] as const) checkId(field, f[field]);
    checkDateRange(f.createdAfter, f.createdBefore);
    return {
      only: visibility(viewer),
      statuses: f.statuses,
      actions: f.actions ?? LISTED_ACTIONS,
      templateId: f.templateId,
      requesterId: f.requesterId,
      tenantId: f.tenantId,
      createdAfter: f.createdAfter,
      createdBefore: f.createdBefore,
    };
  }

  /** Who ordered a job's request, for the jobs module's visibility checks. */
  /**
   * Tells the listeners (alarms, notifications) again of the requests that reached an announced
   * status since `since`: one whose announcement a crash lost is told now (listeners are idempotent).
   */
  async announceChangedSince(since: Date): Promise<number> {
    const ids = await this.store.changedSince(since, 1000);
    for (const id of ids) await this.store.announce(id);
    return ids.length;
  }

  @OnEvent(JobRequesterQuery.NAME)
  async onJobRequester(query: JobRequesterQuery): Promise<void> {
    const request = await this.store.load(query.requestId);
    query.requesterId = request?.requesterId ?? null;
    query.tenantId = request?.tenantId ?? null;
    query.groupIds = request?.groupIds ?? [];
  }

  items(requestId: string): Promise<RequestItemEntity[]> {
    return this.store.items(requestId);
  }

  queuePosition(id: string): Promise<number | null> {
    return this.queue.position(id);
  }

  /** The template with its items, for planning; NOT_FOUND when it is gone. */
  private async fullTemplate(id: string): Promise<ServiceTemplateEntity> {
    const template = await this.catalog.template(id);
    if (!template) throw new AppError(ErrorCode.NOT_FOUND, `Service template ${id} does not exist`);
    return template;
  }

  /** The machine an order of `template` follows: a bundle's own, `provision` otherwise. */
  private machineFor(template: ServiceTemplateEntity): Promise<StateMachineDef> {
    return this.machines.get((template.items && template.stateMachine) || 'provision');
  }

  /** Stores a provisioning request of `template` under its state machine, and queues it. */
  private async submit(
    user: UserModel,
    template: ServiceTemplateEntity,
    values: Record<string, unknown>,
    items: NewItem[],
    machine: Promise<StateMachineDef>,
    lifetime: LifetimePlan | undefined,
    origin?: RequestOrigin,
  ): Promise<ServiceRequestModel> {
    const single = !template.items;
    const amounts = this.quotas.amounts(template.quota, values);
    const approval = approvalPlan(template.approval, { values, groups: user.groups.map((g) => g.name) });
    const serviceId = randomUUID();
    const plan: RequestPlan = {
      action: 'provision',
      machine: withApproval(await machine, approval),
      refresh: single ? 'policy' : 'always',
      service: {
        ...(single ? { name: `${template.name} (${items[0].plan.playbook})`, outputs: 'flat' } : { name: template.name, outputs: 'per-item' }),
        id: serviceId,
      },
      ...(single ? {} : { onFailure: template.onFailure }),
      ...(approval ? { approval } : {}),
      ...(Object.keys(amounts).length ? { quota: amounts } : {}),
      ...(lifetime ? { lifetime } : {}),
      ...(origin ? { schedule: origin } : {}),
    };
    const request = {
      templateId: template.id,
      requesterId: user.id,
      tenantId: user.tenant.id,
      dialogValues: values,
      plan,
      items: withServiceId(items, serviceId),
      groupIds: sharedGroups(template, user),
    };
    const id = await this.quotas.reserve(
      { user, tenantId: user.tenant.id, amounts },
      async (tx, exceeded) => {
        if (!exceeded) return this.store.create(request, tx);
        // Over a quota, and the item's rules send such an order to an approver, who may let it pass.
        const over = overQuotaApproval(template.approval!, exceeded.message);
        return this.store.create({ ...request, plan: { ...plan, machine: withApproval(await machine, over), approval: over } }, tx);
      },
      { overToApproval: approvesOverQuota(template.approval) },
    );
    await this.queue.enqueue(id);
    return this.store.get(id);
  }
}

/**
 * What the lists show unless a filter asks for other actions: every request but a performance job's
 * measures (one a minute would bury the changes made to a service; they are listed when asked for).
 */
const LISTED_ACTIONS: RequestAction[] = REQUEST_ACTIONS.filter((a) => a !== 'measure');

/** Whose requests `viewer` may see: its own, and those of its tenants (everything without a viewer). */
const visibility = (viewer: Viewer | undefined): RequestVisibility | undefined =>
  viewer && { requesterId: viewer.userId, tenants: viewer.tenants, groups: viewer.groups };

/** The groups that see an order of `template` besides its requester: the requester's, when the item says so. */
/**
 * The groups that see an order of `template` besides its requester: when the item says so, the
 * requester's groups of their own tenant (the order's) — a group of another tenant would carry it
 * across tenants.
 */
const sharedGroups = (template: ServiceTemplateEntity, user: UserModel): string[] =>
  template.visibility === 'group' ? user.groups.filter((g) => g.tenantId === user.tenant.id).map((g) => g.id) : [];
