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
