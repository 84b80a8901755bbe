import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Clock } from '../common/clock.js';
import { newEnv, providerIdByName, requestEnded, startTestApp, type TestApp, waitFor } from '../testing/harness.js';
import { startSmtpServer, type TestSmtpServer } from '../testing/smtp-server.js';
import { RetirementDatesService } from './retirement-dates.service.js';

const DAY = 86_400_000;
const PASSWORD = 'Correct-horse-battery-9';
const SERVICE = 'id status retiresAt maxRetiresAt retirementWarnDays retirementWarnedAt';

interface Service {
  id: string;
  status: string;
  retiresAt: string | null;
  maxRetiresAt: string | null;
  retirementWarnDays: number;
  retirementWarnedAt: string | null;
}

describe('retirement dates: a lifetime per item, warnings by e-mail (a real SMTP server), retirement on the date — on the portal’s clock', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let clock: Clock;
  let dates: RetirementDatesService;
  let olga: string;
  let itemId: string;

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }
  const order = (values: Record<string, unknown>, retiresAt?: string) =>
    app.gql<{ orderService: { id: string } }>(
      'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }',
      { i: { templateId: itemId, dialogValues: values, retiresAt } },
      olga,
    );
  const extend = (id: string, retiresAt: Date) =>
    app.gql<{ extendServiceRetirement: Service }>(
      `mutation($id: ID!, $at: DateTime!) { extendServiceRetirement(id: $id, retiresAt: $at) { ${SERVICE} } }`,
      { id, at: retiresAt.toISOString() },
      olga,
    );
  const service = async (id: string) => (await ok<{ service: Service }>(`query($id: ID!) { service(id: $id) { ${SERVICE} } }`, { id }, olga)).service;

  before(async () => {
    smtp = await startSmtpServer();
    // The schedule is the test's to run (tick), on the clock the test moves: the product's own comes once an hour.
    app = await startTestApp(await newEnv(), { SMTP_URL: smtp.url, SMTP_FROM: 'portal@example.test', RETIREMENT_CHECK_SECONDS: '3600' });
    clock = app.app.get(Clock);
    dates = app.app.get(RetirementDatesService);
    const group = (await ok<{ createGroup: { id: string } }>('mutation { createGroup(input: { name: "requesters", roles: ["requester"] }) { id } }'))
      .createGroup.id;
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'olga', email: 'olga@example.test', password: 'First-password-77', groupIds: [group] },
    });
    const login = async (p: string) =>
      (await ok<{ login: { token: string } }>('mutation($p: String!) { login(username: "olga", password: $p) { token } }', { p }, undefined)).login.token;
    await ok(`mutation { changePassword(currentPassword: "First-password-77", newPassword: "${PASSWORD}") { id } }`, {}, await login('First-password-77'));
    olga = await login(PASSWORD);
    const local = await providerIdByName(app);
    itemId = (
      await ok<{ saveServiceTemplate: { id: string } }>('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
        i: {
          definition: {
            name: 'Short-lived hello',
            type: 'ansible_playbook',
            dialog: 'run-playbook',
            published: true,
            lifetime: { defaultDays: 10, maxDays: 30, warnDays: 3 },
            provision: { repo: 'playbooks', playbook: { field: 'playbook' }, provider: local },
            retirement: { playbook: 'hello.yml' },
          },
        },
      })
    ).saveServiceTemplate.id;
  });
  after(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  test('a chosen date beyond the item’s longest lifetime, or in the past, is refused; nothing is stored', async () => {
    const before_ = (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests'))[0].n;
    for (const [at, message] of [
      [new Date(clock.now().getTime() + 32 * DAY).toISOString(), /live at most 30 days/],
      [new Date(clock.now().getTime() - DAY).toISOString(), /must be in the future/],
    ] as const) {
      const r = await order({ playbook: 'hello.yml' }, at);
      assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
      assert.match(r.errors![0].message, message);
      assert.ok('retiresAt' in (r.errors![0].extensions?.fields ?? {}));
    }
    assert.equal((await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests'))[0].n, before_);
  });

  test('the service lives its default days; the owner extends it within the longest; warned by e-mail before the date, retired on it', async () => {
    const ordered = await order({ playbook: 'hello.yml' });
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    const done = await requestEnded<{ status: string; message: string | null; service: { id: string } | null }>(
      app,
      ordered.data!.orderService.id,
      'status message service { id }',
    );
    assert.equal(done.status, 'finished', done.message ?? '');
    const id = done.service!.id;
    const made = await service(id);
    const start = clock.now().getTime();
    assert.ok(Math.abs(Date.parse(made.retiresAt!) - (start + 10 * DAY)) < 60_000, `about 10 days from now: ${made.retiresAt}`);
    assert.ok(Math.abs(Date.parse(made.maxRetiresAt!) - (start + 30 * DAY)) < 60_000, `at most 30 days: ${made.maxRetiresAt}`);
    assert.equal(made.retirementWarnDays, 3);

    // Extended to 20 days; past the longest is refused.
    const beyond = await extend(id, new Date(start + 32 * DAY));
    assert.equal(beyond.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(beyond.errors![0].message, /may live until .* at the latest/);
    const extended = (await extend(id, new Date(start + 20 * DAY))).data!.extendServiceRetirement;
    assert.equal(Date.parse(extended.retiresAt!), start + 20 * DAY);

    // Day 16: nothing is due yet.
    clock.shift(16 * DAY);
    assert.deepEqual(await dates.tick(), { warned: 0, retiring: 0 });
    assert.equal(smtp.received().length, 0);
    // Day 17.5: three days before the date, the warning goes out — once.
    clock.shift(1.5 * DAY);
    assert.deepEqual(await dates.tick(), { warned: 1, retiring: 0 });
    assert.deepEqual(await dates.tick(), { warned: 0, retiring: 0 }, 'a warning is sent once');
    const mail = await waitFor('the warning to reach the SMTP server', async () => smtp.received()[0]);
    assert.equal(mail.to, 'olga@example.test');
    assert.match(mail.subject, /"Short-lived hello \(hello\.yml\)" retires on \d{4}-\d\d-\d\d/);
    assert.match(mail.body, /You may move the date up to/);
    assert.ok((await service(id)).retirementWarnedAt, 'the portal shows the warning went out');

    // Day 20: the date has come; the retirement machine retires it.
    clock.shift(2.6 * DAY);
    assert.deepEqual(await dates.tick(), { warned: 0, retiring: 1 });
    const retirement = await waitFor('the retirement request', async () => {
      const rows = await app.sql<{ id: string }>(`SELECT id FROM service_requests WHERE action = 'retire' AND service_id = $1`, [id]);
      return rows[0]?.id;
    });
    assert.equal((await requestEnded(app, retirement)).status, 'finished');
    assert.equal((await service(id)).status, 'retired');
    assert.deepEqual(await dates.tick(), { warned: 0, retiring: 0 }, 'a retired service is not retired again');
  });
});
