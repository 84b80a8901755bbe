import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppConfig } from '../config/config.js';
import { PubSubService } from './pubsub.service.js';

const redisUrl = () => {
  const value = process.env.REDIS_URL;
  if (!value) throw new Error('REDIS_URL must be set for integration tests: run them with "npm test"');
  return value;
};

/** Resolves once a message published on `channel` now has come back through `subscriber`. */
async function roundTrip(subscriber: PubSubService, publisher: PubSubService, channel: string): Promise<void> {
  let arrived!: () => void;
  const done = new Promise<void>((resolve) => (arrived = resolve));
  const unsubscribe = await subscriber.subscribe(channel, () => arrived());
  await publisher.publish(channel, {});
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    // A guard against a hang, not a speed check.
    timer = setTimeout(() => reject(new Error(`no message came back on ${channel}`)), 20_000);
  });
  try {
    await Promise.race([done, limit]);
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}

describe('pub/sub on a real Redis', () => {
  test('subscriptions made while the connection is still being set up are all live once they resolve', async () => {
    // A fresh process whose first subscriptions arrive together (a page opening its three
    // streams at once) while the subscriber connection is still connecting and doing its
    // handshake. Every subscription must succeed and, once resolved, receive what is
    // published afterwards: the job streams read the database after subscribing and
    // count on the live channel for everything stored later.
    const config = { redisUrl: redisUrl() } as AppConfig;
    const subscriber = new PubSubService(config);
    const publisher = new PubSubService(config);
    const run = `superfluid-test:pubsub:${process.pid}:${Date.now()}`;
    try {
      const received = new Map<string, unknown[]>();
      const subscriptions: Promise<unknown>[] = [];
      let settled = 0;
      // A new channel on every turn of the event loop until a few have settled: some are
      // made before the socket is open, some during the handshake, some after it.
      for (let i = 0; settled < 3 && i < 5_000; i++) {
        const channel = `${run}:${i}`;
        received.set(channel, []);
        const subscription = subscriber.subscribe(channel, (m) => received.get(channel)!.push(m));
        subscriptions.push(subscription);
        void subscription.then(
          () => (settled += 1),
          () => (settled += 1),
        );
        await nextTurn();
      }
      const failures = (await Promise.allSettled(subscriptions)).flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
      assert.deepEqual(failures, [], 'no subscription fails');

      for (const channel of received.keys()) await publisher.publish(channel, { channel });
      // Redis delivers one connection's messages in the order they were published: once
      // this one is back, every message above has arrived or never will.
      await roundTrip(subscriber, publisher, `${run}:last`);
      const missed = [...received].filter(([, messages]) => messages.length !== 1).map(([channel]) => channel);
      assert.deepEqual(missed, [], `each of the ${received.size} subscriptions got its message`);
    } finally {
      await subscriber.onApplicationShutdown();
      await publisher.onApplicationShutdown();
    }
  });
});
