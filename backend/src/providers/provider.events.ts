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
 * A provider's health was checked: up or down. Emitted after every check is stored (not only at a
 * change), so listeners must be idempotent — an alarm raised while one is open changes nothing.
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
