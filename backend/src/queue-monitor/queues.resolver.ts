import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, validationFailed } from '../common/app-error.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { FailedQueueJobModel, QueueNameValue, queueOf, QueueStatsModel } from './models/queue.model.js';
import { QueueService } from '../queue/queue.service.js';

const MAX_FAILED_TAKE = 100;

/**
 * The queues page: BullMQ's queues, their workers and failed jobs. The queues serve the whole
 * portal, so they are read and retried in the root tenant only (as the audit trail is); a role
 * granted below it sees none of them.
 */
@Resolver(() => QueueStatsModel)
export class QueuesResolver {
  constructor(private readonly queueService: QueueService) {}

  @Allow('queues:read')
  @Query(() => [QueueStatsModel], {
    description:
      'Every BullMQ queue now: its jobs by state, how long its oldest waiting job has waited, and the workers connected to it (Redis’ client list). Root tenant only: elsewhere empty.',
  })
  async queues(@InTenants('queues:read') scope: TenantScope): Promise<QueueStatsModel[]> {
    if (!portalWide(scope)) return [];
    return (await this.queueService.overview()).map((q) => ({
      name: q.queue,
      waiting: q.counts.waiting ?? 0,
      active: q.counts.active ?? 0,
      delayed: q.counts.delayed ?? 0,
      prioritized: q.counts.prioritized ?? 0,
      failed: q.counts.failed ?? 0,
      completed: q.counts.completed ?? 0,
      oldestWaitingSince: q.oldestWaitingSince,
      oldestWaitingSeconds: q.oldestWaitingSeconds,
      workers: q.workers,
    }));
  }

  @Allow('queues:read')
  @Query(() => [FailedQueueJobModel], {
    description: `The failed jobs of a queue, newest first, with their error (never their data): \`take\` (at most ${MAX_FAILED_TAKE}) after \`skip\`. Root tenant only: elsewhere empty.`,
  })
  async failedQueueJobs(
    @InTenants('queues:read') scope: TenantScope,
    @Args('queue', { type: () => QueueNameValue }) queue: QueueNameValue,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 25 }) take: number,
  ): Promise<FailedQueueJobModel[]> {
    if (skip < 0 || take < 1 || take > MAX_FAILED_TAKE) throw validationFailed(`skip must be 0 or more and take from 1 to ${MAX_FAILED_TAKE}.`);
    if (!portalWide(scope)) return [];
    return (await this.queueService.failed(queueOf(queue), skip, take)).jobs;
  }

  @Allow('queues:write')
  @Mutation(() => Boolean, {
    description:
      'Retry a failed queue job: it waits for a worker again, its attempts counted afresh. NOT_FOUND when the queue has no failed job of that id (retried already), and outside the root tenant.',
  })
  async retryQueueJob(
    @InTenants('queues:write') scope: TenantScope,
    @Args('queue', { type: () => QueueNameValue }) queue: QueueNameValue,
    @Args('id', { type: () => String, description: 'The job id, as failedQueueJobs gives it.' }) id: string,
  ): Promise<boolean> {
    if (!portalWide(scope) || !(await this.queueService.retryFailed(queueOf(queue), id))) {
      throw new AppError(ErrorCode.NOT_FOUND, `The ${queue} queue has no failed job ${id}`);
    }
    return true;
  }
}

/** Whether the caller has the permission in the root tenant, where the portal-wide queues are. */
const portalWide = (scope: TenantScope): boolean => scope.tenants.includes(ROOT_TENANT_ID);
