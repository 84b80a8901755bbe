import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PROJECT_ROOT } from '../config/config.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

/** Playbooks of the tests' own: `slow.yml` pauses, so a run can be caught while it runs. */
async function fixturePlaybooks(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'playbooks-'));
  await writeFile(
    join(dir, 'slow.yml'),
    [
      '- hosts: all',
      '  gather_facts: false',
      '  tasks:',
      '    - ansible.builtin.pause:',
      '        seconds: "{{ secs | default(3) }}"',
      '    - ansible.builtin.set_stats:',
      '        data: { slept: "{{ secs | default(3) }}" }',
      '',
    ].join('\n'),
  );
  // A host that cannot be reached: SSH to a closed port on this machine.
  await writeFile(
    join(dir, 'unreachable.yml'),
    [
      '- hosts: all',
      '  gather_facts: false',
      '  tasks:',
      '    - ansible.builtin.add_host: { name: ghost, ansible_host: 127.0.0.1, ansible_port: 1, ansible_connection: ssh, ansible_ssh_common_args: "-o ConnectTimeout=2" }',
      '- hosts: ghost',
      '  gather_facts: false',
      '  tasks:',
      '    - ansible.builtin.ping:',
      '',
    ].join('\n'),
  );
  return dir;
}

const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id status } }';

async function templateIdOf(app: TestApp, name: string): Promise<string> {
  const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
  return templates.data!.serviceTemplates.find((t) => t.name === name)!.id;
}
const REQUEST = 'query($id: ID!) { serviceRequest(id: $id) { status message jobs { id status error } service { id outputs } } }';

interface Req {
  status: string;
  message: string | null;
  jobs: { id: string; status: string; error: string | null }[];
  service: { id: string; outputs: Record<string, unknown> } | null;
}

async function order(app: TestApp, dialogValues: Record<string, unknown>) {
  const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
  const templateId = templates.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
  return app.gql<{ orderService: { id: string } }>(ORDER, { i: { templateId, dialogValues } });
}

const request = async (app: TestApp, id: string) => (await app.gql<{ serviceRequest: Req }>(REQUEST, { id })).data!.serviceRequest;
const ended = (app: TestApp, id: string) =>
  waitFor(`request ${id} to end`, async () => {
    const r = await request(app, id);
    return ['finished', 'failed', 'canceled'].includes(r.status) ? r : undefined;
  });
const running = (app: TestApp, id: string) =>
  waitFor(`request ${id} to run`, async () => {
    const r = await request(app, id);
    return r.jobs[0]?.status === 'running' ? r : undefined;
  });

