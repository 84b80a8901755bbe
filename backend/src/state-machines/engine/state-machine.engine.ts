import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { WorkerLostEvent } from '../../jobs/job.events.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JobsService, LEASE_MS } from '../../jobs/jobs.service.js';
import { LifecycleService } from '../../lifecycle/lifecycle.service.js';
import type { RequestItemEntity } from '../../requests/request-item.entity.js';
import { itemJobId, RequestQueue } from '../../requests/request-queue.js';
import { RequestStore, type TransitionRecord } from '../../requests/request-store.js';
import type { ServiceRequestEntity } from '../../requests/service-request.entity.js';
import { STATE_METHOD_CLASSES } from '../methods/registry.js';
import type { StateContext, StateMethodHandler } from '../methods/state-method.js';
import type { Outcome, StateDef, StateMethod } from '../state-machine.types.js';
import { ItemRunner, type ItemVia, WORKER_DIED } from './item-runner.js';

/** A step that finds its request locked by another tries again this much later. */
const LOCK_RETRY_MS = 250;
/** A bound on the states one step walks through, against a machine that loops. */
const MAX_STEPS = 200;
/** Inside a step: the step publishes the request's change once, when it ends. */
const QUIET = { publish: false };

type Launch = Pick<RequestItemEntity, 'id' | 'name'>;
/** What a step has done and not stored yet: the state it is in, and the transitions that led there. */
interface Unsaved {
  state: string;
  attempt: number;
  records: TransitionRecord[];
}
/** A step's context: its request moves on from state to state; its progress is stored when it stops. */
type StepContext = Omit<StateContext, 'request'> & { request: ServiceRequestEntity; unsaved: Unsaved | null };

/**
 * Runs every request — a single playbook, a bundle, a retirement, a reconfiguration, a
 * rollback — as its state machine: each state calls a method of the registry, every
 * transition is stored. A step walks the machine from the request's current state under a
 * per-request lock until it waits (for items), retries later (a delayed queue job, never a
 * sleeping worker), fails or ends; the states it went through and its transitions are stored
 * together when it stops (one statement), before the items it started run. A step that dies
 * midway leaves the request in the last state stored, and the next step walks on from there:
 * state methods are written to be run again. Items a step starts run right after it in the
 * same worker (the first) or through the queue (the others), and their end walks the machine on.
 */
@Injectable()
export class StateMachineEngine implements OnModuleInit {
  private readonly logger = new Logger(StateMachineEngine.name);
  private methods = new Map<StateMethod, StateMethodHandler>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly store: RequestStore,
    private readonly queue: RequestQueue,
    private readonly items: ItemRunner,
    private readonly jobs: JobsService,
    private readonly lifecycle: LifecycleService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  onModuleInit(): void {
    for (const [name, type] of Object.entries(STATE_METHOD_CLASSES)) this.methods.set(name as StateMethod, this.moduleRef.get(type));
  }

  /** The queue's ADVANCE_REQUEST: one step, then the items it started, and the steps their end brings. */
  async handleAdvance(requestId: string): Promise<void> {
    await this.drive(requestId, await this.advance(requestId));
  }

  /** The queue's RUN_ITEM: one item (waiting for a provider slot if need be), then its request's next step. */
  async handleRunItem(job: Job<{ requestId: string; itemId: string }>, token?: string): Promise<void> {
    if (await this.items.run(job.data.requestId, job.data.itemId, { job, token } satisfies ItemVia)) await this.handleAdvance(job.data.requestId);
  }

  /**
   * Runs the items a step started: all but the first through the queue (other workers take
   * them in parallel), the first here, then the next step — as long as steps start items.
   */
  private async drive(requestId: string, started: Launch[]): Promise<void> {
    let launch = started;
    while (launch.length) {
      const [first, ...rest] = launch;
      for (const item of rest) await this.queue.queueItem(item.id, requestId);
      launch = (await this.items.run(requestId, first.id, 'inline')) ? await this.advance(requestId) : [];
    }
  }

