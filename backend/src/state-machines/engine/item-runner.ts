import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { isFinished, JobsService, RUN_LEASE_MS } from '../../jobs/jobs.service.js';
import type { JobModel } from '../../jobs/models/job.model.js';
import { ProvidersService } from '../../providers/providers.service.js';
import { waitForSlot } from '../../queue/queue.service.js';
import type { RequestItemEntity } from '../../requests/request-item.entity.js';
import { RequestPlanner } from '../../requests/request-planner.js';
import { RequestQueue } from '../../requests/request-queue.js';
import { RequestStore } from '../../requests/request-store.js';

export const WORKER_DIED =
  'The worker running this request stopped before the playbook finished. It was not run again, because playbooks have side effects: check the target, then order again.';

/** How an item run was started: by its own queue job, or inside a step of its request's machine. */
export type ItemVia = { job: Job; token?: string } | 'inline';

/** What a request waiting for a provider slot says. */
export const WAITING_FOR_SLOT = 'Waiting for a free slot on its provider (it limits its concurrent jobs).';

/**
 * Runs one item of a request — the one path every playbook run of the portal takes:
 * a slot on providers that limit their concurrent jobs, the claim (queued → running, so it
 * never runs twice), the run at the commit its plan recorded, and the item's outcome.
 */
@Injectable()
export class ItemRunner {
  private readonly logger = new Logger(ItemRunner.name);

  constructor(
    private readonly store: RequestStore,
    private readonly queue: RequestQueue,
    private readonly planner: RequestPlanner,
    private readonly jobs: JobsService,
    private readonly providers: ProvidersService,
  ) {}

  /**
   * Runs a queued item of request `requestId` to its end. True when the item ended (ran, failed, or was found dead)
   * and its request has news; false when nothing happened here (not queued any more, another
   * worker has it, or it waits for a provider slot).
   */
  async run(requestId: string, itemId: string, via: ItemVia): Promise<boolean> {
    // Read side by side: the item says what to do, its request whether it still may.
    const [item, request] = await Promise.all([this.store.item(itemId), this.store.load(requestId)]);
    if (!item || item.requestId !== requestId) return false;
    if (item.status === 'running') {
      // Delivered again while claimed: running elsewhere, or its worker died. Never run it twice.
      if (await this.isAlive(item)) return false;
      if (!(await this.finishFromEndedJob(item))) await this.failDead(item);
      return true;
    }
    if (!request || item.status !== 'queued') return false;
    // `queued`: the request waits for a provider slot for this very item (see below).
    if (request.status !== 'running' && request.status !== 'queued') {
      // Its request failed or was canceled meanwhile: the item does not start.
      await this.store.cancelQueuedItem(item.id, `Not started: the request is ${request.status}.`);
      return false;
    }
    const plan = item.plan;
    // Providers that limit their concurrent jobs give a slot first, or the item waits (queued, delayed).
    const providerIds = [...new Set(plan.sites ? plan.sites.map((s) => s.providerId) : [plan.providerId])];
    const limits = await this.providers.limits(providerIds);
    let slot: string | undefined;
    if (Object.keys(limits).length) {
      const reserved = await this.jobs.reserve(
        {
          requestId: request.id,
          item: item.name,
          createdBy: request.requesterId,
          repoId: plan.repoId,
          commit: plan.commit,
          playbook: plan.playbook,
          extraVars: {},
          providerIds,
        },
        limits,
      );
      if (!reserved) {
        // Nothing of the request runs meanwhile: the request itself is queued again, and says why.
        const others = await this.store.items(request.id);
        if (request.status === 'running' && !others.some((i) => i.status === 'running')) {
          await this.store.transition(request.id, ['running'], 'queued', WAITING_FOR_SLOT);
        }
        if (via === 'inline') {
          await this.queue.queueItem(item.id, request.id);
          return false;
        }
        return waitForSlot(via.job, via.token);
      }
      slot = reserved;
    }
    if (!(await this.store.claimItem(item.id, slot ?? null))) {
      if (slot) await this.jobs.release(slot);
      return false;
    }
    // The step that started the item left its news to this claim: subscribers hear of both now.
    if (request.status === 'queued') await this.store.transition(request.id, ['queued'], 'running', null);
    else void this.store.publishChange(request.id);
    // A single playbook's order has this one item: nothing earlier to read.
    const all = request.plan.service?.outputs === 'flat' ? [item] : await this.store.items(request.id);
    const extraVars: Record<string, unknown> = { ...plan.extraVars };
    const missing: string[] = [];
    if (all.length > 1) {
      // What earlier items returned: all of it as superfluid_items, and the inputs the item names.
      const outputsOf = Object.fromEntries(all.filter((i) => i.index < item.index && i.status === 'successful').map((i) => [i.name, i.outputs ?? {}]));
      extraVars.superfluid_items = outputsOf;
      for (const [variable, source] of Object.entries(plan.inputs)) {
        const [from, output] = source.split('.');
        const value = (outputsOf[from] as Record<string, unknown> | undefined)?.[output];
        if (value === undefined) missing.push(`${variable} (from ${source})`);
        else extraVars[variable] = value;
      }
    }
    if (missing.length) {
      if (slot) await this.jobs.release(slot);
      await this.store.finishItem(item, 'failed', null, `Inputs missing from earlier items' outputs: ${missing.join(', ')}.`);
      return true;
    }
    try {
      const run = await this.jobs.run({
        jobId: slot,
        secretExtraVars: this.planner.unseal(plan),
        providerIds,
        requestId: request.id,
        item: item.name,
        createdBy: request.requesterId,
        repoId: plan.repoId,
        commit: plan.commit,
        playbook: plan.playbook,
        materials: async (runDir) =>
          this.providers.withVault(
            plan.sites ? await this.providers.materialsForSites(plan.sites, runDir) : await this.providers.materialsFor(plan.providerId, runDir),
            plan.vaultCredentialId,
            runDir,
          ),
        extraVars,
        options: plan.options,
        onCreated: (jobId) => this.store.setItemJob(item.id, jobId),
      });
      await this.finishFromRun(item, run);
    } catch (err) {
      this.logger.error(`item ${item.name} of request ${request.id}: ${(err as Error).stack}`);
      await this.store.finishItem(item, 'failed', null, `The portal failed while running it: ${(err as Error).message}`);
    }
    return true;
  }

