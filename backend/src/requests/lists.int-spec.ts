import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDataSource, migrate } from '../database/data-source.js';
import { newEnv, requestEnded, startTestApp, templateIdByName, type TestApp, type TestEnv } from '../testing/harness.js';

interface Row {
  id: string;
  status: string;
  action: string;
  serviceId: string | null;
  createdAt: string;
  finishedAt: string | null;
  tenantId: string;
}
const ROW = 'id status action serviceId createdAt finishedAt tenantId';
const LIST = `query($f: ServiceRequestFilter, $s: ServiceRequestSort, $skip: Int, $take: Int) {
  serviceRequests(filter: $f, sort: $s, skip: $skip, take: $take) { ${ROW} } n: serviceRequestCount(filter: $f) }`;
const SERVICES = `query($f: ServiceFilter, $s: ServiceSort, $take: Int) { services(filter: $f, sort: $s, take: $take) { id name status } n: serviceCount(filter: $f) }`;
const SERVICE_REQUESTS = `query($id: ID!) { service(id: $id) { id requests { ${ROW} } } }`;

/** Lists people can work with: filters, sort, paging and counts of requests and services, on real Postgres. */
describe('request and service lists: filters, sort, paging and counts, on real Postgres, Redis and ansible-playbook', () => {
  let env: TestEnv;
  let app: TestApp;
  let runAPlaybook: string;
  let demoBundle: string;
  /** Requests by what they are. */
  const ids = { hello: [] as string[], failed: '', bundle: '', reconfigure: '', retire: '' };
  let bundleService: string;
  let westRequester: string;
  let west: string;

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }
  const list = (variables: Record<string, unknown>, token?: string | null) => ok<{ serviceRequests: Row[]; n: number }>(LIST, variables, token);
  const order = async (templateId: string, dialogValues: Record<string, unknown>) =>
    (await ok<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId, dialogValues } }))
      .orderService.id;
  const ended = async (id: string, status = 'finished') => {
    const r = await requestEnded(app, id);
    assert.equal(r.status, status, r.message ?? '');
  };

  before(async () => {
    env = await newEnv();
    app = await startTestApp(env);
    runAPlaybook = await templateIdByName(app, 'Run a playbook');
    demoBundle = await templateIdByName(app, 'Demo bundle');
    const provider = (await ok<{ providers: { id: string; name: string }[] }>('{ providers { id name } }')).providers.find((p) => p.name === 'local')!.id;
    // Two provisions that finish, one that fails; a bundle that is reconfigured, then retired.
    for (const name of ['one', 'two']) {
      const id = await order(runAPlaybook, { playbook: 'hello.yml', provider, extra_vars: `name: ${name}` });
      await ended(id);
      ids.hello.push(id);
    }
    ids.failed = await order(runAPlaybook, { playbook: 'fail.yml', provider });
    await ended(ids.failed, 'failed');
    ids.bundle = await order(demoBundle, { provider, deployment: 'lists' });
    await ended(ids.bundle);
    bundleService = (
      await ok<{ serviceRequest: { service: { id: string } } }>('query($id: ID!) { serviceRequest(id: $id) { service { id } } }', { id: ids.bundle })
    ).serviceRequest.service.id;
    ids.reconfigure = (
      await ok<{ reconfigureService: { id: string } }>('mutation($id: ID!, $v: JSON!) { reconfigureService(id: $id, dialogValues: $v) { id } }', {
        id: bundleService,
        v: { size: 'large' },
      })
    ).reconfigureService.id;
    await ended(ids.reconfigure);
    ids.retire = (await ok<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: bundleService })).retireService.id;
    await ended(ids.retire);

    // A requester of another tenant.
    west = (await ok<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "West" }) { id } }')).createTenant.id;
    const group = await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
      i: { name: 'West requesters', roles: ['requester'], tenantId: west },
    });
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'west-req', password: 'First-password-77', groupIds: [group.createGroup.id], tenantId: west },
    });
    const signIn = async (password: string) =>
      (
        await ok<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
          u: 'west-req',
          p: password,
        })
      ).login.token;
    const first = await signIn('First-password-77');
    await ok('mutation { changePassword(currentPassword: "First-password-77", newPassword: "Second-password-88") { id } }', {}, first);
    westRequester = await signIn('Second-password-88');
  });
  after(async () => {
    await app?.stop();
  });

  const all = () => [...ids.hello, ids.failed, ids.bundle, ids.reconfigure, ids.retire];

  test('old calls still work: every request, newest first, with its type', async () => {
    const { serviceRequests, n } = await list({});
    assert.deepEqual(
      serviceRequests.map((r) => r.id),
      all().reverse(),
    );
    assert.equal(n, 6);
    assert.deepEqual(
      serviceRequests.map((r) => r.action),
      ['retire', 'reconfigure', 'provision', 'provision', 'provision', 'provision'],
    );
    assert.deepEqual(
      serviceRequests.map((r) => r.serviceId),
      [bundleService, bundleService, null, null, null, null],
    );
  });

  test('filters: by status, type, catalog item, requester, tenant and date, each counted', async () => {
    const ids_ = async (f: Record<string, unknown>) => {
      const { serviceRequests, n } = await list({ f });
      assert.equal(n, serviceRequests.length, `the count agrees with the list for ${JSON.stringify(f)}`);
      return serviceRequests.map((r) => r.id).sort();
    };
    assert.deepEqual(await ids_({ statuses: ['failed'] }), [ids.failed]);
    assert.deepEqual(await ids_({ statuses: ['failed', 'finished'], actions: ['retire', 'reconfigure'] }), [ids.reconfigure, ids.retire].sort());
    assert.deepEqual(await ids_({ actions: ['retire'] }), [ids.retire]);
    assert.deepEqual(await ids_({ actions: ['rollback'] }), []);
    assert.deepEqual(await ids_({ templateId: runAPlaybook }), [...ids.hello, ids.failed].sort());
    assert.deepEqual(await ids_({ templateId: demoBundle, actions: ['provision'] }), [ids.bundle]);
    const me = (await ok<{ me: { id: string } }>('{ me { id } }')).me.id;
    assert.deepEqual(await ids_({ requesterId: me }), all().sort());
    assert.deepEqual(await ids_({ tenantId: west }), []);
    const [{ createdAt }] = (await list({ f: { actions: ['reconfigure'] } })).serviceRequests;
    assert.deepEqual(await ids_({ createdAfter: createdAt }), [ids.reconfigure, ids.retire].sort());
    assert.deepEqual(await ids_({ createdBefore: createdAt }), [...ids.hello, ids.failed, ids.bundle, ids.reconfigure].sort());
    assert.deepEqual(await ids_({ createdAfter: createdAt, createdBefore: createdAt }), [ids.reconfigure]);
    const choices = await ok<{ serviceRequestFilterChoices: { requesters: { username: string }[]; tenants: { name: string }[] } }>(
      '{ serviceRequestFilterChoices { requesters { username } tenants { name } } }',
    );
    assert.deepEqual(
      choices.serviceRequestFilterChoices.requesters.map((u) => u.username),
      ['admin'],
    );
    assert.equal(choices.serviceRequestFilterChoices.tenants.length, 1);
  });

  test('sort and paging: by status, by finish, oldest first; pages do not overlap and the count is the whole', async () => {
    const asc = await list({ s: { field: 'createdAt', direction: 'ASC' } });
    assert.deepEqual(
      asc.serviceRequests.map((r) => r.id),
      all(),
    );
    const byStatus = (await list({ s: { field: 'status', direction: 'ASC' } })).serviceRequests;
    assert.deepEqual(
      byStatus.map((r) => r.status),
      ['failed', 'finished', 'finished', 'finished', 'finished', 'finished'],
    );
    const byFinish = (await list({ s: { field: 'finishedAt', direction: 'DESC' } })).serviceRequests;
    assert.deepEqual(
      byFinish.map((r) => r.finishedAt),
      byFinish
        .map((r) => r.finishedAt)
        .sort()
        .reverse(),
    );
    const pages: string[] = [];
    for (let skip = 0; skip < 6; skip += 4) {
      const page = await list({ skip, take: 4, s: { field: 'createdAt', direction: 'ASC' }, f: {} });
      assert.equal(page.n, 6, 'the count is of every match, not of the page');
      pages.push(...page.serviceRequests.map((r) => r.id));
    }
    assert.deepEqual(pages, all());
  });

  test('a service lists every request that changed it, newest first; services filter, sort and count', async () => {
    const { service } = await ok<{ service: { requests: Row[] } }>(SERVICE_REQUESTS, { id: bundleService });
    assert.deepEqual(
      service.requests.map((r) => [r.id, r.action]),
      [
        [ids.retire, 'retire'],
        [ids.reconfigure, 'reconfigure'],
        [ids.bundle, 'provision'],
      ],
    );
    const services = async (variables: Record<string, unknown>) => {
      const r = await ok<{ services: { id: string; name: string; status: string }[]; n: number }>(SERVICES, variables);
      assert.equal(r.n, r.services.length);
      return r.services;
    };
    assert.deepEqual(
      (await services({ f: { statuses: ['retired'] } })).map((s) => s.id),
      [bundleService],
    );
    assert.equal((await services({ f: { statuses: ['active'] } })).length, 2);
    assert.equal((await services({ f: { templateId: runAPlaybook } })).length, 2);
    assert.equal((await services({ f: { nameContains: 'DEMO b' } })).length, 1, 'the name search ignores case');
    assert.equal((await services({ f: { nameContains: '%' } })).length, 0, 'a % is a character, not a wildcard');
    const byName = await services({ s: { field: 'name', direction: 'ASC' } });
    assert.deepEqual(
      byName.map((s) => s.name),
      byName.map((s) => s.name).sort(),
    );
    assert.equal((await services({ f: { tenantId: west } })).length, 0);
  });

  test('a requester of another tenant sees none of it: empty lists, zero counts, the service NOT_FOUND', async () => {
    const mine = await list({ f: { templateId: runAPlaybook } }, westRequester);
    assert.deepEqual(mine, { serviceRequests: [], n: 0 });
    assert.deepEqual(await list({}, westRequester), { serviceRequests: [], n: 0 });
    assert.deepEqual(await ok(SERVICES, {}, westRequester), { services: [], n: 0 });
    const service = await app.gql(SERVICE_REQUESTS, { id: bundleService }, westRequester);
    assert.equal(service.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const choices = await ok<{ serviceRequestFilterChoices: { requesters: unknown[]; tenants: unknown[] } }>(
      '{ serviceRequestFilterChoices { requesters { username } tenants { name } } }',
      {},
      westRequester,
    );
    assert.deepEqual(choices.serviceRequestFilterChoices, { requesters: [], tenants: [] });
  });

  test('bad input answers an error with a code and a clear message', async () => {
    const refused = async (query: string, variables: Record<string, unknown>, code: string, message: RegExp) => {
      const r = await app.gql(query, variables);
      assert.equal(r.errors?.[0]?.extensions?.code, code, JSON.stringify(r.errors));
      assert.match(r.errors![0].message, message);
    };
    await refused(
      LIST,
      { f: { createdAfter: '2026-02-01T00:00:00Z', createdBefore: '2026-01-01T00:00:00Z' } },
      'VALIDATION_FAILED',
      /createdAfter .* is later than createdBefore/,
    );
    await refused(LIST, { take: 501 }, 'VALIDATION_FAILED', /take must be between 1 and 500/);
    await refused(LIST, { skip: -1 }, 'VALIDATION_FAILED', /skip must be 0 or more/);
    await refused(LIST, { f: { templateId: 'not-an-id' } }, 'VALIDATION_FAILED', /templateId must be an id/);
    await refused(
      SERVICES,
      { f: { createdAfter: '2026-02-01T00:00:00Z', createdBefore: '2026-01-01T00:00:00Z' } },
      'VALIDATION_FAILED',
      /later than createdBefore/,
    );
    await refused(LIST, { f: { actions: ['upgrade'] } }, 'BAD_USER_INPUT', /"RequestAction" enum/);
    await refused('{ serviceRequests(sort: { field: template }) { id } }', {}, 'GRAPHQL_VALIDATION_FAILED', /RequestSortField/);
  });

  test('the migration goes down and up again: the type and the service come back from the plans', async () => {
    const before_ = await app.sql<{ id: string; action: string; service_id: string | null }>('SELECT id, action, service_id FROM service_requests ORDER BY id');
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
      const columns = await ds.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'service_requests' AND column_name IN ('action', 'service_id')`,
      );
      assert.deepEqual(columns, []);
      assert.deepEqual(await migrate(ds), [
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
    } finally {
      await ds.destroy();
    }
    assert.deepEqual(await app.sql('SELECT id, action, service_id FROM service_requests ORDER BY id'), before_);
  });
});
