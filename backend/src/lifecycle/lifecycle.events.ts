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
