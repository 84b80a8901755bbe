import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

interface Request {
  id: string;
  status: string;
  message: string | null;
  machine: { name: string; action: string; serviceId: string | null } | null;
  items: { name: string; status: string; outputs: Record<string, unknown> | null }[];
  service: { id: string; outputs: Record<string, unknown> } | null;
}
interface Configuration {
  dialog: string | null;
  values: Record<string, unknown>;
  reconfigurableFields: string[];
}
const REQUEST = `query($id: ID!) { serviceRequest(id: $id) { id status message machine { name action serviceId }
  items { name status outputs } service { id outputs } } }`;
const SERVICE = 'query($id: ID!) { service(id: $id) { status outputs configuration { dialog values reconfigurableFields } } }';
const RECONFIGURE = 'mutation($id: ID!, $v: JSON!) { reconfigureService(id: $id, dialogValues: $v) { id } }';

type Items = Record<string, Record<string, unknown>>;

describe('reconfiguring a service, on real Postgres, Redis, git and ansible-playbook', () => {
  let app: TestApp;
  const templates: Record<string, string> = {};
  let provider: string;
  let serviceId: string;
  let provisioned: Items;

  const ended = (id: string) =>
    waitFor(`request ${id} to end`, async () => {
      const r = (await app.gql<{ serviceRequest: Request }>(REQUEST, { id })).data!.serviceRequest;
      return ['finished', 'failed', 'canceled'].includes(r.status) && r;
    });
  const service = async (id: string) =>
    (await app.gql<{ service: { status: string; outputs: Record<string, unknown>; configuration: Configuration } }>(SERVICE, { id })).data!.service;
  const reconfigure = (id: string, values: Record<string, unknown>) => app.gql<{ reconfigureService: { id: string } }>(RECONFIGURE, { id, v: values });

  before(async () => {
    app = await startTestApp(await newEnv());
    const list = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
    for (const t of list.data!.serviceTemplates) templates[t.name] = t.id;
    provider = (await app.gql<{ providers: { id: string; name: string }[] }>('{ providers { id name } }')).data!.providers.find((p) => p.name === 'local')!.id;
    const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: templates['Demo bundle'], dialogValues: { provider, deployment: 'shop' } },
    });
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    const done = await ended(ordered.data!.orderService.id);
    assert.equal(done.status, 'finished', done.message ?? '');
    serviceId = done.service!.id;
    provisioned = done.service!.outputs.items as Items;
  });
  after(async () => {
    await app?.stop();
  });

  test('the service shows the values it was ordered with and which of them can change', async () => {
    const { configuration } = await service(serviceId);
    assert.equal(configuration.dialog, 'demo-bundle');
    assert.deepEqual(configuration.values, { provider, deployment: 'shop', size: 'small' });
    assert.deepEqual(configuration.reconfigurableFields, ['size']);
  });

  test('a new size runs the reconfigure playbooks of the applications only, in place: their URLs stay, their size changes, the rest is kept', async () => {
    const res = await reconfigure(serviceId, { size: 'large' });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const done = await ended(res.data!.reconfigureService.id);
    assert.equal(done.status, 'finished', done.message ?? '');
    assert.deepEqual(done.machine, { name: 'reconfigure', action: 'reconfigure', serviceId });
    assert.deepEqual(done.items.map((i) => [i.name, i.status]).sort(), [
      ['app-a', 'successful'],
      ['app-b', 'successful'],
    ]);
    assert.equal(done.service, null, 'a reconfiguration makes no new service');

    const after = await service(serviceId);
    assert.equal(after.status, 'active');
    const items = after.outputs.items as Items;
    for (const app of ['app-a', 'app-b']) {
      assert.equal(items[app].app_url, provisioned[app].app_url, `${app} keeps its URL`);
      assert.equal(items[app].app_size, 'large');
      assert.equal(items[app].resized_from, 'small', `${app}'s playbook was given what it had returned`);
    }
    assert.deepEqual(items.network, provisioned.network);
    assert.deepEqual(after.configuration.values, { provider, deployment: 'shop', size: 'large' });

    // The next reconfiguration starts from there.
    const again = await reconfigure(serviceId, { size: 'medium' });
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    assert.equal((await ended(again.data!.reconfigureService.id)).status, 'finished');
    assert.equal(((await service(serviceId)).outputs.items as Items)['app-a'].resized_from, 'large');
  });

  test('bad input: a field that is not reconfigurable, nothing changed, a value the dialog refuses — each a clear error, nothing started', async () => {
    const count = async () => Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM service_requests'))[0].n);
    const before = await count();
    const fixed = await reconfigure(serviceId, { deployment: 'other', size: 'small' });
    assert.equal(fixed.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(fixed.errors![0].message, /Only the reconfigurable fields of "Demo bundle" can change \(size\): deployment cannot/);
    assert.deepEqual((fixed.errors![0].extensions as { fields: Record<string, string> }).fields, { deployment: 'cannot be changed once the service exists' });

    const same = await reconfigure(serviceId, { size: 'medium' });
    assert.equal(same.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(same.errors![0].message, /Nothing to change/);

    const wrong = await reconfigure(serviceId, { size: 'huge' });
    assert.equal(wrong.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.ok((wrong.errors![0].extensions as { fields: Record<string, string> }).fields.size, JSON.stringify(wrong.errors));

    const notObject = await reconfigure(serviceId, ['size'] as unknown as Record<string, unknown>);
    assert.equal(notObject.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.equal(await count(), before, 'no request was stored');
  });

  test('an item without a reconfigure playbook cannot be reconfigured; a retired service neither', async () => {
    const run = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: templates['Run a playbook'], dialogValues: { provider, playbook: 'hello.yml' } },
    });
    const ran = await ended(run.data!.orderService.id);
    assert.equal(ran.status, 'finished', ran.message ?? '');
    assert.deepEqual((await service(ran.service!.id)).configuration.reconfigurableFields, []);
    const refused = await reconfigure(ran.service!.id, { playbook: 'facts.yml' });
    assert.equal(refused.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(refused.errors![0].message, /"Run a playbook" has no reconfigure playbook/);

    const retire = await app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId });
    assert.equal((await ended(retire.data!.retireService.id)).status, 'finished');
    const gone = await reconfigure(serviceId, { size: 'small' });
    assert.equal(gone.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(gone.errors![0].message, /This service is retired: only an active service can be reconfigured/);
    assert.deepEqual((await service(serviceId)).configuration.reconfigurableFields, []);
  });
});
