/** Who ordered the request a job runs for: answered by the requests module (null when unknown). */
export class JobRequesterQuery {
  static readonly NAME = 'job.requester';
  requesterId: string | null = null;
  tenantId: string | null = null;
  /** The groups that see the request besides its requester. */
  groupIds: string[] = [];

  constructor(readonly requestId: string) {}
}

/** The reconciler found that the worker running a request's playbook died (the run was failed, never re-run). */
export class WorkerLostEvent {
  static readonly NAME = 'worker.lost';

  constructor(
    readonly requestId: string,
    readonly tenantId: string,
  ) {}
}

/** A playbook run of this process ended (its outcome stored): for whoever counts them (metrics/). */
export class JobRanEvent {
  static readonly NAME = 'job.ran';

  constructor(
    readonly jobId: string,
    /** successful, failed, error or canceled. */
    readonly status: string,
    /** From the run's start (its folder being prepared) to its outcome stored. */
    readonly seconds: number,
  ) {}
}

/** Ansible events a run of this process took in to store (announced per batch the writer stores). */
export class JobEventsIngestedEvent {
  static readonly NAME = 'job.events-ingested';

  constructor(
    readonly jobId: string,
    readonly count: number,
  ) {}
}
