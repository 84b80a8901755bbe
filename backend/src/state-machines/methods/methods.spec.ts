import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GitReposService } from '../../git-repos/git-repos.service.js';
import type { ProvidersService } from '../../providers/providers.service.js';
import type { RequestItemEntity } from '../../requests/request-item.entity.js';
import type { RequestStore } from '../../requests/request-store.js';
import type { ServicesService } from '../../services/services.service.js';
import { Clock } from '../../common/clock.js';
import { STATE_METHODS } from '../state-machine.types.js';
import { ApproveMethod } from './approve.method.js';
import { CollectOutputsMethod } from './collect-outputs.method.js';
import { CreateServiceMethod } from './create-service.method.js';
import { RefreshRepositoriesMethod } from './refresh-repositories.method.js';
import { STATE_METHOD_CLASSES } from './registry.js';
import { RetireServiceMethod } from './retire-service.method.js';
import { RunPlaybookMethod } from './run-playbook.method.js';
import { fakeContext, item } from './testing.js';
import { UpdateServiceMethod } from './update-service.method.js';
import { ValidateRequestMethod } from './validate-request.method.js';
import { WaitForJobsMethod } from './wait-for-jobs.method.js';

// Each state method on its own, its side effects replaced by fakes (a fake request store, fake
// repositories, providers and services): what it answers and what it writes.

/** A fake request store that queues the pending items of the lowest open index, as the real one does in SQL. */
function fakeStore(items: RequestItemEntity[]) {
  const repinned: Record<string, string> = {};
  return {
    repinned,
    queueNextIndex: async () => {
      const open = items.filter((i) => i.status !== 'successful');
      const index = Math.min(...open.map((i) => i.index));
      const started = open.filter((i) => i.index === index && i.status === 'pending');
      for (const i of started) i.status = 'queued';
      return started;
    },
    repinItem: async (id: string, plan: { commit: string }) => {
      repinned[id] = plan.commit;
    },
  };
}

