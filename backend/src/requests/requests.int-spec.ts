import assert from 'node:assert/strict';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';
import { ORDER, templateId, order, finished, settle, count } from '../testing/run-a-playbook.js';

// Crashes, lost queues and canceling: recovery.int-spec.ts.
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
    assert.equal(
      r.message,
      'State "wait" failed: Playbook fail.yml failed: Task "Fail" failed on localhost: Failed: this playbook fails on purpose',
      'one line: task, host, message',
    );
    assert.equal(r.jobs[0].status, 'failed');
    assert.equal(r.jobs[0].returnCode, 2);
    assert.equal(r.jobs[0].error, 'Task "Fail" failed on localhost: Failed: this playbook fails on purpose');
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
