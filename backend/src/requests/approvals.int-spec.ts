import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, requestEnded, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

const PASSWORD = 'Correct-horse-battery-9';
const SAVE = 'mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }';
const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id status } }';
const APPROVE = 'mutation($id: ID!, $r: String) { approveServiceRequest(id: $id, reason: $r) { id status message } }';
const DENY = 'mutation($id: ID!, $r: String!) { denyServiceRequest(id: $id, reason: $r) { id status message } }';
const INBOX = '{ approvalInbox { total requests { id status requester { username } } } }';
const REQUEST = `query($id: ID!) { serviceRequest(id: $id) {
  status state message jobs { id } items { status }
  approval { approvals reason deadline canDecide approvers { username } decisions { approverName decision reason } }
  transitions { state event message } } }`;

interface Approval {
  approvals: number;
  reason: string;
  deadline: string | null;
  canDecide: boolean;
  approvers: { username: string }[];
  decisions: { approverName: string; decision: string; reason: string | null }[];
}
interface Request {
  status: string;
  state: string;
  message: string | null;
  jobs: { id: string }[];
  items: { status: string }[];
  approval: Approval | null;
  transitions: { state: string; event: string; message: string | null }[];
}

/** An ansible_playbook item running hello.yml, with the given approval policy. */
const item = (name: string, approval?: unknown) => ({
  name,
  type: 'ansible_playbook',
  dialog: 'run-playbook',
  catalog: 'Approvals',
  ...(approval ? { approval } : {}),
  provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'provider' }, extraVarsField: 'extra_vars' },
});

