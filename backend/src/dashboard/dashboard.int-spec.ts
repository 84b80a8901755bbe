import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { hostname } from 'node:os';
import { after, before, describe, test } from 'node:test';
import {
  newEnv,
  newGitUpstream,
  providerIdByName,
  requestEnded,
  startTestApp,
  templateIdByName,
  type GitUpstream,
  type TestApp,
  type TestEnv,
  waitFor,
} from '../testing/harness.js';

interface Day {
  day: string;
  total: number;
  finished: number;
  failed: number;
  stopped: number;
  open: number;
}
interface Item {
  templateId: string;
  template: { name: string } | null;
  total: number;
  finished: number;
  failed: number;
  durationP50Seconds: number | null;
  durationP95Seconds: number | null;
}
interface Dashboard {
  days: number;
  timeZone: string;
  firstDay: string;
  lastDay: string;
  ordersPerDay: Day[];
  orders: number;
  finished: number;
  failed: number;
  successRate: number | null;
  items: Item[];
  failingItems: Item[];
  pendingApprovals: number;
  runningJobs: number;
  runningRequests: number;
  providerHealth: { name: string; status: string; days: { day: string; checks: number; up: number }[] }[];
}
const ITEM = 'templateId template { name } total finished failed durationP50Seconds durationP95Seconds';
const DASHBOARD = `query($days: Int, $tz: String) { dashboard(days: $days, timeZone: $tz) {
  days timeZone firstDay lastDay ordersPerDay { day total finished failed stopped open } orders finished failed successRate
  items { ${ITEM} } failingItems { ${ITEM} } pendingApprovals runningJobs runningRequests
  providerHealth { name status days { day checks up } } } }`;

interface QueueStats {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  oldestWaitingSeconds: number | null;
  workers: { name: string | null; address: string; connectedSeconds: number }[];
}
const QUEUES = '{ queues { name waiting active delayed failed oldestWaitingSeconds workers { name address connectedSeconds } } }';
const FAILED = 'query($q: QueueName!) { failedQueueJobs(queue: $q) { queue id name error attempts queuedAt failedAt } }';

/**
 * The dashboard's figures from real orders (a playbook that succeeds, the built-in fail.yml that
 * fails) on real Postgres, Redis and ansible-playbook, counted over what each caller may see; and
 * the queues page's API on real BullMQ: a git refresh that fails while its repository is away,
 * shown with its error, then retried once it is back.
 */