describe('hostile input and concurrency', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks() });
  });
  after(() => app?.stop());

  test('extra variables may not set connection variables (they would run commands on the worker)', async () => {
    for (const extra of ['ansible_python_interpreter: /bin/sh -c "id > /tmp/pwned"', 'ansible_ssh_common_args: -o ProxyCommand=id', 'hostvars: {}']) {
      const res = await order(app, { playbook: 'slow.yml', extra_vars: extra });
      assert.equal(res.errors?.[0].extensions?.code, 'VALIDATION_FAILED', extra);
      assert.match(res.errors?.[0].extensions?.fields?.extra_vars ?? '', /orders may not set/);
    }
    assert.equal((await app.sql<{ n: string }>('SELECT count(*) AS n FROM service_requests'))[0].n, '0');
  });

  test('many refreshes of one repository at once all answer, and the API stays responsive meanwhile', async () => {
    const repos = await app.gql<{ gitRepos: { id: string; commit: string }[] }>('{ gitRepos { id commit } }');
    const { id, commit } = repos.data!.gitRepos[0];
    const refreshes = Array.from({ length: 25 }, () =>
      app.gql<{ refreshGitRepo: { commit: string } }>('mutation($id: ID!) { refreshGitRepo(id: $id) { commit } }', { id }),
    );
    const me = await app.gql<{ me: { username: string } }>('{ me { username } }');
    assert.equal(me.data?.me.username, 'admin');
    for (const res of await Promise.all(refreshes)) {
      assert.equal(res.errors, undefined);
      assert.equal(res.data?.refreshGitRepo.commit, commit);
    }
  });

  test('subscriptions: no token, no WebSocket; an unknown job is NOT_FOUND, not a database error', async () => {
    const url = `${app.url.replace('http', 'ws')}/graphql`;
    const anonymous = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
    const closed = await new Promise<unknown>((resolve) => {
      anonymous.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: resolve, complete: () => resolve('completed') });
    });
    await anonymous.dispose();
    assert.equal((closed as { code?: number }).code, 4403);
    const errors = await new Promise<{ message: string; extensions?: { code?: string } }[]>((resolve, reject) => {
      const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${app.token}` } });
      client.subscribe(
        { query: 'subscription { jobLog(jobId: "nope") { text } }' },
        {
          next: (value) => resolve((value.errors ?? []) as never),
          error: (err) => resolve(err as never),
          complete: () => reject(new Error('completed without an error')),
        },
      );
    });
    assert.equal(errors[0]?.extensions?.code, 'NOT_FOUND');
    assert.match(errors[0].message, /Nothing has the id "nope"/);
  });
});

describe('the queue', () => {
  test('a queued request shows its position: 1 for the next one a worker takes', async () => {
    const app = await startTestApp(await newEnv(), { ROLE: 'api', PLAYBOOKS_DIR: await fixturePlaybooks() });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await order(app, { playbook: 'slow.yml' })).data!.orderService.id);
      const positions = [];
      for (const id of ids) {
        positions.push(
          (
            await app.gql<{ serviceRequest: { status: string; queuePosition: number | null } }>(
              'query($id: ID!) { serviceRequest(id: $id) { status queuePosition } }',
              { id },
            )
          ).data!.serviceRequest,
        );
      }
      assert.deepEqual(
        positions,
        [1, 2, 3].map((queuePosition) => ({ status: 'queued', queuePosition })),
      );
    } finally {
      await app.stop();
    }
  });
});

describe('job options (ansible-playbook arguments)', () => {
  test('an order sets the options its catalog item allows; values that could pass for options, and disallowed options, are refused', async () => {
    const catalog = await mkdtemp(join(tmpdir(), 'catalog-'));
    await cp(join(PROJECT_ROOT, 'catalog'), catalog, { recursive: true });
    await writeFile(
      join(catalog, 'templates', 'fixed.yaml'),
      'kind: ServiceTemplate\nname: Fixed\ntype: ansible_playbook\ndialog: run-playbook\nprovision:\n  repo: playbooks\n  playbook: { field: playbook }\n  provider: { field: provider }\n  options: { verbosity: 1 }\n',
    );
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks(), CATALOG_DIR: catalog });
    try {
      const res = await app.gql<{ orderService: { id: string } }>(ORDER, {
        i: {
          templateId: await templateIdOf(app, 'Run a playbook'),
          dialogValues: { playbook: 'slow.yml', extra_vars: 'secs: 1' },
          jobOptions: { check: true, verbosity: 2, tags: ['never-used'] },
        },
      });
      assert.equal(res.errors, undefined);
      const r = await ended(app, res.data!.orderService.id);
      assert.equal(r.status, 'finished', r.message ?? '');
      const job = (await app.gql<{ job: { command: string[]; stdout: string } }>('query($id: ID!) { job(id: $id) { command stdout } }', { id: r.jobs[0].id }))
        .data!.job;
      assert.deepEqual(job.command.slice(-5), ['--tags=never-used', '--check', '-vv', '--', 'slow.yml']);
      // A check-mode order is a preview: it says so and leaves no service (with --tags=never-used no task ran).
      assert.equal(r.service ?? null, null, 'a preview leaves no service');
      assert.match(r.message ?? '', /a preview: every item ran in check mode/);

      const injected = await app.gql(ORDER, {
        i: { templateId: await templateIdOf(app, 'Run a playbook'), dialogValues: { playbook: 'slow.yml' }, jobOptions: { limit: '-e@/etc/passwd' } },
      });
      assert.equal(injected.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
      assert.match(injected.errors?.[0].extensions?.fields?.limit ?? '', /not starting with "-"/);

      const fixedId = await templateIdOf(app, 'Fixed');
      const refused = await app.gql(ORDER, { i: { templateId: fixedId, dialogValues: { playbook: 'slow.yml' }, jobOptions: { check: true } } });
      assert.equal(refused.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
      assert.match(refused.errors?.[0].message ?? '', /does not let an order set check/);

      const fixed = await ended(
        app,
        (await app.gql<{ orderService: { id: string } }>(ORDER, { i: { templateId: fixedId, dialogValues: { playbook: 'slow.yml', extra_vars: 'secs: 1' } } }))
          .data!.orderService.id,
      );
      const fixedJob = (await app.gql<{ job: { command: string[] } }>('query($id: ID!) { job(id: $id) { command } }', { id: fixed.jobs[0].id })).data!.job;
      assert.ok(fixedJob.command.includes('-v'), "the template's own options apply");
    } finally {
      await app.stop();
      await rm(catalog, { recursive: true, force: true });
    }
  });
});

describe('runs and their outcome', () => {
  test('a run whose request was failed meanwhile (worker presumed dead) leaves no service behind', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks() });
    try {
      const id = (await order(app, { playbook: 'slow.yml', extra_vars: 'secs: 2' })).data!.orderService.id;
      await running(app, id);
      await app.sql(`UPDATE service_requests SET status = 'failed', message = 'failed by the reconciler' WHERE id = $1`, [id]);
      await waitFor('the job to end', async () => !['pending', 'running'].includes((await request(app, id)).jobs[0].status));
      const r = await request(app, id);
      assert.equal(r.status, 'failed');
      assert.equal(r.service, null);
      assert.equal((await app.sql<{ n: string }>('SELECT count(*) AS n FROM services'))[0].n, '0');
    } finally {
      await app.stop();
    }
  });

  test('losing Redis during a run does not fail it: liveness is the job lease in Postgres', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks() });
    try {
      const id = (await order(app, { playbook: 'slow.yml', extra_vars: 'secs: 12' })).data!.orderService.id;
      await running(app, id);
      await app.redis.flushdb();
      const r = await ended(app, id);
      assert.equal(r.status, 'finished', r.message ?? '');
      assert.deepEqual(r.service?.outputs, { slept: '12' });
    } finally {
      await app.stop();
    }
  });

  test('a live log survives its Redis subscription being cut mid-run: the stream re-reads Postgres and ends complete', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks() });
    try {
      const id = (await order(app, { playbook: 'slow.yml', extra_vars: 'secs: 4' })).data!.orderService.id;
      const jobId = (await running(app, id)).jobs[0].id;
      const streamed = app.subscribe<{ offset: number; text: string }>('subscription($j: ID!) { jobLog(jobId: $j) { offset text } }', { j: jobId });
      await new Promise((r) => setTimeout(r, 500));
      await app.redis.client('KILL', 'TYPE', 'pubsub');
      const chunks = await streamed;
      const r = await ended(app, id);
      const job = (await app.gql<{ job: { stdout: string } }>('query($id: ID!) { job(id: $id) { stdout } }', { id: r.jobs[0].id })).data!.job;
      assert.equal(chunks.map((c) => c.text).join(''), job.stdout);
      let at = 0;
      for (const c of chunks) {
        assert.equal(c.offset, at, 'each chunk starts where the previous one ended');
        at += c.text.length;
      }
    } finally {
      await app.stop();
    }
  });

  test('cancelJob stops a running playbook and its forks; the job ends canceled with its output kept', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks() });
    try {
      const id = (await order(app, { playbook: 'slow.yml', extra_vars: 'secs: 300' })).data!.orderService.id;
      const jobId = (await running(app, id)).jobs[0].id;
      await waitFor(
        'the pause task to start',
        async () =>
          (await app.sql<{ n: string }>(`SELECT count(*) AS n FROM job_events WHERE job_id = $1 AND event = 'runner_on_start'`, [jobId]))[0].n === '1',
      );
      const res = await app.gql<{ cancelJob: { id: string; cancelRequestedAt: string | null } }>(
        'mutation($id: ID!) { cancelJob(id: $id) { id cancelRequestedAt } }',
        { id: jobId },
      );
      assert.equal(res.errors, undefined);
      assert.ok(res.data?.cancelJob.cancelRequestedAt);
      const r = await ended(app, id);
      assert.equal(r.status, 'canceled');
      assert.match(r.message ?? '', /Canceled by admin/);
      const job = (await app.gql<{ job: { status: string; stdout: string } }>('query($id: ID!) { job(id: $id) { status stdout } }', { id: jobId })).data!.job;
      assert.equal(job.status, 'canceled');
      assert.match(job.stdout, /TASK \[ansible.builtin.pause\]/, 'the output so far is kept');
      assert.equal(r.service, null);
      const left = execFileSync('ps', ['-eo', 'args'])
        .toString()
        .split('\n')
        .filter((line) => line.includes(jobId));
      assert.deepEqual(left, [], 'no process of the run is left');
      const again = await app.gql('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId });
      assert.equal(again.errors?.[0].extensions?.code, 'CONFLICT');
    } finally {
      await app.stop();
    }
  });

  test('retention: the hourly cleanup removes events and logs of jobs older than JOB_RETENTION_DAYS, and keeps newer ones', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks(), JOB_RETENTION_DAYS: '1' });
    try {
      const old = await ended(app, (await order(app, { playbook: 'slow.yml', extra_vars: 'secs: 1' })).data!.orderService.id);
      const recent = await ended(app, (await order(app, { playbook: 'slow.yml', extra_vars: 'secs: 1' })).data!.orderService.id);
      await app.sql(`UPDATE jobs SET finished_at = now() - interval '2 days' WHERE id = $1`, [old.jobs[0].id]);
      const queues = app.app.get(QueueService);
      const schedulers = await queues.queue(QueueName.MAINTENANCE).getJobSchedulers();
      assert.ok(
        schedulers.some((s) => s.key === 'purge-job-output' || s.id === 'purge-job-output'),
        'the cleanup is scheduled',
      );
      await queues.add(QueueName.MAINTENANCE, JobName.PURGE_JOB_OUTPUT, {}, 'purge-now');
      const JOB = 'query($id: ID!) { job(id: $id) { status stdout eventCount outputPurgedAt events { seq } } }';
      const purged = await waitFor('the old job to be purged', async () => {
        const job = (
          await app.gql<{ job: { status: string; stdout: string; eventCount: number; outputPurgedAt: string | null; events: unknown[] } }>(JOB, {
            id: old.jobs[0].id,
          })
        ).data!.job;
        return job.outputPurgedAt ? job : undefined;
      });
      assert.equal(purged.stdout, '');
      assert.deepEqual(purged.events, []);
      assert.equal(purged.status, 'successful', 'the job itself stays');
      const kept = (await app.gql<{ job: { stdout: string; outputPurgedAt: string | null; events: unknown[] } }>(JOB, { id: recent.jobs[0].id })).data!.job;
      assert.equal(kept.outputPurgedAt, null);
      assert.ok(kept.events.length > 0 && kept.stdout.length > 0);
    } finally {
      await app.stop();
    }
  });

  test('retryServiceRequest orders an ended request again with the same values and commit; a running one is refused', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks() });
    try {
      const firstId = (await order(app, { playbook: 'slow.yml', extra_vars: 'secs: 3' })).data!.orderService.id;
      await running(app, firstId);
      const early = await app.gql('mutation($id: ID!) { retryServiceRequest(id: $id) { id } }', { id: firstId });
      assert.equal(early.errors?.[0].extensions?.code, 'CONFLICT');
      const first = await ended(app, firstId);
      const retried = await app.gql<{ retryServiceRequest: { id: string } }>('mutation($id: ID!) { retryServiceRequest(id: $id) { id } }', { id: firstId });
      assert.equal(retried.errors, undefined);
      const secondId = retried.data!.retryServiceRequest.id;
      assert.notEqual(secondId, firstId);
      const second = await ended(app, secondId);
      assert.equal(second.status, 'finished', second.message ?? '');
      assert.deepEqual(second.service?.outputs, first.service?.outputs);
      const commits = await app.sql<{ commit: string }>('SELECT commit FROM jobs WHERE request_id = ANY($1)', [[firstId, secondId]]);
      assert.equal(new Set(commits.map((c) => c.commit)).size, 1, 'the retry ran the same commit');
    } finally {
      await app.stop();
    }
  });

  test('an unreachable host: runner_on_unreachable is stored, the recap counts it, the request fails naming the host', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks() });
    try {
      const r = await ended(app, (await order(app, { playbook: 'unreachable.yml' })).data!.orderService.id);
      assert.equal(r.status, 'failed');
      assert.match(r.message ?? '', /ghost: .*(Connection refused|port 1)/);
      const job = (
        await app.gql<{
          job: { returnCode: number; hostSummaries: { host: string; unreachable: number }[]; events: { event: string; host: string | null }[] };
        }>('query($id: ID!) { job(id: $id) { returnCode hostSummaries { host unreachable } events { event host } } }', { id: r.jobs[0].id })
      ).data!.job;
      assert.equal(job.returnCode, 4);
      assert.ok(job.events.some((e) => e.event === 'runner_on_unreachable' && e.host === 'ghost'));
      assert.equal(job.hostSummaries.find((h) => h.host === 'ghost')?.unreachable, 1);
    } finally {
      await app.stop();
    }
  });

  test('stopping the process during a run lets the run finish and store its outcome', async () => {
    const env = await newEnv();
    const first = await startTestApp(env, { PLAYBOOKS_DIR: await fixturePlaybooks() }, { owner: false });
    const id = (await order(first, { playbook: 'slow.yml', extra_vars: 'secs: 2' })).data!.orderService.id;
    await running(first, id);
    await first.stop();
    const second = await startTestApp(env, { ROLE: 'api' }, { owner: false });
    try {
      const r = await request(second, id);
      assert.equal(r.status, 'finished', r.message ?? '');
      assert.equal(r.jobs[0].status, 'successful');
    } finally {
      await second.stop();
      await env.destroy();
    }
  });

  test('a missing ansible-playbook is an error that says so, and a run past JOB_TIMEOUT_SECONDS is stopped', async () => {
    const app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks(), ANSIBLE_PLAYBOOK_BIN: '/nonexistent/ansible-playbook' });
    try {
      const r = await ended(app, (await order(app, { playbook: 'slow.yml' })).data!.orderService.id);
      assert.equal(r.status, 'failed');
      assert.equal(r.jobs[0].status, 'error');
      assert.match(r.message ?? '', /could not run: ansible-playbook could not start: .*ENOENT/);
    } finally {
      await app.stop();
    }
    const slow = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: await fixturePlaybooks(), JOB_TIMEOUT_SECONDS: '1' });
    try {
      const r = await ended(slow, (await order(slow, { playbook: 'slow.yml', extra_vars: 'secs: 30' })).data!.orderService.id);
      assert.equal(r.status, 'failed');
      assert.equal(r.jobs[0].status, 'failed');
      assert.match(r.message ?? '', /took longer than 1 s \(JOB_TIMEOUT_SECONDS\)/);
    } finally {
      await slow.stop();
    }
  });
});
