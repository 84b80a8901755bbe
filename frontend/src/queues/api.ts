// The queues page over GraphQL: each BullMQ queue's counts, oldest waiting job and connected
// workers; a queue's failed jobs with their error; retrying one.
import { graphqlRequest } from '../api/graphql';
import { graphql } from '../gql';
import type { FailedQueueJobsQuery, QueueName, QueuesQuery } from '../gql/graphql';

export type { QueueName };
export type QueueStats = QueuesQuery['queues'][number];
export type FailedQueueJob = FailedQueueJobsQuery['failedQueueJobs'][number];

/** What each queue carries, for the page. */
export const QUEUE_LABELS: Record<QueueName, string> = {
  requests: 'Requests: provisioning steps and playbook runs',
  maintenance: 'Maintenance: job output retention',
  git: 'Git: repository refreshes and syntax checks',
  providers: 'Providers: health checks',
  lifecycle: 'Lifecycle: retirement dates',
  notify: 'Notifications: deliveries',
  monitor: 'Monitor: performance jobs',
  schedules: 'Schedules: scheduled orders, heals and retirements',
};

const QueuesDocument = graphql(`
  query Queues {
    queues {
      name
      waiting
      active
      delayed
      prioritized
      failed
      completed
      oldestWaitingSince
      oldestWaitingSeconds
      workers {
        name
        address
        connectedSeconds
        idleSeconds
      }
    }
  }
`);

const FailedQueueJobsDocument = graphql(`
  query FailedQueueJobs($queue: QueueName!, $take: Int) {
    failedQueueJobs(queue: $queue, take: $take) {
      queue
      id
      name
      error
      attempts
      queuedAt
      failedAt
    }
  }
`);

const RetryQueueJobDocument = graphql(`
  mutation RetryQueueJob($queue: QueueName!, $id: String!) {
    retryQueueJob(queue: $queue, id: $id)
  }
`);

export const queuesApi = {
  list: async (): Promise<QueueStats[]> => (await graphqlRequest(QueuesDocument, {})).queues,
  failed: async (queue: QueueName, take = 25): Promise<FailedQueueJob[]> => (await graphqlRequest(FailedQueueJobsDocument, { queue, take })).failedQueueJobs,
  retry: async (queue: QueueName, id: string): Promise<boolean> => (await graphqlRequest(RetryQueueJobDocument, { queue, id })).retryQueueJob,
};
