/**
 * Asked before a provider is deleted: listeners add what uses it (in words, e.g.
 * `service "web"`), and what was deployed on it and keeps it for its history (a retired
 * service); the delete is refused while either is not empty.
 */
export class ProviderUsageQuery {
  static readonly NAME = 'provider.usage';
  readonly usedBy: string[] = [];
  readonly keptBy: string[] = [];

  constructor(readonly providerId: string) {}
}

/**
 * A provider's health check found it in another state than the last one: down (also when its
 * very first check fails) or back up. Emitted after the check is stored.
 */
export class ProviderHealthChangedEvent {
  static readonly NAME = 'provider.health-changed';

  constructor(
    readonly providerId: string,
    readonly name: string,
    readonly tenantId: string,
    readonly status: 'up' | 'down',
    readonly message: string,
  ) {}
}
