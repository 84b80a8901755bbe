import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

interface Request {
  id: string;
  status: string;
  message: string | null;
  finishedAt: string | null;
  jobs: {
    id: string;
    status: string;
    returnCode: number | null;
    stdout: string;
    error: string | null;
    command: string[];
    eventCount: number;
    eventsEmitted: number | null;
    eventsComplete: boolean | null;
    hostSummaries: { host: string; ok: number; changed: number; failures: number; unreachable: number; skipped: number }[];
    events: { seq: number; event: string; host: string | null; task: string | null }[];
  }[];
  service: { id: string; name: string; outputs: Record<string, unknown> } | null;
}

const REQUEST = `query($id: ID!) { serviceRequest(id: $id) { id status message finishedAt
  jobs { id status returnCode stdout error command eventCount eventsEmitted eventsComplete
    hostSummaries { host ok changed failures unreachable skipped } events { seq event host task } }
  service { id name outputs } } }`;
const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id status } }';

async function templateId(app: TestApp): Promise<string> {
  const res = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
  return res.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
}

async function order(app: TestApp, dialogValues: Record<string, unknown>) {
  return app.gql<{ orderService: { id: string; status: string } }>(ORDER, { i: { templateId: await templateId(app), dialogValues } });
}

async function finished(app: TestApp, id: string): Promise<Request> {
  return waitFor(`request ${id} to end`, async () => {
    const r = (await app.gql<{ serviceRequest: Request }>(REQUEST, { id })).data?.serviceRequest;
    return r && (r.status === 'finished' || r.status === 'failed') ? r : undefined;
  });
}

/** A promise's outcome, readable once `done`. */
function settle<T>(promise: Promise<T>): { done: boolean; value?: T; error?: unknown } {
  const outcome: { done: boolean; value?: T; error?: unknown } = { done: false };
  void promise.then(
    (value) => Object.assign(outcome, { done: true, value }),
    (error: unknown) => Object.assign(outcome, { done: true, error }),
  );
  return outcome;
}

