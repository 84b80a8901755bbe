/** What the portal reads of an identity provider's claims (ID token merged with userinfo). */
export type Claims = Record<string, unknown>;

const MAX_USERNAME = 64;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The portal user name for these claims: `preferred_username`, else `email`, else `sub`, with any
 * character a portal user name may not hold replaced by "-" (null when nothing is left).
 */
export function usernameOf(claims: Claims): string | null {
  const raw = text(claims.preferred_username) || text(claims.email) || text(claims.sub);
  const cleaned = raw
    .replace(/[^A-Za-z0-9._@-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, MAX_USERNAME);
  return cleaned || null;
}

/** The name to show: `name`, else given and family names. */
export const displayNameOf = (claims: Claims): string => text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');

export const emailOf = (claims: Claims): string => text(claims.email);

/**
 * The user's groups at the provider: the claim `name` (a list of strings, or one string), looked
 * up as written first, then as a dotted path (`realm_access.roles`). Empty when absent.
 */
export function groupsOf(claims: Claims, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = name.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), claims);
  }
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.map(text).filter(Boolean))];
}
