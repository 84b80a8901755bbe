/** The tenant tree changed: rights computed over it (cached principals) must be computed again. */
export class TenantsChangedEvent {
  static readonly NAME = 'tenants.changed';
}