const count = async (app: TestApp, table: string) => Number((await app.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe('ordering "Run a playbook" on real Postgres, Redis, git and ansible-playbook', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(await newEnv());
  });
  after(() => app?.stop());

  test('hello.yml: the request finishes and leaves a service whose outputs come from set_stats', async () => {
    const res = await order(app, { playbook: 'hello.yml', extra_vars: 'name: integration' });
    assert.equal(res.errors, undefined);
    assert.ok(['queued', 'running', 'finished'].includes(res.data!.orderService.status));
    const r = await finished(app, res.data!.orderService.id);
    assert.equal(r.status, 'finished', r.message ?? '');
    assert.ok(r.finishedAt);
    assert.deepEqual(r.service?.outputs, { greeting: 'Hello, integration!', target: 'localhost' });
    const [job] = r.jobs;
    assert.equal(job.status, 'successful');
    assert.equal(job.returnCode, 0);
    assert.match(job.stdout, /Hello, integration!/);
    assert.equal(job.command[0], 'ansible-playbook');
    assert.equal(job.command.at(-1), 'hello.yml');
    const names = job.events.map((e) => e.event);
    assert.equal(names[0], 'playbook_on_start');
    assert.equal(names.at(-1), 'playbook_on_stats');
    assert.ok(job.events.some((e) => e.event === 'runner_on_ok' && e.host === 'localhost' && e.task === 'Greet'));
    assert.deepEqual(
      job.events.map((e) => e.seq),
      names.map((_, i) => i + 1),
      'events are stored in order, without gaps',
    );
    assert.equal(job.eventCount, job.events.length);
    assert.equal(job.eventsEmitted, job.eventCount, 'every event Ansible emitted was stored');
    assert.equal(job.eventsComplete, true);
    assert.deepEqual(job.hostSummaries, [{ host: 'localhost', ok: 2, changed: 0, failures: 0, unreachable: 0, skipped: 0 }]);
    assert.deepEqual(await readdir(join(app.config.dataDir, 'runs')), [], 'the run directory is removed after the run');
  });

  test('an order in check mode is a preview: it runs with --check, finishes saying so, and leaves no service', async () => {
    const res = await app.gql<{ orderService: { id: string } }>(ORDER, {
      i: { templateId: await templateId(app), dialogValues: { playbook: 'hello.yml' }, jobOptions: { check: true } },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const r = await finished(app, res.data!.orderService.id);
    assert.equal(r.status, 'finished', r.message ?? '');
    assert.match(r.message ?? '', /a preview: every item ran in check mode, so nothing was changed and no service was made/);
    assert.equal(r.service, null);
    assert.ok(r.jobs[0].command.includes('--check'), r.jobs[0].command.join(' '));
  });

  test("fail.yml: the request fails with Ansible's error and leaves no service", async () => {
    const before = await count(app, 'services');
    const res = await order(app, { playbook: 'fail.yml' });
    const r = await finished(app, res.data!.orderService.id);
    assert.equal(r.status, 'failed');
    assert.match(r.message ?? '', /Failed: this playbook fails on purpose/);
    assert.equal(r.jobs[0].status, 'failed');
    assert.equal(r.jobs[0].returnCode, 2);
    assert.match(r.jobs[0].error ?? '', /localhost: Failed: this playbook fails on purpose/);
    assert.deepEqual(r.jobs[0].hostSummaries, [{ host: 'localhost', ok: 1, changed: 0, failures: 1, unreachable: 0, skipped: 0 }]);
    assert.equal(r.service, null);
    assert.equal(await count(app, 'services'), before);
  });

  test('Jinja typed into a form value reaches the playbook as text and runs nothing', async () => {
    const res = await order(app, { playbook: 'hello.yml', extra_vars: `name: "{{ lookup('pipe', 'id -u') }}"` });
    const r = await finished(app, res.data!.orderService.id);
    assert.equal(r.status, 'finished', r.message ?? '');
    assert.equal(r.service?.outputs.greeting, "Hello, {{ lookup('pipe', 'id -u') }}!");
  });

  test('bad input: a clear coded error, and no request stored', async () => {
    const before = await count(app, 'service_requests');
    const missing = await order(app, {});
    assert.equal(missing.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.equal(missing.errors?.[0].extensions?.fields?.playbook, 'Playbook is required');

    const notInRepo = await order(app, { playbook: '../../etc/passwd' });
    assert.equal(notInRepo.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(notInRepo.errors?.[0].extensions?.fields?.playbook ?? '', /not one of the choices/);

    const malformed = await order(app, { playbook: 'hello.yml', extra_vars: 'name: [unclosed' });
    assert.equal(malformed.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(malformed.errors?.[0].message ?? '', /Extra variables is not valid YAML or JSON/);

    const unknownField = await order(app, { playbook: 'hello.yml', become_root: true });
    assert.match(unknownField.errors?.[0].extensions?.fields?.become_root ?? '', /not a field/);

    const notObject = await order(app, ['hello.yml'] as unknown as Record<string, unknown>);
    assert.equal(notObject.errors?.[0].extensions?.code, 'VALIDATION_FAILED');

    for (const templateId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const unknown = await app.gql(ORDER, { i: { templateId, dialogValues: { playbook: 'hello.yml' } } });
      assert.equal(unknown.errors?.[0].extensions?.code, 'NOT_FOUND');
      assert.match(unknown.errors?.[0].message ?? '', /Service template .* does not exist/);
    }
    assert.equal(await count(app, 'service_requests'), before);
  });

  test('authentication: every operation but login needs a valid token', async () => {
    const none = await app.gql('{ serviceTemplates { id } }', {}, null);
    assert.equal(none.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    const forged = await app.gql('{ serviceTemplates { id } }', {}, 'forged-token');
    assert.equal(forged.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    const wrong = await app.gql('mutation { login(username: "admin", password: "wrong-password") { token } }', {}, null);
    assert.equal(wrong.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    assert.equal(wrong.errors?.[0].message, 'Wrong username or password.');
    const me = await app.gql<{ me: { username: string } }>('{ me { username } }');
    assert.equal(me.data?.me.username, 'admin');
  });

  test('subscriptions: a late subscriber gets the stored events and log from where it asks, then the stream ends', async () => {
    const res = await order(app, { playbook: 'hello.yml' });
    const r = await finished(app, res.data!.orderService.id);
    const job = r.jobs[0];
    const events = await app.subscribe<{ seq: number; event: string }>('subscription($j: ID!, $a: Int!) { jobEvents(jobId: $j, afterSeq: $a) { seq event } }', {
      j: job.id,
      a: 3,
    });
    assert.deepEqual(
      events.map((e) => e.seq),
      job.events.filter((e) => e.seq > 3).map((e) => e.seq),
    );
    const chunks = await app.subscribe<{ offset: number; text: string }>('subscription($j: ID!, $o: Int!) { jobLog(jobId: $j, offset: $o) { offset text } }', {
      j: job.id,
      o: 10,
    });
    assert.equal(chunks.map((c) => c.text).join(''), job.stdout.slice(10));
  });

  test('subscriptions: serviceRequestUpdated follows an order live from queued to finished', async () => {
    const res = await order(app, { playbook: 'hello.yml' });
    const updates = await app.subscribe<{ status: string }>('subscription($id: ID!) { serviceRequestUpdated(id: $id) { status } }', {
      id: res.data!.orderService.id,
    });
    assert.equal(updates.at(-1)?.status, 'finished');
    assert.deepEqual(
      [...new Set(updates.map((u) => u.status))],
      updates.map((u) => u.status),
      'no status is repeated',
    );
  });

  test('limits: a body over MAX_BODY_BYTES is refused before it reaches GraphQL', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    assert.equal(res.status, 413);
  });

  test('health: /healthz answers 200 when Postgres and Redis answer', async () => {
    const res = await fetch(`${app.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', postgres: 'ok', redis: 'ok' });
  });
});

describe('a page opened on a request right after ordering it', () => {
  test("its first streams, opened together while the job runs, carry the job's whole log and events", async () => {
    // What the request page does in a fresh api process: serviceRequestUpdated, jobLog and
    // jobEvents opened at once as soon as the job exists — the process's first
    // subscriptions, made while its Redis subscriber connection is still being set up.
    const app = await startTestApp(await newEnv());
    try {
      const res = await order(app, { playbook: 'hello.yml', extra_vars: 'name: streamed' });
      const requestId = res.data!.orderService.id;
      const jobId = await waitFor('the job to exist', async () => {
        const r = await app.gql<{ serviceRequest: { jobs: { id: string }[] } }>('query($id: ID!) { serviceRequest(id: $id) { jobs { id } } }', {
          id: requestId,
        });
        return r.data?.serviceRequest.jobs[0]?.id;
      });
      const streams = {
        serviceRequestUpdated: settle(
          app.subscribe<{ status: string }>('subscription($id: ID!) { serviceRequestUpdated(id: $id) { status } }', { id: requestId }),
        ),
        jobLog: settle(app.subscribe<{ offset: number; text: string }>('subscription($j: ID!) { jobLog(jobId: $j, offset: 0) { offset text } }', { j: jobId })),
        jobEvents: settle(app.subscribe<{ seq: number }>('subscription($j: ID!) { jobEvents(jobId: $j, afterSeq: 0) { seq } }', { j: jobId })),
      };
      const r = await finished(app, requestId);
      assert.equal(r.status, 'finished', r.message ?? '');
      const [job] = r.jobs;
      // Each stream ends by itself once the job has (one that never does missed the live
      // message saying so): a wait, not a speed check.
      for (const [name, stream] of Object.entries(streams)) await waitFor(`the ${name} subscription to end`, async () => stream.done);

      assert.equal(streams.jobLog.error, undefined, `jobLog failed: ${String(streams.jobLog.error)}`);
      const chunks = streams.jobLog.value!;
      assert.equal(chunks.map((c) => c.text).join(''), job.stdout, 'the streamed chunks are the stored stdout, whole');
      let end = 0;
      for (const c of chunks) {
        assert.equal(c.offset, end, 'each chunk starts where the previous one ended');
        end += c.text.length;
      }
      assert.equal(streams.jobEvents.error, undefined, `jobEvents failed: ${String(streams.jobEvents.error)}`);
      assert.deepEqual(
        streams.jobEvents.value!.map((e) => e.seq),
        job.events.map((e) => e.seq),
        'every stored event was streamed, once, in order',
      );
      assert.equal(streams.serviceRequestUpdated.error, undefined, `serviceRequestUpdated failed: ${String(streams.serviceRequestUpdated.error)}`);
      assert.equal(streams.serviceRequestUpdated.value!.at(-1)?.status, 'finished');
    } finally {
      await app.stop();
    }
  });
});

describe('what a playbook can see', () => {
  test("the portal's own environment (database URL, secrets) never reaches ansible-playbook", async () => {
    const playbooks = await mkdtemp(join(tmpdir(), 'playbooks-'));
    await writeFile(
      join(playbooks, 'env.yml'),
      `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.set_stats:\n        data:\n          database_url: "{{ lookup('env', 'DATABASE_URL') }}"\n          secret_key: "{{ lookup('env', 'SECRET_KEY') }}"\n          path_set: "{{ lookup('env', 'PATH') | length > 0 }}"\n`,
    );
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: playbooks, SECRET_KEY: 'integration-secret-key-value' });
    try {
      process.env.SECRET_KEY = 'integration-secret-key-value';
      const res = await order(app, { playbook: 'env.yml' });
      const r = await finished(app, res.data!.orderService.id);
      assert.equal(r.status, 'finished', r.message ?? '');
      assert.deepEqual(r.service?.outputs, { database_url: '', secret_key: '', path_set: true });
    } finally {
      delete process.env.SECRET_KEY;
      await app.stop();
    }
  });
});

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

  test('a worker with a data folder of its own (another machine) fetches the recorded commit and runs the order', async () => {
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
          await api.gql<{ serviceRequest: Request & { items: { status: string }[] } }>(
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
