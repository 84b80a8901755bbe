import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { OidcConfig } from '../config/oidc-config.js';
import type { Claims } from './sso-claims.js';
import { SsoError, SsoErrorCode } from './sso.exception.js';

/** What a sign-in started here must find again at the callback (kept server-side, see SsoStateStore). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Seconds a request to the provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * The portal's side of OpenID Connect (openid-client): the provider's metadata (discovered once,
 * again after a failure), the authorization URL (code flow with PKCE S256, state and nonce), and
 * the code exchange, whose checks (state, PKCE, ID token signature, issuer, audience, nonce) are
 * openid-client's. Behind this class so that the rest of the module never talks HTTP.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private discovered?: Promise<client.Configuration>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get oidc(): OidcConfig {
    if (!this.config.oidc) throw new SsoError(SsoErrorCode.SSO_OFF, 'single sign-on is off (OIDC_ISSUER is not set)');
    return this.config.oidc;
  }

  private configuration(): Promise<client.Configuration> {
    const oidc = this.oidc;
    this.discovered ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined,
        oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
        {
          // http:// only on a loopback address (the configuration refuses anything else).
          execute: new URL(oidc.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
          timeout: PROVIDER_TIMEOUT_SECONDS,
        },
      )
      .catch((err: Error) => {
        this.discovered = undefined;
        this.logger.warn(`cannot read the metadata of the identity provider ${oidc.issuer}: ${err.message}`);
        throw new SsoError(SsoErrorCode.PROVIDER_UNAVAILABLE, `cannot read the identity provider's metadata: ${err.message}`);
      });
    return this.discovered;
  }

  /** A new sign-in: what to keep until the callback, and where to send the browser. */
  async start(): Promise<{ pending: PendingSignIn; url: URL }> {
    const config = await this.configuration();
    const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.oidc.redirectUri,
      scope: this.oidc.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { pending, url };
  }

  /**
   * The user's claims for the provider's answer `callback` (the redirect URI with its query): the
   * code is exchanged and checked, then the ID token's claims are completed with userinfo's (the
   * groups claim is often only there).
   */
  async finish(callback: URL, pending: PendingSignIn): Promise<Claims> {
    const config = await this.configuration();
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw new SsoError(SsoErrorCode.EXCHANGE_FAILED, `the code exchange failed: ${describe(err)}`);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoError(SsoErrorCode.EXCHANGE_FAILED, 'the provider sent no ID token');
    if (!config.serverMetadata().userinfo_endpoint) return { ...idClaims };
    try {
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      // The ID token's claims win where both have one.
      return { ...userinfo, ...idClaims };
    } catch (err) {
      throw new SsoError(SsoErrorCode.EXCHANGE_FAILED, `the userinfo request failed: ${describe(err)}`);
    }
  }
}

const describe = (err: unknown): string => {
  const e = err as { message?: string; error?: string; error_description?: string; code?: string };
  return [e.error, e.error_description, e.message, e.code].filter(Boolean).join(': ') || String(err);
};