  /** A running item is alive while its job's lease is fresh, or it was claimed within the lease (its job row on its way). */
  async isAlive(item: RequestItemEntity): Promise<boolean> {
    if (item.jobId && (await this.jobs.isLive(item.jobId))) return true;
    return item.startedAt !== null && Date.now() - item.startedAt.getTime() < RUN_LEASE_MS;
  }

  /** The item's outcome, from its run's. */
  private async finishFromRun(item: RequestItemEntity, run: Pick<JobModel, 'status' | 'error' | 'artifacts' | 'returnCode'>): Promise<void> {
    const playbook = item.plan.playbook;
    if (run.status === 'successful') await this.store.finishItem(item, 'successful', run.artifacts, null);
    else if (run.status === 'canceled') await this.store.finishItem(item, 'canceled', run.artifacts, `Playbook ${playbook}: ${run.error ?? 'canceled'}`);
    else {
      const why = run.error ?? `ansible-playbook exited with code ${run.returnCode}`;
      await this.store.finishItem(item, 'failed', run.artifacts, `Playbook ${playbook} ${run.status === 'error' ? 'could not run' : 'failed'}: ${why}`);
    }
  }

  /**
   * A running item whose run has ended (its worker stored the run's outcome, and is storing the
   * item's, or died in between): the item ends as its run did — never as a dead worker's.
   * False when it has no run yet or its run is still going.
   */
  async finishFromEndedJob(item: RequestItemEntity): Promise<boolean> {
    if (!item.jobId) return false;
    const run = await this.jobs.get(item.jobId).catch(() => null);
    if (!run || !isFinished(run.status)) return false;
    await this.finishFromRun(item, run);
    return true;
  }

  /** An item left running by a worker that died: failed, never run again. */
  async failDead(item: RequestItemEntity): Promise<void> {
    this.logger.warn(`item ${item.name} of request ${item.requestId} was running without a live worker: failing it`);
    if (item.jobId) await this.jobs.failJob(item.jobId, WORKER_DIED);
    await this.store.finishItem(item, 'failed', null, WORKER_DIED);
  }
}
