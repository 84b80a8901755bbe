import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DiscoveryService } from '@nestjs/core';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type IntrospectionQuery,
} from 'graphql';
import { newEnv, startTestApp, templateIdByName, type TestApp, type TestEnv, waitFor } from '../testing/harness.js';
import { createDataSource, migrate } from '../database/data-source.js';
import { declaredOperations } from './access-check.js';
import { can, type Permission, ROLES, type Role, type Scope } from './permissions.js';

const PASSWORD = 'Correct-horse-battery-9';
/** The repository's root (this file runs from backend/dist/access). */
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A value of the right type for an argument: the operation must reach the guard, whatever it then does. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, dummy(f.type)]),
    );
  }
  if (isScalarType(type)) {
    return { ID: randomUUID(), String: 'x', Int: 1, Float: 1, Boolean: false, JSON: {}, JSONObject: {}, DateTime: new Date().toISOString() }[type.name] ?? 'x';
  }
  return null;
}

/** `mutation($a: T!) { op(a: $a) }` with a selection of one scalar field (or __typename). */
function callOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { text: string; variables: Record<string, unknown> } {
  const args = field.args.filter((a) => isNonNullType(a.type));
  const vars = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  const text = `${kind}${vars ? `(${vars})` : ''} { ${field.name}${args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}${selection} }`;
  return { text, variables: Object.fromEntries(args.map((a) => [a.name, dummy(a.type)])) };
}

