import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, providerIdByName, requestEnded, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

const PASSWORD = 'Correct-horse-battery-9';
const SAVE = 'mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }';
const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id status } }';
const SET = 'mutation($i: QuotaInput!) { setQuota(input: $i) { id dimension limit used tenant { name } user { username } } }';

interface Quota {
  id: string;
  dimension: string;
  limit: number;
  used: number;
  tenant: { name: string } | null;
  user: { username: string } | null;
}

describe('quotas: limits per tenant and per user, checked when ordering and approving, on real Postgres', () => {
  let app: TestApp;
  const tokens = new Map<string, string>();
  const items = new Map<string, string>();
  let race: string;

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }

  async function user(username: string, groupId: string, tenantId?: string): Promise<void> {
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username, password: 'First-password-77', groupIds: [groupId], ...(tenantId ? { tenantId } : {}) },
    });
    const login = (p: string) =>
      ok<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p }, undefined);
    const first = (await login('First-password-77')).login.token;
    await ok(`mutation { changePassword(currentPassword: "First-password-77", newPassword: "${PASSWORD}") { id } }`, {}, first);
    tokens.set(username, (await login(PASSWORD)).login.token);
  }

  const order = (item: string, values: Record<string, unknown>, as: string) =>
    app.gql<{ orderService: { id: string; status: string } }>(ORDER, { i: { templateId: items.get(item), dialogValues: values } }, tokens.get(as));
  const userId = async (username: string) =>
    (await ok<{ users: { id: string; username: string }[] }>('{ users { id username } }')).users.find((u) => u.username === username)!.id;

  before(async () => {
    app = await startTestApp(await newEnv(), { LOGIN_MAX_PER_IP: '1000' });
    race = (await ok<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "Race" }) { id } }')).createTenant.id;
    const group = async (name: string, roles: string[], tenantId?: string) =>
      (
        await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
          i: { name, roles, ...(tenantId ? { tenantId } : {}) },
        })
      ).createGroup.id;
    await user('racer', await group('race requesters', ['requester'], race), race);
    await user('raceadmin', await group('race admins', ['administrator'], race), race);
    await user('approver', await group('approvers', ['approver']));
    await user('sizer', await group('requesters', ['requester']));
    const local = await providerIdByName(app);
    await ok('mutation($d: JSON!) { saveDialog(definition: $d) { id } }', {
      d: {
        name: 'sized',
        label: 'Sized',
        tabs: [
          {
            label: 'T',
            boxes: [
              {
                label: 'B',
                fields: [
                  { name: 'cpu', label: 'CPUs', type: 'integer', required: true },
                  { name: 'count', label: 'Count', type: 'integer', required: true },
                ],
              },
            ],
          },
        ],
      },
    });
    const base = { type: 'ansible_playbook', published: true, provision: { repo: 'playbooks', playbook: 'hello.yml', provider: local } };
    for (const [name, extra] of [
      // Orders wait for approval: what the race accepts holds its share without running anything.
      ['Held hello', { dialog: 'sized', approval: { mode: 'manual' } }],
      ['Sized hello', { dialog: 'sized', quota: { vcpus: 'cpu * count' } }],
      // An order over a quota waits for an approver instead of being refused.
      ['Overflow hello', { dialog: 'sized', quota: { vcpus: 'cpu * count' }, approval: { mode: 'rules', rules: [{ quotaExceeded: true }] } }],
    ] as const) {
      items.set(name, (await ok<{ saveServiceTemplate: { id: string } }>(SAVE, { i: { definition: { name, ...base, ...extra } } })).saveServiceTemplate.id);
    }
    // Race's requesters may use the root's item, repository and provider.
    await ok('mutation($id: ID!, $t: [ID!]!) { shareServiceTemplate(id: $id, tenantIds: $t) { id } }', { id: items.get('Held hello'), t: [race] });
    await ok('mutation($id: ID!, $t: [ID!]!) { shareProvider(id: $id, tenantIds: $t) { id } }', { id: local, t: [race] });
    const repo = (await ok<{ gitRepos: { id: string; name: string }[] }>('{ gitRepos { id name } }')).gitRepos.find((r) => r.name === 'playbooks')!.id;
    await ok('mutation($id: ID!, $t: [ID!]!) { shareGitRepo(id: $id, tenantIds: $t) { id } }', { id: repo, t: [race] });
  });
  after(() => app?.stop());

  test('20 orders at once against a tenant quota of 5 services: exactly 5 are accepted, 15 refused naming the quota', async () => {
    const set = await ok<{ setQuota: Quota }>(SET, { i: { tenantId: race, dimension: 'services', limit: 5 } });
    assert.deepEqual([set.setQuota.tenant?.name, set.setQuota.limit, set.setQuota.used], ['Race', 5, 0]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => order('Held hello', { cpu: 1, count: 1 }, 'racer')));
    const accepted = answers.filter((a) => !a.errors);
    const refused = answers.filter((a) => a.errors);
    assert.equal(accepted.length, 5, JSON.stringify(refused[0]?.errors ?? answers[0]));
    assert.equal(refused.length, 15);
    for (const r of refused) {
      assert.equal(r.errors![0].extensions?.code, 'QUOTA_EXCEEDED');
      assert.equal(r.errors![0].message, 'Quota exceeded: services of tenant Race — limit 5, in use 5, this order asks 1.');
      const details = r.errors![0].extensions as Record<string, unknown>;
      assert.deepEqual([details.dimension, details.limit, details.used], ['services', 5, 5]);
    }
    const stored = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests WHERE tenant_id = $1', [race]);
    assert.equal(stored[0].n, 5, 'nothing of a refused order was stored');
    const mine = (await ok<{ myQuotas: Quota[] }>('{ myQuotas { dimension limit used tenant { name } } }', {}, tokens.get('racer'))).myQuotas;
    assert.deepEqual(
      mine.map((q) => [q.dimension, q.limit, q.used, q.tenant?.name]),
      [['services', 5, 5, 'Race']],
    );
  });

  test('a denied or canceled order frees its share; an approval is checked again against a lowered limit', async () => {
    const held = (await app.sql<{ id: string }>(`SELECT id FROM service_requests WHERE tenant_id = $1 ORDER BY created_at`, [race])).map((r) => r.id);
    await waitFor('the orders to wait for approval', async () => {
      const rows = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM service_requests WHERE tenant_id = $1 AND status = 'pending_approval'`, [race]);
      return rows[0].n === 5;
    });
    await ok('mutation($id: ID!) { denyServiceRequest(id: $id, reason: "not now") { status } }', { id: held[0] }, tokens.get('approver'));
    await ok('mutation($id: ID!) { cancelServiceRequest(id: $id) { status } }', { id: held[1] }, tokens.get('racer'));
    const quotas = (await ok<{ quotas: Quota[] }>('query($t: ID!) { quotas(tenantId: $t) { dimension used limit } }', { t: race })).quotas;
    assert.deepEqual(
      quotas.map((q) => [q.dimension, q.used]),
      [['services', 3]],
    );
    assert.equal((await order('Held hello', { cpu: 1, count: 1 }, 'racer')).errors, undefined, 'room for one more');

    // The limit is lowered to 2 while 4 orders wait: approving one of them would make 4 of 2.
    await ok(SET, { i: { tenantId: race, dimension: 'services', limit: 2 } });
    const refused = await app.gql('mutation($id: ID!) { approveServiceRequest(id: $id) { status } }', { id: held[2] }, tokens.get('approver'));
    assert.equal(refused.errors?.[0]?.extensions?.code, 'QUOTA_EXCEEDED');
    assert.equal(refused.errors?.[0]?.message, `Quota exceeded: services of tenant Race — limit 2, in use 3, request ${held[2]} asks 1.`);
    const still = await ok<{ serviceRequest: { status: string; approval: { decisions: unknown[] } } }>(
      'query($id: ID!) { serviceRequest(id: $id) { status approval { decisions { decision } } } }',
      { id: held[2] },
    );
    assert.deepEqual([still.serviceRequest.status, still.serviceRequest.approval.decisions], ['pending_approval', []], 'the refused approval was not stored');
  });

  test('an item’s own dimension: a user quota of 8 vCPUs counts cpu × count of each order, and a retired service frees it', async () => {
    const sizer = await userId('sizer');
    await ok(SET, { i: { userId: sizer, dimension: 'vcpus', limit: 8 } });
    const first = await order('Sized hello', { cpu: 2, count: 3 }, 'sizer');
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const tooMany = await order('Sized hello', { cpu: 2, count: 2 }, 'sizer');
    assert.equal(tooMany.errors?.[0]?.extensions?.code, 'QUOTA_EXCEEDED');
    assert.equal(tooMany.errors?.[0]?.message, 'Quota exceeded: vcpus of user sizer — limit 8, in use 6, this order asks 4.');
    assert.equal((await order('Sized hello', { cpu: 1, count: 2 }, 'sizer')).errors, undefined, '6 + 2 is within 8');

    const done = await requestEnded<{ status: string; message: string | null; service: { id: string } | null }>(
      app,
      first.data!.orderService.id,
      'status message service { id }',
    );
    assert.equal(done.status, 'finished', done.message ?? '');
    const retire = await ok<{ retireService: { id: string } }>(
      'mutation($id: ID!) { retireService(id: $id) { id } }',
      { id: done.service!.id },
      tokens.get('sizer'),
    );
    assert.equal((await requestEnded(app, retire.retireService.id)).status, 'finished');
    const use = (await ok<{ myQuotas: Quota[] }>('{ myQuotas { dimension used } }', {}, tokens.get('sizer'))).myQuotas;
    assert.deepEqual(
      use.map((q) => [q.dimension, q.used]),
      [['vcpus', 2]],
      'the retired service’s 6 vCPUs are free again; the other order’s 2 remain',
    );
    assert.equal((await order('Sized hello', { cpu: 3, count: 2 }, 'sizer')).errors, undefined, '2 + 6 is within 8 again');
  });

  test('an item whose rules send orders over a quota to an approver: the order waits, and its approval lets it pass', async () => {
    const within = await order('Overflow hello', { cpu: 1, count: 1 }, 'sizer');
    assert.equal(within.errors, undefined, JSON.stringify(within.errors));
    const over = await order('Overflow hello', { cpu: 4, count: 3 }, 'sizer');
    assert.equal(over.errors, undefined, 'not refused: it waits for an approver');
    const id = over.data!.orderService.id;
    const waiting = await waitFor('the order over quota to wait for approval', async () => {
      const r = await ok<{ serviceRequest: { status: string; approval: { reason: string } | null } }>(
        'query($id: ID!) { serviceRequest(id: $id) { status approval { reason } } }',
        { id },
      );
      return r.serviceRequest.status === 'pending_approval' && r.serviceRequest;
    });
    assert.match(waiting.approval!.reason, /it would exceed a quota\. Quota exceeded: vcpus of user sizer — limit 8, in use \d+, this order asks 12\./);
    await ok('mutation($id: ID!) { approveServiceRequest(id: $id, reason: "a one-off") { status } }', { id }, tokens.get('approver'));
    assert.equal((await requestEnded(app, id)).status, 'finished', 'approved over the quota, it runs');
    const plain = await order('Sized hello', { cpu: 1, count: 1 }, 'sizer');
    assert.equal(plain.errors?.[0]?.extensions?.code, 'QUOTA_EXCEEDED', 'an item without the rule still refuses');
  });

  test('a tenant does not raise its own limit; bad limits and dimensions are refused', async () => {
    const own = await app.gql(SET, { i: { tenantId: race, dimension: 'services', limit: 100 } }, tokens.get('raceadmin'));
    assert.equal(own.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(own.errors![0].message, /set by an administrator of the tenant above it/);
    for (const [input, field] of [
      [{ tenantId: race, dimension: 'Bad Name', limit: 1 }, 'dimension'],
      [{ tenantId: race, dimension: 'services', limit: -1 }, 'limit'],
      [{ dimension: 'services', limit: 1 }, 'tenantId'],
    ] as const) {
      const r = await app.gql(SET, { i: input });
      assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(input));
      assert.ok(field in ((r.errors![0].extensions?.fields as Record<string, string>) ?? {}), `${JSON.stringify(input)} names ${field}`);
    }
    const badItem = await app.gql(SAVE, {
      i: {
        definition: {
          name: 'Bad quota',
          type: 'ansible_playbook',
          dialog: 'sized',
          quota: { vcpus: 'cpu * ram' },
          provision: { repo: 'playbooks', playbook: 'hello.yml', provider: 'x' },
        },
      },
    });
    assert.equal(badItem.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(badItem.errors![0].message, /field "ram"/);
  });
});