describe('approvals: orders that wait for approvers, on real Postgres, Redis and ansible-playbook', () => {
  let app: TestApp;
  const tokens = new Map<string, string>();
  const items = new Map<string, string>();

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }
  const codeOf = async (query: string, variables: Record<string, unknown>, token?: string) =>
    (await app.gql(query, variables, token)).errors?.[0]?.extensions?.code;

  async function user(username: string, groupId: string): Promise<void> {
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username, password: 'First-password-77', groupIds: [groupId] } });
    const login = (p: string) =>
      ok<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p }, undefined);
    const first = (await login('First-password-77')).login.token;
    await ok(`mutation { changePassword(currentPassword: "First-password-77", newPassword: "${PASSWORD}") { id } }`, {}, first);
    tokens.set(username, (await login(PASSWORD)).login.token);
  }

  const order = async (itemName: string, as: string) =>
    (await ok<{ orderService: { id: string } }>(ORDER, { i: { templateId: items.get(itemName), dialogValues: { playbook: 'hello.yml' } } }, tokens.get(as)))
      .orderService.id;
  const request = async (id: string, as?: string) => (await ok<{ serviceRequest: Request }>(REQUEST, { id }, as ? tokens.get(as) : undefined)).serviceRequest;
  const pending = (id: string) =>
    waitFor(`request ${id} to wait for approval`, async () => ((await request(id)).status === 'pending_approval' ? request(id) : null));
  const inbox = async (as: string) => (await ok<{ approvalInbox: { total: number; requests: { id: string }[] } }>(INBOX, {}, tokens.get(as))).approvalInbox;

  before(async () => {
    app = await startTestApp(await newEnv(), { LOGIN_MAX_PER_IP: '1000' });
    const group = async (name: string, roles: string[]) =>
      (await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name, roles } })).createGroup.id;
    const approvers = await group('approvers', ['approver']);
    const requesters = await group('requesters', ['requester']);
    const contractors = await group('contractors', ['requester']);
    await user('alice', approvers);
    await user('bob', approvers);
    await user('rita', requesters);
    await user('carl', contractors);
    for (const [name, approval] of [
      ['One approver', { mode: 'manual' }],
      ['Two approvers', { mode: 'manual', approvals: 2 }],
      ['Contractors ask', { mode: 'rules', rules: [{ group: 'contractors' }, { field: 'playbook', equals: 'nothing.yml' }] }],
      ['Quick decision', { mode: 'manual', timeoutHours: 1 }],
    ] as const) {
      items.set(name, (await ok<{ saveServiceTemplate: { id: string } }>(SAVE, { i: { definition: item(name, approval) } })).saveServiceTemplate.id);
    }
  });
  after(() => app?.stop());

  test('an order of an item that needs an approver waits, runs nothing, is approved from the inbox and then runs to the end', async () => {
    const id = await order('One approver', 'rita');
    const waiting = await pending(id);
    assert.equal(waiting.state, 'approve');
    assert.deepEqual(waiting.jobs, [], 'nothing ran before the approval');
    assert.ok(waiting.items.every((i) => i.status === 'pending'));
    assert.match(waiting.approval!.reason, /needs an approver/);
    assert.ok(waiting.approval!.deadline, 'a pending request says when it is denied if undecided');
    const may = waiting.approval!.approvers.map((u) => u.username).sort();
    assert.deepEqual(may, ['admin', 'alice', 'bob'], 'approvers of the tenant (administrators too), not the requester');
    assert.equal((await request(id, 'rita')).approval!.canDecide, false, 'the requester sees who decides, and may not');

    assert.ok(
      (await inbox('alice')).requests.some((r) => r.id === id),
      'in the approver’s inbox',
    );
    assert.equal(await codeOf(APPROVE, { id }, tokens.get('rita')), 'FORBIDDEN', 'a requester approves nothing');
    assert.equal(await codeOf('{ approvalInbox { total } }', {}, tokens.get('rita')), 'FORBIDDEN');

    const approved = await ok<{ approveServiceRequest: { status: string } }>(APPROVE, { id, r: 'fine by me' }, tokens.get('alice'));
    assert.notEqual(approved.approveServiceRequest.status, 'pending_approval');
    const done = await requestEnded(app, id);
    assert.equal(done.status, 'finished', done.message ?? '');
    const after = await request(id);
    assert.deepEqual(after.approval!.decisions, [{ approverName: 'alice', decision: 'approved', reason: 'fine by me' }]);
    assert.ok(after.transitions.some((t) => t.event === 'decision' && t.message === 'approved by alice: fine by me'));
    assert.ok(after.transitions.some((t) => t.state === 'approve' && t.event === 'ok' && t.message === 'approved by alice'));
    assert.equal(
      (await inbox('alice')).requests.some((r) => r.id === id),
      false,
      'gone from the inbox',
    );
    assert.equal(await codeOf(APPROVE, { id }, tokens.get('bob')), 'CONFLICT', 'a finished request is not approved again');
  });

  test('a denied order ends denied with the approver’s reason, and never runs', async () => {
    const id = await order('One approver', 'rita');
    await pending(id);
    assert.equal(await codeOf(DENY, { id, r: '  ' }, tokens.get('bob')), 'VALIDATION_FAILED', 'a denial says why');
    const denied = await ok<{ denyServiceRequest: { status: string; message: string } }>(DENY, { id, r: 'no budget this quarter' }, tokens.get('bob'));
    assert.equal(denied.denyServiceRequest.status, 'denied');
    assert.equal(denied.denyServiceRequest.message, 'Denied by bob: no budget this quarter');
    // Given time, still nothing ran: no job, its item canceled.
    await new Promise((r) => setTimeout(r, 1500));
    const after = await request(id, 'rita');
    assert.equal(after.status, 'denied');
    assert.deepEqual(after.jobs, []);
    assert.deepEqual(
      after.items.map((i) => i.status),
      ['canceled'],
    );
    assert.equal((await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE request_id = $1', [id]))[0].n, 0);
    assert.equal(await codeOf(APPROVE, { id }, tokens.get('alice')), 'CONFLICT', 'a denied request is not approved afterwards');
  });

  test('an item that asks two approvers waits for a second one; the same approver counts once; two at once both count', async () => {
    const first = await order('Two approvers', 'rita');
    await pending(first);
    await ok(APPROVE, { id: first }, tokens.get('alice'));
    const half = await request(first);
    assert.equal(half.status, 'pending_approval', 'one approval of two is not enough');
    assert.match(half.message ?? '', /waiting for more approvals/);
    assert.equal(await codeOf(APPROVE, { id: first }, tokens.get('alice')), 'CONFLICT', 'alice decided already');
    assert.equal(
      (await inbox('alice')).requests.some((r) => r.id === first),
      false,
      'not in the inbox of one who decided',
    );
    assert.ok((await inbox('bob')).requests.some((r) => r.id === first));
    await ok(APPROVE, { id: first }, tokens.get('bob'));
    assert.equal((await requestEnded(app, first)).status, 'finished');

    // Both approvals arrive together: counted one after the other, and the request goes on once.
    const second = await order('Two approvers', 'rita');
    await pending(second);
    await Promise.all([ok(APPROVE, { id: second }, tokens.get('alice')), ok(APPROVE, { id: second }, tokens.get('bob'))]);
    assert.equal((await requestEnded(app, second)).status, 'finished');
    assert.equal((await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE request_id = $1', [second]))[0].n, 1, 'it ran once');
  });

  test('rules: a contractor’s order waits for approval, the same order by another requester runs at once', async () => {
    const contractor = await order('Contractors ask', 'carl');
    const waiting = await pending(contractor);
    assert.match(waiting.approval!.reason, /the requester is in group "contractors"/);
    const other = await order('Contractors ask', 'rita');
    const done = await requestEnded<{ status: string; message: string | null; approval: Approval | null }>(app, other, 'status message approval { reason }');
    assert.equal(done.status, 'finished', done.message ?? '');
    assert.equal(done.approval, null, 'approved automatically: no approval to show');
    await ok(DENY, { id: contractor, r: 'contractors order through their manager' }, tokens.get('alice'));
  });

  test('an order not decided within the item’s hours is denied, saying so', async () => {
    const id = await order('Quick decision', 'rita');
    await pending(id);
    // Two hours pass (the deadline is the state's entry plus the item's one hour); the reconciler notices.
    await app.sql(`UPDATE service_requests SET state_entered_at = now() - interval '2 hours' WHERE id = $1`, [id]);
    const ended = await requestEnded(app, id, 'status message', 30_000);
    assert.equal(ended.status, 'denied');
    assert.match(ended.message ?? '', /not approved within 1 hours/);
  });

  test('the inbox count comes live: up when an order waits, down when the requester cancels it', async () => {
    const before = (await inbox('alice')).total;
    const counts = app.subscribe<number>('subscription { approvalInboxCount }', {}, { token: tokens.get('alice'), take: 3 });
    // The subscription's first value is the count now; wait until it is there before ordering.
    await waitFor('the subscription to start', async () => Number(((await app.redis.pubsub('NUMSUB', 'superfluid:approvals')) as unknown[])[1]) >= 1);
    const id = await order('One approver', 'rita');
    await pending(id);
    await ok('mutation($id: ID!) { cancelServiceRequest(id: $id) { status } }', { id }, tokens.get('rita'));
    assert.deepEqual(await counts, [before, before + 1, before]);
    assert.equal((await request(id)).status, 'canceled');
  });

  test('an approval policy that cannot work is refused with the field it concerns', async () => {
    const noRules = await app.gql(SAVE, { i: { definition: item('Broken approval', { mode: 'rules' }) } });
    assert.equal(noRules.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(noRules.errors![0].message, /mode "rules" needs at least one rule/);
    const unknownField = await app.gql(SAVE, { i: { definition: item('Broken approval', { mode: 'rules', rules: [{ field: 'size', equals: 'xl' }] }) } });
    assert.equal(unknownField.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(unknownField.errors![0].message, /field "size"/);
  });
});