describe('dashboard and queues, on real Postgres, Redis, git and ansible-playbook', () => {
  let env: TestEnv;
  let app: TestApp;
  let runAPlaybook: string;
  let requester: string;
  let requesterOrder: string;
  const admin = { ok: '', failed: '' };

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }
  const dashboard = async (variables: Record<string, unknown> = {}, token?: string) =>
    (await ok<{ dashboard: Dashboard }>(DASHBOARD, variables, token)).dashboard;
  const order = async (dialogValues: Record<string, unknown>, token?: string) =>
    (
      await ok<{ orderService: { id: string } }>(
        'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }',
        { i: { templateId: runAPlaybook, dialogValues } },
        token,
      )
    ).orderService.id;
  const ended = async (id: string, status: string) => {
    const r = await requestEnded(app, id);
    assert.equal(r.status, status, r.message ?? '');
  };

  before(async () => {
    env = await newEnv();
    app = await startTestApp(env);
    runAPlaybook = await templateIdByName(app, 'Run a playbook');
    const provider = await providerIdByName(app);
    // A requester of the root tenant: sees their own requests only.
    const group = await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
      i: { name: 'Requesters', roles: ['requester'] },
    });
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'rita', password: 'First-password-77', groupIds: [group.createGroup.id] },
    });
    const signIn = async (password: string) =>
      (
        await ok<{ login: { token: string } }>(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          { u: 'rita', p: password },
          null,
        )
      ).login.token;
    const first = await signIn('First-password-77');
    await ok('mutation { changePassword(currentPassword: "First-password-77", newPassword: "Second-password-88") { id } }', {}, first);
    requester = await signIn('Second-password-88');

    admin.ok = await order({ playbook: 'hello.yml', provider, extra_vars: 'name: dashboard' });
    admin.failed = await order({ playbook: 'fail.yml', provider });
    requesterOrder = await order({ playbook: 'hello.yml', provider, extra_vars: 'name: rita' }, requester);
    await ended(admin.ok, 'finished');
    await ended(admin.failed, 'failed');
    await ended(requesterOrder, 'finished');
    // Today's health check of the local provider, for its timeline.
    await ok('mutation($id: ID!) { checkProviderHealth(id: $id) { id } }', { id: provider });
  });
  after(async () => {
    await app?.stop();
  });

  test('an operator’s dashboard counts every order: per day, success rate, run times and failures per item, what waits and runs', async () => {
    const d = await dashboard({ days: 30, tz: 'UTC' });
    assert.equal(d.days, 30);
    assert.equal(d.ordersPerDay.length, 30, 'every day of the window, days without orders too');
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(d.lastDay, today);
    assert.equal(d.ordersPerDay.at(-1)!.day, today);
    assert.equal(d.ordersPerDay[0].day, d.firstDay);
    assert.deepEqual(d.ordersPerDay.at(-1), { day: today, total: 3, finished: 2, failed: 1, stopped: 0, open: 0 });
    assert.ok(
      d.ordersPerDay.slice(0, -1).every((day) => day.total === 0),
      'nothing on the other days',
    );
    assert.equal(d.orders, 3);
    assert.equal(d.finished, 2);
    assert.equal(d.failed, 1);
    assert.equal(d.successRate, 2 / 3);

    assert.equal(d.items.length, 1);
    const [item] = d.items;
    assert.equal(item.templateId, runAPlaybook);
    assert.equal(item.template?.name, 'Run a playbook');
    assert.deepEqual([item.total, item.finished, item.failed], [3, 2, 1]);
    assert.ok(item.durationP50Seconds! > 0, `a run takes time: p50 ${item.durationP50Seconds}`);
    assert.ok(item.durationP95Seconds! >= item.durationP50Seconds!, 'p95 is at least p50');
    assert.deepEqual(
      d.failingItems.map((i) => [i.template?.name, i.failed]),
      [['Run a playbook', 1]],
    );
    assert.deepEqual([d.pendingApprovals, d.runningJobs, d.runningRequests], [0, 0, 0]);

    const local = d.providerHealth.find((p) => p.name === 'local');
    assert.ok(local, 'the local provider has a timeline');
    assert.equal(local.status, 'up');
    assert.equal(local.days.length, 30);
    assert.ok(local.days.at(-1)!.checks >= 1 && local.days.at(-1)!.up === local.days.at(-1)!.checks, JSON.stringify(local.days.at(-1)));

    // The figures agree with the lists they link to.
    const count = async (filter: Record<string, unknown>) =>
      (await ok<{ serviceRequestCount: number }>('query($f: ServiceRequestFilter) { serviceRequestCount(filter: $f) }', { f: filter })).serviceRequestCount;
    const since = new Date(`${d.firstDay}T00:00:00Z`).toISOString();
    assert.equal(await count({ actions: ['provision'], createdAfter: since }), d.orders);
    assert.equal(await count({ actions: ['provision'], statuses: ['failed'], createdAfter: since, templateId: runAPlaybook }), d.failingItems[0].failed);
  });

  test('a requester’s dashboard counts their own orders only, and no provider', async () => {
    const d = await dashboard({}, requester);
    assert.equal(d.days, 30, 'thirty days unless asked');
    assert.equal(d.timeZone, 'UTC');
    assert.deepEqual([d.orders, d.finished, d.failed, d.successRate], [1, 1, 0, 1]);
    assert.equal(d.ordersPerDay.at(-1)!.total, 1);
    assert.deepEqual(
      d.items.map((i) => [i.templateId, i.total]),
      [[runAPlaybook, 1]],
    );
    assert.deepEqual(d.failingItems, [], "the administrator's failure is not theirs");
    assert.deepEqual(d.providerHealth, [], 'a requester reads no provider');
    // Their lists say the same.
    const { serviceRequests } = await ok<{ serviceRequests: { id: string }[] }>('{ serviceRequests { id } }', {}, requester);
    assert.deepEqual(
      serviceRequests.map((r) => r.id),
      [requesterOrder],
    );
  });

  test('days are the reader’s: a time zone moves the window; a bad window or zone is refused', async () => {
    const east = await dashboard({ days: 1, tz: 'Pacific/Kiritimati' }); // UTC+14
    const west = await dashboard({ days: 1, tz: 'Pacific/Pago_Pago' }); // UTC-11
    assert.notEqual(east.lastDay, west.lastDay, '25 hours apart: never the same date');
    assert.equal(east.ordersPerDay.length, 1);
    assert.equal(east.ordersPerDay[0].total, 3);
    assert.equal(west.ordersPerDay[0].total, 3);
    for (const [variables, field] of [
      [{ days: 0 }, 'days'],
      [{ days: 91 }, 'days'],
      [{ tz: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ tz: "UTC'; --" }, 'timeZone'],
    ] as const) {
      const r = await app.gql(DASHBOARD, variables);
      assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(variables));
      assert.ok(r.errors?.[0]?.extensions?.fields?.[field], JSON.stringify(r.errors));
    }
  });

  test('queues: counts, workers, and a failed git refresh shown with its error, retried once its repository is back', async () => {
    let upstream: GitUpstream | undefined;
    try {
      const before = (await ok<{ queues: QueueStats[] }>(QUEUES)).queues;
      assert.deepEqual(
        before.map((q) => q.name),
        ['requests', 'maintenance', 'git', 'providers', 'lifecycle', 'notify', 'monitor', 'schedules'],
      );
      // This process runs the workers: each queue has one, named after it.
      for (const q of before)
        assert.ok(
          q.workers.some((w) => w.name === `${hostname()}:${process.pid}`),
          `${q.name}: ${JSON.stringify(q.workers)}`,
        );
      const git = () => ok<{ queues: QueueStats[] }>(QUEUES).then((r) => r.queues.find((q) => q.name === 'git')!);
      assert.equal((await git()).failed, 0);

      upstream = await newGitUpstream('dashboard-upstream-');
      await upstream.commit({ 'site.yml': '- hosts: all\n  gather_facts: false\n  tasks: []\n' }, 'a playbook');
      const repo = (
        await ok<{ createGitRepo: { id: string } }>('mutation($u: String!) { createGitRepo(input: { name: "away", url: $u }) { id } }', { u: upstream.url })
      ).createGitRepo.id;
      const { secret } = (await ok<{ enableGitWebhook: { secret: string } }>('mutation($id: ID!) { enableGitWebhook(id: $id) { secret } }', { id: repo }))
        .enableGitWebhook;
      const push = async () => {
        const body = JSON.stringify({ ref: 'refs/heads/main' });
        const res = await fetch(`${app.url}/hooks/git/${repo}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-github-event': 'push',
            'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
          },
          body,
        });
        assert.equal(res.status, 202);
      };

      // The repository goes away; a push notice queues a refresh, which fails.
      const bare = new URL(upstream.url).pathname;
      await rename(bare, `${bare}.away`);
      await push();
      await waitFor('the refresh to fail', async () => (await git()).failed === 1);
      const [job] = (
        await ok<{ failedQueueJobs: { queue: string; id: string; name: string; error: string; attempts: number; failedAt: string }[] }>(FAILED, { q: 'git' })
      ).failedQueueJobs;
      assert.equal(job.queue, 'git');
      assert.equal(job.name, 'refresh-git-repo');
      assert.ok(job.id.includes(repo), `the job id is made of the repository's id: ${job.id}`);
      assert.match(job.error, /Refreshing git repository "away" failed/);
      assert.equal(job.attempts, 1);
      assert.ok(job.failedAt);
      // Only the ids: its data (the repository id, the correlation id) is not a field of the API.
      const withData = await app.gql('query { failedQueueJobs(queue: git) { data } }');
      assert.equal(withData.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');

      // A requester neither sees the queues nor retries a job.
      assert.equal((await app.gql(QUEUES, {}, requester)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const retry = 'mutation($q: QueueName!, $id: String!) { retryQueueJob(queue: $q, id: $id) }';
      assert.equal((await app.gql(retry, { q: 'git', id: job.id }, requester)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
      // A job that did not fail (or another queue's) is not found.
      assert.equal((await app.gql(retry, { q: 'providers', id: job.id })).errors?.[0]?.extensions?.code, 'NOT_FOUND');

      // Back again: the retry refreshes it, and the queue has no failed job left.
      await rename(`${bare}.away`, bare);
      const head = await upstream.commit({ 'other.yml': '- hosts: all\n  gather_facts: false\n  tasks: []\n' }, 'another');
      assert.equal((await ok<{ retryQueueJob: boolean }>(retry, { q: 'git', id: job.id })).retryQueueJob, true);
      await waitFor('the retried refresh', async () => {
        const r = await ok<{ gitRepo: { commit: string } }>('query($id: ID!) { gitRepo(id: $id) { commit } }', { id: repo });
        return r.gitRepo.commit === head;
      });
      await waitFor('the failed count to drop', async () => (await git()).failed === 0);
      assert.deepEqual((await ok<{ failedQueueJobs: unknown[] }>(FAILED, { q: 'git' })).failedQueueJobs, []);
      assert.equal((await app.gql(retry, { q: 'git', id: job.id })).errors?.[0]?.extensions?.code, 'NOT_FOUND', 'retried already');
    } finally {
      await upstream?.remove();
    }
  });
});