  /**
   * One step: walks the machine from the current state until it waits, retries later, fails
   * or ends. Returns the items it started, for the caller to run.
   */
  async advance(requestId: string): Promise<Launch[]> {
    const launched: Launch[] = [];
    await this.withRequestLock(requestId, async () => {
      const loaded = await this.store.load(requestId);
      if (!loaded?.state) return;
      let request: ServiceRequestEntity = loaded;
      // A request queued again while an item waits for a provider slot has entered its state already.
      const known = loaded.status === 'queued' ? await this.store.items(requestId) : null;
      const entered = known?.some((i) => i.status !== 'pending') ?? false;
      if (request.status === 'pending_approval') return await this.lookAtApproval(this.context(request, launched));
      if (request.status === 'pending' || request.status === 'queued') {
        if (!(await this.store.transition(request.id, ['pending', 'queued'], 'running', null, QUIET))) return;
        request = { ...request, status: 'running', stateEnteredAt: new Date() };
      }
      if (request.status !== 'running') return;
      const ctx = this.context(request, launched, known);
      try {
        if (loaded.status !== 'running' && !entered) await this.enter(ctx, loaded.state, request.stateAttempt);
        for (let step = 0; step < MAX_STEPS; step++) {
          const states: StateDef[] = request.plan.machine.states;
          const at = states.findIndex((s) => s.name === request.state);
          const state = states[at];
          if (!state)
            return await this.save(ctx).then(() => this.fail(ctx, request.state ?? '', `State "${request.state}" is not in the request's state machine.`));
          const entered = request.stateEnteredAt?.getTime() ?? Date.now();
          if (state.maxTime && Date.now() - entered > state.maxTime * 1000) {
            await this.save(ctx);
            return await this.fail(ctx, state.name, `State "${state.name}" took longer than its max_time of ${state.maxTime} s.`, state);
          }
          const outcome = await this.call(state.method, ctx);
          if (outcome.kind !== 'ok') await this.save(ctx);
          switch (outcome.kind) {
            case 'wait':
              return;
            case 'retry': {
              if (request.stateAttempt < (state.maxRetries ?? 0)) {
                await this.store.retryState(request.id, state.name, request.stateAttempt + 1, outcome.message);
                await this.queue.trigger(request.id, (state.retryInterval ?? 5) * 1000);
                return;
              }
              return await this.fail(ctx, state.name, `${outcome.message} (gave up after ${state.maxRetries ?? 0} retries)`, state);
            }
            case 'error':
              return await this.fail(ctx, state.name, outcome.message, state);
            case 'canceled':
              return await this.cancel(ctx, state.name, outcome.message);
            case 'approval':
              return await this.awaitApproval(ctx, outcome.message);
            case 'denied':
              return await this.deny(ctx, state.name, outcome.message, 'running');
            case 'ok': {
              const done: TransitionRecord = { state: state.name, event: 'ok', attempt: request.stateAttempt, message: outcome.message ?? null };
              const exitHook = state.onExit ? await this.hook(ctx, state, state.onExit) : null;
              const records = exitHook ? [done, exitHook] : [done];
              const next: StateDef | undefined = states[at + 1];
              if (!next) {
                const said = outcome.message ? ` (${state.name}: ${outcome.message})` : '';
                const finished = await this.store.finish(
                  request.id,
                  { state: state.name, attempt: request.stateAttempt },
                  [...(ctx.unsaved?.records ?? []), ...records],
                  `Finished: every state of "${request.plan.machine.name}" succeeded${said}.`,
                );
                ctx.unsaved = null;
                if (!finished) this.logger.warn(`request ${request.id} was no longer running when its last state ended`);
                return;
              }
              request = { ...request, state: next.name, stateAttempt: 0, stateEnteredAt: new Date() };
              ctx.request = request;
              await this.enter(ctx, next.name, 0, records);
              continue;
            }
          }
        }
        this.logger.warn(`request ${requestId}: ${MAX_STEPS} steps in one advance; continuing in a new one`);
        await this.save(ctx);
        await this.queue.trigger(requestId);
      } finally {
        // Items started here publish when they are claimed, a moment from now.
        if (!launched.length) await this.store.publishChange(requestId);
      }
    });
    return launched;
  }

