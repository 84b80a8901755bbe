/**
 * A user's rights changed (groups, roles, disabled, deleted, password reset): cached
 * principals must be looked up again. `endSessions`: the user's tokens stop working too
 * (disabled, deleted, or a password reset).
 */
export class UserRightsChangedEvent {
  static readonly NAME = 'users.rights-changed';

  constructor(
    /** null: a group changed, any of its members may be affected. */
    readonly userId: string | null,
    readonly endSessions: boolean,
  ) {}
}
