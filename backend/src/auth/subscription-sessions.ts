import type { Principal } from './principal.js';

/** graphql-ws closes with 4401 ("Unauthorized"): its clients treat it as final and do not reconnect. */
export const CLOSE_TOKEN_ENDED = 4401;
/** Open sockets are checked against the database this often: a revocation whose broadcast was lost still ends them within 10 s. */
export const SWEEP_MS = 5_000;
/** Longest timer Node keeps (about 24.8 days); a later expiry is re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ClosableSocket {
  close(code: number, reason: string): void;
}

interface Session {
  socket: ClosableSocket;
  tokenId: string;
  tokenHash: string;
  timer?: NodeJS.Timeout;
}

/**
 * The WebSockets of this process and the tokens they were opened with. A socket — and every
 * subscription on it — ends when its token is revoked (at once in this process; through the
 * revocation broadcast in others), expires (a timer at its expiry), or is found gone by the
 * periodic sweep (a broadcast lost, a row deleted by hand): within `SWEEP_MS` plus one query.
 */
export class SubscriptionSessions {
  private readonly sessions = new Set<Session>();
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    /** Of these token hashes, those still valid (unexpired, not revoked). May throw when the database is down. */
    private readonly stillValid: (tokenHashes: string[]) => Promise<Set<string>>,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Tracks a socket opened with `principal`'s token; returns what to call when it closes. */
  track(socket: ClosableSocket, principal: Principal, tokenHash: string): () => void {
    const session: Session = { socket, tokenId: principal.tokenId, tokenHash };
    this.sessions.add(session);
    if (principal.expiresAt) this.armExpiry(session, principal.expiresAt.getTime());
    this.sweeper ??= setInterval(() => void this.sweep(), SWEEP_MS).unref();
    return () => this.forget(session);
  }

  /** The token was revoked (here or, by broadcast, elsewhere): its sockets close now. */
  revoked(tokenId: string): void {
    for (const session of [...this.sessions]) if (session.tokenId === tokenId) this.end(session, 'Your token was revoked: sign in again.');
  }

  /** Closes the sockets whose token the database no longer holds as valid. A database outage closes nothing. */
  async sweep(): Promise<void> {
    if (this.sweeping || this.sessions.size === 0) return;
    this.sweeping = true;
    try {
      const hashes = [...new Set([...this.sessions].map((s) => s.tokenHash))];
      const valid = await this.stillValid(hashes).catch(() => null);
      if (!valid) return;
      for (const session of [...this.sessions]) if (!valid.has(session.tokenHash)) this.end(session, 'Your token was revoked or has expired: sign in again.');
    } finally {
      this.sweeping = false;
    }
  }

  /** Stops the sweeper and forgets every socket (at shutdown; the sockets are closed by their server). */
  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const session of this.sessions) if (session.timer) clearTimeout(session.timer);
    this.sessions.clear();
  }

  private armExpiry(session: Session, at: number): void {
    const wait = at - this.now();
    if (wait <= 0) {
      this.end(session, 'Your token has expired: sign in again.');
      return;
    }
    session.timer = setTimeout(() => this.armExpiry(session, at), Math.min(wait, MAX_TIMER_MS));
    session.timer.unref();
  }

  private end(session: Session, reason: string): void {
    this.forget(session);
    try {
      session.socket.close(CLOSE_TOKEN_ENDED, reason);
    } catch {
      // closed already
    }
  }

  private forget(session: Session): void {
    if (session.timer) clearTimeout(session.timer);
    this.sessions.delete(session);
    if (this.sessions.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}
