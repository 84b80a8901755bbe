import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, templateIdByName, type TestApp } from '../testing/harness.js';

const PASSWORD = 'Correct-horse-battery-9';
const CANARY = `CANARYx${randomBytes(6).toString('hex')}`;

interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  errorCode: string | null;
  message: string | null;
  ip: string;
  details: Record<string, unknown>;
}
const ROW = 'id at actorId actorName action objectType objectId outcome errorCode message ip details';

describe('audit: every mutation, sign-in, git push and webhook call, append-only, readable by administrators and auditors', () => {
  let app: TestApp;
  let requester: string;
  const dirs: string[] = [];

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }
  const signIn = async (username: string, password: string) =>
    (
      await ok<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
        null,
      )
    ).login.token;
  const events = async (filter: Record<string, unknown>, skip = 0, take = 50) =>
    (
      await ok<{ auditEvents: AuditRow[] }>(`query($f: AuditFilter, $s: Int, $t: Int) { auditEvents(filter: $f, skip: $s, take: $t) { ${ROW} } }`, {
        f: filter,
        s: skip,
        t: take,
      })
    ).auditEvents;
  const csv = (query: string, token: string | null = app.token) =>
    fetch(`${app.url}/api/audit.csv${query}`, { headers: { connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const tempDir = async (prefix: string) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  before(async () => {
    app = await startTestApp(await newEnv());
    const group = await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
      i: { name: 'requesters', roles: ['requester'] },
    });
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'requester-user', password: 'First-password-77', groupIds: [group.createGroup.id] },
    });
    const first = await signIn('requester-user', 'First-password-77');
    await ok(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }',
      { c: 'First-password-77', n: PASSWORD },
      first,
    );
    requester = await signIn('requester-user', PASSWORD);
  });
  after(async () => {
    await app?.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test('a mutation that succeeds and one that fails: who, what, which object, from where, how it ended', async () => {
    const made = await ok<{ createGitRepo: { id: string } }>('mutation { createGitRepo(input: { name: "audited", hosted: true }) { id } }');
    const [created] = await events({ action: 'createGitRepo', objectId: made.createGitRepo.id });
    assert.equal(created.actorName, 'admin');
    assert.ok(created.actorId);
    assert.equal(created.objectType, 'GitRepo');
    assert.equal(created.outcome, 'success');
    assert.equal(created.errorCode, null);
    assert.match(created.ip, /127\.0\.0\.1/);
    assert.deepEqual(created.details, { input: { name: 'audited', hosted: true, branch: 'main' } });
    assert.ok(Date.now() - Date.parse(created.at) < 60_000);

    const missing = randomUUID();
    const refused = await app.gql('mutation($id: ID!) { deleteProvider(id: $id) }', { id: missing });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const [failed] = await events({ action: 'deleteProvider', objectId: missing });
    assert.equal(failed.outcome, 'failure');
    assert.equal(failed.errorCode, 'NOT_FOUND');
    assert.equal(failed.objectType, 'Provider');
    assert.equal(failed.actorName, 'admin');
    assert.ok(failed.message);

    // An order keeps the names of its dialog values, never the values.
    const templateId = await templateIdByName(app, 'Run a playbook');
    const order = await ok<{ orderService: { id: string } }>(
      'mutation($t: ID!) { orderService(input: { templateId: $t, dialogValues: { playbook: "hello.yml" } }) { id } }',
      {
        t: templateId,
      },
    );
    const [ordered] = await events({ action: 'orderService' });
    assert.equal(ordered.objectId, order.orderService.id);
    assert.equal(ordered.objectType, 'ServiceRequest');
    assert.deepEqual(ordered.details, { input: { templateId, dialogValues: { keys: ['playbook'] } } });
  });

  test('sign-ins: a success with the user, a failure with the name tried (the password never)', async () => {
    const bad = await app.gql('mutation { login(username: "mallory", password: "not-the-password-1") { token } }', {}, null);
    assert.equal(bad.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const [failed] = await events({ action: 'login.failed', actor: 'mallory' });
    assert.equal(failed.actorName, 'mallory');
    assert.equal(failed.actorId, null);
    assert.equal(failed.outcome, 'failure');
    assert.equal(failed.errorCode, 'UNAUTHENTICATED');
    assert.deepEqual(failed.details, { username: 'mallory', password: '[redacted]' });
    const [success] = await events({ action: 'login', actor: 'requester-user' });
    assert.equal(success.outcome, 'success');
    assert.equal(success.objectType, 'User');
    assert.equal(success.objectId, success.actorId);
  });

  test('refused mutations are recorded as denied: FORBIDDEN for a requester, UNAUTHENTICATED for nobody', async () => {
    const r = await app.gql('mutation { createGitRepo(input: { name: "not-yours", hosted: true }) { id } }', {}, requester);
    assert.equal(r.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const [denied] = await events({ action: 'createGitRepo', outcome: 'denied' });
    assert.equal(denied.actorName, 'requester-user');
    assert.ok(denied.actorId);
    assert.equal(denied.errorCode, 'FORBIDDEN');
    assert.equal(denied.objectId, null);

    const anonymous = await app.gql('mutation { refreshAllGitRepos { id } }', {}, null);
    assert.equal(anonymous.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const [nobody] = await events({ action: 'refreshAllGitRepos' });
    assert.equal(nobody.actorName, 'anonymous');
    assert.equal(nobody.actorId, null);
    assert.equal(nobody.outcome, 'denied');
    assert.equal(nobody.errorCode, 'UNAUTHENTICATED');

    // The trail is for administrators and auditors.
    assert.equal((await app.gql('{ auditEvents { id } }', {}, requester)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('the table is append-only: UPDATE, DELETE and TRUNCATE raise', async () => {
    const before = (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0].n;
    assert.ok(before > 0);
    await assert.rejects(app.sql(`UPDATE audit_events SET action = 'rewritten'`), /append-only: UPDATE/);
    await assert.rejects(app.sql('DELETE FROM audit_events'), /append-only: DELETE/);
    await assert.rejects(app.sql('TRUNCATE audit_events'), /append-only: TRUNCATE/);
    const after = await app.sql<{ n: number; rewritten: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE action = 'rewritten')::int AS rewritten FROM audit_events`,
    );
    assert.ok(after[0].n >= before);
    assert.equal(after[0].rewritten, 0);
    // And the API has no way to change it.
    const { data } = await app.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>('{ __schema { mutationType { fields { name } } } }');
    assert.deepEqual(
      data!.__schema.mutationType.fields.filter((f) => /audit/i.test(f.name)),
      [],
    );
  });

  test('filters and paging', async () => {
    for (let i = 0; i < 5; i++) await app.gql('mutation($id: ID!) { deleteInventory(id: $id) }', { id: randomUUID() });
    const count = async (f: Record<string, unknown>) =>
      (await ok<{ auditEventCount: number }>('query($f: AuditFilter) { auditEventCount(filter: $f) }', { f })).auditEventCount;
    assert.equal(await count({ action: 'deleteInventory' }), 5);
    const page1 = await events({ action: 'deleteInventory' }, 0, 2);
    const page2 = await events({ action: 'deleteInventory' }, 2, 2);
    const page3 = await events({ action: 'deleteInventory' }, 4, 2);
    assert.deepEqual([page1.length, page2.length, page3.length], [2, 2, 1]);
    const ids = [...page1, ...page2, ...page3].map((e) => e.id);
    assert.equal(new Set(ids).size, 5, 'pages do not overlap');
    const times = [...page1, ...page2, ...page3].map((e) => Date.parse(e.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );

    assert.ok((await count({ actor: 'REQUESTER' })) >= 2, 'actor: contains, any case');
    assert.equal(await count({ actor: 'REQUESTER', outcome: 'success', action: 'createGitRepo' }), 0);
    assert.equal(await count({ actor: '%' }), 0, 'LIKE wildcards are taken literally');
    assert.equal(await count({ from: new Date(Date.now() + 3600_000).toISOString() }), 0);
    assert.equal(await count({ to: new Date(Date.now() - 3600_000).toISOString() }), 0);
    assert.ok((await count({ objectType: 'Inventory', outcome: 'failure' })) >= 5);
    const tooMany = await app.gql('{ auditEvents(take: 501) { id } }');
    assert.equal(tooMany.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
  });

  test('CSV export: the same filters, quoted, formulas defused; 401 without a token, 404 without audit:read', async () => {
    const hostile = '=HYPERLINK("http://x",y), "2"';
    await app.gql('mutation($u: String!) { login(username: $u, password: "wrong-password-2") { token } }', { u: hostile }, null);
    const res = await csv(`?action=login.failed&actor=${encodeURIComponent('HYPERLINK')}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="audit-/);
    const lines = (await res.text()).split('\r\n');
    assert.equal(lines[0], 'at,actor,actor_id,action,object_type,object_id,outcome,error_code,message,ip,details');
    assert.equal(lines.length, 3, 'a header, one row, and the final line break');
    assert.ok(lines[1].includes(`,"'=HYPERLINK(""http://x"",y), ""2""",,login.failed,User,,failure,UNAUTHENTICATED,`), lines[1]);
    // jsonb orders keys (shortest first).
    assert.ok(lines[1].endsWith(`,"{""password"":""[redacted]"",""username"":""=HYPERLINK(\\""http://x\\"",y), \\""2\\""""}"`), lines[1]);

    const all = await (await csv('?action=deleteInventory')).text();
    assert.equal(all.trim().split('\r\n').length, 6);
    assert.equal((await csv('?outcome=maybe')).status, 400);
    assert.equal((await csv('')).status, 200);
    assert.equal((await csv('', null)).status, 401);
    assert.equal((await csv('', 'not-a-token')).status, 401);
    assert.equal((await csv('', requester)).status, 404);
  });

  test('a git push is recorded, accepted or refused, with the repository and the user', async () => {
    const repo = await ok<{ createGitRepo: { id: string } }>('mutation { createGitRepo(input: { name: "audit-pushed", hosted: true }) { id } }');
    const tokenOf = async (scopes: string[]) =>
      (await ok<{ createApiToken: { token: string } }>('mutation($s: [String!]) { createApiToken(name: "git", scopes: $s) { token } }', { s: scopes }))
        .createApiToken.token;
    const dir = await tempDir('audit-push-');
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@localhost', ...args], { cwd: dir, encoding: 'utf8' });
    // Not spawnSync: the portal serves from this very process.
    const push = (token: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const auth = `Authorization: Basic ${Buffer.from(`anyone:${token}`).toString('base64')}`;
        const env = { ...process.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: auth, GIT_TERMINAL_PROMPT: '0' };
        const child = spawn('git', ['push', `${app.url}/git/audit-pushed.git`, 'HEAD:main'], { cwd: dir, env });
        let out = '';
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
    git('init', '--quiet', '-b', 'main');
    await writeFile(join(dir, 'site.yml'), '- hosts: all\n  gather_facts: false\n  tasks: []\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first');

    const readOnly = await push(await tokenOf(['read', 'git:read']));
    assert.notEqual(readOnly.code, 0);
    const pushed = await push(await tokenOf(['git:push']));
    assert.equal(pushed.code, 0, pushed.out);
    const rows = await events({ action: 'git.push', objectId: repo.createGitRepo.id });
    assert.deepEqual(
      rows.map((e) => [e.outcome, e.errorCode, e.actorName, e.objectType, e.details.repo]),
      [
        ['success', null, 'admin', 'GitRepo', 'audit-pushed'],
        ['denied', 'FORBIDDEN', 'admin', 'GitRepo', 'audit-pushed'],
      ],
    );
  });

  test('webhook calls are recorded: bad signature, accepted, disabled', async () => {
    const upstream = await tempDir('audit-upstream-');
    const run = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@localhost', ...args], { cwd: upstream, encoding: 'utf8' });
    run('init', '--quiet', '--initial-branch=main');
    await writeFile(join(upstream, 'a.yml'), '- hosts: all\n  gather_facts: false\n  tasks: []\n');
    run('add', '--all');
    run('commit', '--quiet', '-m', 'a');
    const { createGitRepo } = await ok<{ createGitRepo: { id: string } }>(
      'mutation($u: String!) { createGitRepo(input: { name: "audit-hooked", url: $u }) { id } }',
      {
        u: `file://${upstream}`,
      },
    );
    const id = createGitRepo.id;
    const { secret } = (await ok<{ enableGitWebhook: { secret: string } }>('mutation($id: ID!) { enableGitWebhook(id: $id) { secret } }', { id }))
      .enableGitWebhook;
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const post = (key: string) =>
      fetch(`${app.url}/hooks/git/${id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          connection: 'close',
          'x-github-event': 'push',
          'x-hub-signature-256': `sha256=${createHmac('sha256', key).update(body).digest('hex')}`,
        },
        body,
      });
    assert.equal((await post('wrong-secret')).status, 401);
    assert.equal((await post(secret)).status, 202);
    await ok('mutation($id: ID!) { updateGitRepo(id: $id, input: { enabled: false }) { id } }', { id });
    assert.equal((await post(secret)).status, 409);
    const rows = await events({ action: 'git.webhook', objectId: id });
    assert.deepEqual(
      rows.map((e) => [e.outcome, e.errorCode, e.actorName]),
      [
        ['failure', 'DISABLED', 'anonymous'],
        ['success', null, 'anonymous'],
        ['denied', 'BAD_SIGNATURE', 'anonymous'],
      ],
    );
    // The secret returned by enableGitWebhook is not kept.
    const text = (await app.sql<{ t: string }>("SELECT string_agg(row_to_json(e)::text, E'\\n') AS t FROM audit_events e"))[0].t;
    assert.ok(!text.includes(secret));
  });

  test('secrets never reach the trail: credential secrets, passwords, tokens', async () => {
    await ok('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'audit-userpass', type: 'username_password', inputs: { username: `user-${CANARY}` }, secrets: { password: `pw-${CANARY}` } },
    });
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username: 'audit-someone', password: `Pw-${CANARY}-long-enough` } });
    await ok(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }',
      { c: PASSWORD, n: `New-${CANARY}-9` },
      requester,
    );
    const minted = await ok<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "audit-minted") { token } }');
    const text = (await app.sql<{ t: string }>("SELECT string_agg(row_to_json(e)::text, E'\\n') AS t FROM audit_events e"))[0].t;
    assert.ok(text.includes('createCredential') && text.includes('createUser') && text.includes('changePassword') && text.includes('createApiToken'));
    for (const secret of [CANARY, minted.createApiToken.token, app.token, requester])
      assert.ok(!text.includes(secret), `the trail holds ${secret.slice(0, 12)}…`);
    const [credential] = await events({ action: 'createCredential' });
    assert.deepEqual(credential.details, {
      input: { name: 'audit-userpass', type: 'username_password', inputs: { username: '[redacted]' }, secrets: '[redacted]' },
    });
    const [user] = await events({ action: 'createUser' });
    assert.deepEqual(user.details, { input: { username: 'audit-someone', password: '[redacted]' } });
  });
});
