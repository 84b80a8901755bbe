import type { RequestAction, RequestStatus } from './service-request.entity.js';

/**
 * A request moved to a status others may want to hear of: it ended (finished, failed, canceled,
 * denied) or waits for approval. Emitted after the change is stored, in the process that made
 * it; listeners must be idempotent — a sweep re-announces recent ones that a crash may have lost
 * (RequestsService.changedSince).
 */
export class RequestStatusChangedEvent {
  static readonly NAME = 'request.status-changed';

  constructor(
    readonly requestId: string,
    readonly status: RequestStatus,
    readonly action: RequestAction,
    readonly message: string | null,
    readonly templateId: string,
    readonly tenantId: string,
    readonly requesterId: string,
    readonly serviceId: string | null,
    /** When the request reached the status: the same each time this status is told (a later failure has another). */
    readonly changedAt: Date,
  ) {}
}

/** The statuses RequestStatusChangedEvent announces. */
export const ANNOUNCED_STATUSES: readonly RequestStatus[] = ['finished', 'failed', 'canceled', 'denied', 'pending_approval'];
