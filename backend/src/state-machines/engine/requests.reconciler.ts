import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { RequestQueue, requestJobId } from '../../requests/request-queue.js';
import { RequestStore } from '../../requests/request-store.js';
import { StateMachineEngine } from './state-machine.engine.js';

const INTERVAL_MS = 5_000;
/** A request this long in a state without its queue job present is stranded. */
const GRACE_MS = 5_000;

/**
 * Postgres is the source of truth: a request not yet started whose queue job is missing
 * (Redis lost, enqueue failed, crash between commit and enqueue) is queued again; a running
 * request gets its items checked (one left running by a worker that died is failed, never
 * silently re-run) and a step when nothing of it is live; a request whose time to be
 * approved is up is denied.
 */
@Injectable()
export class RequestsReconciler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RequestsReconciler.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly store: RequestStore,
    private readonly queue: RequestQueue,
    private readonly engine: StateMachineEngine,
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
      for (const request of await this.store.unfinished(['pending', 'queued'], before)) {
        const state = await this.queue.jobState(requestJobId(request.id));
        if (['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'].includes(state)) continue;
        await this.queue.removeJob(requestJobId(request.id));
        this.logger.log(`re-queueing stranded request ${request.id} (${request.status}, queue job ${state})`);
        await this.queue.enqueue(request.id);
      }
      // Liveness comes from Postgres (the job's lease), not from Redis: losing Redis must not
      // fail runs that are still going.
      for (const request of await this.store.unfinished(['running'], before)) await this.engine.reconcile(request);
      // A request whose time to be approved is up, should the delayed step that denies it be lost.
      for (const id of await this.store.overdueApprovals()) await this.engine.advance(id);
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
