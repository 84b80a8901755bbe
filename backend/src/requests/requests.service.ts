import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { forbiddenVariable } from '../common/ansible-variables.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { CatalogService, type OrderableTemplate } from '../catalog/catalog.service.js';
import type { ServiceTemplateEntity } from '../catalog/service-template.entity.js';
import type { ProvisionSpec, SiteSpec, ValueSource } from '../catalog/catalog.types.js';
import { parseYamlMapping } from '../dialogs/dialog-validator.js';
import { DialogsService } from '../dialogs/dialogs.service.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { ProvidersService } from '../providers/providers.service.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { randomUUID } from 'node:crypto';
import { CredentialsService } from '../credentials/credentials.service.js';
import { SecretBox } from '../credentials/secret-box.js';
import { InventoriesService } from '../inventories/inventories.service.js';
import { ServicesService } from '../services/services.service.js';
import type { UserModel } from '../users/models/user.model.js';
import { type JobOptionName, type JobOptions, jobOptionsSchema } from '../jobs/job-options.js';
import type { JobOptionsInput } from './dto/job-options.input.js';
import type { OrderServiceInput } from './dto/order-service.input.js';
import type { ServiceRequestModel } from './models/service-request.model.js';
import { type ItemPlan, RequestItemEntity } from './request-item.entity.js';
import { RequestTransitionEntity } from './request-transition.entity.js';
import {
  type BundlePlan,
  isBundlePlan,
  type RequestStatus,
  type RunPlan,
  ServiceRequestEntity,
  type SitePlan,
  TERMINAL_REQUEST_STATUSES,
} from './service-request.entity.js';

@Injectable()
export class RequestsService {
  private readonly logger = new Logger(RequestsService.name);

  constructor(
    @InjectRepository(ServiceRequestEntity) private readonly requests: Repository<ServiceRequestEntity>,
    private readonly catalog: CatalogService,
    private readonly dialogs: DialogsService,
    private readonly repos: GitReposService,
    private readonly providers: ProvidersService,
    private readonly queues: QueueService,
    private readonly pubsub: PubSubService,
    private readonly services: ServicesService,
    private readonly inventories: InventoriesService,
    private readonly credentials: CredentialsService,
    private readonly box: SecretBox,
  ) {}

  /**
   * Validates an order against its template's dialog, stores the request with the exact
   * commit and variables it will run with, and queues it. Nothing is stored when
   * anything is wrong.
   */
  async order(user: UserModel, input: OrderServiceInput): Promise<ServiceRequestModel> {
    const template = await this.catalog.get(input.templateId);
    const submitted = input.dialogValues;
    if (submitted === null || typeof submitted !== 'object' || Array.isArray(submitted)) {
      throw validationFailed('dialogValues must be an object of field names to values, e.g. {"playbook": "hello.yml"}');
    }
    const [values, secretFields] = await Promise.all([
      this.dialogs.validate(template.dialogName, submitted as Record<string, unknown>),
      this.dialogs.secretFields(template.dialogName),
    ]);
    if (template.type === 'bundle') {
      if (Object.values(input.jobOptions ?? {}).some((v) => v !== null && v !== undefined)) {
        throw validationFailed('A bundle takes no job options: each of its items has its own, set in the catalog.');
      }
      return this.orderBundle(user.id, template.id, values, null, secretFields);
    }
    const plan = { ...(await this.plan(template, values, secretFields)), options: this.jobOptions(template, input.jobOptions) };
    // One INSERT, without the transaction save() would otherwise wrap around it.
    const request = await this.requests.save(
      this.requests.create({ templateId: template.id, requesterId: user.id, dialogValues: masked(values, secretFields), plan, status: 'pending' }),
      { transaction: false },
    );
    await this.enqueue(request.id, JobName.PROVISION);
    return this.get(request.id);
  }

