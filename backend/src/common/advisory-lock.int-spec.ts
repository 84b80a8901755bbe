import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataSource } from 'typeorm';
import { newEnv, type TestEnv } from '../testing/harness.js';
import { advisoryXactLock, tryAdvisoryLock, withAdvisoryLock } from './advisory-lock.js';

/** Resolves when `release()` is called: lets a test hold a lock for as long as it wants. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

describe('advisory locks on real Postgres', () => {
  let env: TestEnv;
  let db: DataSource;
  before(async () => {
    env = await newEnv();
    db = new DataSource({ type: 'postgres', url: env.databaseUrl, extra: { max: 4 } });
    await db.initialize();
  });
  after(async () => {
    await db?.destroy();
    await env?.destroy();
  });

  test('tryAdvisoryLock runs nothing while another session holds the key, and runs once it is free', async () => {
    const holding = gate();
    const entered = gate();
    const holder = tryAdvisoryLock(db, 'repo:a', async () => {
      entered.release();
      await holding.opened;
      return 'first';
    });
    await entered.opened;
    let ran = false;
    const second = await tryAdvisoryLock(db, 'repo:a', async () => (ran = true));
    assert.deepEqual(second, { held: false });
    assert.equal(ran, false);
    // Another key is another lock.
    assert.deepEqual(await tryAdvisoryLock(db, 'repo:b', async () => 'b'), { held: true, value: 'b' });
    holding.release();
    assert.deepEqual(await holder, { held: true, value: 'first' });
    assert.deepEqual(await tryAdvisoryLock(db, 'repo:a', async () => 'again'), { held: true, value: 'again' });
  });

  test('withAdvisoryLock with waitMs waits for the holder without keeping a connection, and gives up with the caller’s error', async () => {
    const holding = gate();
    const entered = gate();
    const order: string[] = [];
    const holder = withAdvisoryLock(db, 'repo:c', async () => {
      entered.release();
      await holding.opened;
      order.push('holder');
    });
    await entered.opened;
    const waiter = withAdvisoryLock(db, 'repo:c', async () => order.push('waiter'), { waitMs: 30_000 });
    // While it waits, the pool still serves other work (the waiter holds no connection).
    const busy = Array.from({ length: 3 }, () => db.query('SELECT pg_sleep(0.05)'));
    await Promise.all(busy);
    holding.release();
    await Promise.all([holder, waiter]);
    assert.deepEqual(order, ['holder', 'waiter']);

    const held = gate();
    const taken = gate();
    const blocker = withAdvisoryLock(db, 'repo:c', async () => {
      taken.release();
      await held.opened;
    });
    await taken.opened;
    await assert.rejects(
      withAdvisoryLock(db, 'repo:c', async () => 'never', { waitMs: 300, timedOut: () => new Error('still busy') }),
      /still busy/,
    );
    held.release();
    await blocker;
  });

  test('the lock is let go when the work throws, and numeric keys block until free', async () => {
    await assert.rejects(
      withAdvisoryLock(db, 7_240_099, async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(await tryAdvisoryLock(db, 7_240_099, async () => 'free'), { held: true, value: 'free' });
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)) as { n: number }[];
    assert.equal(n, 0, 'no advisory lock left behind');
  });

  test('advisoryXactLock holds the key until its transaction ends', async () => {
    const inside = gate();
    const finish = gate();
    const order: string[] = [];
    const first = db.transaction(async (tx) => {
      await advisoryXactLock(tx, 'slots:p1');
      inside.release();
      await finish.opened;
      order.push('first');
    });
    await inside.opened;
    const second = db.transaction(async (tx) => {
      await advisoryXactLock(tx, 'slots:p1');
      order.push('second');
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(order, [], 'the second transaction waits');
    finish.release();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first', 'second']);
  });
});
