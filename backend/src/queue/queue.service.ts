import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, type Job, type JobsOptions, Queue, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobName, QUEUE_JOBS, QueueName } from './queue.constants.js';

/** Handles one queue job; `token` lets it move itself back to delayed (a slot not yet free). */
export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/** Producers and workers for every BullMQ queue. */
@Injectable()
export class QueueService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: { url: this.config.redisUrl, maxRetriesPerRequest: 3 }, prefix: 'superfluid' });
      queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds a job with a fixed id, so the same work is never queued twice. */
  async add(queue: QueueName, name: JobName, data: object, jobId: string, opts: JobsOptions = {}): Promise<void> {
    await this.queue(queue).add(name, data, { jobId, removeOnComplete: true, removeOnFail: 1000, ...opts });
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
        return handler(job, token);
      },
      { connection: { url: this.config.redisUrl, maxRetriesPerRequest: null }, prefix: 'superfluid', concurrency, drainDelay: 5 },
    );
    worker.on('error', (err) => this.logger.warn(`worker ${queue}: ${err.message}`));
    worker.on('failed', (job, err) => this.logger.warn(`job ${queue}/${job?.name}/${job?.id} failed: ${err.message}`));
    this.workers.push(worker);
    return worker;
  }

  /**
   * Before the database goes away: stop taking work and let running jobs finish and
   * store their outcome (a run cut short is failed by the reconciler, never re-run).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

/** How long a job waits before trying again for a slot on a provider that is at its limit. */
export const SLOT_RETRY_MS = 2_000;

/** Puts a job back, delayed, until a slot may be free; the caller returns what this throws. */
export async function waitForSlot(job: Job, token: string | undefined): Promise<never> {
  await job.moveToDelayed(Date.now() + SLOT_RETRY_MS, token);
  throw new DelayedError();
}