  /**
   * Stores a bundle request with its state machine and one row per item, each item's
   * commit and variables fixed now, in one transaction, then queues it. `fromItems`
   * reuses the plans of an earlier request's items (a retry at the same commits).
   */
  private async orderBundle(
    userId: string,
    templateId: string,
    values: Record<string, unknown>,
    fromItems: RequestItemEntity[] | null,
    secretFields: string[] = [],
    sealedFrom: RequestItemEntity[] = [],
  ): Promise<ServiceRequestModel> {
    const template = await this.catalog.template(templateId);
    if (!template?.items) throw notFound('Bundle', templateId);
    const machine = await this.catalog.stateMachine(template.stateMachine ?? 'provision');
    const sites = template.inventory ? await this.inventorySites(template.inventory) : await this.planSites(template.sites, values);
    for (const item of template.items) {
      if (item.site && !sites?.some((s) => s.name === item.site)) {
        throw new AppError(ErrorCode.CONFLICT, `Item "${item.name}" deploys site "${item.site}", which inventory "${template.inventory ?? '(none)'}" does not have.`);
      }
    }
    const plans: { name: string; index: number; plan: ItemPlan }[] = [];
    for (const item of template.items) {
      const earlier = fromItems?.find((i) => i.name === item.name);
      const plan: ItemPlan = earlier
        ? earlier.plan
        : {
            ...(await this.planRun(item.provision, values, secretFields)),
            ...(sealedFrom.find((i) => i.name === item.name)?.plan.sealedVars ? { sealedVars: sealedFrom.find((i) => i.name === item.name)?.plan.sealedVars } : {}),
            options: item.provision.options,
            repoName: item.provision.repo,
            inputs: item.inputs ?? {},
            ...(sites ? { sites, site: item.site } : {}),
          };
      if (sites && item.site) plan.providerId = sites.find((site) => site.name === item.site)?.providerId ?? plan.providerId;
      plans.push({ name: item.name, index: item.index, plan });
    }
    return this.storeMachineRequest(userId, templateId, masked(values, secretFields), { kind: 'bundle', machine, onFailure: template.onFailure }, plans);
  }

  /** The sites of an inventory document, as they are now. */
  private async inventorySites(name: string): Promise<SitePlan[]> {
    const sites = await this.inventories.sitesOf(name);
    if (!sites) throw new AppError(ErrorCode.UNAVAILABLE, `Inventory "${name}" does not exist: create it, or fix the catalog item.`);
    return sites.map((s) => ({ name: s.name, providerId: s.providerId, variables: s.variables ?? {}, ...(s.hosts ? { hosts: s.hosts } : {}) }));
  }

  /** The sites of a multi-site bundle, each bound to the provider the dialog picked (or the template names). */
  private async planSites(specs: Record<string, SiteSpec> | null, values: Record<string, unknown>): Promise<SitePlan[] | null> {
    if (!specs) return null;
    const sites: SitePlan[] = [];
    for (const [name, spec] of Object.entries(specs)) {
      const providerId = typeof spec.provider === 'string' ? spec.provider : String(values[spec.provider.field] ?? '');
      if (!(await this.providers.exists(providerId))) {
        const field = typeof spec.provider === 'string' ? 'provider' : spec.provider.field;
        throw validationFailed(`Site "${name}": provider ${providerId || '(none)'} does not exist`, { [field]: 'is not a known provider' });
      }
      sites.push({ name, providerId, variables: spec.variables ?? {} });
    }
    return sites;
  }

  /**
   * Rolls back what a failed bundle request deployed: a request following the retirement
   * machine whose items run the retirement playbooks of the items that succeeded, in
   * reverse order. Null when nothing needs undoing.
   */
  async rollback(requestId: string): Promise<string | null> {
    const failed = await this.load(requestId);
    if (!failed || !isBundlePlan(failed.plan)) return null;
    const template = await this.catalog.template(failed.templateId);
    const items = await this.items(failed.id);
    const plans = await this.undoPlans(
      (template?.items ?? []).flatMap((spec) => {
        // Only what succeeded: a failed item's site may be the very thing that is unreachable.
        const item = items.find((i) => i.name === spec.name && i.status === 'successful');
        return spec.retirement && item ? [{ name: item.name, index: item.index, plan: item.plan, playbook: spec.retirement.playbook, outputs: item.outputs ?? {} }] : [];
      }),
    );
    if (plans.length === 0) return null;
    const machine = await this.catalog.stateMachine('retirement');
    const request = await this.storeMachineRequest(failed.requesterId, failed.templateId, failed.dialogValues, { kind: 'bundle', action: 'rollback', rollbackOf: failed.id, machine }, plans);
    return request.id;
  }

