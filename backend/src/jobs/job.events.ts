/** Who ordered the request a job runs for: answered by the requests module (null when unknown). */
export class JobRequesterQuery {
  static readonly NAME = 'job.requester';
  requesterId: string | null = null;
  tenantId: string | null = null;

  constructor(readonly requestId: string) {}
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
