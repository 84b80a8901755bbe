// Redis drills against the real product, on a Redis server of the test's own (so no other
// test loses its queues): 100 quick orders ("Run a playbook" of hello.yml) with, while they
// run, a FLUSHALL, then Redis killed (SIGKILL) and started again empty a few seconds later.
// - every order reaches a terminal state (the reconciler puts back the queue messages Redis
//   lost: Postgres is the source of truth);
// - the repeatable job schedulers Redis lost (provider health checks, git refresh schedules,
//   job output retention, the notifications' sweep, retirement dates) are back within a
//   reconcile tick (ScheduleKeeper / GitSchedules check every 5 s), and the provider health
//   checks run again, without a restart.
//
// Run: npm test -- drills (TEST_FILTER=redis-outage)
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, makeTempDir, redisCommand, startRedis } from '../../scripts/lib/services.mjs';
import { startProduct } from '../support/product.mjs';

const ORDERS = 100;
const TERMINAL = ['finished', 'failed', 'canceled', 'denied'];
/** The reconcile tick of the schedules (SCHEDULE_CHECK_MS in backend/src/system/schedule-keeper.ts). */
const TICK_MS = 5_000;

async function waitFor(what, check, ms = 120_000, every = 100) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

describe('Redis loses everything while 100 orders run: FLUSHALL, then killed and started again', () => {
  let dir;
  let redis;
  let product;
  let db;
  let token;
  let redisUrl;

  before(async () => {
    dir = await makeTempDir('superfluid-redis-drill-');
    redis = await startRedis({ dir: path.join(dir, 'redis'), port: await freePort() });
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = redis.url;
    try {
      product = await startProduct({ env: { WORKER_CONCURRENCY: '8', PROVIDER_HEALTH_INTERVAL_SECONDS: '5' }, timeoutMs: 180_000 });
    } finally {
      process.env.REDIS_URL = saved;
    }
    redisUrl = product.env.REDIS_URL;
    const { default: Pg } = await import('pg');
    db = new Pg.Client({ connectionString: product.env.DATABASE_URL });
    db.on('error', () => {});
    await db.connect();
    token = await product.login();
  });
  after(async () => {
    await db?.end();
    await product?.stop();
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const api = async (query, variables = {}) => {
    const body = await product.graphql(query, variables, token);
    assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const sql = async (text, params) => (await db.query(text, params)).rows;

  /** The job schedulers Redis holds, by queue (BullMQ keeps them in `<prefix>:<queue>:repeat`). */
  const schedulers = async () => {
    const held = {};
    for (const queue of ['providers', 'git', 'maintenance', 'notify', 'lifecycle']) {
      held[queue] = (await redisCommand(redisUrl, 'ZRANGE', `superfluid:${queue}:repeat`, '0', '-1')).sort();
    }
    return held;
  };

  /** Waits for the schedulers to be back as `expected` after Redis lost them; resolves with the time it took. */
  const schedulersBack = async (expected, lostAt, what) => {
    await waitFor(`the schedulers to be back after ${what}`, async () => JSON.stringify(await schedulers()) === JSON.stringify(expected), 60_000);
    const took = Date.now() - lostAt;
    process.stderr.write(`# after ${what}, the job schedulers were back in ${took} ms\n`);
    // One reconcile tick, with 5 s of room for a loaded machine (timers late, Redis reconnecting).
    assert.ok(took <= TICK_MS + 5_000, `the schedulers were back in ${took} ms, more than a reconcile tick (${TICK_MS} ms) and its slack`);
    const checked = await waitFor(
      `a provider health check after ${what}`,
      async () => Number((await sql('SELECT count(*) AS n FROM provider_health WHERE checked_at > $1', [new Date(lostAt)]))[0].n) > 0,
      60_000,
      250,
    );
    assert.ok(checked);
  };

  const counts = async (ids) => {
    const rows = await sql('SELECT status, count(*)::int AS n FROM service_requests WHERE id = ANY($1) GROUP BY status', [ids]);
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };
  const ended = async (ids) => {
    const c = await counts(ids);
    return TERMINAL.reduce((sum, s) => sum + (c[s] ?? 0), 0);
  };

  test('every order ends; the schedulers are back within a reconcile tick after each loss, and health checks go on', async () => {
    // A repository with a refresh schedule, so the git queue has one to lose.
    const { createGitRepo } = await api('mutation($i: CreateGitRepoInput!) { createGitRepo(input: $i) { id } }', {
      i: { name: 'scheduled', hosted: true, refreshIntervalSeconds: 3600 },
    });
    const expected = await waitFor('every schedule in place', async () => {
      const held = await schedulers();
      return held.providers.length &&
        held.maintenance.length &&
        held.notify.length &&
        held.lifecycle.length &&
        held.git.includes(`git-refresh:${createGitRepo.id}`)
        ? held
        : null;
    });

    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const templateId = serviceTemplates.find((t) => t.name === 'Run a playbook').id;
    const { providers } = await api('{ providers { id name } }');
    const provider = providers.find((p) => p.name === 'local').id;
    const ids = [];
    for (let i = 0; i < ORDERS; i++) {
      ids.push(
        (
          await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
            i: { templateId, dialogValues: { provider, playbook: 'hello.yml' } },
          })
        ).orderService.id,
      );
    }

    // FLUSHALL with a third of the orders ended: queued messages and schedules are gone.
    await waitFor('a third of the orders to end', async () => (await ended(ids)) >= ORDERS / 3, 600_000, 250);
    await redisCommand(redis.url, 'FLUSHALL');
    const flushedAt = Date.now();
    process.stderr.write(`# FLUSHALL with ${JSON.stringify(await counts(ids))}\n`);
    assert.deepEqual(await schedulers(), { providers: [], git: [], maintenance: [], notify: [], lifecycle: [] }, 'Redis lost the schedules');
    await schedulersBack(expected, flushedAt, 'a FLUSHALL');

    // Redis killed with two thirds ended (or at once, if the flush held them up), started again empty 3 s later.
    await waitFor('two thirds of the orders to end', async () => (await ended(ids)) >= (2 * ORDERS) / 3, 600_000, 250);
    process.stderr.write(`# Redis killed with ${JSON.stringify(await counts(ids))}\n`);
    redis.process.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 3_000));
    redis = await startRedis({ dir: path.join(dir, 'redis'), port: redis.port, password: redis.password });
    const restartedAt = Date.now();
    await schedulersBack(expected, restartedAt, 'Redis killed and started again');

    const endedAll = await waitFor('every order to end', async () => (await ended(ids)) === ORDERS, 600_000, 500);
    assert.ok(endedAll);
    const final = await counts(ids);
    process.stderr.write(`# every order ended: ${JSON.stringify(final)}\n`);
    // Each order ran once at most: a lost queue message is put back, never a second run.
    const twice = await sql('SELECT request_id FROM jobs WHERE request_id = ANY($1) GROUP BY request_id HAVING count(*) > 1', [ids]);
    assert.deepEqual(twice, [], 'no order ran twice');
    const failed = await sql(`SELECT id, status, message FROM service_requests WHERE id = ANY($1) AND status <> 'finished'`, [ids]);
    assert.deepEqual(failed, [], 'every order finished');
  });
});
