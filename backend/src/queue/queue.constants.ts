/** BullMQ queues. A message carries ids only; Postgres holds the state. */
export enum QueueName {
  REQUESTS = 'requests',
}

export enum JobName {
  PROVISION = 'provision',
}

/** Every job name each queue accepts; a worker refuses to start without a handler for each. */
export const QUEUE_JOBS: Record<QueueName, JobName[]> = {
  [QueueName.REQUESTS]: [JobName.PROVISION],
};

export interface ProvisionJobData {
  requestId: string;
}
