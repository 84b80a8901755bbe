import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QueueName } from '../../queue/queue.constants.js';

/** The queues as GraphQL names them: QueueName's values (requests, git...). */
export enum QueueNameValue {
  requests = 'requests',
  maintenance = 'maintenance',
  git = 'git',
  providers = 'providers',
  lifecycle = 'lifecycle',
  notify = 'notify',
  monitor = 'monitor',
  schedules = 'schedules',
}
const values = Object.values(QueueName) as string[];
if (values.length !== Object.keys(QueueNameValue).length || !values.every((v) => v in QueueNameValue))
  throw new Error('QueueNameValue out of step with QueueName');

/** The queue a GraphQL value names (the same string). */
export const queueOf = (value: QueueNameValue): QueueName => value as string as QueueName;

registerEnumType(QueueNameValue, {
  name: 'QueueName',
  description:
    'The BullMQ queues: requests (provisioning steps and playbook runs), maintenance, git (refreshes, syntax checks), providers (health checks), lifecycle (retirement dates), notify (notification deliveries), monitor (performance jobs), schedules (scheduled operations).',
});

@ObjectType('QueueWorker', { description: 'A worker connected to a queue, as Redis lists its clients: one per process and queue.' })
export class QueueWorkerModel {
  @Field(() => String, { nullable: true, description: '`<host>:<pid>` of the process it runs in; null for a worker that gave no name.' }) name: string | null;
  @Field({ description: 'Its address as Redis sees it (host:port).' }) address: string;
  @Field(() => Int, { description: 'Seconds since it connected.' }) connectedSeconds: number;
  @Field(() => Int, { description: 'Seconds since its connection last did anything.' }) idleSeconds: number;
}

@ObjectType('QueueStats', { description: 'A queue now: its jobs by state, how long its oldest waiting job has waited, and its workers.' })
export class QueueStatsModel {
  @Field(() => QueueNameValue) name: QueueName;
  @Field(() => Int) waiting: number;
  @Field(() => Int) active: number;
  @Field(() => Int, { description: 'Waiting for their time: a retry after a back-off, or a run waiting for a provider slot.' }) delayed: number;
  @Field(() => Int) prioritized: number;
  @Field(() => Int, { description: 'Failed for good (BullMQ keeps the last 1000).' }) failed: number;
  @Field(() => Int, { description: 'Completed and still kept (most jobs are removed once completed).' }) completed: number;
  @Field(() => Date, { nullable: true, description: 'Since when its oldest waiting job has waited; null when none waits.' }) oldestWaitingSince: Date | null;
  @Field(() => Float, { nullable: true, description: 'How long, in seconds, its oldest waiting job has waited; null when none waits.' })
  oldestWaitingSeconds: number | null;
  @Field(() => [QueueWorkerModel]) workers: QueueWorkerModel[];
}

@ObjectType('FailedQueueJob', { description: 'A queue job that failed for good: what it was and the error, never its data.' })
export class FailedQueueJobModel {
  @Field(() => QueueNameValue) queue: QueueName;
  @Field({ description: 'The job id (not a UUID): made of the ids it works on (`refresh-<repository id>-...`).' }) id: string;
  @Field({ description: 'The job name (provision, refresh-git-repo, ...).' }) name: string;
  @Field({ description: 'The error of its last attempt.' }) error: string;
  @Field(() => Int) attempts: number;
  @Field() queuedAt: Date;
  @Field(() => Date, { nullable: true }) failedAt: Date | null;
}