describe('state methods (with fakes of the request store, repositories, providers and services)', () => {
  test('the registry has one class for each method name, under its own name', () => {
    assert.deepEqual(Object.keys(STATE_METHOD_CLASSES).sort(), [...STATE_METHODS].sort());
    for (const [name, type] of Object.entries(STATE_METHOD_CLASSES)) {
      assert.equal(new (type as new (...args: never[]) => { name: string })().name, name);
    }
  });

  test('refresh_repositories: fetches every repository (always) and moves pending items to the new commit', async () => {
    const items = [item('a', 0, 'pending'), item('b', 0, 'successful')];
    const store = fakeStore(items);
    const refreshed: string[] = [];
    const repos = {
      findByName: async () => ({ id: 'repo-1', refreshMaxAgeSeconds: null, lastRefreshedAt: new Date() }),
      refresh: async (id: string) => refreshed.push(id),
      snapshot: async () => ({ commit: 'c2', playbooks: ['a.yml', 'b.yml'] }),
    };
    const method = new RefreshRepositoriesMethod(repos as unknown as GitReposService, store as unknown as RequestStore);
    const outcome = await method.run(fakeContext(items));
    assert.deepEqual(outcome, { kind: 'ok', message: 'refreshed playbooks; items moved to the new commit: a → c2' });
    assert.deepEqual(refreshed, ['repo-1']);
    assert.deepEqual(store.repinned, { 'id-a': 'c2' }, 'the successful item keeps its commit');
  });

  test('refresh_repositories: by policy, a repository refreshed recently is not fetched; a failed fetch asks for a retry', async () => {
    const items = [item('a', 0, 'pending')];
    let fetches = 0;
    const repos = (fail: boolean, maxAge: number | null) => ({
      findByName: async () => ({ id: 'repo-1', refreshMaxAgeSeconds: maxAge, lastRefreshedAt: new Date() }),
      refresh: async () => {
        fetches++;
        if (fail) throw new Error('remote gone');
      },
      snapshot: async () => ({ commit: 'c1', playbooks: ['a.yml'] }),
    });
    const quiet = new RefreshRepositoriesMethod(repos(false, 3600) as unknown as GitReposService, fakeStore(items) as unknown as RequestStore);
    assert.deepEqual(await quiet.run(fakeContext(items, { refresh: 'policy' })), { kind: 'ok', message: 'refreshed nothing' });
    assert.equal(fetches, 0);
    const every = new RefreshRepositoriesMethod(repos(true, 0) as unknown as GitReposService, fakeStore(items) as unknown as RequestStore);
    assert.deepEqual(await every.run(fakeContext(items, { refresh: 'policy' })), { kind: 'retry', message: 'remote gone' });
  });

  test('validate_request: names the item whose repository is disabled or whose provider is gone', async () => {
    const items = [item('a', 0, 'pending')];
    const method = (enabled: boolean, exists: boolean) =>
      new ValidateRequestMethod(
        { findByName: async () => ({ name: 'playbooks', enabled }) } as unknown as GitReposService,
        { exists: async () => exists } as unknown as ProvidersService,
      );
    assert.deepEqual(await method(true, true).run(fakeContext(items)), { kind: 'ok' });
    assert.deepEqual(await method(false, true).run(fakeContext(items)), { kind: 'error', message: 'Item "a": git repository "playbooks" is disabled.' });
    assert.deepEqual(await method(true, false).run(fakeContext(items)), { kind: 'error', message: 'Item "a": its provider no longer exists.' });
  });

  test('run_playbook: starts the lowest index only, in parallel within it, and hands the items to the engine', async () => {
    const items = [item('net', 0, 'successful'), item('a', 1, 'pending'), item('b', 1, 'pending'), item('sum', 2, 'pending')];
    const ctx = fakeContext(items);
    const outcome = await new RunPlaybookMethod(fakeStore(items) as unknown as RequestStore).run(ctx);
    assert.deepEqual(outcome, { kind: 'ok', message: 'started a, b' });
    assert.deepEqual(ctx.launched, ['a', 'b']);
    assert.equal(items[3].status, 'pending');
  });

  test('wait_for_jobs: waits while an index runs, starts the next when it succeeded, ends when all did', async () => {
    const items = [item('a', 0, 'successful'), item('b', 1, 'pending')];
    const store = fakeStore(items);
    const ctx = fakeContext(items);
    assert.deepEqual(await new WaitForJobsMethod(store as unknown as RequestStore).run(ctx), { kind: 'wait' });
    assert.deepEqual(ctx.launched, ['b']);
    items[1].status = 'successful';
    assert.deepEqual(await new WaitForJobsMethod(store as unknown as RequestStore).run(fakeContext(items)), { kind: 'ok', message: '2 items succeeded' });
  });

  test('wait_for_jobs: a failed item fails the request naming it and what was kept; a canceled job cancels it', async () => {
    const failed = [item('net', 0, 'successful'), item('app', 1, 'failed', { message: 'Playbook app.yml failed: boom', plan: { site: 'mec' } as never })];
    const outcome = await new WaitForJobsMethod(fakeStore(failed) as unknown as RequestStore).run(fakeContext(failed));
    assert.deepEqual(outcome, { kind: 'error', message: 'Item "app" (site mec) failed: Playbook app.yml failed: boom\nAlready deployed and kept: net.' });
    const single = [item('main', 0, 'canceled', { jobId: 'j1', message: 'Playbook main.yml: Canceled by admin while it ran' })];
    assert.deepEqual(await new WaitForJobsMethod(fakeStore(single) as unknown as RequestStore).run(fakeContext(single)), {
      kind: 'canceled',
      message: 'Playbook main.yml: Canceled by admin while it ran',
    });
  });

  test('collect_outputs: names every output, and refuses while an item has not succeeded', async () => {
    const items = [item('a', 0, 'successful', { outputs: { url: 'x' } }), item('b', 0, 'successful', { outputs: {} })];
    assert.deepEqual(await new CollectOutputsMethod().run(fakeContext(items)), { kind: 'ok', message: 'outputs: a.url' });
    items[1].status = 'failed';
    assert.deepEqual(await new CollectOutputsMethod().run(fakeContext(items)), { kind: 'error', message: 'Items not finished: b (failed).' });
  });

  const fakeServices = (existing: object | null = null) => {
    const made: Record<string, unknown>[] = [];
    return {
      made,
      // Stands in for the database's one service per request (request_id is unique).
      services: { create: async (input: Record<string, unknown>) => !existing && made.push(input) > 0 } as unknown as ServicesService,
    };
  };

  /** A fake request store: create_service only ever gives back an order's share of the quotas. */
  const released: string[] = [];
  const releasing = { releaseQuota: async (id: string) => void released.push(id) } as unknown as RequestStore;

  test("create_service: one item's outputs as they are (flat), or every item's merged with items by name", async () => {
    const flat = fakeServices();
    const one = [item('main', 0, 'successful', { outputs: { greeting: 'hi' } })];
    await new CreateServiceMethod(flat.services, new Clock(), releasing).run(fakeContext(one, { service: { name: 'Run (hello.yml)', outputs: 'flat' } }));
    assert.deepEqual(flat.made[0].outputs, { greeting: 'hi' });
    assert.equal(flat.made[0].name, 'Run (hello.yml)');
    const perItem = fakeServices();
    const two = [
      item('a', 0, 'successful', { outputs: { x: 1 } }),
      item('b', 1, 'successful', { outputs: { y: 2 }, plan: { sites: [{ name: 's', providerId: 'p2', variables: {} }] } as never }),
    ];
    await new CreateServiceMethod(perItem.services, new Clock(), releasing).run(fakeContext(two, { service: { name: 'Bundle', outputs: 'per-item' } }));
    assert.deepEqual(perItem.made[0].outputs, { x: 1, y: 2, items: { a: { x: 1 }, b: { y: 2 } } });
    assert.deepEqual(perItem.made[0].providerIds, ['p1', 'p1', 'p2']);
  });

  test('create_service: the retirement date from the order’s lifetime, by the portal’s clock', async () => {
    // A clock standing still at the start of 2030 (the portal's moves on with the machine's).
    const clock = { now: () => new Date('2030-01-01T00:00:00Z') } as Clock;
    const byDays = fakeServices();
    await new CreateServiceMethod(byDays.services, clock, releasing).run(
      fakeContext([item('main', 0, 'successful')], { lifetime: { days: 10, maxDays: 30, warnDays: 3 } }),
    );
    assert.deepEqual(
      [byDays.made[0].retiresAt, byDays.made[0].maxRetiresAt, byDays.made[0].retirementWarnDays],
      [new Date('2030-01-11T00:00:00Z'), new Date('2030-01-31T00:00:00Z'), 3],
    );
    const chosen = fakeServices();
    await new CreateServiceMethod(chosen.services, clock, releasing).run(
      fakeContext([item('main', 0, 'successful')], { lifetime: { retiresAt: '2030-01-05T12:00:00.000Z', warnDays: 7 } }),
    );
    assert.deepEqual([chosen.made[0].retiresAt, chosen.made[0].maxRetiresAt], [new Date('2030-01-05T12:00:00Z'), null]);
    const passed = fakeServices();
    await new CreateServiceMethod(passed.services, clock, releasing).run(
      fakeContext([item('main', 0, 'successful')], { lifetime: { retiresAt: '2029-12-20T00:00:00.000Z', warnDays: 3 } }),
    );
    assert.deepEqual(passed.made[0].retiresAt, new Date('2030-01-04T00:00:00Z'), 'a chosen date passed while waiting: the days of warning from now');
    const none = fakeServices();
    await new CreateServiceMethod(none.services, clock, releasing).run(fakeContext([item('main', 0, 'successful')]));
    assert.equal(none.made[0].retiresAt, null);
  });

  test('create_service: once per request, and none for a preview (every item in check mode)', async () => {
    const again = fakeServices({ id: 's1' });
    assert.deepEqual(await new CreateServiceMethod(again.services, new Clock(), releasing).run(fakeContext([item('main', 0, 'successful')])), {
      kind: 'ok',
      message: 'the service exists already',
    });
    const preview = fakeServices();
    const checked = [item('main', 0, 'successful', { plan: { options: { check: true } } as never })];
    const outcome = await new CreateServiceMethod(preview.services, new Clock(), releasing).run(fakeContext(checked));
    assert.equal(outcome.kind, 'ok');
    assert.match((outcome as { message: string }).message, /preview/);
    assert.equal(preview.made.length, 0);
    assert.deepEqual(released, ['r1'], 'an order that made nothing gives back its share of the quotas');
  });

  test('retire_service: retires the service a retirement names, freeing the quota its order held; a rollback retires nothing', async () => {
    const retired: string[] = [];
    const released: string[] = [];
    const method = new RetireServiceMethod(
      { retire: async (id: string) => retired.push(id) > 0, get: async (id: string) => ({ id, requestId: `order-of-${id}` }) } as unknown as ServicesService,
      { releaseQuota: async (id: string) => void released.push(id) } as unknown as RequestStore,
    );
    assert.deepEqual(await method.run(fakeContext([], { action: 'retire', serviceId: 's1' })), { kind: 'ok', message: 'service retired' });
    assert.deepEqual(await method.run(fakeContext([], { action: 'rollback', rollbackOf: 'r0' })), {
      kind: 'ok',
      message: 'rolled back what request r0 deployed',
    });
    assert.deepEqual(retired, ['s1']);
    assert.deepEqual(released, ['order-of-s1']);
    assert.equal((await method.run(fakeContext([], { action: 'provision' }))).kind, 'error');
  });

  test("update_service: merges the items' new outputs over the service's, per item too", async () => {
    let stored: Record<string, unknown> | null = null;
    const services = {
      get: async () => ({ outputs: { url: 'old', size: 1, items: { app: { url: 'old', size: 1 }, net: { id: 'n' } } } }),
      reconfigured: async (_id: string, outputs: Record<string, unknown>) => ((stored = outputs), true),
    } as unknown as ServicesService;
    const items = [item('app', 0, 'successful', { outputs: { size: 3 } })];
    assert.deepEqual(await new UpdateServiceMethod(services).run(fakeContext(items, { action: 'reconfigure', serviceId: 's1' })), {
      kind: 'ok',
      message: 'service updated',
    });
    assert.deepEqual(stored, { url: 'old', size: 3, items: { app: { url: 'old', size: 3 }, net: { id: 'n' } } });
  });
});

