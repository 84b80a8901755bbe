import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ProvisionJob, WORKER_DIED } from './provision.job.js';
import { RequestsService } from './requests.service.js';
import { isBundlePlan } from './service-request.entity.js';
import { StateMachineRunner } from './state-machine.runner.js';

const INTERVAL_MS = 5_000;
/** A request this long in a state without its queue job present is stranded. */
const GRACE_MS = 5_000;

/**
 * Postgres is the source of truth: anything in a non-terminal state whose queue job is
 * missing (Redis lost, enqueue failed, crash between commit and enqueue) is queued again;
 * a request left `running` whose job's lease has lapsed (its worker died) is failed,
 * never silently re-run.
 */
@Injectable()
export class RequestsReconciler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RequestsReconciler.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly requests: RequestsService,
    private readonly jobs: JobsService,
    private readonly queues: QueueService,
    private readonly provision: ProvisionJob,
    private readonly machines: StateMachineRunner,
  ) {}

  start(): void {
    void this.reconcile();
    this.timer = setInterval(() => void this.reconcile(), INTERVAL_MS);
  }

  async reconcile(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const before = new Date(Date.now() - GRACE_MS);
      const queue = this.queues.queue(QueueName.REQUESTS);
      for (const request of await this.requests.unfinished(['pending', 'queued'], before)) {
        const job = await queue.getJob(request.id);
        const state = job ? await job.getState() : 'missing';
        if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') continue;
        if (job) await job.remove().catch(() => undefined);
        this.logger.log(`re-queueing stranded request ${request.id} (${request.status}, queue job ${state})`);
        await this.requests.enqueue(request.id);
      }
      // Liveness comes from Postgres (the job's lease), not from Redis: losing Redis must not
      // fail runs that are still going.
      for (const request of await this.requests.unfinished(['running'], before)) {
        if (isBundlePlan(request.plan)) {
          await this.machines.reconcile(request);
          continue;
        }
        if (await this.provision.isAlive(request)) continue;
        this.logger.warn(`request ${request.id} was running without a live worker: failing it`);
        await this.jobs.failRunning(request.id, WORKER_DIED);
        await this.requests.transition(request.id, ['running'], 'failed', WORKER_DIED);
      }
    } catch (err) {
      this.logger.warn(`reconcile failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
