import { z } from 'zod';

/**
 * Single sign-on with OpenID Connect: variables read with the rest of the configuration
 * (config.ts merges this schema and `oidc` into AppConfig). SSO is off unless OIDC_ISSUER is set.
 */
export const OIDC_ENV = {
  OIDC_ISSUER: z.string().min(1).refine(isIssuerUrl, 'must be an https:// URL (http:// only on a loopback address: 127.0.0.1, ::1 or localhost)').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default('Single sign-on'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_SCOPES: z
    .string()
    .default('openid profile email groups')
    .refine((v) => v.split(/\s+/).includes('openid'), 'must include "openid"'),
};

type OidcEnv = z.infer<z.ZodObject<typeof OIDC_ENV>>;

export interface OidcConfig {
  /** The provider's issuer identifier; its metadata is read from <issuer>/.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  /** Secret: never log it. Undefined for a public client (PKCE only). */
  clientSecret?: string;
  /** The sign-in button says "Sign in with <displayName>". */
  displayName: string;
  /** The claim (of the ID token or userinfo) listing the user's groups at the provider. */
  groupsClaim: string;
  scopes: string;
  /** <PUBLIC_URL>/auth/oidc/callback: register it at the provider. */
  redirectUri: string;
}

function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** Problems a field-by-field schema cannot see: a client id is needed once an issuer is set. */
export function oidcIssues(env: Partial<OidcEnv>): { path: string; message: string }[] {
  return env.OIDC_ISSUER && !env.OIDC_CLIENT_ID ? [{ path: 'OIDC_CLIENT_ID', message: 'is required when OIDC_ISSUER is set' }] : [];
}

/** SSO settings, or null when SSO is off (no OIDC_ISSUER). */
export function oidcConfig(env: OidcEnv, publicUrl: string): OidcConfig | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    displayName: env.OIDC_DISPLAY_NAME.trim(),
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    scopes: env.OIDC_SCOPES.trim().split(/\s+/).join(' '),
    redirectUri: `${publicUrl}/auth/oidc/callback`,
  };
}
