import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, providerIdByName, requestEnded, startTestApp, type TestApp } from '../testing/harness.js';

const PASSWORD = 'Correct-horse-battery-9';

/**
 * An item that says `visibility: group`: the requester's groups see, follow, change and retire
 * its requests and services; other requesters of the same tenant do not. An item without it
 * keeps its requests to their requester (issue 14, "and their group's, where the item says so").
 */
describe('requests and services seen by the requester’s groups, where the item says so, on real Postgres, Redis and ansible-playbook', () => {
  let app: TestApp;
  const tokens = new Map<string, string>();
  let groupItem: string;
  let privateItem: string;

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

  before(async () => {
    app = await startTestApp(await newEnv(), { LOGIN_MAX_PER_IP: '1000' });
    const group = async (name: string) =>
      (await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name, roles: ['requester'] } }))
        .createGroup.id;
    const teamA = await group('Team A');
    const teamB = await group('Team B');
    for (const [username, groupId] of [
      ['ann', teamA],
      ['bob', teamA],
      ['carl', teamB],
    ] as const) {
      await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username, password: 'First-password-77', groupIds: [groupId] } });
      const first = await signIn(username, 'First-password-77');
      await ok(`mutation { changePassword(currentPassword: "First-password-77", newPassword: "${PASSWORD}") { id } }`, {}, first);
      tokens.set(username, await signIn(username, PASSWORD));
    }
    await ok('mutation($d: JSON!) { saveDialog(definition: $d) { id } }', {
      d: { name: 'who', label: 'Who', tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [{ name: 'who', label: 'Who', type: 'text', required: true }] }] }] },
    });
    const local = await providerIdByName(app);
    const item = async (name: string, extra: Record<string, unknown>) =>
      (
        await ok<{ saveServiceTemplate: { id: string } }>('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
          i: {
            definition: {
              name,
              type: 'ansible_playbook',
              dialog: 'who',
              provision: { repo: 'playbooks', playbook: 'hello.yml', provider: local, vars: { who: 'name' } },
              retirement: { playbook: 'hello.yml' },
              ...extra,
            },
          },
        })
      ).saveServiceTemplate.id;
    groupItem = await item('Team greeting', { visibility: 'group' });
    privateItem = await item('Own greeting', {});
  });
  after(async () => {
    await app?.stop();
  });

  const order = async (username: string, templateId: string) =>
    (
      await ok<{ orderService: { id: string } }>(
        'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }',
        { i: { templateId, dialogValues: { who: username } } },
        tokens.get(username),
      )
    ).orderService.id;
  const requestIds = async (username: string) =>
    (await ok<{ serviceRequests: { id: string }[] }>('{ serviceRequests { id } }', {}, tokens.get(username))).serviceRequests.map((r) => r.id);
  const serviceIds = async (username: string) =>
    (await ok<{ services: { id: string }[] }>('{ services { id } }', {}, tokens.get(username))).services.map((s) => s.id);

  test('the item says what it is: its definition keeps visibility: group, an unknown value is refused', async () => {
    const read = await ok<{ serviceTemplate: { visibility: string; definition: { visibility?: string } } }>(
      'query($id: ID!) { serviceTemplate(id: $id) { visibility definition } }',
      { id: groupItem },
    );
    assert.equal(read.serviceTemplate.visibility, 'group');
    assert.equal(read.serviceTemplate.definition.visibility, 'group');
    const bad = await app.gql('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
      i: {
        definition: { name: 'Odd', type: 'ansible_playbook', dialog: 'who', visibility: 'everyone', provision: { repo: 'playbooks', playbook: 'hello.yml' } },
      },
    });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.ok(bad.errors?.[0]?.extensions?.fields?.visibility, JSON.stringify(bad.errors));
  });

  test('Ann’s order of the team item is Bob’s to see, follow and retire; not Carl’s; her own-only order stays hers', async () => {
    const shared = await order('ann', groupItem);
    const own = await order('ann', privateItem);
    const ended = await requestEnded<{ status: string; service: { id: string } | null; jobs: { id: string }[] }>(
      app,
      shared,
      'status service { id } jobs { id }',
    );
    assert.equal(ended.status, 'finished');
    assert.equal((await requestEnded(app, own)).status, 'finished');
    const serviceId = ended.service!.id;

    assert.ok((await requestIds('bob')).includes(shared), 'Bob, in Ann’s group, sees the team order');
    assert.ok(!(await requestIds('bob')).includes(own), 'not the order of an item that keeps it to its requester');
    assert.ok((await serviceIds('bob')).includes(serviceId));
    assert.deepEqual(await requestIds('carl'), [], 'Carl, in another group, sees none of them');
    assert.deepEqual(await serviceIds('carl'), []);

    const job = ended.jobs[0].id;
    const bobsJob = await ok<{ job: { id: string } }>('query($id: ID!) { job(id: $id) { id } }', { id: job }, tokens.get('bob'));
    assert.equal(bobsJob.job.id, job, 'Bob follows its job');
    for (const [query, variables] of [
      ['query($id: ID!) { serviceRequest(id: $id) { id } }', { id: shared }],
      ['query($id: ID!) { service(id: $id) { id } }', { id: serviceId }],
      ['query($id: ID!) { job(id: $id) { id } }', { id: job }],
      ['mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId }],
    ] as const) {
      const r = await app.gql(query, variables, tokens.get('carl'));
      assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND', `Carl: ${query}`);
    }

    const retire = await ok<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId }, tokens.get('bob'));
    assert.equal((await requestEnded(app, retire.retireService.id)).status, 'finished');
    assert.ok((await requestIds('ann')).includes(retire.retireService.id), 'Ann sees the retirement Bob made of her team’s service');
    const retired = await ok<{ service: { status: string } }>('query($id: ID!) { service(id: $id) { status } }', { id: serviceId }, tokens.get('ann'));
    assert.equal(retired.service.status, 'retired');
  });
});