describe('approve (decisions from a fake request store)', () => {
  const decision = (approverName: string, d: 'approved' | 'denied', reason: string | null = null) => ({ approverName, decision: d, reason });
  const method = (decisions: ReturnType<typeof decision>[]) => new ApproveMethod({ decisions: async () => decisions } as unknown as RequestStore);
  const policy = { approvals: 2, timeoutHours: 24, reason: 'The item needs 2 approvers.' };

  test('an order whose item needs no approval goes on at once', async () => {
    assert.equal((await method([]).run(fakeContext([]))).kind, 'ok');
  });

  test('waits for the approvals still missing, then goes on naming its approvers', async () => {
    const one = await method([decision('alice', 'approved')]).run(fakeContext([], { approval: policy }));
    assert.equal(one.kind, 'approval');
    assert.match((one as { message: string }).message, /Waiting for 1 approval \(approved by alice\)\. The item needs 2 approvers\./);
    const two = await method([decision('alice', 'approved'), decision('bob', 'approved')]).run(fakeContext([], { approval: policy }));
    assert.deepEqual(two, { kind: 'ok', message: 'approved by alice, bob' });
  });

  test('one denial ends it, whatever the approvals; so does the end of its time', async () => {
    const denied = await method([decision('alice', 'approved'), decision('bob', 'denied', 'too big')]).run(fakeContext([], { approval: policy }));
    assert.deepEqual(denied, { kind: 'denied', message: 'Denied by bob: too big' });
    const ctx = fakeContext([], { approval: policy });
    (ctx.request as { stateEnteredAt: Date }).stateEnteredAt = new Date(Date.now() - 25 * 3_600_000);
    const late = await method([decision('alice', 'approved')]).run(ctx);
    assert.equal(late.kind, 'denied');
    assert.match((late as { message: string }).message, /not approved within 24 hours \(1 of 2 approvals\)/);
  });
});
