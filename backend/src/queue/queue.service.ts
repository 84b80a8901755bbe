import { hostname } from 'node:os';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DelayedError, type Job, type JobsOptions, Queue, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { currentRequestId, LogContext } from '../logging/log-context.js';
import { type Correlated, JobName, QUEUE_JOBS, QueueName } from './queue.constants.js';
import { type QueueJobOutcome, QueueJobRanEvent, ShutdownGraceOverEvent } from './queue.events.js';

/** The job states whose counts the metrics show. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;

export interface QueueDepth {
  queue: QueueName;
  counts: Record<string, number>;
  oldestWaitingSince: number | null;
}

/** A job that failed for good (BullMQ keeps the last 1000 per queue): what it was and why, never its data. */
export interface FailedQueueJob {
  queue: QueueName;
  /** The job's id: made of the ids it works on (`provision-<request id>`), never of state. */
  id: string;
  name: string;
  /** The error it failed with (its last attempt's). */
  error: string;
  attempts: number;
  queuedAt: Date;
  failedAt: Date | null;
}

/** A worker connected to a queue, as Redis knows it (CLIENT LIST): one per process and queue. */
export interface QueueWorker {
  queue: QueueName;
  /** `<host>:<pid>` of the process (the name this product gives its workers); null for a worker that gave none. */
  name: string | null;
  /** The worker's address as Redis sees it. */
  address: string;
  /** Seconds since it connected, and since its connection last did anything. */
  connectedSeconds: number;
  idleSeconds: number;
}

export interface QueueOverview {
  queue: QueueName;
  counts: Record<string, number>;
  oldestWaitingSince: Date | null;
  oldestWaitingSeconds: number | null;
  workers: QueueWorker[];
}