  /**
   * For the reconciler: a running request whose steps a crash may have lost. Items left
   * running by a dead worker are failed (never re-run); queued items whose queue job is gone
   * are queued again; and a request with nothing live gets a step.
   */
  async reconcile(request: ServiceRequestEntity): Promise<void> {
    if (!request.stateEnteredAt && Date.now() - request.updatedAt.getTime() > LEASE_MS) {
      // Claimed by a worker that died before its first state was recorded: failed, never silently re-run.
      await this.withRequestLock(request.id, async () => {
        if (await this.store.transition(request.id, ['running'], 'failed', WORKER_DIED)) this.workerLost(request);
      });
      return;
    }
    let live = false;
    let died = false;
    for (const item of await this.store.items(request.id)) {
      if (item.status === 'running') {
        if (await this.items.isAlive(item)) live = true;
        // Its run ended and its worker is storing the item's end (or died doing so): the item ends as its run did;
        // the request's next step follows from that worker, or from the trigger below.
        else if (await this.items.finishFromEndedJob(item)) continue;
        else {
          await this.items.failDead(item);
          died = true;
        }
      } else if (item.status === 'queued') {
        const state = await this.queue.jobState(itemJobId(item.id));
        if (!['waiting', 'active', 'delayed', 'prioritized'].includes(state)) {
          // Started by a step whose worker died before running it, or its queue job was lost.
          await this.queue.removeJob(itemJobId(item.id));
          await this.queue.queueItem(item.id, request.id);
        }
        live = true;
      }
    }
    if (died) {
      this.workerLost(request);
      // The step that follows is taken here, whatever role this process has (no worker may be
      // left to take it): the request fails at once, or the items it starts are queued.
      for (const item of await this.advance(request.id)) await this.queue.queueItem(item.id, request.id);
      return;
    }
    const state = request.plan.machine.states.find((s) => s.name === request.state);
    const quietFor = Date.now() - request.updatedAt.getTime();
    if (!live && quietFor > ((state?.retryInterval ?? 5) + 5) * 1000) await this.queue.trigger(request.id);
  }

  // ---- plumbing --------------------------------------------------------------------------

  /** Tells the listeners (alarms) that a worker died under this request; never throws. */
  private workerLost(request: ServiceRequestEntity): void {
    this.events.emitAsync(WorkerLostEvent.NAME, new WorkerLostEvent(request.id, request.tenantId)).catch(() => undefined);
  }

  /** `known`: the request's items as just read, if they were. */
  private context(request: ServiceRequestEntity, launched: Launch[], known: RequestItemEntity[] | null = null): StepContext {
    let items: Promise<RequestItemEntity[]> | null = known && Promise.resolve(known);
    const read = new Map<string, Promise<unknown>>();
    return {
      request,
      unsaved: null,
      items: () => (items ??= this.store.items(request.id)),
      itemsChanged: (update) => {
        items = update && items ? items.then(update) : null;
      },
      once: <T>(key: string, load: () => Promise<T>): Promise<T> => {
        if (!read.has(key)) read.set(key, load());
        return read.get(key) as Promise<T>;
      },
      launch: (started) => launched.push(...started),
    };
  }

  private async call(method: StateMethod, ctx: StateContext): Promise<Outcome> {
    const handler = this.methods.get(method);
    if (!handler) return { kind: 'error', message: `State method "${method}" is not known to this worker.` };
    try {
      return await handler.run(ctx);
    } catch (err) {
      this.logger.error(`request ${ctx.request.id}: ${method}: ${(err as Error).stack}`);
      return { kind: 'error', message: `${method} failed: ${(err as Error).message}` };
    }
  }

  /**
   * Enters a state (after what came before it, `done`), runs its on_entry, and schedules its
   * max_time check. Stored with the rest of the step's progress when the step stops (`save`).
   */
  private async enter(ctx: StepContext, state: string, attempt: number, done: TransitionRecord[] = []): Promise<void> {
    const { request } = ctx;
    const unsaved: Unsaved = { state, attempt, records: [...(ctx.unsaved?.records ?? []), ...done, { state, event: 'entered', attempt, message: null }] };
    ctx.unsaved = unsaved;
    const def = request.plan.machine.states.find((s) => s.name === state);
    if (def?.onEntry) unsaved.records.push(await this.hook(ctx, def, def.onEntry));
    // A state that waits (for items, or a slot) is looked at again when its max_time is up.
    if (def?.maxTime) await this.queue.trigger(request.id, def.maxTime * 1000 + 1000);
  }

  /** Stores the step's progress not stored yet: the state it is in, and the transitions that led there. */
  private async save(ctx: StepContext): Promise<void> {
    const { unsaved } = ctx;
    if (!unsaved) return;
    await this.store.saveProgress(ctx.request.id, unsaved.state, unsaved.attempt, unsaved.records);
    ctx.unsaved = null;
  }

