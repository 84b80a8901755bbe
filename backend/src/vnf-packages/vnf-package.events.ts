/**
 * Which catalog items (or anything else) use a VNF package: asked before a package is
 * deleted. No module answers yet — catalog items that deploy a package are to come — so
 * a package is "in use" only when a listener adds to `usedBy`.
 */
export class VnfPackageUsageQuery {
  static readonly NAME = 'vnf-package.usage';
  readonly usedBy: string[] = [];

  constructor(
    readonly packageId: string,
    readonly vnfdId: string,
  ) {}
}

export type VnfPackageChange = 'onboarded' | 'enabled' | 'disabled' | 'deleted' | 'deletion_pending' | 'deletion_aborted';

/** A package was on-boarded, enabled, disabled or deleted (the subscribe/notify of seed 4.7.1 table 4). */
export class VnfPackageChangedEvent {
  static readonly NAME = 'vnf-package.changed';

  constructor(
    readonly packageId: string,
    readonly name: string,
    readonly tenantId: string,
    readonly change: VnfPackageChange,
  ) {}
}
