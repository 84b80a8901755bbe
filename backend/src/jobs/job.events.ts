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