  /** on_entry / on_exit / on_error: a method called for its effect; its failure is recorded, not fatal. */
  private async hook(ctx: StateContext, state: StateDef, method: StateMethod): Promise<TransitionRecord> {
    const outcome = await this.call(method, ctx);
    const message = outcome.kind === 'ok' ? (outcome.message ?? 'ok') : outcome.kind === 'wait' ? 'waiting' : outcome.message;
    return { state: state.name, event: 'hook', attempt: ctx.request.stateAttempt, message: `${method}: ${message}` };
  }

  private async fail(ctx: StateContext, state: string, message: string, def?: StateDef): Promise<void> {
    const { request } = ctx;
    await this.store.record(request.id, { state, event: 'error', attempt: request.stateAttempt, message });
    await this.stopItems(request, `Not started: state "${state}" failed.`);
    if (def?.onError) await this.store.record(request.id, await this.hook(ctx, def, def.onError));
    let note = '';
    if ((request.plan.onFailure === 'rollback' && request.plan.action === 'provision') || request.plan.action === 'migrate') {
      // The template asks for what was deployed to be undone by its retirement playbooks (a
      // migration always: what it put on the new providers goes, the old placement stays).
      const rollback = await this.lifecycle.rollback(request.id).catch((err: Error) => {
        this.logger.error(`request ${request.id}: rollback not started: ${err.message}`);
        return null;
      });
      note = rollback ? `\nWhat was deployed is being rolled back by request ${rollback}.` : '';
      if (rollback) await this.store.record(request.id, { state, event: 'hook', attempt: request.stateAttempt, message: `rollback: request ${rollback}` });
    }
    await this.store.transition(request.id, ['running'], 'failed', `State "${state}" failed: ${message}${note}`, QUIET);
  }

  /** A user stopped what the request ran: it ends canceled, and nothing more of it starts. */
  private async cancel(ctx: StateContext, state: string, message: string): Promise<void> {
    const { request } = ctx;
    await this.store.record(request.id, { state, event: 'error', attempt: request.stateAttempt, message });
    await this.stopItems(request, `Not started: the request was canceled.`);
    await this.store.transition(request.id, ['running'], 'canceled', message, QUIET);
  }

  /**
   * The request waits for its approvers: pending_approval (a decision moves it on, see
   * ApprovalsService), looked at again when its time to be decided is up.
   */
  private async awaitApproval(ctx: StepContext, message: string): Promise<void> {
    const { request } = ctx;
    if (!(await this.store.transition(request.id, ['running'], 'pending_approval', message, QUIET))) return;
    const hours = request.plan.approval?.timeoutHours;
    const since = request.stateEnteredAt?.getTime() ?? Date.now();
    if (hours) await this.queue.trigger(request.id, Math.max(0, since + hours * 3_600_000 - Date.now()) + 1000);
  }

  /**
   * A request pending approval, looked at when its time is up (or by the reconciler): its
   * state's method says whether it is denied now. Approvals move it on by themselves.
   */
  private async lookAtApproval(ctx: StepContext): Promise<void> {
    const state = ctx.request.plan.machine.states.find((s) => s.name === ctx.request.state);
    if (!state) return;
    const outcome = await this.call(state.method, ctx);
    if (outcome.kind === 'denied') await this.deny(ctx, state.name, outcome.message, 'pending_approval');
  }

  /**
   * No approval: the request ends denied, and nothing of it runs — only if it is still `from`
   * (an approval that came in at the last moment has moved it on: then it is not denied).
   */
  private async deny(ctx: StateContext, state: string, message: string, from: 'running' | 'pending_approval'): Promise<void> {
    const { request } = ctx;
    if (!(await this.store.transition(request.id, [from], 'denied', message, QUIET))) return;
    await this.store.record(request.id, { state, event: 'error', attempt: request.stateAttempt, message });
    await this.store.cancelOpenItems(request.id, 'Not started: the request was denied.');
  }

  /** Nothing more starts; what runs is asked to stop (its outcome is still recorded). */
  private async stopItems(request: ServiceRequestEntity, message: string): Promise<void> {
    await this.store.cancelOpenItems(request.id, message);
    for (const item of await this.store.items(request.id)) {
      if (item.status === 'running' && item.jobId) await this.jobs.cancel(item.jobId, request.requesterId).catch(() => undefined);
    }
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
    if (!held) await this.queue.trigger(requestId, LOCK_RETRY_MS);
  }
}
