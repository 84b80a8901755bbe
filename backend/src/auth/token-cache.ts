/**
 * How long a token found valid is trusted without asking the database again. Every
 * GraphQL request authenticates, and a page poll would otherwise spend two of its three
 * queries on it. Short on purpose: it bounds how long another process may still accept
 * a token revoked elsewhere if the revocation broadcast is lost (or the row was deleted
 * by hand); within the process that revokes, the entry goes at once.
 */
export const TOKEN_CACHE_MS = 10_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  tokenId: string;
  user: T;
  /** The token's own expiry (ms), checked at each use. */
  expiresAt: number | null;
  /** When the entry must be checked against the database again (ms). */
  until: number;
}

/** Valid bearer tokens (by hash) and whom they authenticate, for a short while. Unknown tokens are never cached. */
export class TokenCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private revocations = 0;

  constructor(
    private readonly ttlMs = TOKEN_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Taken before a database lookup and given back to `set`: a revocation in between keeps the result out. */
  get generation(): number {
    return this.revocations;
  }

  /** The user of a cached, unexpired token; undefined when the database must be asked. */
  get(tokenHash: string): T | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.until <= now || (entry.expiresAt !== null && entry.expiresAt <= now)) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.user;
  }

  set(tokenHash: string, tokenId: string, user: T, expiresAt: Date | null, generation: number): void {
    if (generation !== this.revocations) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { tokenId, user, expiresAt: expiresAt?.getTime() ?? null, until: this.now() + this.ttlMs });
  }

  /** Forgets every token (rights changed): each is looked up again at its next use. */
  clear(): void {
    this.revocations++;
    this.entries.clear();
  }

  /** Forgets a revoked token at once. */
  forget(tokenId: string): void {
    this.revocations++;
    for (const [hash, entry] of this.entries) if (entry.tokenId === tokenId) this.entries.delete(hash);
  }
}
