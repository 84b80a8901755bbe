import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { RequestStore } from './request-store.js';

/** The queue job id of a request's first step: the reconciler looks for it by this id. */
export const requestJobId = (requestId: string) => requestId;
/** The queue job id of an item's run. */
export const itemJobId = (itemId: string) => `item-${itemId}`;

/**
 * Puts requests' work on the `requests` queue: a request's first step, later steps of its
 * state machine, and item runs. Messages carry ids only.
 */
@Injectable()
export class RequestQueue {
  private readonly logger = new Logger(RequestQueue.name);

  constructor(
    private readonly queues: QueueService,
    private readonly store: RequestStore,
  ) {}

  /** Queues a pending request's first step and marks it queued. On failure the reconciler tries again later. */
  async enqueue(requestId: string): Promise<void> {
    try {
      await this.queues.add(QueueName.REQUESTS, JobName.ADVANCE_REQUEST, { requestId }, requestJobId(requestId), { attempts: 1 });
      await this.store.transition(requestId, ['pending'], 'queued');
      this.logger.log({ serviceRequestId: requestId }, 'request queued');
    } catch (err) {
      this.logger.warn(`request ${requestId} stays pending, queueing failed: ${(err as Error).message}`);
    }
  }

  /** Queues a step of the request's machine now, or after `delayMs`. */
  async trigger(requestId: string, delayMs = 0): Promise<void> {
    const id = `advance-${requestId}-${Date.now()}-${randomBytes(3).toString('hex')}`;
    await this.queues.add(QueueName.REQUESTS, JobName.ADVANCE_REQUEST, { requestId }, id, { attempts: 1, delay: delayMs });
  }

  /** Queues an item's run (a resumed item reuses its id: an ended queue job under it is removed first). */
  async queueItem(itemId: string, requestId: string): Promise<void> {
    const old = await this.queues.queue(QueueName.REQUESTS).getJob(itemJobId(itemId));
    if (old && ['completed', 'failed'].includes(await old.getState())) await old.remove().catch(() => undefined);
    await this.queues.add(QueueName.REQUESTS, JobName.RUN_ITEM, { requestId, itemId }, itemJobId(itemId), { attempts: 1 });
  }

  /** The state of a queue job ('missing' when there is none). */
  async jobState(jobId: string): Promise<string> {
    const job = await this.queues.queue(QueueName.REQUESTS).getJob(jobId);
    return job ? await job.getState() : 'missing';
  }

  /** Removes a queue job that is no longer live (so one of the same id can be added again). */
  async removeJob(jobId: string): Promise<void> {
    const job = await this.queues.queue(QueueName.REQUESTS).getJob(jobId);
    if (job) await job.remove().catch(() => undefined);
  }

  /** 1 for the next request a worker will take, 2 after it...; null when not waiting (or past the first 1,000). */
  async position(requestId: string): Promise<number | null> {
    const waiting = await this.queues.queue(QueueName.REQUESTS).getJobs(['waiting'], 0, 999, true);
    const index = waiting.findIndex((job) => job.id === requestJobId(requestId));
    return index < 0 ? null : index + 1;
  }
}
