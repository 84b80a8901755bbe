import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';
import { type OrderedRequest, ORDER, templateId, order, finished, count } from '../testing/run-a-playbook.js';

// Ordering itself, its subscriptions and limits: requests.int-spec.ts.
describe('crashes and lost queues (Postgres is the source of truth)', () => {
  test('an order queued while Redis loses its data is re-queued by the reconciler and finishes', async () => {
    const env = await newEnv();
    const api = await startTestApp(env, { ROLE: 'api' }, { owner: false });
    let worker: TestApp | undefined;
    try {
      const res = await order(api, { playbook: 'hello.yml', extra_vars: 'name: recovered' });
      assert.equal(res.data?.orderService.status, 'queued');
      await api.redis.flushdb();
      worker = await startTestApp(env, { ROLE: 'worker' }, { owner: false });
      const r = await finished(api, res.data!.orderService.id);
      assert.equal(r.status, 'finished', r.message ?? '');
      assert.equal(r.service?.outputs.greeting, 'Hello, recovered!');
    } finally {
      await worker?.stop();
      await api.stop();
      await env.destroy();
    }
  });

  test('a request left running by a dead worker is failed with a clear message, never re-run', async () => {
    const env = await newEnv();
    const api = await startTestApp(env, { ROLE: 'api' }, { owner: false });
    let worker: TestApp | undefined;
    try {
      const res = await order(api, { playbook: 'hello.yml' });
      const id = res.data!.orderService.id;
      // What a worker that died mid-run leaves: the request claimed, its queue job gone.
      await api.sql(`UPDATE service_requests SET status = 'running', updated_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      await api.redis.flushdb();
      worker = await startTestApp(env, { ROLE: 'worker' }, { owner: false });
      const r = await finished(api, id);
      assert.equal(r.status, 'failed');
      assert.match(r.message ?? '', /stopped before the playbook finished. It was not run again/);
      assert.equal(r.jobs.length, 0, 'the playbook was not run again');
    } finally {
      await worker?.stop();
      await api.stop();
      await env.destroy();
    }
  });

  test('an item left running after its run ended (its worker stopped in between) ends as its run did, never failed as a dead worker', async () => {
    const env = await newEnv();
    const app = await startTestApp(env, {}, { owner: false });
    try {
      const res = await order(app, { playbook: 'hello.yml' });
      const id = res.data!.orderService.id;
      assert.equal((await finished(app, id)).status, 'finished');
      // What a worker that stopped between storing its run's end and its item's leaves (a Redis
      // outage held it there in the Redis drill): the run successful, its item and request running.
      await app.sql(
        `UPDATE request_items SET status = 'running', outputs = NULL, finished_at = NULL, started_at = now() - interval '1 minute' WHERE request_id = $1`,
        [id],
      );
      await app.sql(`UPDATE service_requests SET status = 'running', finished_at = NULL, updated_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      const [item] = await waitFor('the reconciler to end the item', async () => {
        const rows = await app.sql<{ status: string; message: string | null; outputs: unknown }>(
          `SELECT status, message, outputs FROM request_items WHERE request_id = $1 AND status <> 'running'`,
          [id],
        );
        return rows.length ? rows : null;
      });
      assert.equal(item.status, 'successful', item.message ?? '');
      assert.deepEqual(item.outputs && Object.keys(item.outputs as object).sort(), ['greeting', 'target']);
      const r = await finished(app, id);
      assert.doesNotMatch(r.message ?? '', /stopped before the playbook finished/);
      assert.equal(r.status, 'finished', r.message ?? '');
    } finally {
      await app.stop();
      await env.destroy();
    }
  });

  // Another host (PORTAL_URL, over the api's git remote, the api's folder unread): instances/instances.int-spec.ts.
  test('a worker with a data folder of its own on the same host (no PORTAL_URL) fetches the recorded commit from the hosted folder and runs the order', async () => {
    const env = await newEnv();
    const api = await startTestApp(env, { ROLE: 'api' }, { owner: false });
    const elsewhere = await mkdtemp(join(tmpdir(), 'superfluid-worker-'));
    let worker: TestApp | undefined;
    try {
      worker = await startTestApp({ ...env, dataDir: elsewhere }, { ROLE: 'worker' }, { owner: false });
      const res = await order(api, { playbook: 'hello.yml', extra_vars: 'name: elsewhere' });
      const r = await finished(api, res.data!.orderService.id);
      assert.equal(r.status, 'finished', r.message ?? '');
      assert.equal(r.service?.outputs.greeting, 'Hello, elsewhere!');
      assert.ok(existsSync(join(elsewhere, 'mirrors')), 'the worker made its own mirror');
    } finally {
      await worker?.stop();
      await api.stop();
      await env.destroy();
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  test('a second start keeps the data and publishes the playbooks folder only when it changed', async () => {
    const env = await newEnv();
    const first = await startTestApp(env, {}, { owner: false });
    const commit1 = (await first.gql<{ gitRepos: { commit: string }[] }>('{ gitRepos { commit } }')).data!.gitRepos[0].commit;
    await first.stop();
    const second = await startTestApp(env, {}, { owner: false });
    try {
      const repos = (await second.gql<{ gitRepos: { commit: string; playbooks: { path: string }[] }[] }>('{ gitRepos { commit playbooks { path } } }')).data!
        .gitRepos;
      assert.equal(repos.length, 1);
      assert.equal(repos[0].commit, commit1);
      assert.ok(repos[0].playbooks.some((p) => p.path === 'hello.yml'));
      assert.ok(existsSync(join(env.dataDir, 'git', 'playbooks.git', 'HEAD')));
    } finally {
      await second.stop();
      await env.destroy();
    }
  });
});

describe('canceling a request before it starts', () => {
  test('a pending or queued request (single or bundle) is canceled, and a worker that comes later runs nothing of it', async () => {
    const env = await newEnv();
    // No worker yet: the orders stay queued.
    const api = await startTestApp(env, { ROLE: 'api' }, { owner: false });
    let worker: TestApp | undefined;
    try {
      const single = await order(api, { playbook: 'hello.yml' });
      assert.equal(single.data?.orderService.status, 'queued');
      const templates = (await api.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }')).data!.serviceTemplates;
      const provider = (await api.gql<{ providers: { id: string }[] }>('{ providers { id } }')).data!.providers[0].id;
      const bundle = await api.gql<{ orderService: { id: string; status: string } }>(ORDER, {
        i: { templateId: templates.find((t) => t.name === 'Demo bundle')!.id, dialogValues: { provider, deployment: 'never' } },
      });
      assert.equal(bundle.errors, undefined, JSON.stringify(bundle.errors));
      const ids = [single.data!.orderService.id, bundle.data!.orderService.id];

      const CANCEL = 'mutation($id: ID!) { cancelServiceRequest(id: $id) { id status message finishedAt } }';
      for (const id of ids) {
        const res = await api.gql<{ cancelServiceRequest: { status: string; message: string; finishedAt: string | null } }>(CANCEL, { id });
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        assert.equal(res.data!.cancelServiceRequest.status, 'canceled');
        assert.match(res.data!.cancelServiceRequest.message, /Canceled by admin before it started: nothing ran/);
        assert.ok(res.data!.cancelServiceRequest.finishedAt);
        const again = await api.gql(CANCEL, { id });
        assert.equal(again.errors?.[0].extensions?.code, 'CONFLICT');
        assert.match(again.errors![0].message, /already ended \(canceled\): there is nothing to cancel/);
      }

      // A worker arrives and takes the queued messages: they find the requests canceled.
      worker = await startTestApp(env, { ROLE: 'worker' }, { owner: false });
      const requestsQueue = worker.app.get(QueueService).queue(QueueName.REQUESTS);
      await waitFor('the worker to take the queued messages', async () =>
        Object.values(await requestsQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).every((n) => n === 0),
      );
      for (const id of ids) {
        const r = (
          await api.gql<{ serviceRequest: OrderedRequest & { items: { status: string }[] } }>(
            'query($id: ID!) { serviceRequest(id: $id) { status jobs { id } items { status } service { id } } }',
            { id },
          )
        ).data!.serviceRequest;
        assert.equal(r.status, 'canceled');
        assert.deepEqual(r.jobs, [], 'no playbook ran');
        assert.equal(r.service, null);
        assert.ok(
          r.items.every((i) => i.status === 'canceled'),
          JSON.stringify(r.items),
        );
      }
      assert.equal(await count(api, 'jobs'), 0);
    } finally {
      await worker?.stop();
      await api.stop();
      await env.destroy();
    }
  });

  test('a running or ended request is not canceled: CONFLICT saying what to do', async () => {
    const app = await startTestApp(await newEnv());
    try {
      const done = await finished(app, (await order(app, { playbook: 'hello.yml' })).data!.orderService.id);
      const res = await app.gql('mutation($id: ID!) { cancelServiceRequest(id: $id) { id } }', { id: done.id });
      assert.equal(res.errors?.[0].extensions?.code, 'CONFLICT');
      assert.match(res.errors![0].message, /already ended \(finished\)/);
      const running = await app.sql<{ id: string }>(`UPDATE service_requests SET status = 'running' WHERE id = $1 RETURNING id`, [done.id]);
      const started = await app.gql('mutation($id: ID!) { cancelServiceRequest(id: $id) { id } }', { id: running[0].id });
      assert.equal(started.errors?.[0].extensions?.code, 'CONFLICT');
      assert.match(started.errors![0].message, /cancel its running job \(cancelJob\)/);
    } finally {
      await app.stop();
    }
  });
});
