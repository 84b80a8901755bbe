import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { newEnv, providerIdByName, requestEnded, startTestApp, templateIdByName, type TestApp } from '../testing/harness.js';

interface Result {
  index: number;
  request: { id: string; status: string } | null;
  error: { code: string; message: string; fields: Record<string, string> | null } | null;
}

const BULK = 'mutation($i: [OrderServiceInput!]!) { orderServices(inputs: $i) { index request { id status } error { code message fields } } }';

describe('orderServices: up to 100 orders in one call, each stored or refused on its own (real Postgres, Redis, ansible-playbook)', () => {
  let app: TestApp;
  let templateId: string;
  let provider: string;

  before(async () => {
    app = await startTestApp(await newEnv());
    templateId = await templateIdByName(app, 'Run a playbook');
    provider = await providerIdByName(app);
  });
  after(async () => {
    await app?.stop();
  });

  test('a good order, a bad one and one of an unknown item: two refusals as orderService gives them, one request that runs', async () => {
    const r = await app.gql<{ orderServices: Result[] }>(BULK, {
      i: [
        { templateId, dialogValues: { playbook: 'hello.yml', provider } },
        { templateId, dialogValues: { provider } },
        { templateId: randomUUID(), dialogValues: {} },
      ],
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const [good, bad, unknown] = r.data!.orderServices;
    assert.deepEqual(
      r.data!.orderServices.map((x) => x.index),
      [0, 1, 2],
    );
    assert.ok(good.request && !good.error);
    assert.equal(bad.request, null);
    assert.equal(bad.error?.code, 'VALIDATION_FAILED');
    assert.ok(bad.error?.fields?.playbook, JSON.stringify(bad.error));
    assert.equal(unknown.error?.code, 'NOT_FOUND');
    assert.equal((await requestEnded(app, good.request.id)).status, 'finished');
    const stored = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests');
    assert.equal(stored[0].n, 1, 'only the good order was stored');
  });

  test('none, or more than 100, is refused as a whole', async () => {
    for (const count of [0, 101]) {
      const r = await app.gql(BULK, { i: Array.from({ length: count }, () => ({ templateId, dialogValues: { playbook: 'hello.yml', provider } })) });
      assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', String(count));
      assert.match(String(r.errors?.[0]?.message), /1 to 100 orders/);
    }
  });
});
