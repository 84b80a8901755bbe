/** One user of a package: what it is (`catalog item "web"`), and the tenant it belongs to. */
export interface VnfPackageUser {
  what: string;
  tenantId: string;
}

/**
 * What uses a VNF package — asked when packages are listed and before one is deleted. The
 * catalog answers with the published catalog items that deploy it, the services with the
 * active services deployed from it; each adds one to `usedBy`, with its tenant (a viewer is
 * shown the names of its own tenants' only). A package is named by its folder (`name`,
 * vnf-packages/<name>) in its repository (`repoName`).
 */
export class VnfPackageUsageQuery {
  static readonly NAME = 'vnf-package.usage';
  readonly usedBy: VnfPackageUser[] = [];

  constructor(
    readonly packageId: string,
    readonly vnfdId: string,
    readonly name: string,
    readonly repoName: string,
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