  /**
   * Retires a service: a request of its own following the `retirement` state machine,
   * whose items run the retirement playbooks of what was deployed, in reverse order
   * (highest index first), each with its variables and the outputs it returned.
   */
  async retire(user: UserModel, serviceId: string): Promise<ServiceRequestModel> {
    const service = await this.services.get(serviceId);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: there is nothing to retire.`);
    const open = await this.requests
      .createQueryBuilder('r')
      .where(`r.plan->>'serviceId' = :serviceId`, { serviceId })
      .andWhere('r.status NOT IN (:...done)', { done: TERMINAL_REQUEST_STATUSES })
      .getExists();
    if (open) throw new AppError(ErrorCode.CONFLICT, 'This service has a retirement or reconfiguration under way already: wait for it to end.');
    const original = await this.load(service.requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template) throw new AppError(ErrorCode.CONFLICT, 'The request or catalog item that made this service is gone: it cannot be retired by the portal.');
    const deployed: { name: string; index: number; plan: ItemPlan; playbook: string; outputs: Record<string, unknown> }[] = [];
    if (isBundlePlan(original.plan)) {
      const items = await this.items(original.id);
      for (const spec of template.items ?? []) {
        const item = items.find((i) => i.name === spec.name && i.status === 'successful');
        if (spec.retirement && item) deployed.push({ name: item.name, index: item.index, plan: item.plan, playbook: spec.retirement.playbook, outputs: item.outputs ?? {} });
      }
    } else if (template.retirement) {
      const repo = await this.repos.get(original.plan.repoId);
      deployed.push({ name: 'main', index: 0, plan: { ...original.plan, repoName: repo.name, inputs: {} }, playbook: template.retirement.playbook, outputs: service.outputs });
    }
    const plans = await this.undoPlans(deployed);
    const machine = await this.catalog.stateMachine('retirement');
    return this.storeMachineRequest(user.id, original.templateId, original.dialogValues, { kind: 'bundle', action: 'retire', serviceId, machine }, plans);
  }

  /**
   * Reconfigures a service: the fields its dialog marks `reconfigurable` take the values given
   * (the others keep the values the service has: those it was ordered, or last reconfigured,
   * with — a secret field not given again keeps its sealed value), the whole is validated as
   * an order would be, and a request following the `reconfigure` state machine runs the
   * reconfigure playbooks of what was deployed, in index order, each with the new variables
   * and the outputs it returned (as `superfluid_outputs`). Its last state gives the service
   * the new outputs.
   */
  async reconfigure(user: UserModel, serviceId: string, submitted: unknown): Promise<ServiceRequestModel> {
    if (submitted === null || typeof submitted !== 'object' || Array.isArray(submitted)) {
      throw validationFailed('dialogValues must be an object of field names to values, e.g. {"replicas": 3}');
    }
    const service = await this.services.get(serviceId);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: only an active service can be reconfigured.`);
    const original = await this.load(service.requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template) throw new AppError(ErrorCode.CONFLICT, 'The request or catalog item that made this service is gone: it cannot be reconfigured by the portal.');
    const open = await this.requests
      .createQueryBuilder('r')
      .where(`r.plan->>'serviceId' = :serviceId`, { serviceId })
      .andWhere('r.status NOT IN (:...done)', { done: TERMINAL_REQUEST_STATUSES })
      .getExists();
    if (open) throw new AppError(ErrorCode.CONFLICT, 'This service has a retirement or reconfiguration under way already: wait for it to end.');
    const specs = this.reconfigureSpecs(template);
    if (specs.length === 0) {
      throw new AppError(ErrorCode.CONFLICT, `"${template.name}" has no reconfigure playbook: its services cannot be reconfigured.`);
    }
    const [allowed, secretFields] = await Promise.all([this.dialogs.reconfigurableFields(template.dialogName), this.dialogs.secretFields(template.dialogName)]);
    const source = await this.lastConfiguration(service.id, original);
    const sourcePlans = await this.plansOf(source);
    const current = { ...source.dialogValues, ...this.unsealedFields(sourcePlans, specs, secretFields) };
    // A secret shown masked and sent back as it was is not a change.
    const given = Object.fromEntries(Object.entries(submitted as Record<string, unknown>).filter(([k, v]) => !(secretFields.includes(k) && v === '********')));
    const changed = Object.keys(given).filter((k) => JSON.stringify(given[k]) !== JSON.stringify(current[k]));
    const refused = changed.filter((k) => !allowed.includes(k));
    if (refused.length) {
      throw validationFailed(
        `Only the reconfigurable fields of "${template.name}" can change (${allowed.join(', ') || 'none'}): ${refused.join(', ')} cannot.`,
        Object.fromEntries(refused.map((k) => [k, 'cannot be changed once the service exists'])),
      );
    }
    if (changed.length === 0) throw validationFailed('Nothing to change: these are the values the service has.');
    const values = await this.dialogs.validate(template.dialogName, { ...current, ...given });

