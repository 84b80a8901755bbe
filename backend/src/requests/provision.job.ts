import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service.js';
import { JobsService, LEASE_MS } from '../jobs/jobs.service.js';
import { ProvidersService } from '../providers/providers.service.js';
import type { ProvisionJobData } from '../queue/queue.constants.js';
import { waitForSlot } from '../queue/queue.service.js';
import { ServicesService } from '../services/services.service.js';
import { RequestsService } from './requests.service.js';
import { type RunPlan, ServiceRequestEntity } from './service-request.entity.js';

export const WORKER_DIED =
  'The worker running this request stopped before the playbook finished. It was not run again, because playbooks have side effects: check the target, then order again.';

/**
 * Provisions one request: claim it, run its playbook at the recorded commit, then create
 * the service from the run's set_stats outputs, or fail the request with Ansible's error.
 */
@Injectable()
export class ProvisionJob {
  private readonly logger = new Logger(ProvisionJob.name);

  constructor(
    private readonly requests: RequestsService,
    private readonly jobs: JobsService,
    private readonly providers: ProvidersService,
    private readonly services: ServicesService,
    private readonly catalog: CatalogService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async handle(job: Job<ProvisionJobData>, token?: string): Promise<void> {
    const request = await this.requests.load(job.data.requestId);
    if (!request) return;
    if (request.status === 'running') {
      // Delivered again while claimed: either the first delivery is still running it (a
      // queue hiccup), or its worker died. Never run it twice.
      if (await this.isAlive(request)) return;
      await this.jobs.failRunning(request.id, WORKER_DIED);
      await this.requests.transition(request.id, ['running'], 'failed', WORKER_DIED);
      return;
    }
    // A provider that limits its concurrent jobs gives a slot first, or the request waits (queued, delayed).
    const plan = request.plan as RunPlan;
    const limits = await this.providers.limits([plan.providerId]);
    let slot: string | undefined;
    if (Object.keys(limits).length) {
      const reserved = await this.jobs.reserve(
        { requestId: request.id, createdBy: request.requesterId, repoId: plan.repoId, commit: plan.commit, playbook: plan.playbook, extraVars: plan.extraVars, providerIds: [plan.providerId] },
        limits,
      );
      if (!reserved) {
        await this.requests.transition(request.id, ['pending', 'queued'], 'queued', 'Waiting for a free slot on its provider (it limits its concurrent jobs).');
        return waitForSlot(job, token);
      }
      slot = reserved;
    }
    if (!(await this.requests.transition(request.id, ['pending', 'queued'], 'running', null))) {
      if (slot) await this.jobs.release(slot);
      return;
    }
    try {
      await this.provision(request, slot);
    } catch (err) {
      this.logger.error(`request ${request.id}: ${(err as Error).stack}`);
      await this.jobs.failRunning(request.id, `Internal error: ${(err as Error).message}`);
      await this.requests.transition(request.id, ['running'], 'failed', `The portal failed while provisioning: ${(err as Error).message}`);
    }
  }

  /** A running request is alive while its job's lease is fresh, or it was claimed within the lease. */
  async isAlive(request: ServiceRequestEntity): Promise<boolean> {
    if (await this.jobs.hasLiveRun(request.id)) return true;
    return Date.now() - request.updatedAt.getTime() < LEASE_MS;
  }

  private async provision(request: ServiceRequestEntity, slot?: string): Promise<void> {
    const plan = request.plan as RunPlan;
    // Read while the playbook runs; only its name is needed, for the service.
    const templateLookup = this.catalog.findById(request.templateId);
    templateLookup.catch(() => undefined);
    const run = await this.jobs.run({
      jobId: slot,
      secretExtraVars: this.requests.unseal(plan),
      providerIds: [plan.providerId],
      requestId: request.id,
      createdBy: request.requesterId,
      repoId: plan.repoId,
      commit: plan.commit,
      playbook: plan.playbook,
      materials: async (runDir) => this.providers.withVault(await this.providers.materialsFor(plan.providerId, runDir), plan.vaultCredentialId, runDir),
      extraVars: plan.extraVars,
      options: plan.options,
    });
    if (run.status === 'canceled') {
      await this.requests.transition(request.id, ['running'], 'canceled', `Playbook ${plan.playbook}: ${run.error ?? 'canceled'}`);
      return;
    }
    if (run.status !== 'successful') {
      const why = run.error ?? `ansible-playbook exited with code ${run.returnCode}`;
      await this.requests.transition(request.id, ['running'], 'failed', `Playbook ${plan.playbook} ${run.status === 'error' ? 'could not run' : 'failed'}: ${why}`);
      return;
    }
    const template = await templateLookup;
    // The request must still be ours: one the reconciler already failed gets no service.
    const finished = await this.db.transaction(async (tx) => {
      if (!(await this.requests.transition(request.id, ['running'], 'finished', `Playbook ${plan.playbook} finished.`, tx))) return false;
      await this.services.create(tx, {
        name: `${template?.name ?? 'Service'} (${plan.playbook})`,
        requestId: request.id,
        templateId: request.templateId,
        ownerId: request.requesterId,
        providerId: plan.providerId,
        outputs: run.artifacts ?? {},
      });
      return true;
    });
    if (finished) await this.requests.publishChange(request.id);
    else this.logger.warn(`request ${request.id} was no longer running when its playbook finished: no service created`);
  }
}
