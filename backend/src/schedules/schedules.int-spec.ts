import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Clock } from '../common/clock.js';
import { newEnv, providerIdByName, requestEnded, startTestApp, type TestApp, templateIdByName } from '../testing/harness.js';
import { SchedulesService } from './schedules.service.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIELDS = 'id name action templateId serviceId runAt cron timezone enabled nextRunAt lastRunAt lastRequestId lastError runCount targetName';

interface Schedule {
  id: string;
  name: string;
  action: string;
  templateId: string | null;
  serviceId: string | null;
  runAt: string | null;
  cron: string | null;
  timezone: string;
  enabled: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastRequestId: string | null;
  lastError: string | null;
  runCount: number;
  targetName: string | null;
}

/** The hour and minute of `at` on a wall clock of `zone`, as "HH:MM". */
const wallClock = (at: string, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));

describe('scheduled operations: orders, heals and retirements on a date or a cron schedule, started as their owner — on the portal’s clock', () => {
  let app: TestApp;
  let clock: Clock;
  let schedules: SchedulesService;
  let olga: string;
  let bob: string;
  let itemId: string;
  let local: string;
  let serviceId: string;

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }
  const create = (input: Record<string, unknown>, token: string) =>
    app.gql<{ createScheduledOperation: Schedule }>(
      `mutation($i: CreateScheduledOperationInput!) { createScheduledOperation(input: $i) { ${FIELDS} } }`,
      { i: input },
      token,
    );
  const made = async (input: Record<string, unknown>, token: string) => {
    const r = await create(input, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.createScheduledOperation;
  };
  const update = (id: string, input: Record<string, unknown>, token: string) =>
    app.gql<{ updateScheduledOperation: Schedule }>(
      `mutation($id: ID!, $i: UpdateScheduledOperationInput!) { updateScheduledOperation(id: $id, input: $i) { ${FIELDS} } }`,
      { id, i: input },
      token,
    );
  const schedule = async (id: string, token: string) =>
    (await ok<{ scheduledOperation: Schedule }>(`query($id: ID!) { scheduledOperation(id: $id) { ${FIELDS} } }`, { id }, token)).scheduledOperation;
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const stored = async () => (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM scheduled_operations'))[0].n;

  async function requester(username: string, group: string): Promise<string> {
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username, email: `${username}@example.test`, password: 'First-password-77', groupIds: [group] },
    });
    const login = async (p: string) =>
      (await ok<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p })).login
        .token;
    await ok(
      `mutation { changePassword(currentPassword: "First-password-77", newPassword: "Correct-horse-battery-9") { id } }`,
      {},
      await login('First-password-77'),
    );
    return login('Correct-horse-battery-9');
  }

  before(async () => {
    // The schedule is the test's to run (tick), on the clock the test moves: the worker's own comes once an hour.
    app = await startTestApp(await newEnv(), { SCHEDULE_CHECK_SECONDS: '3600', RETIREMENT_CHECK_SECONDS: '3600' });
    clock = app.app.get(Clock);
    schedules = app.app.get(SchedulesService);
    const group = (await ok<{ createGroup: { id: string } }>('mutation { createGroup(input: { name: "requesters", roles: ["requester"] }) { id } }'))
      .createGroup.id;
    olga = await requester('olga', group);
    bob = await requester('bob', group);
    itemId = await templateIdByName(app, 'Run a playbook');
    local = await providerIdByName(app);
  });
  after(async () => {
    await app?.stop();
  });

  test('a bad schedule is refused when it is made, naming the field; nothing is stored', async () => {
    const order = { name: 'Nightly hello', action: 'order', templateId: itemId, dialogValues: { playbook: 'hello.yml', provider: local } };
    const cases: [Record<string, unknown>, RegExp, string][] = [
      [{ ...order, cron: '61 2 * * *' }, /^Cron: "61 2 \* \* \*" is not a valid cron expression \(minute hour day month weekday\)/, 'cron'],
      [{ ...order, cron: '0 2 * *' }, /^Cron: .* is not a valid cron expression/, 'cron'],
      [{ ...order, cron: '0 2 * * *', timezone: 'Mars/Olympus' }, /^Timezone: "Mars\/Olympus" is not a time zone/, 'timezone'],
      [{ ...order, runAt: later(-HOUR) }, /the date must be in the future/, 'runAt'],
      [{ ...order, runAt: later(HOUR), cron: '0 2 * * *' }, /either a date \(runAt\) or a cron expression/, 'runAt'],
      [{ ...order }, /either a date \(runAt\) or a cron expression/, 'cron'],
      // The dialog's own checks, as an order: the playbook is required.
      [{ ...order, dialogValues: { provider: local }, runAt: later(HOUR) }, /playbook/i, 'playbook'],
    ];
    const before_ = await stored();
    for (const [input, message, field] of cases) {
      const r = await create(input, olga);
      assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', `${JSON.stringify(input)}: ${JSON.stringify(r.errors)}`);
      assert.match(r.errors![0].message, message);
      assert.ok(field in ((r.errors![0].extensions?.fields as Record<string, string>) ?? {}), `${field} in ${JSON.stringify(r.errors![0].extensions)}`);
    }
    assert.equal(await stored(), before_);
  });

  test('a one-shot order fires once at its date, as its owner, and makes a finished request and a service', async () => {
    const scheduled = await made(
      { name: 'Hello tonight', action: 'order', templateId: itemId, dialogValues: { playbook: 'hello.yml', provider: local }, runAt: later(HOUR) },
      olga,
    );
    assert.equal(scheduled.enabled, true);
    assert.equal(scheduled.nextRunAt, scheduled.runAt);
    assert.equal(scheduled.targetName, 'Run a playbook');

    assert.deepEqual(await schedules.tick(), { started: 0, refused: 0 }, 'not due yet');
    clock.shift(HOUR + 1000);
    // Two ticks at once (two workers): it is started once.
    const [a, b] = await Promise.all([schedules.tick(), schedules.tick()]);
    assert.equal(a.started + b.started, 1);
    assert.deepEqual(await schedules.tick(), { started: 0, refused: 0 }, 'a one-shot schedule fires once');

    const fired = await schedule(scheduled.id, olga);
    assert.equal(fired.runCount, 1);
    assert.equal(fired.nextRunAt, null, 'done: no next run');
    assert.equal(fired.enabled, false);
    assert.equal(fired.lastError, null);
    assert.ok(fired.lastRequestId);
    const request = await requestEnded<{
      status: string;
      message: string | null;
      requester: { username: string };
      scheduledBy: { id: string; name: string } | null;
      service: { id: string } | null;
    }>(app, fired.lastRequestId, 'status message requester { username } scheduledBy { id name } service { id }');
    assert.deepEqual(request.scheduledBy, { id: scheduled.id, name: 'Hello tonight' }, 'the request says which schedule started it');
    assert.equal(request.status, 'finished', request.message ?? '');
    assert.equal(request.requester.username, 'olga', 'started as the schedule’s owner');
    serviceId = request.service!.id;
  });

  test('a cron heal in a time zone: its next runs on that zone’s clock; paused it does not fire, resumed it fires once for the runs it missed', async () => {
    const paris = await made({ name: 'Heal nightly', action: 'heal', serviceId, cron: '0 2 * * *', timezone: 'Europe/Paris' }, olga);
    assert.equal(wallClock(paris.nextRunAt!, 'Europe/Paris'), '02:00');
    const ahead = Date.parse(paris.nextRunAt!) - clock.now().getTime();
    assert.ok(ahead > 0 && ahead <= DAY, `the next 02:00 in Paris: ${paris.nextRunAt}`);
    assert.equal(paris.targetName, 'Run a playbook (hello.yml)');
    // Re-timed to New York: 02:00 there.
    const ny = (await update(paris.id, { timezone: 'America/New_York' }, olga)).data!.updateScheduledOperation;
    assert.equal(wallClock(ny.nextRunAt!, 'America/New_York'), '02:00');
    assert.notEqual(ny.nextRunAt, paris.nextRunAt);

    const paused = (await update(ny.id, { enabled: false }, olga)).data!.updateScheduledOperation;
    assert.equal(paused.enabled, false);
    clock.shift(2 * DAY);
    assert.deepEqual(await schedules.tick(), { started: 0, refused: 0 }, 'paused: nothing fires');
    assert.equal((await schedule(ny.id, olga)).runCount, 0);

    const resumed = (await update(ny.id, { enabled: true }, olga)).data!.updateScheduledOperation;
    assert.ok(Date.parse(resumed.nextRunAt!) > clock.now().getTime(), 'resumed: the next run is counted from now');
    // Three days pass (the portal was down): the schedule runs once, not three times.
    clock.shift(3 * DAY);
    assert.deepEqual(await schedules.tick(), { started: 1, refused: 0 });
    const fired = await schedule(ny.id, olga);
    assert.equal(fired.runCount, 1);
    assert.equal(fired.enabled, true);
    assert.ok(Date.parse(fired.nextRunAt!) > clock.now().getTime());
    assert.equal(wallClock(fired.nextRunAt!, 'America/New_York'), '02:00');
    const heal = await requestEnded<{ status: string; message: string | null; action: string; scheduledBy: { id: string } | null }>(
      app,
      fired.lastRequestId!,
      'status message action scheduledBy { id }',
    );
    assert.equal(heal.scheduledBy?.id, ny.id);
    assert.equal(heal.status, 'finished', heal.message ?? '');
    assert.equal(heal.action, 'heal');
  });

  test('a retirement on a date retires the service; the heal schedule’s next run is then refused, recorded in plain words, and it keeps its schedule', async () => {
    const retire = await made({ name: 'Retire on Friday', action: 'retire', serviceId, runAt: later(HOUR) }, olga);
    const heal = (
      await ok<{ scheduledOperations: Schedule[] }>(`query($s: ID) { scheduledOperations(serviceId: $s) { ${FIELDS} } }`, { s: serviceId }, olga)
    ).scheduledOperations.find((s) => s.action === 'heal')!;
    // The heal is paused meanwhile: the two would meet (a heal under way refuses a retirement, and the other way round).
    await ok('mutation($id: ID!) { updateScheduledOperation(id: $id, input: { enabled: false }) { id } }', { id: heal.id }, olga);
    clock.shift(HOUR + 1000);
    assert.deepEqual(await schedules.tick(), { started: 1, refused: 0 });
    const retired = await schedule(retire.id, olga);
    const request = await requestEnded<{ status: string; message: string | null; action: string }>(app, retired.lastRequestId!, 'status message action');
    assert.equal(request.status, 'finished', request.message ?? '');
    assert.equal(request.action, 'retire');
    assert.equal(
      (await ok<{ service: { status: string } }>('query($id: ID!) { service(id: $id) { status } }', { id: serviceId }, olga)).service.status,
      'retired',
    );

    // A heal of a retired service cannot be scheduled any more...
    const refusedNow = await create({ name: 'Too late', action: 'heal', serviceId, runAt: later(HOUR) }, olga);
    assert.equal(refusedNow.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.match(refusedNow.errors![0].message, /retired: only an active service can be healed/);
    // ...and the one made before, resumed, is refused when it fires: recorded, and it keeps its next run.
    const resumed = (await update(heal.id, { enabled: true }, olga)).data!.updateScheduledOperation;
    clock.shift(Date.parse(resumed.nextRunAt!) - clock.now().getTime() + 1000);
    assert.deepEqual(await schedules.tick(), { started: 0, refused: 1 });
    const after_ = await schedule(heal.id, olga);
    assert.equal(after_.runCount, 2);
    assert.equal(after_.lastRequestId, null);
    assert.equal(after_.lastError, 'This service is retired: only an active service can be healed.');
    assert.equal(after_.enabled, true);
    assert.ok(Date.parse(after_.nextRunAt!) > clock.now().getTime(), 'a refusal does not stop a cron schedule');
  });

  test('another requester sees none of them (NOT_FOUND); an administrator sees all; the owner deletes one', async () => {
    const mine = (await ok<{ scheduledOperations: Schedule[] }>(`{ scheduledOperations { ${FIELDS} } }`, {}, olga)).scheduledOperations;
    assert.equal(mine.length, 3);
    assert.equal((await ok<{ scheduledOperationsCount: number }>('{ scheduledOperationsCount }', {}, olga)).scheduledOperationsCount, 3);
    assert.deepEqual((await ok<{ scheduledOperations: Schedule[] }>('{ scheduledOperations { id } }', {}, bob)).scheduledOperations, []);
    const id = mine[0].id;
    for (const r of [
      await app.gql(`query($id: ID!) { scheduledOperation(id: $id) { id } }`, { id }, bob),
      await update(id, { enabled: false }, bob),
      await app.gql('mutation($id: ID!) { deleteScheduledOperation(id: $id) }', { id }, bob),
    ]) {
      assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(r.errors));
    }
    // Nor may bob schedule anything on olga's service.
    const onHers = await create({ name: 'Not mine', action: 'retire', serviceId, runAt: later(HOUR) }, bob);
    assert.equal(onHers.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await ok<{ scheduledOperations: Schedule[] }>('{ scheduledOperations { id } }')).scheduledOperations.length, 3, 'the administrator sees all');

    assert.equal(
      (await ok<{ deleteScheduledOperation: boolean }>('mutation($id: ID!) { deleteScheduledOperation(id: $id) }', { id }, olga)).deleteScheduledOperation,
      true,
    );
    const gone = await app.gql(`query($id: ID!) { scheduledOperation(id: $id) { id } }`, { id }, olga);
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    // The audit trail has the calls, with the dialog values' names only.
    const audited = await app.sql<{ action: string }>(`SELECT action FROM audit_events WHERE action LIKE '%ScheduledOperation' ORDER BY at`);
    assert.ok(audited.some((a) => a.action === 'createScheduledOperation'));
    assert.ok(audited.some((a) => a.action === 'deleteScheduledOperation'));
  });
});
