import { createHash } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '../common/app-error.js';

export interface LoginLimits {
  /** Attempts from one address per `IP_WINDOW_SECONDS`. */
  maxPerIp: number;
  /** Failed attempts for one user name per `USER_WINDOW_SECONDS`. */
  maxFailuresPerUser: number;
  /** Password hashes computed at once. */
  hashConcurrency: number;
}

export const IP_WINDOW_SECONDS = 5 * 60;
export const USER_WINDOW_SECONDS = 15 * 60;
/** Sign-ins waiting for a hash slot, per slot; past that they are refused at once. */
const QUEUE_PER_SLOT = 8;

const tooMany = (message: string, retryAfterSeconds: number) => new AppError(ErrorCode.TOO_MANY_REQUESTS, message, { retryable: true, retryAfterSeconds });

/**
 * Guards `login` against guessing and against exhausting the server: attempts per client
 * address and failures per user name are counted in Redis (shared by every api process),
 * and argon2 hashes (64 MiB and tens of milliseconds each) run a few at a time.
 */
export class LoginLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perUser: RateLimiterRedis;
  private readonly hashes: LimitFunction;

  constructor(
    redis: Redis,
    private readonly limits: LoginLimits,
    prefix = 'superfluid:login',
  ) {
    this.perIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:ip`, points: limits.maxPerIp, duration: IP_WINDOW_SECONDS });
    this.perUser = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:user`, points: limits.maxFailuresPerUser, duration: USER_WINDOW_SECONDS });
    this.hashes = pLimit(limits.hashConcurrency);
  }

  /**
   * Runs `check` (the password check) when this address and user name may try now; records a
   * failure (check returned null) against the user name, and forgets the failures on success.
   */
  async attempt<T>(ip: string, username: string, check: () => Promise<T | null>): Promise<T | null> {
    try {
      await this.perIp.consume(ip || 'unknown');
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const wait = Math.ceil(err.msBeforeNext / 1000);
      throw tooMany(`Too many sign-in attempts from your address: try again in ${wait} s.`, wait);
    }
    const user = userKey(username);
    const failures = await this.perUser.get(user);
    if (failures && failures.consumedPoints >= this.limits.maxFailuresPerUser) {
      const wait = Math.ceil(failures.msBeforeNext / 1000);
      throw tooMany(`Too many failed sign-ins for this user: try again in ${wait} s.`, wait);
    }
    if (this.hashes.pendingCount >= this.limits.hashConcurrency * QUEUE_PER_SLOT) {
      throw tooMany('Too many sign-ins are being checked at once: try again in a few seconds.', 2);
    }
    const result = await this.hashes(check);
    if (result === null) await this.perUser.penalty(user, 1);
    else if (failures) await this.perUser.delete(user);
    return result;
  }
}

/** User names are counted by hash: no attacker-chosen text of any length goes into Redis keys. */
const userKey = (username: string) => createHash('sha256').update(username.trim().toLowerCase()).digest('hex').slice(0, 32);