describe('access: roles, scopes and ownership, on every operation of the schema', () => {
  let env: TestEnv;
  let app: TestApp;
  /** role → a session token of a user whose only group has that role. */
  const sessions = new Map<Role, string>();
  const userIds = new Map<Role, string>();
  /** role → a session of a user of the sub-tenant "Matrix" whose only group (of Matrix) has that role. */
  const subSessions = new Map<Role, string>();
  let matrixTenant: string;
  let declared: Map<string, Permission | 'public' | null>;

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }

  async function signIn(username: string, password: string): Promise<string> {
    return (
      await ok<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
        null,
      )
    ).login.token;
  }

  before(async () => {
    env = await newEnv();
    // Many users sign in here, all from one address.
    app = await startTestApp(env, { LOGIN_MAX_PER_IP: '1000' }, { owner: false });
    const discovery = app.app.get(DiscoveryService);
    declared = declaredOperations(
      discovery.getProviders().flatMap((w) => (w.instance && typeof w.instance === 'object' ? [w.instance.constructor as never] : [])),
    );
    for (const role of ROLES) {
      const group = await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
        i: { name: `${role}s`, roles: [role] },
      });
      const made = await ok<{ createUser: { id: string; mustChangePassword: boolean } }>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id mustChangePassword } }',
        { i: { username: `${role}-user`, password: 'First-password-77', groupIds: [group.createGroup.id] } },
      );
      assert.equal(made.createUser.mustChangePassword, true);
      const first = await signIn(`${role}-user`, 'First-password-77');
      await ok('mutation { changePassword(currentPassword: "First-password-77", newPassword: "' + PASSWORD + '") { id } }', {}, first);
      sessions.set(role, await signIn(`${role}-user`, PASSWORD));
      userIds.set(role, made.createUser.id);
    }
    matrixTenant = (await ok<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "Matrix" }) { id } }')).createTenant.id;
    for (const role of ROLES) {
      const group = await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
        i: { name: `matrix ${role}s`, roles: [role], tenantId: matrixTenant },
      });
      await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { username: `matrix-${role}`, password: 'First-password-77', groupIds: [group.createGroup.id], tenantId: matrixTenant },
      });
      const first = await signIn(`matrix-${role}`, 'First-password-77');
      await ok('mutation { changePassword(currentPassword: "First-password-77", newPassword: "' + PASSWORD + '") { id } }', {}, first);
      subSessions.set(role, await signIn(`matrix-${role}`, PASSWORD));
    }
  });
  after(async () => {
    await app?.stop();
    await env?.destroy();
  });

  test('every query and mutation, called by each role: refused with FORBIDDEN exactly when the permission table says so', async () => {
    const { data } = await app.gql<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(data!);
    const operations = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query' as const, f })),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ kind: 'mutation' as const, f })),
    ].filter(({ f }) => f.name !== 'logout' && f.name !== 'login');
    const subscriptions = Object.keys(schema.getSubscriptionType()!.getFields());
    // Every root field of the schema declares its permission (subscriptions too).
    for (const name of [...operations.map((o) => o.f.name), ...subscriptions]) assert.ok(declared.get(name), `${name} declares no permission`);

    const wrong: string[] = [];
    let refusals = 0;
    for (const [tenant, tokens] of [
      ['root', sessions],
      ['Matrix', subSessions],
    ] as const) {
      for (const role of ROLES) {
        for (const { kind, f } of operations) {
          const permission = declared.get(f.name)!;
          const allowed = permission === 'public' || can({ roles: [role], scopes: null, grants: [], parents: new Map() }, permission);
          const { text, variables } = callOf(kind, f);
          const r = await app.gql(text, variables, tokens.get(role));
          const code = r.errors?.[0]?.extensions?.code;
          if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT')
            wrong.push(`${tenant} ${role} ${f.name}: the test's call is invalid: ${r.errors![0].message}`);
          else if (allowed && code === 'FORBIDDEN') wrong.push(`${tenant} ${role} ${f.name}: refused though ${permission} allows it`);
          else if (!allowed && code !== 'FORBIDDEN') wrong.push(`${tenant} ${role} ${f.name}: answered ${code ?? 'data'} though ${permission} forbids it`);
          if (!allowed) refusals++;
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(refusals > 200, `only ${refusals} refusals: the matrix did not run`);
    // Whatever a sub-tenant's user may list, nothing of it belongs to another tenant (the root's catalog, provider,
    // repository, requests and users exist, and the matrix above ordered and created things in both tenants).
    const lists: [string, (d: Record<string, { tenantId?: string; tenant?: { id: string } }[]>) => string[]][] = [
      ['{ x: serviceTemplates(unpublished: true) { tenantId } }', (d) => d.x.map((o) => o.tenantId!)],
      ['{ x: providers { tenantId } }', (d) => d.x.map((o) => o.tenantId!)],
      ['{ x: credentials { tenantId } }', (d) => d.x.map((o) => o.tenantId!)],
      ['{ x: inventories { tenantId } }', (d) => d.x.map((o) => o.tenantId!)],
      ['{ x: gitRepos { tenantId } }', (d) => d.x.map((o) => o.tenantId!)],
      ['{ x: serviceRequests { tenantId } }', (d) => d.x.map((o) => o.tenantId!)],
      ['{ x: services { tenantId } }', (d) => d.x.map((o) => o.tenantId!)],
      ['{ x: users { tenant { id } } }', (d) => d.x.map((o) => o.tenant!.id)],
      ['{ x: groups { tenant { id } } }', (d) => d.x.map((o) => o.tenant!.id)],
    ];
    let listed = 0;
    const leaks: string[] = [];
    for (const role of ROLES) {
      for (const [query, tenantsOf] of lists) {
        const r = await app.gql<Record<string, { tenantId?: string; tenant?: { id: string } }[]>>(query, {}, subSessions.get(role));
        if (r.errors) continue; // refused by the permission table: checked above
        const tenants = tenantsOf(r.data!);
        listed += tenants.length;
        const foreign = tenants.filter((t) => t !== matrixTenant);
        if (foreign.length) leaks.push(`Matrix ${role} ${query}: ${foreign.length} of another tenant`);
      }
    }
    assert.deepEqual(leaks, []);
    assert.ok(listed > 0, 'the sub-tenant lists saw nothing at all: the check did not run');
    // Spot checks of the table itself, as a user would notice them.
    const requester = sessions.get('requester')!;
    for (const op of ['{ providers { id } }', '{ gitRepos { id } }', '{ users { id } }', '{ credentials { id } }']) {
      assert.equal((await app.gql(op, {}, requester)).errors?.[0]?.extensions?.code, 'FORBIDDEN', op);
    }
    assert.ok((await ok<{ serviceTemplates: unknown[] }>('{ serviceTemplates { id } }', {}, requester)).serviceTemplates.length > 0);
    assert.equal((await app.gql('{ providers { id } }', {}, sessions.get('auditor'))).errors, undefined);
    assert.equal(
      (await app.gql('mutation { deleteProvider(id: "' + randomUUID() + '") }', {}, sessions.get('auditor'))).errors?.[0]?.extensions?.code,
      'FORBIDDEN',
    );
  });

  test("a requester sees, follows and acts on only their own requests, services and jobs; another's answer NOT_FOUND", async () => {
    const templateId = await templateIdByName(app, 'Run a playbook');
    const order = 'mutation($t: ID!) { orderService(input: { templateId: $t, dialogValues: { playbook: "hello.yml" } }) { id } }';
    const mine = (await ok<{ orderService: { id: string } }>(order, { t: templateId }, sessions.get('requester'))).orderService.id;
    const theirs = (await ok<{ orderService: { id: string } }>(order, { t: templateId }, sessions.get('operator'))).orderService.id;
    const requester = sessions.get('requester')!;
    const listed = await ok<{ serviceRequests: { id: string }[] }>('{ serviceRequests { id } }', {}, requester);
    assert.deepEqual(
      listed.serviceRequests.map((r) => r.id),
      [mine],
    );
    // The operator sees everyone's.
    const all = await ok<{ serviceRequests: { id: string }[] }>('{ serviceRequests { id } }', {}, sessions.get('operator'));
    assert.ok(all.serviceRequests.some((r) => r.id === mine) && all.serviceRequests.some((r) => r.id === theirs));

    const done = await waitFor('the operator request to end', async () => {
      const r = await ok<{ serviceRequest: { status: string; jobs: { id: string }[] } }>('query($id: ID!) { serviceRequest(id: $id) { status jobs { id } } }', {
        id: theirs,
      });
      return ['finished', 'failed'].includes(r.serviceRequest.status) && r.serviceRequest;
    });
    const jobId = done.jobs[0].id;
    const service = await ok<{ services: { id: string; owner: { username: string } }[] }>(
      '{ services { id owner { username } } }',
      {},
      sessions.get('operator'),
    );
    const serviceId = service.services.find((x) => x.owner.username === 'operator-user')?.id;
    // Whoever sees a request or a service learns who ordered it, not their e-mail, groups or roles.
    for (const query of ['{ services { owner { email } } }', '{ serviceRequests { requester { groups { name } } } }']) {
      assert.equal((await app.gql(query, {}, sessions.get('operator'))).errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED', query);
    }
    const probes: [string, Record<string, unknown>][] = [
      ['query($id: ID!) { serviceRequest(id: $id) { id } }', { id: theirs }],
      ['mutation($id: ID!) { retryServiceRequest(id: $id) { id } }', { id: theirs }],
      ['mutation($id: ID!) { cancelServiceRequest(id: $id) { id } }', { id: theirs }],
      ['query($id: ID!) { job(id: $id) { id } }', { id: jobId }],
      ['mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId }],
      ...(serviceId
        ? ([
            ['query($id: ID!) { service(id: $id) { id } }', { id: serviceId }],
            ['mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId }],
          ] as [string, Record<string, unknown>][])
        : []),
    ];
    for (const [query, variables] of probes) {
      const r = await app.gql(query, variables, requester);
      assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND', `${query}: ${JSON.stringify(r.errors)}`);
    }
    assert.equal((await ok<{ services: unknown[] }>('{ services { id } }', {}, requester)).services.length <= 1, true);
  });

  test('API token scopes narrow a user: a read token reads but cannot order or change; a token never exceeds its owner', async () => {
    const make = async (token: string, scopes: Scope[]) =>
      (
        await ok<{ createApiToken: { token: string; apiToken: { scopes: string[] } } }>(
          'mutation($s: [String!]) { createApiToken(name: "t", scopes: $s) { token apiToken { scopes } } }',
          { s: scopes },
          token,
        )
      ).createApiToken;
    const read = await make(app.token, ['read']);
    assert.deepEqual(read.apiToken.scopes, ['read']);
    assert.equal((await app.gql('{ providers { id } }', {}, read.token)).errors, undefined);
    const refused = await app.gql('mutation { refreshAllGitRepos { id } }', {}, read.token);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(refused.errors![0].message, /scope/);
    // A read token cannot mint a broader one.
    assert.equal((await app.gql('mutation { createApiToken(name: "more") { token } }', {}, read.token)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    // A requester's admin-scoped token still cannot do what the requester may not.
    const requesterAdmin = await make(sessions.get('requester')!, ['admin', 'read']);
    assert.equal((await app.gql('{ providers { id } }', {}, requesterAdmin.token)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const adminScoped = await make(app.token, ['admin', 'read']);
    const wider = await app.gql('mutation { createApiToken(name: "wider", scopes: ["git:push"]) { token } }', {}, adminScoped.token);
    assert.equal(wider.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'a token never makes a token with more scopes than its own');
    assert.deepEqual((await make(adminScoped.token, ['read'])).apiToken.scopes, ['read']);
    const bad = await app.gql('mutation { createApiToken(name: "x", scopes: ["root"]) { token } }');
    assert.equal(bad.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
  });

  test('users: weak passwords refused, the last administrator kept, a disabled user signed out at once', async () => {
    const weak = await app.gql('mutation { createUser(input: { username: "bob", password: "password123" }) { id } }');
    assert.equal(weak.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.ok(weak.errors?.[0]?.extensions?.fields?.password);
    const short = await app.gql('mutation { createUser(input: { username: "bob", password: "Ab1-x" }) { id } }');
    assert.match(short.errors![0].message, /at least 10/);

    const admins = await ok<{ groups: { id: string; name: string; roles: string[]; members: { id: string }[] }[] }>(
      '{ groups { id name roles members { id } } }',
    );
    const adminGroup = admins.groups.find((g) => g.name === 'Administrators')!;
    const me = await ok<{ me: { id: string; roles: string[] } }>('{ me { id roles } }');
    assert.deepEqual(me.me.roles, ['administrator']);
    // Two administrators (admin and administrator-user): one may be disabled, then the last one may not.
    await ok('mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }', { id: userIds.get('administrator') });
    const lastAdmin = await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }', { id: me.me.id });
    assert.equal(lastAdmin.errors?.[0]?.extensions?.code, 'CONFLICT');
    const emptied = await app.gql('mutation($id: ID!) { updateGroup(id: $id, input: { name: "Administrators", roles: ["auditor"] }) { id } }', {
      id: adminGroup.id,
    });
    assert.equal(emptied.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal((await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: me.me.id })).errors?.[0]?.extensions?.code, 'CONFLICT');
    await ok('mutation($id: ID!) { updateUser(id: $id, input: { disabled: false }) { id } }', { id: userIds.get('administrator') });
    assert.equal((await app.gql('{ me { id } }', {}, sessions.get('administrator'))).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

    const designer = sessions.get('designer')!;
    assert.equal((await app.gql('{ me { username } }', {}, designer)).errors, undefined);
    await ok('mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }', { id: userIds.get('designer') });
    assert.equal((await app.gql('{ me { username } }', {}, designer)).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const refused = await app.gql('mutation { login(username: "designer-user", password: "' + PASSWORD + '") { token } }', {}, null);
    assert.match(refused.errors![0].message, /disabled/);
    await ok('mutation($id: ID!) { updateUser(id: $id, input: { disabled: false }) { id } }', { id: userIds.get('designer') });
    sessions.set('designer', await signIn('designer-user', PASSWORD));
  });

  test('a user given a password by an administrator can do nothing but change it', async () => {
    const made = await ok<{ createUser: { id: string } }>('mutation { createUser(input: { username: "carol", password: "Given-by-admin-42" }) { id } }');
    const token = await signIn('carol', 'Given-by-admin-42');
    const blocked = await app.gql('{ serviceTemplates { id } }', {}, token);
    assert.equal(blocked.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(blocked.errors![0].message, /Change your password/);
    const wrong = await app.gql('mutation { changePassword(currentPassword: "nope-nope-nope", newPassword: "Her-own-secret-77") { id } }', {}, token);
    assert.equal(wrong.errors?.[0]?.extensions?.fields?.currentPassword, 'is wrong');
    await ok('mutation { changePassword(currentPassword: "Given-by-admin-42", newPassword: "Her-own-secret-77") { mustChangePassword } }', {}, token);
    // No role yet: signed in, she sees her account, but the catalog is not hers to see.
    assert.equal((await ok<{ me: { username: string } }>('{ me { username } }', {}, token)).me.username, 'carol');
    assert.equal((await app.gql('{ serviceTemplates { id } }', {}, token)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    await ok('mutation($id: ID!) { deleteUser(id: $id) }', { id: made.createUser.id });
    assert.equal((await app.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  test('the git remote: a read token cannot push, a requester cannot push even with git:push, a designer can', async () => {
    await ok('mutation { createGitRepo(input: { name: "access-pushed", hosted: true }) { id } }');
    const tokenOf = async (session: string, scopes: Scope[]) =>
      (await ok<{ createApiToken: { token: string } }>('mutation($s: [String!]) { createApiToken(name: "git", scopes: $s) { token } }', { s: scopes }, session))
        .createApiToken.token;
    const dir = await mkdtemp(join(tmpdir(), 'access-push-'));
    try {
      const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@localhost', ...args], { cwd: dir, encoding: 'utf8' });
      // spawnSync would block the portal serving in this very process: push from a child that is not waited on synchronously.
      const push = (token: string) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const auth = `Authorization: Basic ${Buffer.from(`anyone:${token}`).toString('base64')}`;
          const env = { ...process.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: auth, GIT_TERMINAL_PROMPT: '0' };
          import('node:child_process').then(({ spawn }) => {
            const child = spawn('git', ['push', `${app.url}/git/access-pushed.git`, 'HEAD:main'], { cwd: dir, env });
            let out = '';
            child.stderr.on('data', (d: Buffer) => (out += d.toString()));
            child.on('close', (code) => resolve({ code, out }));
          });
        });
      git('init', '--quiet', '-b', 'main');
      await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, 'site.yml'), '- hosts: all\n  gather_facts: false\n  tasks: []\n'));
      git('add', '.');
      git('commit', '--quiet', '-m', 'first');

      const readOnly = await push(await tokenOf(app.token, ['read', 'git:read']));
      assert.notEqual(readOnly.code, 0);
      assert.match(readOnly.out, /lacks the scope "git:push"/);
      const requester = await push(await tokenOf(sessions.get('requester')!, ['git:push']));
      assert.notEqual(requester.code, 0);
      // A requester may not even see the repository: as if it did not exist.
      assert.match(requester.out, /No repository "access-pushed"/);
      const auditor = await push(await tokenOf(sessions.get('auditor')!, ['git:read', 'git:push']));
      assert.match(auditor.out, /\(auditor\) do not allow you to push/);
      const designer = await push(await tokenOf(sessions.get('designer')!, ['git:push']));
      assert.equal(designer.code, 0, designer.out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('tenants: an item shared with East is seen and ordered in East (and below) only; requests are seen by their tenant, not by the other', async () => {
    const tenant = async (name: string, parentId?: string) =>
      (await ok<{ createTenant: { id: string } }>('mutation($i: TenantInput!) { createTenant(input: $i) { id } }', { i: { name, parentId } })).createTenant.id;
    const east = await tenant('East');
    const eastLab = await tenant('East lab', east);
    const west = await tenant('West');
    const person = async (username: string, tenantId: string, role: Role) => {
      const group = await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
        i: { name: `${username} group`, roles: [role], tenantId },
      });
      await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { username, password: 'First-password-77', groupIds: [group.createGroup.id], tenantId },
      });
      const first = await signIn(username, 'First-password-77');
      await ok(`mutation { changePassword(currentPassword: "First-password-77", newPassword: "${PASSWORD}") { id } }`, {}, first);
      return signIn(username, PASSWORD);
    };
    const eastRequester = await person('east-req', east, 'requester');
    const labRequester = await person('lab-req', eastLab, 'requester');
    const westRequester = await person('west-req', west, 'requester');
    const eastOperator = await person('east-op', east, 'operator');
    const templateId = await templateIdByName(app, 'Run a playbook');
    const names = async (token: string) =>
      (await ok<{ serviceTemplates: { name: string }[] }>('{ serviceTemplates { name } }', {}, token)).serviceTemplates.map((t) => t.name);
    // Nothing is shared yet: a sub-tenant's requester sees an empty catalog.
    assert.deepEqual(await names(eastRequester), []);
    const shared = await ok<{ shareServiceTemplate: { sharedWith: string[] } }>(
      'mutation($id: ID!, $t: [ID!]!) { shareServiceTemplate(id: $id, tenantIds: $t) { sharedWith } }',
      {
        id: templateId,
        t: [east],
      },
    );
    assert.deepEqual(shared.shareServiceTemplate.sharedWith, [east]);
    assert.deepEqual(await names(eastRequester), ['Run a playbook']);
    assert.deepEqual(await names(labRequester), ['Run a playbook'], 'shared with East, so with the tenants below it');
    assert.deepEqual(await names(westRequester), []);
    assert.equal((await ok<{ serviceTemplateCount: number }>('{ serviceTemplateCount }', {}, westRequester)).serviceTemplateCount, 0);

    const order = 'mutation($t: ID!) { orderService(input: { templateId: $t, dialogValues: { playbook: "hello.yml" } }) { id } }';
    const refused = await app.gql(order, { t: templateId }, westRequester);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(
      (await app.gql('query($id: ID!) { serviceTemplate(id: $id) { id } }', { id: templateId }, westRequester)).errors?.[0]?.extensions?.code,
      'NOT_FOUND',
    );
    // The item's provider (local, the root's) is not East's to use until it is shared.
    const noProvider = await app.gql(order, { t: templateId }, eastRequester);
    assert.equal(noProvider.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(noProvider.errors));
    assert.ok(noProvider.errors?.[0]?.extensions?.fields?.provider, JSON.stringify(noProvider.errors));
    const local = (await ok<{ providers: { id: string; name: string }[] }>('{ providers { id name } }')).providers.find((p) => p.name === 'local')!;
    await ok('mutation($id: ID!, $t: [ID!]!) { shareProvider(id: $id, tenantIds: $t) { id } }', { id: local.id, t: [east] });
    // Nor is the root's repository, whose playbooks the item runs: the form offers East none, and the order is refused.
    const playbookChoices = async (token: string) =>
      (
        await ok<{ refreshDialogField: { choices: { value: string }[] } }>(
          'query($t: ID!) { refreshDialogField(templateId: $t, field: "playbook", values: {}) { choices { value } } }',
          { t: templateId },
          token,
        )
      ).refreshDialogField.choices.map((c) => c.value);
    assert.deepEqual(await playbookChoices(eastRequester), []);
    const noRepo = await app.gql(order, { t: templateId }, eastRequester);
    assert.equal(noRepo.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(noRepo.errors));
    assert.ok(noRepo.errors?.[0]?.extensions?.fields?.playbook, JSON.stringify(noRepo.errors));
    const builtin = (await ok<{ gitRepos: { id: string; name: string; builtin: boolean }[] }>('{ gitRepos { id name builtin } }')).gitRepos.find(
      (r) => r.builtin,
    )!;
    const repoShared = await ok<{ shareGitRepo: { sharedWith: string[] } }>(
      'mutation($id: ID!, $t: [ID!]!) { shareGitRepo(id: $id, tenantIds: $t) { sharedWith } }',
      {
        id: builtin.id,
        t: [east],
      },
    );
    assert.deepEqual(repoShared.shareGitRepo.sharedWith, [east]);
    assert.ok((await playbookChoices(eastRequester)).includes('hello.yml'));
    assert.ok((await playbookChoices(labRequester)).includes('hello.yml'), 'shared with East, so with the tenants below it');
    // East's operator sees the shared repository, and cannot change or share it: it is used, not owned.
    assert.ok((await ok<{ gitRepos: { name: string }[] }>('{ gitRepos { name } }', {}, eastOperator)).gitRepos.some((r) => r.name === builtin.name));
    for (const [query, variables] of [
      ['mutation($id: ID!) { refreshGitRepo(id: $id) { id } }', { id: builtin.id }],
      ['mutation($id: ID!, $t: [ID!]!) { shareGitRepo(id: $id, tenantIds: $t) { id } }', { id: builtin.id, t: [east] }],
    ] as const) {
      const r = await app.gql(query, variables, eastOperator);
      assert.ok(['NOT_FOUND', 'FORBIDDEN'].includes(String(r.errors?.[0]?.extensions?.code)), `${query}: ${JSON.stringify(r.errors)}`);
    }
    const ordered = (await ok<{ orderService: { id: string } }>(order, { t: templateId }, eastRequester)).orderService.id;
    const seen = async (token: string) =>
      (await ok<{ serviceRequests: { id: string }[] }>('{ serviceRequests { id } }', {}, token)).serviceRequests.some((r) => r.id === ordered);
    assert.equal(await seen(eastOperator), true, "East's operator sees East's requests");
    assert.equal(await seen(sessions.get('operator')!), true, "the root tenant's operator sees every tenant's");
    assert.equal(await seen(westRequester), false);
    assert.equal(await seen(labRequester), false, "a requester sees their own requests, not their tenant's");
    const byId = await app.gql('query($id: ID!) { serviceRequest(id: $id) { id } }', { id: ordered }, westRequester);
    assert.equal(byId.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    // A tenant with users cannot be deleted; the root never.
    assert.equal((await app.gql('mutation($id: ID!) { deleteTenant(id: $id) }', { id: west })).errors?.[0]?.extensions?.code, 'CONFLICT');
    const tenants = await ok<{ tenants: { id: string; parentId: string | null }[] }>('{ tenants { id parentId } }');
    const root = tenants.tenants.find((t) => t.parentId === null)!;
    assert.equal((await app.gql('mutation($id: ID!) { deleteTenant(id: $id) }', { id: root.id })).errors?.[0]?.extensions?.code, 'CONFLICT');
    const loop = await app.gql('mutation($id: ID!, $p: ID!) { updateTenant(id: $id, input: { name: "East", parentId: $p }) { id } }', { id: east, p: eastLab });
    assert.equal(loop.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    await ok('mutation($id: ID!, $t: [ID!]!) { shareServiceTemplate(id: $id, tenantIds: $t) { id } }', { id: templateId, t: [] });
    await ok('mutation($id: ID!, $t: [ID!]!) { shareProvider(id: $id, tenantIds: $t) { id } }', { id: local.id, t: [] });
    await ok('mutation($id: ID!, $t: [ID!]!) { shareGitRepo(id: $id, tenantIds: $t) { id } }', { id: builtin.id, t: [] });
    const unsharedChoices = await app.gql(
      'query($t: ID!) { refreshDialogField(templateId: $t, field: "playbook", values: {}) { choices { value } } }',
      { t: templateId },
      eastRequester,
    );
    assert.equal(unsharedChoices.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'an item no longer shared with East has no form for East');

    // Providers and credentials: East's operator makes them in East; West's sees none of them, the root's sees all.
    const westOperator = await person('west-op', west, 'operator');
    const credential = await ok<{ createCredential: { id: string; tenantId: string } }>(
      'mutation { createCredential(input: { name: "east-become", type: "become_password", secrets: { password: "s3cret-east" } }) { id tenantId } }',
      {},
      eastOperator,
    );
    assert.equal(credential.createCredential.tenantId, east, "made in its maker's tenant");
    const provider = await ok<{ createProvider: { id: string; tenantId: string } }>(
      'mutation($c: ID!) { createProvider(input: { name: "east_local", type: "local", becomeCredentialId: $c }) { id tenantId } }',
      { c: credential.createCredential.id },
      eastOperator,
    );
    assert.equal(provider.createProvider.tenantId, east);
    const providerNames = async (token: string) =>
      (await ok<{ providers: { name: string }[] }>('{ providers { name } }', {}, token)).providers.map((p) => p.name);
    assert.deepEqual(await providerNames(eastOperator), ['east_local']);
    assert.deepEqual(await providerNames(westOperator), []);
    assert.ok((await providerNames(sessions.get('operator')!)).includes('east_local'));
    for (const [query, variables] of [
      ['query($id: ID!) { provider(id: $id) { id } }', { id: provider.createProvider.id }],
      ['mutation($id: ID!) { deleteProvider(id: $id) }', { id: provider.createProvider.id }],
      ['query($id: ID!) { credential(id: $id) { id } }', { id: credential.createCredential.id }],
      ['mutation($id: ID!) { deleteCredential(id: $id) }', { id: credential.createCredential.id }],
    ] as const) {
      assert.equal((await app.gql(query, variables, westOperator)).errors?.[0]?.extensions?.code, 'NOT_FOUND', query);
    }
    // West cannot put its provider in East, nor use East's credential.
    const elsewhere = await app.gql(
      'mutation($t: ID!) { createProvider(input: { name: "west_in_east", type: "local", tenantId: $t }) { id } }',
      { t: east },
      westOperator,
    );
    assert.equal(elsewhere.errors?.[0]?.extensions?.fields?.tenantId, 'is not a tenant where your role allows this');
    const borrowed = await app.gql(
      'mutation($c: ID!) { createProvider(input: { name: "west_local", type: "local", becomeCredentialId: $c }) { id } }',
      { c: credential.createCredential.id },
      westOperator,
    );
    assert.match(String(borrowed.errors?.[0]?.extensions?.fields?.becomeCredentialId), /another tenant/);

    // East's administrator administers East and below: not the root's users, not West, not the root.
    const eastAdmin = await person('east-admin', east, 'administrator');
    const usernames = (await ok<{ users: { username: string }[] }>('{ users { username } }', {}, eastAdmin)).users.map((u) => u.username);
    assert.deepEqual(usernames.sort(), ['east-admin', 'east-op', 'east-req', 'lab-req']);
    const me = await ok<{ me: { id: string } }>('{ me { id } }');
    assert.equal((await ok<{ user: unknown }>('query($id: ID!) { user(id: $id) { id } }', { id: me.me.id }, eastAdmin)).user, null);
    const intoWest = await app.gql(
      'mutation($t: ID!) { createUser(input: { username: "sneaky", password: "First-password-77", tenantId: $t }) { id } }',
      { t: west },
      eastAdmin,
    );
    assert.equal(intoWest.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    const rootGroup = await app.gql('mutation { createGroup(input: { name: "root admins too", roles: ["administrator"] }) { id } }', {}, eastAdmin);
    assert.equal(rootGroup.errors?.[0]?.extensions?.code, undefined, 'a group made without tenant goes to East');
    const adopt = await app.gql(
      'mutation($m: [ID!]) { createGroup(input: { name: "adopt admin", roles: ["requester"], memberIds: $m }) { id } }',
      { m: [me.me.id] },
      eastAdmin,
    );
    assert.equal(adopt.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', 'the root admin is not theirs to put in a group');
    const sibling = await app.gql('mutation { createTenant(input: { name: "North" }) { id } }', {}, eastAdmin);
    assert.equal(sibling.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', 'a new tenant under the root is not theirs to make');
    const below = await ok<{ createTenant: { parentId: string } }>(
      'mutation($p: ID!) { createTenant(input: { name: "East annex", parentId: $p }) { parentId } }',
      { p: east },
      eastAdmin,
    );
    assert.equal(below.createTenant.parentId, east);
    const visible = (await ok<{ tenants: { name: string }[] }>('{ tenants { name } }', {}, eastAdmin)).tenants.map((t) => t.name).sort();
    assert.deepEqual(visible, ['East', 'East annex', 'East lab', 'Root'], 'their tenants, those below, those above; not West');
    // Designers work in their tenant: East's items, repositories and inventories are East's.
    const eastDesigner = await person('east-designer', east, 'designer');
    const westDesigner = await person('west-designer', west, 'designer');
    // Dialogs belong to a tenant too: the root's are East's to use once shared with East.
    const runPlaybookDialog = (await ok<{ dialogs: { id: string; name: string }[] }>('{ dialogs { id name } }')).dialogs.find(
      (d) => d.name === 'run-playbook',
    )!;
    const dialogNames = async (token: string) => (await ok<{ dialogs: { name: string }[] }>('{ dialogs { name } }', {}, token)).dialogs.map((d) => d.name);
    assert.ok(!(await dialogNames(eastDesigner)).includes('run-playbook'), "the root's dialog is not East's before it is shared");
    const unshared = await app.gql(
      'mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }',
      {
        i: {
          definition: {
            name: 'East early',
            type: 'ansible_playbook',
            dialog: 'run-playbook',
            provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'provider' } },
          },
        },
      },
      eastDesigner,
    );
    assert.equal(unshared.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(unshared.errors));
    assert.ok(unshared.errors?.[0]?.extensions?.fields?.dialog, JSON.stringify(unshared.errors));
    const dialogShared = await ok<{ shareDialog: { sharedWith: string[] } }>(
      'mutation($id: ID!, $t: [ID!]!) { shareDialog(id: $id, tenantIds: $t) { sharedWith } }',
      { id: runPlaybookDialog.id, t: [east] },
    );
    assert.deepEqual(dialogShared.shareDialog.sharedWith, [east]);
    assert.ok((await dialogNames(eastDesigner)).includes('run-playbook'));
    assert.ok(!(await dialogNames(westDesigner)).includes('run-playbook'), 'shared with East, not West');
    const item = await ok<{ saveServiceTemplate: { id: string; tenantId: string } }>(
      'mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id tenantId } }',
      {
        i: {
          definition: {
            name: 'East hello',
            type: 'ansible_playbook',
            dialog: 'run-playbook',
            published: true,
            provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'provider' } },
          },
        },
      },
      eastDesigner,
    );
    assert.equal(item.saveServiceTemplate.tenantId, east);
    assert.ok((await names(eastRequester)).includes('East hello'), "East's own item, no sharing needed");
    assert.ok(!(await names(westRequester)).includes('East hello'));
    const exported = async (token: string) =>
      (await ok<{ exportCatalog: { path: string; content: string }[] }>('{ exportCatalog { path content } }', {}, token)).exportCatalog.filter((f) =>
        f.path.startsWith('templates/'),
      );
    assert.deepEqual(
      (await exported(westDesigner)).map((f) => f.path),
      [],
      'West exports no item of East nor of the root',
    );
    assert.ok((await exported(eastDesigner)).some((f) => f.content.includes('name: East hello')));
    // An item that names its repository and provider itself is held to the orderer's rights too:
    // East's own item running the root's playbook on the root's provider runs nothing until both are shared.
    await ok(
      'mutation($d: JSON!) { saveDialog(definition: $d) { id } }',
      { d: { name: 'east-note', label: 'Note', tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [{ name: 'note', label: 'Note', type: 'text' }] }] }] } },
      eastDesigner,
    );
    assert.ok((await dialogNames(eastDesigner)).includes('east-note'));
    assert.ok(!(await dialogNames(westDesigner)).includes('east-note'), "East's dialog is not West's");
    const westDialogs = await app.gql(
      'mutation($d: JSON!) { saveDialog(definition: $d) { id } }',
      { d: { name: 'east-note', label: 'Mine now', tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [{ name: 'n', label: 'N', type: 'text' }] }] }] } },
      westDesigner,
    );
    assert.equal(westDialogs.errors?.[0]?.extensions?.code, 'CONFLICT', 'West cannot replace East’s dialog');
    assert.doesNotMatch(String(westDialogs.errors?.[0]?.message), /East/, 'nor learn whose it is');
    const fixed = await ok<{ saveServiceTemplate: { id: string } }>(
      'mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }',
      {
        i: {
          definition: {
            name: 'East fixed',
            type: 'ansible_playbook',
            dialog: 'east-note',
            published: true,
            provision: { repo: 'playbooks', playbook: 'hello.yml', provider: local.id },
          },
        },
      },
      eastDesigner,
    );
    const orderFixed = () =>
      app.gql(
        'mutation($t: ID!) { orderService(input: { templateId: $t, dialogValues: { note: "x" } }) { id } }',
        { t: fixed.saveServiceTemplate.id },
        eastRequester,
      );
    const noFixedRepo = await orderFixed();
    assert.equal(noFixedRepo.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(noFixedRepo.errors));
    assert.ok(noFixedRepo.errors?.[0]?.extensions?.fields?.repo, JSON.stringify(noFixedRepo.errors));
    await ok('mutation($id: ID!, $t: [ID!]!) { shareGitRepo(id: $id, tenantIds: $t) { id } }', { id: builtin.id, t: [east] });
    const noFixedProvider = await orderFixed();
    assert.equal(noFixedProvider.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(noFixedProvider.errors));
    assert.ok(noFixedProvider.errors?.[0]?.extensions?.fields?.provider, JSON.stringify(noFixedProvider.errors));
    await ok('mutation($id: ID!, $t: [ID!]!) { shareProvider(id: $id, tenantIds: $t) { id } }', { id: local.id, t: [east] });
    const fixedOrdered = await orderFixed();
    assert.equal(fixedOrdered.errors, undefined, JSON.stringify(fixedOrdered.errors));
    await ok('mutation($id: ID!, $t: [ID!]!) { shareGitRepo(id: $id, tenantIds: $t) { id } }', { id: builtin.id, t: [] });
    await ok('mutation($id: ID!, $t: [ID!]!) { shareProvider(id: $id, tenantIds: $t) { id } }', { id: local.id, t: [] });

    const westEdit = await app.gql('mutation($id: ID!) { deleteServiceTemplate(id: $id) }', { id: item.saveServiceTemplate.id }, westDesigner);
    assert.equal(westEdit.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const westShare = await app.gql(
      'mutation($id: ID!, $t: [ID!]!) { shareServiceTemplate(id: $id, tenantIds: $t) { id } }',
      { id: item.saveServiceTemplate.id, t: [west] },
      westDesigner,
    );
    assert.equal(westShare.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const takeOver = await app.gql(
      'mutation($f: [CatalogFileInput!]!) { importCatalog(files: $f) { templates } }',
      {
        f: [
          {
            path: 'templates/mine.yaml',
            content: (await readFile(join(REPO_ROOT, 'catalog/templates/run-a-playbook.yaml'), 'utf8')).replace(
              /^description: .*$/m,
              'description: taken over',
            ),
          },
        ],
      },
      eastDesigner,
    );
    assert.equal(takeOver.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', "an import below the root replaces no other tenant's item");
    assert.match(takeOver.errors![0].message, /exists in another tenant/);

    const repo = await ok<{ createGitRepo: { id: string; tenantId: string } }>(
      'mutation { createGitRepo(input: { name: "east-playbooks", hosted: true }) { id tenantId } }',
      {},
      eastDesigner,
    );
    assert.equal(repo.createGitRepo.tenantId, east);
    const repoNames = async (token: string) => (await ok<{ gitRepos: { name: string }[] }>('{ gitRepos { name } }', {}, token)).gitRepos.map((r) => r.name);
    assert.deepEqual(await repoNames(eastDesigner), ['east-playbooks']);
    assert.deepEqual(await repoNames(westDesigner), []);
    assert.ok((await repoNames(sessions.get('designer')!)).includes('east-playbooks'));
    assert.equal(
      (await app.gql('mutation($id: ID!) { refreshGitRepo(id: $id) { id } }', { id: repo.createGitRepo.id }, westDesigner)).errors?.[0]?.extensions?.code,
      'NOT_FOUND',
    );
    const westToken = (
      await ok<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "w", scopes: ["git:read", "git:push"]) { token } }', {}, westDesigner)
    ).createApiToken.token;
    const refs = await fetch(`${app.url}/git/east-playbooks.git/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`w:${westToken}`).toString('base64')}` },
    });
    assert.equal(refs.status, 404, "another tenant's repository does not exist for them");
    const eastToken = (
      await ok<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "e", scopes: ["git:read"]) { token } }', {}, eastDesigner)
    ).createApiToken.token;
    const own = await fetch(`${app.url}/git/east-playbooks.git/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`e:${eastToken}`).toString('base64')}` },
    });
    assert.equal(own.status, 200);
    assert.deepEqual((await ok<{ inventories: unknown[] }>('{ inventories { id } }', {}, westOperator)).inventories, []);

    // No way up from a sub-tenant (each of these was a hole found in review).
    const rootAdmins = (await ok<{ groups: { id: string; name: string }[] }>('{ groups { id name } }')).groups.find((g) => g.name === 'Administrators')!;
    const livesInEast = await ok<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'root-admin-in-east', password: 'First-password-77', groupIds: [rootAdmins.id], tenantId: east },
    });
    for (const [query, variables] of [
      ['mutation($id: ID!) { resetUserPassword(id: $id, password: "Taken-over-4242") { id } }', { id: livesInEast.createUser.id }],
      ['mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }', { id: livesInEast.createUser.id }],
      ['mutation($id: ID!) { deleteUser(id: $id) }', { id: livesInEast.createUser.id }],
    ] as const) {
      const r = await app.gql(query, variables, eastAdmin);
      assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND', `a root administrator living in East is not East's to administer: ${query}`);
    }
    const fileRepo = await app.gql('mutation { createGitRepo(input: { name: "peek", url: "file:///etc" }) { id } }', {}, eastDesigner);
    assert.match(String(fileRepo.errors?.[0]?.extensions?.fields?.url), /root tenant/);
    const rootToken = await ok<{ createCredential: { id: string } }>(
      'mutation { createCredential(input: { name: "root-git", type: "git_token", secrets: { token: "root-secret-token" } }) { id } }',
    );
    const borrowedToken = await app.gql(
      'mutation($c: ID!) { createGitRepo(input: { name: "borrow", url: "https://git.example.invalid/x.git", credentialId: $c }) { id } }',
      { c: rootToken.createCredential.id },
      eastDesigner,
    );
    assert.equal(borrowedToken.errors?.[0]?.extensions?.fields?.credentialId, 'is not a known credential');
    const dialogGone = await app.gql('mutation($id: ID!) { deleteDialog(id: $id) }', { id: runPlaybookDialog.id }, eastDesigner);
    assert.equal(dialogGone.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'a dialog shared with East is used, not changed, by East');
    const shareUp = await app.gql(
      'mutation($id: ID!, $t: [ID!]!) { shareServiceTemplate(id: $id, tenantIds: $t) { id } }',
      { id: item.saveServiceTemplate.id, t: [west] },
      eastDesigner,
    );
    assert.equal(shareUp.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', 'East shares with East and below only');
    const eastAuditor = await person('east-auditor', east, 'auditor');
    assert.deepEqual(
      (await ok<{ auditEvents: unknown[] }>('{ auditEvents { id } }', {}, eastAuditor)).auditEvents,
      [],
      'the trail is read in the root tenant only',
    );
    assert.ok((await ok<{ auditEvents: unknown[] }>('{ auditEvents { id } }', {}, sessions.get('auditor'))).auditEvents.length > 0);
    const renamed = await ok<{ updateTenant: { name: string } }>(
      'mutation($id: ID!) { updateTenant(id: $id, input: { name: "East side" }) { name } }',
      { id: east },
      eastAdmin,
    );
    assert.equal(renamed.updateTenant.name, 'East side', "East's administrator renames East (its parent unchanged)");
  });
  test('the migration goes down and up again: non-administrators lose their tokens and password, administrators keep theirs', async () => {
    const ds = createDataSource(env.databaseUrl);
    await ds.initialize();
    try {
      await ds.undoLastMigration({ transaction: 'each' }); // PlaybookMeasures
      await ds.undoLastMigration({ transaction: 'each' }); // Instances
      await ds.undoLastMigration({ transaction: 'each' }); // PerformanceSources
      await ds.undoLastMigration({ transaction: 'each' }); // VnfPackages
      await ds.undoLastMigration({ transaction: 'each' }); // Schedules
      await ds.undoLastMigration({ transaction: 'each' }); // Performance
      await ds.undoLastMigration({ transaction: 'each' }); // Heal
      await ds.undoLastMigration({ transaction: 'each' }); // AlarmsNotifications
      await ds.undoLastMigration({ transaction: 'each' }); // DialogSharesGroupVisibility
      await ds.undoLastMigration({ transaction: 'each' }); // Previews
      await ds.undoLastMigration({ transaction: 'each' }); // RetirementDates
      await ds.undoLastMigration({ transaction: 'each' }); // Quotas
      await ds.undoLastMigration({ transaction: 'each' }); // ListFilters
      await ds.undoLastMigration({ transaction: 'each' }); // Approvals
      await ds.undoLastMigration({ transaction: 'each' }); // RepoInventoryShares
      await ds.undoLastMigration({ transaction: 'each' }); // OidcSso
      await ds.undoLastMigration({ transaction: 'each' }); // Audit
      await ds.undoLastMigration({ transaction: 'each' }); // Tenants
      await ds.undoLastMigration({ transaction: 'each' }); // Access
      const tokens = await ds.query(`SELECT u."username" FROM "api_tokens" t JOIN "users" u ON u."id" = t."user_id" GROUP BY u."username" ORDER BY 1`);
      assert.ok(
        tokens.every((t: { username: string }) => t.username === 'admin' || t.username === 'administrator-user'),
        JSON.stringify(tokens),
      );
      assert.deepEqual(await migrate(ds), [
        'Access1765800000000',
        'Tenants1765820000000',
        'Audit1765840000000',
        'OidcSso1765860000000',
        'RepoInventoryShares1765880000000',
        'Approvals1765895000000',
        'ListFilters1765920000000',
        'Quotas1765940000000',
        'RetirementDates1765960000000',
        'Previews1765980000000',
        'DialogSharesGroupVisibility1766000000000',
        'AlarmsNotifications1766020000000',
        'Heal1766040000000',
        'Performance1766060000000',
        'Schedules1766080000000',
        'VnfPackages1766090000000',
        'PerformanceSources1766110000000',
        'Instances1766120000000',
        'PlaybookMeasures1766130000000',
      ]);
      const groups = await ds.query(
        `SELECT g."name", count(m."user_id")::int AS n FROM "groups" g LEFT JOIN "group_members" m ON m."group_id" = g."id" GROUP BY g."name"`,
      );
      assert.deepEqual(groups, [{ name: 'Administrators', n: await ds.query('SELECT count(*)::int AS n FROM "users"').then((r: { n: number }[]) => r[0].n) }]);
    } finally {
      await ds.destroy();
    }
  });
});