/** Handles one queue job; `token` lets it move itself back to delayed (a slot not yet free). */
export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/** Producers and workers for every BullMQ queue. */
@Injectable()
export class QueueService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  /** Errors the job wrapper has logged already (with the job's context), not logged again by the worker's `failed` event. */
  private readonly logged = new WeakSet<Error>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logContext: LogContext,
    private readonly events: EventEmitter2,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: { url: this.config.redisUrl, maxRetriesPerRequest: 3 }, prefix: 'superfluid' });
      queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Every queue's jobs by state, and since when its oldest waiting job has waited (epoch ms;
   * null when none waits), as BullMQ has them in Redis now: the same from every process.
   */
  async depths(): Promise<QueueDepth[]> {
    return Promise.all(
      Object.values(QueueName).map(async (name) => {
        const queue = this.queue(name);
        const counts = await queue.getJobCounts(...QUEUE_STATES);
        // The waiting list's two ends, whichever way BullMQ orders it; a delayed job waits from its due time.
        const ends = [...(await queue.getJobs(['waiting'], 0, 0, true)), ...(await queue.getJobs(['waiting'], 0, 0, false))];
        const since = ends.map((job) => job.timestamp + (job.delay || 0));
        return { queue: name, counts, oldestWaitingSince: since.length ? Math.min(...since) : null };
      }),
    );
  }

  /** Every queue's jobs by state, oldest waiting job and connected workers, for the queues page. */
  async overview(now = Date.now()): Promise<QueueOverview[]> {
    const [depths, workers] = await Promise.all([this.depths(), this.connectedWorkers()]);
    return depths.map(({ queue, counts, oldestWaitingSince }) => ({
      queue,
      counts,
      oldestWaitingSince: oldestWaitingSince === null ? null : new Date(oldestWaitingSince),
      oldestWaitingSeconds: oldestWaitingSince === null ? null : Math.max(0, (now - oldestWaitingSince) / 1000),
      workers: workers.filter((w) => w.queue === queue),
    }));
  }

  /** The failed jobs of `queue`, newest first: `take` after `skip`, with how many there are. */
  async failed(queue: QueueName, skip: number, take: number): Promise<{ jobs: FailedQueueJob[]; total: number }> {
    const q = this.queue(queue);
    const [jobs, total] = await Promise.all([q.getFailed(skip, skip + take - 1), q.getFailedCount()]);
    return {
      total,
      jobs: jobs.map((job) => ({
        queue,
        id: String(job.id),
        name: job.name,
        error: job.failedReason ?? '',
        attempts: job.attemptsMade,
        queuedAt: new Date(job.timestamp),
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      })),
    };
  }

  /**
   * Puts a failed job back to wait for a worker (BullMQ's job.retry), its attempts counted
   * afresh; false when `queue` has no failed job of that id (retried already, or never failed).
   */
  async retryFailed(queue: QueueName, id: string): Promise<boolean> {
    const job = await this.queue(queue).getJob(id);
    if (!job || !(await job.isFailed())) return false;
    try {
      await job.retry('failed', { resetAttemptsMade: true });
      return true;
    } catch (err) {
      // Another caller retried it between the check and here: it is no longer failed.
      this.logger.debug(`retry of ${queue} job ${id}: ${(err as Error).message}`);
      return false;
    }
  }

  /** The workers connected to each queue now, from Redis' list of clients (every process's, not only this one's). */
  async connectedWorkers(): Promise<QueueWorker[]> {
    const lists = await Promise.all(
      Object.values(QueueName).map(async (queue) =>
        (await this.queue(queue).getWorkers()).map((client): QueueWorker => {
          const raw = client.rawname ?? '';
          const at = raw.indexOf(':w:');
          return {
            queue,
            name: at >= 0 ? raw.slice(at + 3) : null,
            address: client.addr ?? '',
            connectedSeconds: Number(client.age ?? 0),
            idleSeconds: Number(client.idle ?? 0),
          };
        }),
      ),
    );
    return lists.flat();
  }

  /**
   * Adds a job with a fixed id, so the same work is never queued twice. Queued while an HTTP
   * request or another job is handled, it carries that one's correlation id (`reqId`).
   */
  async add<T extends object>(queue: QueueName, name: JobName, data: T & Correlated, jobId: string, opts: JobsOptions = {}): Promise<void> {
    const reqId = data.reqId ?? currentRequestId();
    await this.queue(queue).add(name, reqId ? { ...data, reqId } : data, { jobId, removeOnComplete: true, removeOnFail: 1000, ...opts });
  }

  /**
   * Starts a worker on `queue`. Refuses to start unless `handlers` covers every job name
   * the queue accepts; a job with an unknown name fails with a clear message.
   */
  work(queue: QueueName, handlers: Partial<Record<JobName, JobHandler>>, concurrency = this.config.workerConcurrency): Worker {
    const missing = QUEUE_JOBS[queue].filter((name) => !handlers[name]);
    if (missing.length) throw new Error(`worker for queue "${queue}" has no handler for: ${missing.join(', ')}`);
    const worker = new Worker(
      queue,
      async (job, token) => {
        const handler = handlers[job.name as JobName];
        if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
        return this.logContext.run(jobLogFields(queue, job), () => this.runJob(queue, job, () => handler(job, token)));
      },
      // Named after its process, so the queues page tells the workers apart (BullMQ sets it as the Redis client's name).
      { connection: { url: this.config.redisUrl, maxRetriesPerRequest: null }, prefix: 'superfluid', concurrency, drainDelay: 5, name: WORKER_NAME },
    );
    worker.on('error', (err) => this.logger.warn(`worker ${queue}: ${err.message}`));
    // Failures BullMQ finds itself (a job stalled too often); the handler's own are logged by runJob.
    worker.on('failed', (job, err) => {
      if (!this.logged.has(err)) this.logger.warn({ queue, job: job?.name, jobId: job?.id, error: err.message }, 'job failed');
    });
    this.workers.push(worker);
    return worker;
  }

  /** Runs a job's handler, logging its start and end (in the job's log context) and announcing how long it took. */
  private async runJob<T>(queue: QueueName, job: Job, handle: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const attempt = job.attemptsMade + 1;
    this.logger.log({ attempt }, `job ${job.name} started`);
    let outcome: QueueJobOutcome = 'failed';
    try {
      const result = await handle();
      outcome = 'completed';
      this.logger.log({ durationMs: Math.round(performance.now() - started) }, `job ${job.name} finished`);
      return result;
    } catch (err) {
      if (err instanceof DelayedError) {
        outcome = 'delayed';
        this.logger.debug(`job ${job.name} delayed: waiting for a slot`);
      } else if (err instanceof Error) {
        this.logged.add(err);
        this.logger.warn({ durationMs: Math.round(performance.now() - started), error: err.message }, `job ${job.name} failed`);
      }
      throw err;
    } finally {
      this.events.emit(QueueJobRanEvent.NAME, new QueueJobRanEvent(queue, job.name, outcome, (performance.now() - started) / 1000));
    }
  }

  /**
   * Before the database goes away: stop taking work and let running jobs finish and store
   * their outcome, for the shutdown grace period at most (SHUTDOWN_GRACE_SECONDS, which `npm
   * start` waits too): near its end the jobs still running are told to stop
   * (ShutdownGraceOverEvent), and store that the portal's stop cut them.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const closing = Promise.allSettled(this.workers.map((w) => w.close()));
    const grace = this.config.shutdownGraceSeconds;
    const cut = setTimeout(() => {
      this.logger.warn(`the shutdown grace period (${grace} s) is nearly over: the jobs still running are stopped`);
      this.events.emit(ShutdownGraceOverEvent.NAME, new ShutdownGraceOverEvent(grace));
    }, drainCutMs(grace));
    try {
      await closing;
    } finally {
      clearTimeout(cut);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

/**
 * When, after SIGTERM, the jobs still running are stopped: the grace period less the time
 * they get to stop and store their outcome (15 s, or half of a short grace period).
 */
export function drainCutMs(graceSeconds: number): number {
  return graceSeconds * 1000 - Math.min(15_000, graceSeconds * 500);
}

/** What a job's log lines carry: the correlation id, the queue job, and the service request (and item) it works for. */
function jobLogFields(queue: QueueName, job: Job): Record<string, string | undefined> {
  const data = (job.data ?? {}) as Correlated & { requestId?: unknown; itemId?: unknown; repoId?: unknown };
  const id = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    reqId: id(data.reqId),
    queue,
    job: job.name,
    jobId: job.id,
    serviceRequestId: id(data.requestId),
    itemId: id(data.itemId),
    repoId: id(data.repoId),
  };
}

/** What this process's workers are called: its host and process id. */
const WORKER_NAME = `${hostname()}:${process.pid}`;

/** How long a job waits before trying again for a slot on a provider that is at its limit. */
export const SLOT_RETRY_MS = 2_000;

/** Puts a job back, delayed, until a slot may be free; the caller returns what this throws. */
export async function waitForSlot(job: Job, token: string | undefined): Promise<never> {
  await job.moveToDelayed(Date.now() + SLOT_RETRY_MS, token);
  throw new DelayedError();
}
