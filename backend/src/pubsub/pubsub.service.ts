import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

type Listener = (message: unknown) => void;

/**
 * Redis pub/sub, so any api process can serve live updates produced by any worker.
 * One subscriber connection per process; channels are reference-counted.
 */
@Injectable()
export class PubSubService implements OnApplicationShutdown {
  private readonly logger = new Logger(PubSubService.name);
  private publisher?: Redis;
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<Listener>>();

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

  /** Resolves once the subscription is active; returns the function that ends it. */
  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    if (!this.subscriber) {
      this.subscriber = this.connect(null);
      this.subscriber.on('message', (ch: string, raw: string) => {
        const set = this.listeners.get(ch);
        if (!set) return;
        let message: unknown;
        try {
          message = JSON.parse(raw);
        } catch {
          return;
        }
        for (const l of set) l(message);
      });
      this.subscriber.on('error', (err) => this.logger.warn(`subscriber: ${err.message}`));
    }
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    if (set.size === 1) await this.subscriber.subscribe(channel);
    return () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        this.subscriber?.unsubscribe(channel).catch(() => undefined);
      }
    };
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
  request: (requestId: string) => `superfluid:request:${requestId}`,
};

/**
 * An async iterator over live messages that can also be told to stop. Messages that
 * arrive while nobody is reading are buffered.
 */
export class LiveQueue<T> {
  private readonly buffer: T[] = [];
  private wake?: () => void;
  private closed = false;

  push(item: T): void {
    this.buffer.push(item);
    this.wake?.();
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /** Next buffered item, waiting for one; undefined once closed and drained. */
  async next(): Promise<T | undefined> {
    while (this.buffer.length === 0) {
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    return this.buffer.shift();
  }
}