    const plans: { name: string; index: number; plan: ItemPlan }[] = [];
    for (const spec of specs) {
      const deployed = sourcePlans.find((p) => p.name === spec.name);
      if (!deployed) continue;
      const outputs = spec.name === 'main' ? service.outputs : (((service.outputs.items ?? {}) as Record<string, Record<string, unknown>>)[spec.name] ?? {});
      const run = await this.planRun({ ...spec.provision, playbook: spec.playbook }, values, secretFields);
      plans.push({
        name: spec.name,
        index: spec.index,
        plan: {
          ...run,
          // Where it was deployed, it is reconfigured: the provider (or site) stays.
          providerId: deployed.plan.providerId,
          // What it returned comes under superfluid_outputs only: a reconfigure playbook is
          // often the provisioning one again, whose own variables an output could shadow.
          extraVars: { ...run.extraVars, superfluid_outputs: outputs },
          options: deployed.plan.options,
          repoName: spec.provision.repo,
          inputs: {},
          ...(deployed.plan.sites ? { sites: deployed.plan.sites, site: deployed.plan.site } : {}),
        },
      });
    }
    const machine = await this.catalog.stateMachine('reconfigure');
    return this.storeMachineRequest(user.id, original.templateId, masked(values, secretFields), { kind: 'bundle', action: 'reconfigure', serviceId, machine }, plans);
  }

  /** What a service was configured with (secrets masked), and what of it can be reconfigured. */
  async configurationOf(service: { id: string; requestId: string; status: string }): Promise<{ dialog: string | null; values: Record<string, unknown>; reconfigurableFields: string[] }> {
    const original = await this.load(service.requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template) return { dialog: null, values: original?.dialogValues ?? {}, reconfigurableFields: [] };
    const source = await this.lastConfiguration(service.id, original);
    const reconfigurable = service.status === 'active' && this.reconfigureSpecs(template).length > 0;
    return {
      dialog: template.dialogName,
      values: source.dialogValues,
      reconfigurableFields: reconfigurable ? await this.dialogs.reconfigurableFields(template.dialogName) : [],
    };
  }

  /** The values a service has now: those of its last finished reconfiguration, or of the request that made it. */
  private async lastConfiguration(serviceId: string, original: ServiceRequestEntity): Promise<ServiceRequestEntity> {
    const last = await this.requests
      .createQueryBuilder('r')
      .where(`r.plan->>'serviceId' = :serviceId`, { serviceId })
      .andWhere(`r.plan->>'action' = 'reconfigure'`)
      .andWhere(`r.status = 'finished'`)
      .orderBy('r.created_at', 'DESC')
      .getOne();
    return last ?? original;
  }

  /** A request's run plans by item name ("main" for a single run). */
  private async plansOf(request: ServiceRequestEntity): Promise<{ name: string; plan: ItemPlan }[]> {
    if (isBundlePlan(request.plan)) return (await this.items(request.id)).map((i) => ({ name: i.name, plan: i.plan }));
    return [{ name: 'main', plan: { ...request.plan, repoName: '', inputs: {} } }];
  }

  /** What a template's reconfiguration runs: per item (or "main"), its provision spec and its reconfigure playbook. */
  private reconfigureSpecs(template: ServiceTemplateEntity): { name: string; index: number; provision: ProvisionSpec; playbook: string }[] {
    if (template.items) {
      return template.items.flatMap((item) => (item.reconfigure ? [{ name: item.name, index: item.index, provision: item.provision, playbook: item.reconfigure.playbook }] : []));
    }
    return template.provision && template.reconfigure ? [{ name: 'main', index: 0, provision: template.provision, playbook: template.reconfigure.playbook }] : [];
  }

  /** The secret fields' values in clear, from the sealed variables of the plans that ran them. */
  private unsealedFields(plans: { name: string; plan: ItemPlan }[], specs: { name: string; provision: ProvisionSpec }[], secretFields: string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const { name, plan } of plans) {
      const spec = specs.find((s) => s.name === name);
      if (!spec || !plan.sealedVars) continue;
      const sealed = this.unseal(plan);
      for (const [field, variable] of Object.entries(spec.provision.vars ?? {})) {
        if (secretFields.includes(field) && variable in sealed) values[field] = sealed[variable];
      }
    }
    return values;
  }

  /** Items that undo deployed ones: their retirement playbook at the repository's commit now, in reverse index order, given what each returned. */
  private async undoPlans(
    deployed: { name: string; index: number; plan: ItemPlan; playbook: string; outputs: Record<string, unknown> }[],
  ): Promise<{ name: string; index: number; plan: ItemPlan }[]> {
    const top = Math.max(0, ...deployed.map((d) => d.index));
    const plans: { name: string; index: number; plan: ItemPlan }[] = [];
    for (const d of deployed) {
      const repo = await this.repos.snapshotForRun(d.plan.repoName);
      if (!repo?.commit || !repo.playbooks.includes(d.playbook)) {
        throw validationFailed(`Item "${d.name}": its retirement playbook ${d.playbook} is not a playbook of repository "${d.plan.repoName}" now.`);
      }
      // What the run returned is given back to the playbook that undoes it (names Ansible reserves left out).
      const outputs = Object.fromEntries(Object.entries(d.outputs).filter(([name]) => !forbiddenVariable(name)));
      plans.push({
        name: d.name,
        index: top - d.index,
        plan: { ...d.plan, repoId: repo.id, commit: repo.commit, playbook: d.playbook, extraVars: { ...d.plan.extraVars, ...outputs, superfluid_outputs: d.outputs }, inputs: {} },
      });
    }
    return plans;
  }

  /** Stores a state-machine request and its items in one transaction, then queues it. */
  private async storeMachineRequest(
    userId: string,
    templateId: string,
    values: Record<string, unknown>,
    plan: BundlePlan,
    items: { name: string; index: number; plan: ItemPlan }[],
  ): Promise<ServiceRequestModel> {
    const store = (tx: EntityManager) =>
      tx
        .save(
          tx.create(ServiceRequestEntity, {
            templateId,
            requesterId: userId,
            dialogValues: values,
            plan,
            status: 'pending',
            state: plan.machine.states[0].name,
            stateAttempt: 0,
          }),
        )
        .then(async (request) => {
          if (items.length) await tx.save(items.map((p) => tx.create(RequestItemEntity, { requestId: request.id, name: p.name, index: p.index, plan: p.plan })));
          return request.id;
        });
    const id = await this.requests.manager.transaction(store).catch((err: { driverError?: { code?: string; constraint?: string } }) => {
      // Two retirements of one service at once: the database lets one through.
      if (err.driverError?.code === '23505' && err.driverError.constraint === 'UQ_service_requests_open_retirement') {
        throw new AppError(ErrorCode.CONFLICT, 'This service has a retirement or reconfiguration under way already: wait for it to end.');
      }
      throw err;
    });
    await this.enqueue(id);
    return this.get(id);
  }

  /** The items of a bundle request, by index then name. */
  items(requestId: string): Promise<RequestItemEntity[]> {
    return this.requests.manager.find(RequestItemEntity, { where: { requestId }, order: { index: 'ASC', name: 'ASC' } });
  }

  /** The state machine's history of a request, oldest first. */
  transitions(requestId: string): Promise<RequestTransitionEntity[]> {
    return this.requests.manager.find(RequestTransitionEntity, { where: { requestId }, order: { id: 'ASC' } });
  }

  /**
   * Orders again what an ended request ordered, as a new request by `user`: the same
   * values, and the same commit unless `latestCommit` asks for the repository's current one.
   */
  async retry(user: UserModel, id: string, latestCommit: boolean): Promise<ServiceRequestModel> {
    const previous = await this.load(id);
    if (!previous) throw notFound('Service request', id);
    if (!TERMINAL_REQUEST_STATUSES.includes(previous.status)) {
      throw new AppError(ErrorCode.CONFLICT, `This request is still ${previous.status}: retry it once it has ended.`);
    }
    if (isBundlePlan(previous.plan) && previous.plan.action === 'retire') {
      throw new AppError(ErrorCode.CONFLICT, 'A retirement is retried with retireService, or resumed with resumeServiceRequest.');
    }
    if (isBundlePlan(previous.plan)) {
      const previousItems = await this.items(previous.id);
      return this.orderBundle(user.id, previous.templateId, previous.dialogValues, latestCommit ? null : previousItems, [], previousItems);
    }
    let plan = previous.plan;
    if (latestCommit) {
      const template = await this.catalog.get(previous.templateId);
      // The secret values are not kept in clear: the new plan takes the sealed ones over.
      plan = { ...(await this.plan(template, previous.dialogValues)), options: previous.plan.options, sealedVars: previous.plan.sealedVars };
    }
    const request = await this.requests.save(
      this.requests.create({ templateId: previous.templateId, requesterId: user.id, dialogValues: previous.dialogValues, plan, status: 'pending' }),
    );
    await this.enqueue(request.id);
    return this.get(request.id);
  }

  /**
   * Cancels a request that has not started (pending, or queued: waiting for a worker or a
   * provider slot). The claim a worker makes to start it moves it from those statuses only,
   * so once canceled nothing of it runs. A running request is stopped by canceling its job.
   */
  async cancel(user: UserModel, id: string): Promise<ServiceRequestModel> {
    const request = await this.load(id);
    if (!request) throw notFound('Service request', id);
    const canceled = await this.requests.manager.transaction(async (tx) => {
      if (!(await this.transition(id, ['pending', 'queued'], 'canceled', `Canceled by ${user.username} before it started: nothing ran.`, tx))) return false;
      await tx.update(RequestItemEntity, { requestId: id, status: In(['pending', 'queued']) }, { status: 'canceled', message: 'Not started: the request was canceled.', finishedAt: new Date() });
      return true;
    });
    if (canceled) {
      await this.publishChange(id);
      return this.get(id);
    }
    const now = (await this.load(id))?.status ?? request.status;
    if (now === 'running') {
      throw new AppError(ErrorCode.CONFLICT, 'This request has started: cancel its running job (cancelJob) to stop Ansible where it is.');
    }
    throw new AppError(ErrorCode.CONFLICT, `This request has already ended (${now}): there is nothing to cancel.`);
  }

  /** 1 for the next request a worker will take, 2 after it...; null when not waiting (or past the first 1,000). */
  async queuePosition(id: string): Promise<number | null> {
    const waiting = await this.queues.queue(QueueName.REQUESTS).getJobs(['waiting'], 0, 999, true);
    const index = waiting.findIndex((job) => job.id === id);
    return index < 0 ? null : index + 1;
  }

  /**
   * Queues a pending request: a bundle's first step of its state machine, or a single
   * run's provisioning (`known`: the caller knows which, so the plan is not read again).
   * On failure the reconciler tries again later.
   */
  async enqueue(requestId: string, known?: JobName): Promise<void> {
    try {
      let name = known;
      if (!name) {
        const request = await this.requests.findOne({ where: { id: requestId }, select: { id: true, plan: true } });
        name = request && isBundlePlan(request.plan) ? JobName.ADVANCE_REQUEST : JobName.PROVISION;
      }
      await this.queues.add(QueueName.REQUESTS, name, { requestId }, requestId, { attempts: 1 });
      await this.transition(requestId, ['pending'], 'queued');
    } catch (err) {
      this.logger.warn(`request ${requestId} stays pending, queueing failed: ${(err as Error).message}`);
    }
  }

  async get(id: string): Promise<ServiceRequestModel> {
    const request = isUuid(id) ? await this.requests.findOneBy({ id }) : null;
    if (!request) throw notFound('Service request', id);
    return request;
  }

  async plan(template: OrderableTemplate, values: Record<string, unknown>, secretFields: string[] = []): Promise<RunPlan> {
    if (!template.provision) throw new AppError(ErrorCode.CONFLICT, `"${template.name}" is a bundle: its items are planned one by one.`);
    return this.planRun(template.provision, values, secretFields);
  }

  /** The variables of a plan's sealed (secret) fields, in clear: for the run's own folder only. */
  unseal(plan: RunPlan): Record<string, unknown> {
    if (!plan.sealedVars) return {};
    return JSON.parse(this.box.decrypt(plan.sealedVars.ciphertext, sealedAad(plan.sealedVars.id))) as Record<string, unknown>;
  }

  /** One run's plan: the repository's commit now, the playbook, the provider and the variables. */
  async planRun(spec: ProvisionSpec, values: Record<string, unknown>, secretFields: string[] = []): Promise<RunPlan> {
    const pick = (source: ValueSource): string => (typeof source === 'string' ? source : String(values[source.field] ?? ''));
    // Asked at the same time as the repository; its answer is looked at after the repository's.
    const providerExists = this.providers.exists(pick(spec.provider));
    providerExists.catch(() => undefined);
    const repo = await this.repos.snapshotForRun(spec.repo);
    if (!repo?.commit) {
      throw new AppError(ErrorCode.UNAVAILABLE, `Git repository "${spec.repo}" has not been refreshed yet: refresh it, then order again.`);
    }
    const playbook = pick(spec.playbook);
    const field = (source: ValueSource, fallback: string) => (typeof source === 'string' ? fallback : source.field);
    if (!repo.playbooks.includes(playbook)) {
      throw validationFailed(`"${playbook}" is not a playbook of repository "${repo.name}" at ${repo.commit.slice(0, 12)}`, {
        [field(spec.playbook, 'playbook')]: `is not a playbook of repository "${repo.name}"`,
      });
    }
    const providerId = pick(spec.provider);
    if (!(await providerExists)) {
      throw validationFailed(`Provider ${providerId} does not exist`, { [field(spec.provider, 'provider')]: 'is not a known provider' });
    }
    const extraVars: Record<string, unknown> = {};
    const secretVars: Record<string, unknown> = {};
    for (const [fieldName, varName] of Object.entries(spec.vars ?? {})) {
      if (values[fieldName] === undefined) continue;
      if (secretFields.includes(fieldName)) secretVars[varName] = values[fieldName];
      else extraVars[varName] = values[fieldName];
    }
    if (spec.extraVarsField && typeof values[spec.extraVarsField] === 'string') {
      Object.assign(extraVars, parseYamlMapping(values[spec.extraVarsField] as string));
    }
    for (const name of Object.keys(extraVars)) {
      const why = forbiddenVariable(name);
      if (why) throw validationFailed(`Variable ${why}`, spec.extraVarsField ? { [spec.extraVarsField]: why } : undefined);
    }
    let vaultCredentialId: string | undefined;
    if (spec.vaultCredential) {
      const vault = (await this.credentials.list('vault_password')).find((c) => c.name === spec.vaultCredential);
      if (!vault) throw new AppError(ErrorCode.UNAVAILABLE, `The vault credential "${spec.vaultCredential}" this catalog item needs does not exist: create it (type vault_password).`);
      vaultCredentialId = vault.id;
    }
    let sealedVars: RunPlan['sealedVars'];
    if (Object.keys(secretVars).length) {
      const id = randomUUID();
      sealedVars = { id, ciphertext: this.box.encrypt(JSON.stringify(secretVars), sealedAad(id)) };
    }
    return { repoId: repo.id, commit: repo.commit, playbook, providerId, extraVars, ...(vaultCredentialId ? { vaultCredentialId } : {}), ...(sealedVars ? { sealedVars } : {}) };
  }

  /** The template's options with the order's own, each of which the template must allow. */
  private jobOptions(template: OrderableTemplate, input: JobOptionsInput | null | undefined): JobOptions {
    const given = Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== null && v !== undefined));
    const parsed = jobOptionsSchema.safeParse(given);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      throw validationFailed(`Job options are not valid — ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, fields);
    }
    const allowed = new Set(template.provision?.overridable ?? []);
    const refused = Object.keys(parsed.data).filter((name) => !allowed.has(name as JobOptionName));
    if (refused.length) {
      throw validationFailed(
        `This catalog item does not let an order set ${refused.join(', ')}`,
        Object.fromEntries(refused.map((name) => [name, 'is not allowed by this catalog item'])),
      );
    }
    return { ...template.provision?.options, ...parsed.data };
  }

  list(skip: number, take: number): Promise<ServiceRequestModel[]> {
    return this.requests.find({ order: { createdAt: 'DESC' }, skip: Math.max(skip, 0), take: Math.min(Math.max(take, 1), 500) });
  }

  /**
   * Moves a request from one of `from` to `to`; false when it was in another state.
   * Publishes the change, unless it happens inside the caller's transaction `tx`: then the
   * caller publishes once it has committed.
   */
  async transition(id: string, from: RequestStatus[], to: RequestStatus, message?: string | null, tx?: EntityManager): Promise<boolean> {
    const finished = TERMINAL_REQUEST_STATUSES.includes(to);
    const result = await (tx ? tx.getRepository(ServiceRequestEntity) : this.requests).update(
      { id, status: In(from) },
      { status: to, ...(message !== undefined ? { message } : {}), ...(finished ? { finishedAt: new Date() } : {}) },
    );
    const moved = (result.affected ?? 0) > 0;
    // Not awaited: a subscriber re-reads the request at each message, so the message need not be
    // out before the caller goes on (a worker starting the playbook, say).
    if (moved && !tx) void this.publishChange(id);
    return moved;
  }

  async publishChange(id: string): Promise<void> {
    await this.pubsub.publish(channels.request(id), { id }).catch(() => undefined);
  }

  /** For the worker: the full stored request including its plan. */
  async load(id: string): Promise<ServiceRequestEntity | null> {
    return this.requests.findOneBy({ id });
  }

  /** Requests not yet finished, oldest first, for the reconciler. */
  unfinished(statuses: RequestStatus[], olderThan: Date): Promise<ServiceRequestEntity[]> {
    return this.requests
      .createQueryBuilder('r')
      .where('r.status IN (:...statuses)', { statuses })
      .andWhere('r.updated_at < :olderThan', { olderThan })
      .orderBy('r.created_at', 'ASC')
      .take(500)
      .getMany();
  }
}

/** Associated data of a plan's sealed variables: the ciphertext opens only with its own id. */
const sealedAad = (id: string) => `superfluid/request-secrets/${id}`;

/** The values as stored and shown: secret fields replaced by a mask. */
function masked(values: Record<string, unknown>, secretFields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, secretFields.includes(k) && v !== undefined && v !== '' ? '********' : v]));
}
