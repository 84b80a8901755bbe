import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppError, ErrorCode, notFound } from '../common/app-error.js';
import type { StateDef, StateMethod } from '../catalog/catalog.types.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { JobsService, LEASE_MS } from '../jobs/jobs.service.js';
import { ProvidersService } from '../providers/providers.service.js';
import { JobName, QueueName, type RunItemJobData } from '../queue/queue.constants.js';
import { QueueService, waitForSlot } from '../queue/queue.service.js';
import type { Job } from 'bullmq';
import { ServicesService } from '../services/services.service.js';
import type { UserModel } from '../users/models/user.model.js';
import type { ServiceRequestModel } from './models/service-request.model.js';
import { WORKER_DIED } from './provision.job.js';
import { RequestItemEntity } from './request-item.entity.js';
import { RequestTransitionEntity, type TransitionEvent } from './request-transition.entity.js';
import { RequestsService } from './requests.service.js';
import { isBundlePlan, ServiceRequestEntity } from './service-request.entity.js';

/** What a state's method says: go on, wait for an item to finish, try again later, or fail. */
export type Outcome = { kind: 'ok'; message?: string } | { kind: 'wait' } | { kind: 'retry'; message: string } | { kind: 'error'; message: string };

type Method = (request: ServiceRequestEntity) => Promise<Outcome>;

/** A step that finds its request locked by another tries again this much later. */
const LOCK_RETRY_MS = 250;
/** A bound on the states one advance walks through, against a machine that loops. */
const MAX_STEPS = 200;

/**
 * Runs the state machines of bundle requests. Each step is a queue job carrying the
 * request id (ADVANCE_REQUEST); it walks the machine from the request's current state
 * under a per-request lock, persisting every transition. A method that must wait for
 * items returns `wait` (an item's end queues the next step); a retry is a delayed queue
 * job, never a sleeping worker; a failed request can be resumed from the state that failed.
 */
@Injectable()
export class StateMachineRunner {
  private readonly logger = new Logger(StateMachineRunner.name);
  private readonly methods: Record<StateMethod, Method> = {
    refresh_repositories: (r) => this.refreshRepositories(r),
    validate_request: (r) => this.validateRequest(r),
    run_playbook: (r) => this.runPlaybook(r),
    wait_for_jobs: (r) => this.waitForJobs(r),
    collect_outputs: (r) => this.collectOutputs(r),
    create_service: (r) => this.createService(r),
    retire_service: (r) => this.retireService(r),
    update_service: (r) => this.updateService(r),
  };

