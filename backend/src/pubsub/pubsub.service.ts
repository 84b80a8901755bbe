import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

type Listener = (message: unknown) => void;

/** The listeners of one channel and the SUBSCRIBE they all wait for. */
interface Channel {
  listeners: Set<Listener>;
  active: Promise<void>;
}

/**
 * Resolves once `redis` is ready for commands. ioredis writes SUBSCRIBE straight to a
 * connection that is still in its handshake (status `connect`): the reply turns the
 * connection into subscriber mode, its ready check (INFO) is then refused, and ioredis
 * drops the connection, rejects what it had queued and reconnects without the channels
 * it had just subscribed (it resubscribes only after a connection that was ready). The
 * SUBSCRIBE resolved, yet nothing published on its channel ever arrives (redis/ioredis#2037).
 * So SUBSCRIBE is sent only on a ready connection.
 */
function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  if (redis.status === 'end') return Promise.reject(new Error('the Redis subscriber connection was closed'));
  return new Promise<void>((resolve, reject) => {
    const onReady = () => {
      redis.off('end', onEnd);
      resolve();
    };
    const onEnd = () => {
      redis.off('ready', onReady);
      reject(new Error('the Redis subscriber connection was closed'));
    };
    redis.once('ready', onReady);
    redis.once('end', onEnd);
  });
}

/**
 * Redis pub/sub, so any api process can serve live updates produced by any worker.
 * One subscriber connection per process; channels are reference-counted.
 */
@Injectable()
export class PubSubService implements OnApplicationShutdown {
  private readonly logger = new Logger(PubSubService.name);
  private publisher?: Redis;
  private subscriber?: Redis;
  private subscriberReady?: Promise<void>;
  private readonly channels = new Map<string, Channel>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async publish(channel: string, message: unknown): Promise<void> {
    this.publisher ??= this.connect(3);
    await this.publisher.publish(channel, JSON.stringify(message));
  }

  /** True when Redis answers PING. */
  async ping(): Promise<boolean> {
    this.publisher ??= this.connect(3);
    return (await this.publisher.ping()) === 'PONG';
  }

  private connect(maxRetriesPerRequest: number | null): Redis {
    const redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest });
    redis.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
    return redis;
  }

  private subscriberConnection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.connect(null);
    subscriber.on('message', (ch: string, raw: string) => {
      const entry = this.channels.get(ch);
      if (!entry) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      for (const l of entry.listeners) l(message);
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  /** One wait for the subscriber connection to be ready, shared by every channel. */
  private whenSubscriberReady(subscriber: Redis): Promise<void> {
    if (subscriber.status === 'ready') return Promise.resolve();
    this.subscriberReady ??= whenReady(subscriber).finally(() => (this.subscriberReady = undefined));
    return this.subscriberReady;
  }

  /**
   * Resolves once the subscription is active — everything published on `channel` from
   * then on reaches `listener` — and returns the function that ends it. A listener that
   * joins a channel whose SUBSCRIBE is still on its way waits for that SUBSCRIBE too.
   */
  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    const subscriber = this.subscriberConnection();
    let entry = this.channels.get(channel);
    if (!entry) {
      const active = this.whenSubscriberReady(subscriber).then(async () => {
        await subscriber.subscribe(channel);
      });
      entry = { listeners: new Set(), active };
      this.channels.set(channel, entry);
    }
    const joined = entry;
    joined.listeners.add(listener);
    const unsubscribe = () => {
      if (!joined.listeners.delete(listener) || joined.listeners.size > 0) return;
      if (this.channels.get(channel) === joined) this.channels.delete(channel);
      // Sent after the SUBSCRIBE (same connection, in order), so Redis ends up unsubscribed.
      void joined.active.then(
        () => subscriber.unsubscribe(channel).catch(() => undefined),
        () => undefined,
      );
    };
    try {
      await joined.active;
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }

  async onApplicationShutdown(): Promise<void> {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }
}

/** Channel names, in one place. */
export const channels = {
  jobEvents: (jobId: string) => `superfluid:job:${jobId}:events`,
  jobLog: (jobId: string) => `superfluid:job:${jobId}:log`,
  jobCancel: (jobId: string) => `superfluid:job:${jobId}:cancel`,
  request: (requestId: string) => `superfluid:request:${requestId}`,
  /** A request entered or left pending_approval: approvers' inboxes change. */
  approvals: () => 'superfluid:approvals',
  providerAlarms: () => 'superfluid:provider-alarms',
  /** An alarm was raised, acknowledged or cleared: open-alarm counts change. */
  alarms: () => 'superfluid:alarms',
  /** A user's in-app notifications changed (one arrived, or was read). */
  inbox: (userId: string) => `superfluid:inbox:${userId}`,
  tokenRevoked: () => 'superfluid:auth:token-revoked',
};

/** What LiveQueue.next() answers when nothing came for a while, or messages were dropped. */
export const CATCH_UP = Symbol('catch up from the database');

/**
 * Live messages for one stream, buffered while nobody reads. Pub/sub can lose messages
 * (a Redis reconnect, a slow reader), so a stream treats CATCH_UP — answered after
 * `idleMs` of silence, or when the buffer overflowed — as the cue to re-read Postgres.
 */
export class LiveQueue<T> {
  private buffer: T[] = [];
  private wake?: () => void;
  private closed = false;
  private overflowed = false;

  constructor(private readonly maxBuffered = 10_000) {}

  push(item: T): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer = [];
      this.overflowed = true;
    } else {
      this.buffer.push(item);
    }
    this.wake?.();
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /** The next message; CATCH_UP after `idleMs` without one or after an overflow; undefined once closed. */
  async next(idleMs: number): Promise<T | typeof CATCH_UP | undefined> {
    if (this.overflowed) {
      this.overflowed = false;
      return CATCH_UP;
    }
    if (this.buffer.length === 0) {
      if (this.closed) return undefined;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, idleMs);
      });
      clearTimeout(timer);
      this.wake = undefined;
      if (this.overflowed) return this.next(idleMs);
      if (this.buffer.length === 0) return this.closed ? undefined : CATCH_UP;
    }
    return this.buffer.shift();
  }
}
