import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { GitSchedules } from './git-schedules.js';
import { SyntaxChecks } from './syntax-checks.js';

/** As often as the requests' reconciler. */
const INTERVAL_MS = 5_000;

/**
 * In a worker: every few seconds, puts back in Redis what Postgres says should be there
 * for git — the repositories' refresh schedules, and the syntax checks of playbooks still
 * pending — so that a Redis that lost its data (FLUSHALL, a restore) stops nothing for
 * longer than a tick.
 */
@Injectable()
export class GitReconciler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GitReconciler.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly schedules: GitSchedules,
    private readonly syntax: SyntaxChecks,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.reconcile(), INTERVAL_MS);
  }

  async reconcile(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { added, removed } = await this.schedules.reconcile();
      if (added || removed) this.logger.log(`refresh schedules written to Redis: ${added}; removed from it: ${removed}`);
      await this.syntax.queuePending();
    } catch (err) {
      this.logger.warn(`git reconcile failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
