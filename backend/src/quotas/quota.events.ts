/** Who holds what a quota counts: a tenant's subtree, or one requester. */
export interface QuotaHolder {
  /** The tenant and every tenant below it; or undefined for a user's quota. */
  tenants?: string[];
  requesterId?: string;
}

/** How much of `dimension` each holder uses now: answered by the requests module (which holds the orders). */
export class QuotaUsageQuery {
  static readonly NAME = 'quota.usage';
  /** One number per holder, in order. */
  used: number[] = [];

  constructor(
    readonly dimension: string,
    readonly holders: QuotaHolder[],
  ) {}
}