  constructor(
    private readonly requests: RequestsService,
    private readonly catalog: CatalogService,
    private readonly repos: GitReposService,
    private readonly jobs: JobsService,
    private readonly providers: ProvidersService,
    private readonly services: ServicesService,
    private readonly queues: QueueService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Queues a step of the request's machine now, or after `delayMs`. */
  async trigger(requestId: string, delayMs = 0): Promise<void> {
    const id = `advance-${requestId}-${Date.now()}-${randomBytes(3).toString('hex')}`;
    await this.queues.add(QueueName.REQUESTS, JobName.ADVANCE_REQUEST, { requestId }, id, { attempts: 1, delay: delayMs });
  }

  /** One step: walks the machine from the current state until it waits, retries later, fails or ends. */
  async advance(requestId: string): Promise<void> {
    await this.withRequestLock(requestId, async () => {
      for (let step = 0; step < MAX_STEPS; step++) {
        const request = await this.requests.load(requestId);
        if (!request || !isBundlePlan(request.plan) || !request.state) return;
        if (request.status === 'pending' || request.status === 'queued') {
          if (!(await this.requests.transition(request.id, ['pending', 'queued'], 'running', null))) return;
          await this.enter(request, request.state, request.stateAttempt);
          continue;
        }
        if (request.status !== 'running') return;
        const states = request.plan.machine.states;
        const at = states.findIndex((s) => s.name === request.state);
        const state = states[at];
        if (!state) return this.fail(request, request.state, `State "${request.state}" is not in the request's state machine.`);
        const entered = request.stateEnteredAt?.getTime() ?? Date.now();
        if (state.maxTime && Date.now() - entered > state.maxTime * 1000) {
          return this.fail(request, state.name, `State "${state.name}" took longer than its max_time of ${state.maxTime} s.`, state);
        }
        const outcome = await this.call(state.method, request);
        switch (outcome.kind) {
          case 'wait':
            return;
          case 'retry': {
            if (request.stateAttempt < (state.maxRetries ?? 0)) {
              await this.record(request.id, state.name, 'retry', request.stateAttempt + 1, outcome.message);
              await this.db.getRepository(ServiceRequestEntity).update(request.id, { stateAttempt: request.stateAttempt + 1 });
              await this.trigger(request.id, (state.retryInterval ?? 5) * 1000);
              await this.requests.publishChange(request.id);
              return;
            }
            return this.fail(request, state.name, `${outcome.message} (gave up after ${state.maxRetries ?? 0} retries)`, state);
          }
          case 'error':
            return this.fail(request, state.name, outcome.message, state);
          case 'ok': {
            await this.record(request.id, state.name, 'ok', request.stateAttempt, outcome.message ?? null);
            if (state.onExit) await this.hook(request, state, state.onExit);
            const next = states[at + 1];
            if (!next) {
              await this.requests.transition(request.id, ['running'], 'finished', `Finished: every state of "${request.plan.machine.name}" succeeded.`);
              return;
            }
            await this.enter(request, next.name, 0);
            continue;
          }
        }
      }
      this.logger.warn(`request ${requestId}: ${MAX_STEPS} steps in one advance; continuing in a new one`);
      await this.trigger(requestId);
    });
  }

  /** Runs the failed request again from the state that failed, after its cause was fixed. */
  async resume(user: UserModel, id: string): Promise<ServiceRequestModel> {
    const request = await this.requests.load(id);
    if (!request) throw notFound('Service request', id);
    if (!isBundlePlan(request.plan) || !request.state) {
      throw new AppError(ErrorCode.CONFLICT, 'Only a bundle request has states to resume from: use retryServiceRequest to order this one again.');
    }
    if (request.status !== 'failed') throw new AppError(ErrorCode.CONFLICT, `This request is ${request.status}: only a failed request can be resumed.`);
    await this.db.transaction(async (tx) => {
      await tx.update(RequestItemEntity, { requestId: id, status: In(['failed', 'canceled']) }, { status: 'pending', message: null, finishedAt: null });
      await tx.update(ServiceRequestEntity, { id, status: 'failed' }, {
        status: 'queued',
        stateAttempt: 0,
        stateEnteredAt: new Date(),
        finishedAt: null,
        message: `Resumed by ${user.username} from state "${request.state}".`,
      });
      await tx.insert(RequestTransitionEntity, { requestId: id, state: request.state ?? '', event: 'resumed', attempt: 0, message: `by ${user.username}` });
    });
    await this.requests.publishChange(id);
    await this.trigger(id);
    return this.requests.get(id);
  }

  /** The worker's part for one item: run its playbook, record the outcome, and queue the next step. */
  async runItem(queued: Job<RunItemJobData>, token?: string): Promise<void> {
    const { requestId, itemId } = queued.data;
    const items = this.db.getRepository(RequestItemEntity);
    const item = await items.findOneBy({ id: itemId });
    if (!item) return;
    if (item.status === 'running') {
      // Delivered again while claimed: running elsewhere, or its worker died. Never run it twice.
      if (await this.itemAlive(item)) return;
      await this.failDeadItem(item);
      return;
    }
    const request = await this.requests.load(requestId);
    if (!request || item.status !== 'queued') return;
    if (request.status !== 'running') {
      // Its request failed or was canceled meanwhile: the item does not start.
      await items.update({ id: item.id, status: 'queued' }, { status: 'canceled', message: `Not started: the request is ${request.status}.`, finishedAt: new Date() });
      return;
    }
    // Providers that limit their concurrent jobs give a slot first, or the item waits (queued, delayed).
    const providerIds = [...new Set(item.plan.sites ? item.plan.sites.map((s) => s.providerId) : [item.plan.providerId])];
    const limits = await this.providers.limits(providerIds);
    let slot: string | undefined;
    if (Object.keys(limits).length) {
      const reserved = await this.jobs.reserve(
        { requestId, item: item.name, createdBy: request.requesterId, repoId: item.plan.repoId, commit: item.plan.commit, playbook: item.plan.playbook, extraVars: {}, providerIds },
        limits,
      );
      if (!reserved) return waitForSlot(queued, token);
      slot = reserved;
    }
    const claimed = await items.update({ id: item.id, status: 'queued' }, { status: 'running', startedAt: new Date(), jobId: slot ?? null });
    if (!claimed.affected) {
      if (slot) await this.jobs.release(slot);
      return;
    }
    await this.requests.publishChange(requestId);
    const all = await this.requests.items(requestId);
    const outputsOf = Object.fromEntries(all.filter((i) => i.index < item.index && i.status === 'successful').map((i) => [i.name, i.outputs ?? {}]));
    const extraVars: Record<string, unknown> = { ...item.plan.extraVars, superfluid_items: outputsOf };
    const missing: string[] = [];
    for (const [variable, source] of Object.entries(item.plan.inputs)) {
      const [from, output] = source.split('.');
      const value = (outputsOf[from] as Record<string, unknown> | undefined)?.[output];
      if (value === undefined) missing.push(`${variable} (from ${source})`);
      else extraVars[variable] = value;
    }
    if (missing.length) {
      if (slot) await this.jobs.release(slot);
      await this.finishItem(item, 'failed', null, `Inputs missing from earlier items' outputs: ${missing.join(', ')}.`);
      await this.trigger(requestId);
      return;
    }
    try {
      const run = await this.jobs.run({
        jobId: slot,
        secretExtraVars: this.requests.unseal(item.plan),
        providerIds,
        requestId,
        item: item.name,
        createdBy: request.requesterId,
        repoId: item.plan.repoId,
        commit: item.plan.commit,
        playbook: item.plan.playbook,
        materials: async (runDir) =>
          this.providers.withVault(
            item.plan.sites ? await this.providers.materialsForSites(item.plan.sites, runDir) : await this.providers.materialsFor(item.plan.providerId, runDir),
            item.plan.vaultCredentialId,
            runDir,
          ),
        extraVars,
        options: item.plan.options,
        onCreated: async (jobId) => {
          await items.update(item.id, { jobId });
        },
      });
      const status = run.status === 'successful' ? 'successful' : run.status === 'canceled' ? 'canceled' : 'failed';
      const why = run.error ?? (run.returnCode !== null ? `ansible-playbook exited with code ${run.returnCode}` : null);
      await this.finishItem(item, status, run.artifacts, status === 'successful' ? null : `Playbook ${item.plan.playbook}: ${why ?? run.status}`);
    } catch (err) {
      await this.finishItem(item, 'failed', null, `The portal failed while running it: ${(err as Error).message}`);
    }
    await this.trigger(requestId);
  }

  /**
   * For the reconciler: running bundle requests whose steps a crash may have lost.
   * Items left running by a dead worker are failed (never re-run); queued items whose
   * queue job is gone are queued again; and a request with nothing live gets a step.
   */
  async reconcile(request: ServiceRequestEntity): Promise<void> {
    if (!isBundlePlan(request.plan)) return;
    const all = await this.requests.items(request.id);
    let live = false;
    for (const item of all) {
      if (item.status === 'running') {
        if (await this.itemAlive(item)) live = true;
        else await this.failDeadItem(item);
      } else if (item.status === 'queued') {
        const job = await this.queues.queue(QueueName.REQUESTS).getJob(itemJobId(item.id));
        const state = job ? await job.getState() : 'missing';
        if (['waiting', 'active', 'delayed', 'prioritized'].includes(state)) live = true;
        else {
          if (job) await job.remove().catch(() => undefined);
          await this.queueItem(item.id, request.id);
          live = true;
        }
      }
    }
    const state = request.plan.machine.states.find((s) => s.name === request.state);
    const quietFor = Date.now() - request.updatedAt.getTime();
    if (!live && quietFor > ((state?.retryInterval ?? 5) + 5) * 1000) await this.trigger(request.id);
  }

  // ---- the built-in methods -------------------------------------------------------------

  /** Refreshes every repository the request's items still to run use, and moves them to its new commit. */
  private async refreshRepositories(request: ServiceRequestEntity): Promise<Outcome> {
    const pending = (await this.requests.items(request.id)).filter((i) => i.status === 'pending');
    const names = [...new Set(pending.map((i) => i.plan.repoName))];
    const moved: string[] = [];
    for (const name of names) {
      const repo = await this.repos.findByName(name);
      if (!repo) return { kind: 'error', message: `Git repository "${name}" no longer exists.` };
      try {
        await this.repos.refresh(repo.id);
      } catch (err) {
        return { kind: 'retry', message: (err as Error).message };
      }
      const snapshot = await this.repos.snapshot(name);
      if (!snapshot?.commit) return { kind: 'error', message: `Git repository "${name}" has no commit to run.` };
      for (const item of pending.filter((i) => i.plan.repoName === name)) {
        if (!snapshot.playbooks.includes(item.plan.playbook)) {
          return { kind: 'error', message: `Item "${item.name}": ${item.plan.playbook} is no longer a playbook of "${name}" at ${snapshot.commit.slice(0, 12)}.` };
        }
        if (item.plan.commit !== snapshot.commit) {
          await this.db.query('UPDATE request_items SET plan = $2 WHERE id = $1', [item.id, JSON.stringify({ ...item.plan, commit: snapshot.commit })]);
          moved.push(`${item.name} → ${snapshot.commit.slice(0, 12)}`);
        }
      }
    }
    return { kind: 'ok', message: `refreshed ${names.join(', ') || 'nothing'}${moved.length ? `; items moved to the new commit: ${moved.join(', ')}` : ''}` };
  }

  /** Everything the items need still exists: their repository, enabled, and their provider. */
  private async validateRequest(request: ServiceRequestEntity): Promise<Outcome> {
    for (const item of await this.requests.items(request.id)) {
      const repo = await this.repos.findByName(item.plan.repoName);
      if (!repo) return { kind: 'error', message: `Item "${item.name}": git repository "${item.plan.repoName}" no longer exists.` };
      if (!repo.enabled) return { kind: 'error', message: `Item "${item.name}": git repository "${repo.name}" is disabled.` };
      if (!(await this.providers.exists(item.plan.providerId))) return { kind: 'error', message: `Item "${item.name}": its provider no longer exists.` };
    }
    return { kind: 'ok' };
  }

  /** Starts the pending items of the lowest index that has not succeeded yet. */
  private async runPlaybook(request: ServiceRequestEntity): Promise<Outcome> {
    const started = await this.startNextIndex(request.id);
    return { kind: 'ok', message: started.length ? `started ${started.join(', ')}` : 'nothing left to start' };
  }

  /** Waits for the running index; starts the next one when it succeeded; fails on a failed item. */
  private async waitForJobs(request: ServiceRequestEntity): Promise<Outcome> {
    const all = await this.requests.items(request.id);
    const open = all.filter((i) => i.status !== 'successful');
    if (open.length === 0) return { kind: 'ok', message: `${all.length} items succeeded` };
    const index = Math.min(...open.map((i) => i.index));
    const current = open.filter((i) => i.index === index);
    const failed = current.filter((i) => i.status === 'failed' || i.status === 'canceled');
    if (failed.length && !current.some((i) => i.status === 'running' || i.status === 'queued')) {
      const done = all.filter((i) => i.status === 'successful').map((i) => (i.plan.site ? `${i.name} (site ${i.plan.site})` : i.name));
      const rollback = isBundlePlan(request.plan) && request.plan.onFailure === 'rollback';
      return {
        kind: 'error',
        message:
          failed.map((i) => `Item "${i.name}"${i.plan.site ? ` (site ${i.plan.site})` : ''} ${i.status}: ${i.message ?? 'no message'}`).join('\n') +
          (done.length ? `\nAlready deployed${rollback ? ', to be rolled back' : ' and kept'}: ${done.join(', ')}.` : ''),
      };
    }
    if (current.some((i) => i.status === 'pending') && !failed.length) await this.startNextIndex(request.id);
    return { kind: 'wait' };
  }

  /** Every item succeeded; their outputs are gathered for the service. */
  private async collectOutputs(request: ServiceRequestEntity): Promise<Outcome> {
    const all = await this.requests.items(request.id);
    const notDone = all.filter((i) => i.status !== 'successful');
    if (notDone.length) return { kind: 'error', message: `Items not finished: ${notDone.map((i) => `${i.name} (${i.status})`).join(', ')}.` };
    const keys = all.flatMap((i) => Object.keys(i.outputs ?? {}).map((k) => `${i.name}.${k}`));
    return { kind: 'ok', message: keys.length ? `outputs: ${keys.join(', ')}` : 'no outputs' };
  }

  /** The service of the request, with every item's outputs (once: a resumed request does not make a second). */
  private async createService(request: ServiceRequestEntity): Promise<Outcome> {
    if (await this.services.forRequest(request.id)) return { kind: 'ok', message: 'the service exists already' };
    const all = await this.requests.items(request.id);
    const template = await this.catalog.findById(request.templateId);
    const outputs: Record<string, unknown> = {};
    for (const item of all) Object.assign(outputs, item.outputs ?? {});
    outputs.items = Object.fromEntries(all.map((i) => [i.name, i.outputs ?? {}]));
    await this.db.transaction((tx) =>
      this.services.create(tx, {
        name: template?.name ?? 'Bundle',
        requestId: request.id,
        templateId: request.templateId,
        ownerId: request.requesterId,
        providerId: all[0]?.plan.providerId ?? null,
        // Every site's provider: each item's run holds the whole inventory.
        providerIds: all.flatMap((i) => [i.plan.providerId, ...(i.plan.sites ?? []).map((s) => s.providerId)]),
        outputs,
      }),
    );
    return { kind: 'ok', message: 'service created' };
  }

  /** The service the request retires is marked retired (what its items deployed was removed by their playbooks). */
  private async retireService(request: ServiceRequestEntity): Promise<Outcome> {
    if (isBundlePlan(request.plan) && request.plan.action === 'rollback') return { kind: 'ok', message: `rolled back what request ${request.plan.rollbackOf} deployed` };
    const serviceId = isBundlePlan(request.plan) ? request.plan.serviceId : undefined;
    if (!serviceId) return { kind: 'error', message: 'retire_service is for retirement requests: this request retires no service.' };
    const retired = await this.services.retire(serviceId);
    return { kind: 'ok', message: retired ? 'service retired' : 'the service was retired already' };
  }

  /** The service a reconfiguration changed takes the outputs its items returned (merged over what it had). */
  private async updateService(request: ServiceRequestEntity): Promise<Outcome> {
    const plan = request.plan;
    if (!isBundlePlan(plan) || plan.action !== 'reconfigure' || !plan.serviceId) {
      return { kind: 'error', message: 'update_service is for reconfiguration requests: this request reconfigures no service.' };
    }
    const service = await this.services.get(plan.serviceId);
    const outputs: Record<string, unknown> = { ...service.outputs };
    const perItem = (outputs.items && typeof outputs.items === 'object' ? { ...(outputs.items as Record<string, Record<string, unknown>>) } : null);
    for (const item of await this.requests.items(request.id)) {
      Object.assign(outputs, item.outputs ?? {});
      if (perItem && item.name in perItem) perItem[item.name] = { ...perItem[item.name], ...(item.outputs ?? {}) };
    }
    if (perItem) outputs.items = perItem;
    const updated = await this.services.reconfigured(plan.serviceId, outputs);
    return updated ? { kind: 'ok', message: 'service updated' } : { kind: 'error', message: 'The service is no longer active: it was not updated.' };
  }

  // ---- plumbing --------------------------------------------------------------------------

  private async call(method: StateMethod, request: ServiceRequestEntity): Promise<Outcome> {
    try {
      return await this.methods[method](request);
    } catch (err) {
      this.logger.error(`request ${request.id}: ${method}: ${(err as Error).stack}`);
      return { kind: 'error', message: `${method} failed: ${(err as Error).message}` };
    }
  }

  private async enter(request: ServiceRequestEntity, state: string, attempt: number): Promise<void> {
    await this.db.getRepository(ServiceRequestEntity).update(request.id, { state, stateAttempt: attempt, stateEnteredAt: new Date() });
    await this.record(request.id, state, 'entered', attempt, null);
    const def = isBundlePlan(request.plan) ? request.plan.machine.states.find((s) => s.name === state) : undefined;
    if (def?.onEntry) await this.hook({ ...request, state }, def, def.onEntry);
    // A state that waits (for items, or a slot) is looked at again when its max_time is up.
    if (def?.maxTime) await this.trigger(request.id, def.maxTime * 1000 + 1000);
    await this.requests.publishChange(request.id);
  }

  /** on_entry / on_exit / on_error: a method called for its effect; its failure is recorded, not fatal. */
  private async hook(request: ServiceRequestEntity, state: StateDef, method: StateMethod): Promise<void> {
    const outcome = await this.call(method, request);
    const message = outcome.kind === 'ok' ? (outcome.message ?? 'ok') : outcome.kind === 'wait' ? 'waiting' : outcome.message;
    await this.record(request.id, state.name, 'hook', request.stateAttempt, `${method}: ${message}`);
  }

  private async fail(request: ServiceRequestEntity, state: string, message: string, def?: StateDef): Promise<void> {
    await this.record(request.id, state, 'error', request.stateAttempt, message);
    // Nothing more starts; what runs is asked to stop (its outcome is still recorded).
    await this.db.getRepository(RequestItemEntity).update(
      { requestId: request.id, status: In(['pending', 'queued']) },
      { status: 'canceled', message: `Not started: state "${state}" failed.`, finishedAt: new Date() },
    );
    for (const item of await this.requests.items(request.id)) {
      if (item.status === 'running' && item.jobId) await this.jobs.cancel(item.jobId, request.requesterId).catch(() => undefined);
    }
    if (def?.onError) await this.hook(request, def, def.onError);
    let note = '';
    const plan = request.plan;
    if (isBundlePlan(plan) && plan.onFailure === 'rollback' && (plan.action ?? 'provision') === 'provision') {
      // The template asks for what was deployed to be undone by its retirement playbooks.
      const rollback = await this.requests.rollback(request.id).catch((err: Error) => {
        this.logger.error(`request ${request.id}: rollback not started: ${err.message}`);
        return null;
      });
      note = rollback ? `\nWhat was deployed is being rolled back by request ${rollback}.` : '';
      if (rollback) await this.record(request.id, state, 'hook', request.stateAttempt, `rollback: request ${rollback}`);
    }
    await this.requests.transition(request.id, ['running'], 'failed', `State "${state}" failed: ${message}${note}`);
  }

  private async record(requestId: string, state: string, event: TransitionEvent, attempt: number, message: string | null): Promise<void> {
    await this.db.getRepository(RequestTransitionEntity).insert({ requestId, state, event, attempt, message: message?.slice(0, 4000) ?? null });
  }

  private async startNextIndex(requestId: string): Promise<string[]> {
    const all = await this.requests.items(requestId);
    const open = all.filter((i) => i.status !== 'successful');
    if (!open.length) return [];
    const index = Math.min(...open.map((i) => i.index));
    const started: string[] = [];
    for (const item of open.filter((i) => i.index === index && i.status === 'pending')) {
      const moved = await this.db.getRepository(RequestItemEntity).update({ id: item.id, status: 'pending' }, { status: 'queued' });
      if (!moved.affected) continue;
      await this.queueItem(item.id, requestId);
      started.push(item.name);
    }
    return started;
  }

  private async queueItem(itemId: string, requestId: string): Promise<void> {
    // A resumed item reuses its id: an ended queue job under that id would swallow the new one.
    const old = await this.queues.queue(QueueName.REQUESTS).getJob(itemJobId(itemId));
    if (old && ['completed', 'failed'].includes(await old.getState())) await old.remove().catch(() => undefined);
    await this.queues.add(QueueName.REQUESTS, JobName.RUN_ITEM, { requestId, itemId }, itemJobId(itemId), { attempts: 1 });
  }

  private async finishItem(item: RequestItemEntity, status: 'successful' | 'failed' | 'canceled', outputs: Record<string, unknown> | null, message: string | null) {
    await this.db.query(
      `UPDATE request_items SET status = $2, outputs = $3, message = $4, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [item.id, status, outputs === null ? null : JSON.stringify(outputs), message?.slice(0, 4000) ?? null],
    );
    await this.requests.publishChange(item.requestId);
  }

  /** A running item is alive while its job's lease is fresh, or it was claimed within the lease. */
  private async itemAlive(item: RequestItemEntity): Promise<boolean> {
    if (item.jobId && (await this.jobs.isLive(item.jobId))) return true;
    return item.startedAt !== null && Date.now() - item.startedAt.getTime() < LEASE_MS;
  }

  private async failDeadItem(item: RequestItemEntity): Promise<void> {
    this.logger.warn(`item ${item.name} of request ${item.requestId} was running without a live worker: failing it`);
    if (item.jobId) await this.jobs.failJob(item.jobId, WORKER_DIED);
    await this.finishItem(item, 'failed', null, WORKER_DIED);
    await this.trigger(item.requestId);
  }

  /**
   * One step of a request at a time, across processes (a Postgres advisory lock). A step
   * that finds the lock taken does not wait holding a connection and a worker slot: it
   * queues itself again shortly (the holder may have looked before this step's news).
   */
  private async withRequestLock(requestId: string, work: () => Promise<void>): Promise<void> {
    const key = `request:${requestId}`;
    const lock = this.db.createQueryRunner();
    await lock.connect();
    let held = false;
    try {
      const [row] = (await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key])) as { ok: boolean }[];
      held = row.ok;
      if (held) await work();
    } finally {
      if (held) await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      await lock.release();
    }
    if (!held) await this.trigger(requestId, LOCK_RETRY_MS);
  }
}

const itemJobId = (itemId: string) => `item-${itemId}`;
