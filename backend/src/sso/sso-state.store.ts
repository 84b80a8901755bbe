import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { PendingSignIn } from './oidc-client.js';

/** A sign-in must come back from the provider within this. */
export const PENDING_TTL_SECONDS = 600;
const KEY = (browser: string) => `sso:pending:${createHash('sha256').update(browser).digest('hex')}`;

/**
 * Sign-ins under way: state, nonce and PKCE verifier kept in Redis for 10 minutes under the
 * hash of a random id that only the browser holds (an HttpOnly cookie), taken once at the
 * callback. Nothing secret travels through the browser or the provider.
 */
@Injectable()
export class SsoStateStore implements OnApplicationShutdown {
  private redis?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Connects on the first sign-in, so a worker process never does. */
  private client(): Redis {
    if (!this.redis) {
      this.redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2 });
      this.redis.on('error', () => undefined); // answered per request; ioredis reconnects
    }
    return this.redis;
  }

  async save(browser: string, pending: PendingSignIn): Promise<void> {
    await this.client().set(KEY(browser), JSON.stringify(pending), 'EX', PENDING_TTL_SECONDS);
  }

  /** The sign-in this browser started, once (a second callback finds nothing); null when none or expired. */
  async take(browser: string): Promise<PendingSignIn | null> {
    const raw = await this.client().getdel(KEY(browser));
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
