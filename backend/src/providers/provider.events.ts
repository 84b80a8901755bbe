/**
 * Asked before a provider is deleted: listeners add what uses it (in words, e.g.
 * `service "web"`); the delete is refused while anything does.
 */
export class ProviderUsageQuery {
  static readonly NAME = 'provider.usage';
  readonly usedBy: string[] = [];

  constructor(readonly providerId: string) {}
}
