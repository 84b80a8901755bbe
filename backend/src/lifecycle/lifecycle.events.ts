/** A service's retirement warning came due: it retires on `retiresAt` unless its owner extends it. */
export class ServiceRetiringSoonEvent {
  static readonly NAME = 'service.retiring-soon';

  constructor(
    readonly serviceId: string,
    readonly name: string,
    readonly ownerId: string,
    readonly tenantId: string,
    readonly retiresAt: Date,
  ) {}
}

/**
 * A measure of a service ended (LifecycleService.measure): the request, the tag its asker gave,
 * and the set_stats the playbook returned — or, when it did not run to its end, why. Told again
 * when a crash lost it (the requests' sweep): listeners must be idempotent.
 */
export class ServiceMeasuredEvent {
  static readonly NAME = 'service.measured';

  constructor(
    readonly requestId: string,
    readonly serviceId: string,
    readonly tag: string,
    /** What the playbook gave with set_stats; null when it failed (or was canceled). */
    readonly stats: Record<string, unknown> | null,
    /** Why there are no stats: the request's message (Ansible's error). */
    readonly error: string | null,
  ) {}
}
