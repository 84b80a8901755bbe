/** How a queue job's run ended: done, thrown (BullMQ retries or fails it), or put back delayed (waiting for a slot). */
export type QueueJobOutcome = 'completed' | 'failed' | 'delayed';

/** A worker of this process ran a queue job: announced once per run, for whoever counts them (metrics/). */
export class QueueJobRanEvent {
  static readonly NAME = 'queue.job-ran';

  constructor(
    readonly queue: string,
    readonly job: string,
    readonly outcome: QueueJobOutcome,
    readonly seconds: number,
  ) {}
}

/**
 * This process is stopping (SIGTERM) and its running queue jobs have used up the shutdown
 * grace period (SHUTDOWN_GRACE_SECONDS, less the time they need to stop): whoever runs
 * something long (a playbook) stops it now and stores why, before the process is killed.
 */
export class ShutdownGraceOverEvent {
  static readonly NAME = 'queue.shutdown-grace-over';

  constructor(readonly graceSeconds: number) {}
}
