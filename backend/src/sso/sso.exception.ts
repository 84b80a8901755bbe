/**
 * Why a single sign-on failed. The code reaches the login page (`/#/login?ssoError=<code>`),
 * which says what happened in words; the details go to the audit trail and the log only.
 */
export enum SsoErrorCode {
  /** OIDC_ISSUER is not set. */
  SSO_OFF = 'SSO_OFF',
  /** No sign-in was started from this browser, it expired (10 minutes), or the state does not match. */
  STATE_INVALID = 'STATE_INVALID',
  /** The identity provider answered with an error (the user cancelled, access denied...). */
  PROVIDER_ERROR = 'PROVIDER_ERROR',
  /** The identity provider cannot be reached or its metadata read. */
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  /** The code could not be exchanged, or the tokens failed a check (signature, nonce, PKCE). */
  EXCHANGE_FAILED = 'EXCHANGE_FAILED',
  /** None of the user's groups at the provider is mapped to a portal group, and they belong to none. */
  NO_MAPPING = 'NO_MAPPING',
  /** A portal account of that name exists and is not linked to this provider's user: it is never taken over. */
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  /** The linked portal user is disabled. */
  USER_DISABLED = 'USER_DISABLED',
  /** The sign-in would remove the last enabled administrator from their group. */
  LAST_ADMINISTRATOR = 'LAST_ADMINISTRATOR',
  /** Anything else (the database or Redis unreachable...): logged in full. */
  UNEXPECTED = 'UNEXPECTED',
}

export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    /** For the audit trail and the log: never shown in the browser. */
    message: string,
    /** The user name the provider gave, when known (for the audit trail). */
    readonly username: string | null = null,
  ) {
    super(message);
    this.name = 'SsoError';
  }
}
