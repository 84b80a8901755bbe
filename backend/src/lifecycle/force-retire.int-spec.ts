import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, orderService, providerIdByName, requestEnded, startTestApp, type TestApp, templateIdByName } from '../testing/harness.js';

const FORCE = 'mutation($id: ID!, $reason: String!) { forceRetireService(id: $id, reason: $reason) { id status } }';

describe('force retire: an administrator marks a service retired when its target is gone, recorded with who and why', () => {
  let app: TestApp;
  let requester: string;
  let operator: string;
  let serviceId: string;

  const ok = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  };
  const userWith = async (name: string, role: string) => {
    const group = (
      await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name: `${name}s`, roles: [role] } })
    ).createGroup.id;
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: name, email: `${name}@example.test`, password: 'First-password-77', groupIds: [group] },
    });
    const token = (
      await ok<{ login: { token: string } }>('mutation($u: String!) { login(username: $u, password: "First-password-77") { token } }', { u: name })
    ).login.token;
    await ok('mutation { changePassword(currentPassword: "First-password-77", newPassword: "Correct-horse-battery-9") { id } }', {}, token);
    return (await ok<{ login: { token: string } }>('mutation($u: String!) { login(username: $u, password: "Correct-horse-battery-9") { token } }', { u: name }))
      .login.token;
  };

  before(async () => {
    app = await startTestApp(await newEnv());
    requester = await userWith('rita', 'requester');
    operator = await userWith('otto', 'operator');
    const templateId = await templateIdByName(app, 'Run a playbook');
    const done = await requestEnded<{ status: string; message: string | null; service: { id: string } | null }>(
      app,
      await orderService(app, templateId, { playbook: 'hello.yml', provider: await providerIdByName(app) }),
      'status message service { id }',
    );
    assert.equal(done.status, 'finished', done.message ?? '');
    serviceId = done.service!.id;
  });
  after(async () => {
    await app?.stop();
  });

  test('refused to those who are not administrators (FORBIDDEN), without a reason (VALIDATION_FAILED on reason), for a service one may not see (NOT_FOUND)', async () => {
    for (const token of [requester, operator]) {
      const refused = await app.gql(FORCE, { id: serviceId, reason: 'the site is gone' }, token);
      assert.equal(refused.errors?.[0].extensions?.code, 'FORBIDDEN');
    }
    const blank = await app.gql(FORCE, { id: serviceId, reason: '   ' });
    assert.equal(blank.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.ok(blank.errors?.[0].extensions?.fields?.reason, JSON.stringify(blank.errors));
    // An administrator of another tenant who may see the service (an auditor here) may not force-retire it.
    const east = (await ok<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "East" }) { id } }')).createTenant.id;
    const eastAdmins = (
      await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
        i: { name: 'East admins', roles: ['administrator'], tenantId: east },
      })
    ).createGroup.id;
    const auditors = (
      await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name: 'auditors', roles: ['auditor'] } })
    ).createGroup.id;
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'erin', password: 'First-password-77', groupIds: [eastAdmins, auditors], tenantId: east },
    });
    const first = (await ok<{ login: { token: string } }>('mutation { login(username: "erin", password: "First-password-77") { token } }')).login.token;
    await ok('mutation { changePassword(currentPassword: "First-password-77", newPassword: "Correct-horse-battery-9") { id } }', {}, first);
    const erin = (await ok<{ login: { token: string } }>('mutation { login(username: "erin", password: "Correct-horse-battery-9") { token } }')).login.token;
    assert.equal((await ok<{ service: { id: string } }>('query($id: ID!) { service(id: $id) { id } }', { id: serviceId }, erin)).service.id, serviceId);
    const elsewhere = await app.gql(FORCE, { id: serviceId, reason: 'the site is gone' }, erin);
    assert.equal(elsewhere.errors?.[0].extensions?.code, 'FORBIDDEN', 'an administrator of East, auditor of the root');
    const unknown = await app.gql(FORCE, { id: '00000000-0000-0000-0000-000000000000', reason: 'gone' });
    assert.equal(unknown.errors?.[0].extensions?.code, 'NOT_FOUND');
    const still = await ok<{ service: { status: string } }>('query($id: ID!) { service(id: $id) { status } }', { id: serviceId });
    assert.equal(still.service.status, 'active');
  });

  test('marks it retired with no playbook run; a finished retirement request and the audit trail say who and why; a second time is a CONFLICT', async () => {
    const forced = await ok<{ forceRetireService: { id: string; status: string } }>(FORCE, { id: serviceId, reason: '  The lab host was rebuilt  ' });
    assert.deepEqual(forced.forceRetireService, { id: serviceId, status: 'retired' });

    const { service } = await ok<{
      service: { requests: { action: string; status: string; message: string; requester: { username: string }; items: unknown[] }[] };
    }>('query($id: ID!) { service(id: $id) { requests { action status message requester { username } items { name } } } }', { id: serviceId });
    const retirement = service.requests.find((r) => r.action === 'retire')!;
    assert.ok(retirement, JSON.stringify(service.requests));
    assert.equal(retirement.status, 'finished');
    assert.equal(retirement.requester.username, 'admin');
    assert.deepEqual(retirement.items, [], 'no playbook ran');
    assert.match(retirement.message, /^Force-retired by admin: The lab host was rebuilt\. No retirement playbook ran/);

    const { auditEvents } = await ok<{ auditEvents: { actorName: string; outcome: string; objectType: string; details: { reason?: string } }[] }>(
      'query($f: AuditFilter!) { auditEvents(filter: $f) { actorName outcome objectType details } }',
      { f: { action: 'forceRetireService', objectId: serviceId } },
    );
    const success = auditEvents.find((e) => e.outcome === 'success');
    assert.ok(success, JSON.stringify(auditEvents));
    assert.equal(success.actorName, 'admin');
    assert.equal(success.objectType, 'Service');
    assert.equal(success.details.reason, '  The lab host was rebuilt  ');
    assert.ok(
      auditEvents.some((e) => e.outcome === 'denied' && e.actorName === 'rita'),
      'the refused attempt is in the trail too',
    );

    const again = await app.gql(FORCE, { id: serviceId, reason: 'again' });
    assert.equal(again.errors?.[0].extensions?.code, 'CONFLICT');
    const retire = await app.gql('mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId });
    assert.equal(retire.errors?.[0].extensions?.code, 'CONFLICT');
  });
});
