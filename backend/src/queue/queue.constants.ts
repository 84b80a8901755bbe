/** BullMQ queues. A message carries ids only; Postgres holds the state. */
export enum QueueName {
  REQUESTS = 'requests',
  MAINTENANCE = 'maintenance',
  GIT = 'git',
  PROVIDERS = 'providers',
  LIFECYCLE = 'lifecycle',
  NOTIFY = 'notify',
  MONITOR = 'monitor',
  SCHEDULES = 'schedules',
}

export enum JobName {
  PROVISION = 'provision',
  ADVANCE_REQUEST = 'advance-request',
  RUN_ITEM = 'run-item',
  PURGE_JOB_OUTPUT = 'purge-job-output',
  REFRESH_GIT_REPO = 'refresh-git-repo',
  CHECK_PLAYBOOK_SYNTAX = 'check-playbook-syntax',
  CHECK_PROVIDERS = 'check-providers',
  RETIREMENT_DATES = 'retirement-dates',
  DELIVER_NOTIFICATION = 'deliver-notification',
  NOTIFICATION_SWEEP = 'notification-sweep',
  COLLECT_PERFORMANCE = 'collect-performance',
  SCHEDULED_OPERATIONS = 'scheduled-operations',
}

/** Every job name each queue accepts; a worker refuses to start without a handler for each. */
export const QUEUE_JOBS: Record<QueueName, JobName[]> = {
  [QueueName.REQUESTS]: [JobName.PROVISION, JobName.ADVANCE_REQUEST, JobName.RUN_ITEM],
  [QueueName.MAINTENANCE]: [JobName.PURGE_JOB_OUTPUT],
  [QueueName.GIT]: [JobName.REFRESH_GIT_REPO, JobName.CHECK_PLAYBOOK_SYNTAX],
  [QueueName.PROVIDERS]: [JobName.CHECK_PROVIDERS],
  [QueueName.LIFECYCLE]: [JobName.RETIREMENT_DATES],
  [QueueName.NOTIFY]: [JobName.DELIVER_NOTIFICATION, JobName.NOTIFICATION_SWEEP],
  [QueueName.MONITOR]: [JobName.COLLECT_PERFORMANCE],
  [QueueName.SCHEDULES]: [JobName.SCHEDULED_OPERATIONS],
};

export interface DeliveryJobData {
  deliveryId: string;
}

/**
 * What every job's data may carry besides its ids: the correlation id (`reqId`) of the HTTP
 * request that caused it, so that the worker's log lines for it can be found with the
 * request's. QueueService.add sets it from the current context; it is never state.
 */
export interface Correlated {
  reqId?: string;
}

export interface GitRepoJobData {
  repoId: string;
}

export interface SyntaxCheckJobData {
  repoId: string;
  commit: string;
}

export interface ProvisionJobData {
  requestId: string;
}

export interface RunItemJobData {
  requestId: string;
  itemId: string;
}
