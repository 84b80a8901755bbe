/** BullMQ queues. A message carries ids only; Postgres holds the state. */
export enum QueueName {
  REQUESTS = 'requests',
  MAINTENANCE = 'maintenance',
}

export enum JobName {
  PROVISION = 'provision',
  PURGE_JOB_OUTPUT = 'purge-job-output',
}

/** Every job name each queue accepts; a worker refuses to start without a handler for each. */
export const QUEUE_JOBS: Record<QueueName, JobName[]> = {
  [QueueName.REQUESTS]: [JobName.PROVISION],
  [QueueName.MAINTENANCE]: [JobName.PURGE_JOB_OUTPUT],
};

export interface ProvisionJobData {
  requestId: string;
}
