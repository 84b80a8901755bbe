import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, orderService, providerIdByName, requestEnded, startTestApp, type TestApp, templateIdByName, waitFor } from '../testing/harness.js';

const JOB = 'mutation($i: CreatePerformanceJobInput!) { createPerformanceJob(input: $i) { id metric playbook stat intervalSeconds } }';
const SAMPLES = 'query($id: ID!) { performanceJob(id: $id) { samples(minutes: 60) { at value error } } }';
const SERVICE =
  'query($id: ID!) { service(id: $id) { status outputs retiresAt requests { id action status message } measures: requests(actions: [measure]) { id action status message } } }';

/** The playbooks of the test's built-in repository: the service's, and its measures. */
const PLAYBOOKS: Record<string, string> = {
  // The service: it gives back the meter it was ordered with (a URL on its target) as an output.
  'deploy.yml': `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.set_stats:
        data:
          meter: "{{ meter }}"
          made: "by deploy.yml"
        per_host: false
`,
  // Reads the meter the service reports (its output, given as a variable) on its target.
  'measure/meter.yml': `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.uri:
        url: "{{ meter }}"
        return_content: true
      register: page
    - ansible.builtin.set_stats:
        data:
          value: "{{ page.content | trim | float }}"
          made: "by the measure"
        per_host: false
`,
  'measure/broken.yml': `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.fail:
        msg: "the meter is broken"
`,
  'measure/words.yml': `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.set_stats:
        data:
          value: "high"
        per_host: false
`,
};

interface Sample {
  at: string;
  value: number | null;
  error: string | null;
}
interface Alarm {
  id: string;
  kind: string;
  objectId: string;
  message: string;
  clearedAt: string | null;
  clearReason: string | null;
}

describe("performance jobs from a playbook's set_stats: a measure request on the service's placement, which changes nothing of it", () => {
  let app: TestApp;
  let serviceId: string;
  let meter: Server;
  /** What the meter on the service's target reads now; while held, it answers only when released. */
  let reading = '3';
  let held: (() => void)[] | null = null;
  let asked = 0;

  const ok = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  };
  const samples = async (id: string) => (await ok<{ performanceJob: { samples: Sample[] } }>(SAMPLES, { id })).performanceJob.samples;
  const service = async () =>
    (
      await ok<{
        service: {
          status: string;
          outputs: Record<string, unknown>;
          retiresAt: string | null;
          requests: { id: string; action: string; status: string; message: string | null }[];
          measures: { id: string; action: string; status: string; message: string | null }[];
        };
      }>(SERVICE, { id: serviceId })
    ).service;
  /** The test's hook: the job is due now (the collector takes it within its 5 s tick, not the job's minute). */
  const due = (jobId: string) => app.sql('UPDATE performance_jobs SET next_run_at = now() WHERE id = $1', [jobId]);

  before(async () => {
    const playbooks = await mkdtemp(join(tmpdir(), 'measure-playbooks-'));
    await mkdir(join(playbooks, 'measure'));
    for (const [path, text] of Object.entries(PLAYBOOKS)) await writeFile(join(playbooks, path), text);
    meter = createServer((_req, res) => {
      asked++;
      if (held) held.push(() => res.end(reading));
      else res.end(reading);
    });
    await new Promise<void>((resolve) => meter.listen(0, '127.0.0.1', resolve));
    app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: playbooks });
    const done = await requestEnded<{ status: string; message: string | null; service: { id: string } | null }>(
      app,
      await orderService(app, await templateIdByName(app, 'Run a playbook'), {
        playbook: 'deploy.yml',
        provider: await providerIdByName(app),
        extra_vars: `meter: http://127.0.0.1:${(meter.address() as AddressInfo).port}/reading`,
      }),
      'status message service { id }',
    );
    assert.equal(done.status, 'finished', done.message ?? '');
    serviceId = done.service!.id;
  });
  after(async () => {
    meter?.closeAllConnections();
    meter?.close();
    await app?.stop();
  });

  test('a playbook not in the repository, a stat that is not an identifier and an interval under a minute are refused by field; a stranger gets NOT_FOUND, a requester FORBIDDEN', async () => {
    const bad = await app.gql(JOB, {
      i: { serviceId, name: 'Meter', metric: 'playbook_stat', playbook: 'measure/nowhere.yml', stat: 'the value', intervalSeconds: 30 },
    });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    const fields = bad.errors![0].extensions!.fields as Record<string, string>;
    assert.deepEqual(Object.keys(fields).sort(), ['intervalSeconds', 'playbook', 'stat']);
    assert.match(fields.playbook, /is not in the service's repository at the commit it runs \("playbooks" at [0-9a-f]{12}\)/);
    assert.match(fields.intervalSeconds, /60 seconds or more/);
    assert.match(bad.errors![0].message, /playbook is not in the service's repository/);
    const outside = await app.gql(JOB, {
      i: { serviceId, name: 'Meter', metric: 'playbook_stat', playbook: '../deploy.yml', stat: 'value', intervalSeconds: 60 },
    });
    assert.equal(outside.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');

    const group = (await ok<{ createGroup: { id: string } }>('mutation { createGroup(input: { name: "requesters", roles: ["requester"] }) { id } }'))
      .createGroup.id;
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'stranger', email: 'stranger@example.test', password: 'First-password-77', groupIds: [group] },
    });
    const login = async (p: string) =>
      (await ok<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'stranger', p })).login
        .token;
    await ok(
      'mutation { changePassword(currentPassword: "First-password-77", newPassword: "Correct-horse-battery-9") { id } }',
      {},
      await login('First-password-77'),
    );
    const stranger = await login('Correct-horse-battery-9');
    const hidden = await app.gql(
      JOB,
      { i: { serviceId, name: 'Meter', metric: 'playbook_stat', playbook: 'measure/meter.yml', stat: 'value', intervalSeconds: 60 } },
      stranger,
    );
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');

    // A requester's own service: probed over HTTP, yes; measured with a playbook, an operator's tool, no.
    const { orderService: own } = await ok<{ orderService: { id: string } }>(
      'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }',
      {
        i: {
          templateId: await templateIdByName(app, 'Run a playbook'),
          dialogValues: { playbook: 'deploy.yml', provider: await providerIdByName(app), extra_vars: 'meter: http://127.0.0.1:9/own' },
        },
      },
      stranger,
    );
    const ownService = (await requestEnded<{ status: string; service: { id: string } | null }>(app, own.id, 'status service { id }')).service!.id;
    const refused = await app.gql(
      JOB,
      { i: { serviceId: ownService, name: 'Meter', metric: 'playbook_stat', playbook: 'measure/meter.yml', stat: 'value', intervalSeconds: 60 } },
      stranger,
    );
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(refused.errors![0].message, /operator role/);
    assert.equal((await service()).measures.length, 0, 'nothing was measured');
  });

  test("the playbook's number is the sample; a threshold raises an alarm when the target's reading crosses it and clears it when it is back; the service is left as it was", async () => {
    const before_ = await service();
    assert.equal(before_.outputs.made, 'by deploy.yml');
    const { createPerformanceJob: job } = await ok<{ createPerformanceJob: { id: string; metric: string; playbook: string; stat: string } }>(JOB, {
      // A day between samples: each one here is the test's (due), none comes of the clock meanwhile.
      i: { serviceId, name: 'Meter', metric: 'playbook_stat', playbook: 'measure/meter.yml', stat: 'value', intervalSeconds: 86_400 },
    });
    assert.deepEqual(
      { ...job, id: undefined },
      { id: undefined, metric: 'playbook_stat', playbook: 'measure/meter.yml', stat: 'value', intervalSeconds: 86_400 },
    );
    await ok('mutation($i: CreatePerformanceThresholdInput!) { createPerformanceThreshold(input: $i) { id } }', {
      i: { jobId: job.id, operator: '>', value: 5, severity: 'major' },
    });
    await waitFor('the first sample', async () => (await samples(job.id)).find((s) => s.value === 3), 120_000);

    const alarms = async () => (await ok<{ alarms: Alarm[] }>('{ alarms(filter: { open: null }) { id kind objectId message clearedAt clearReason } }')).alarms;
    assert.deepEqual(await alarms(), [], 'under the threshold: no alarm');

    reading = '7.5';
    await due(job.id);
    const raised = await waitFor('the alarm', async () => (await alarms()).find((a) => a.kind === 'threshold_crossed' && !a.clearedAt), 120_000);
    assert.equal(raised.objectId, serviceId);
    assert.match(raised.message, /^Meter \(set_stats value\) of service .* is 7\.5 \(threshold > 5\)\.$/);

    reading = '2';
    await due(job.id);
    const cleared = await waitFor('the alarm cleared', async () => (await alarms()).find((a) => a.id === raised.id && a.clearedAt), 120_000);
    assert.match(cleared.clearReason ?? '', /is back at 2/);
    assert.deepEqual(
      (await samples(job.id)).map((s) => [s.value, s.error]),
      [
        [3, null],
        [7.5, null],
        [2, null],
      ],
      'one sample per measure, in order',
    );

    const after_ = await service();
    assert.equal(after_.status, 'active');
    assert.deepEqual(after_.outputs, before_.outputs, "the measure's own set_stats (made) did not reach the service");
    assert.equal(after_.retiresAt, before_.retiresAt);
    const measures = after_.measures;
    assert.equal(measures.length, 3, 'each measure is a request of the service, listed when asked for');
    assert.deepEqual(
      after_.requests.map((r) => r.action),
      ['provision'],
      'the requests that changed the service: the measures are not among them',
    );
    assert.ok(measures.every((r) => r.status === 'finished'));

    // A measure under way holds the next tick off: made due again while its playbook waits for the meter, it is still one.
    reading = '4';
    held = [];
    const askedBefore = asked;
    await due(job.id);
    await waitFor('the measure reading the meter', async () => asked > askedBefore, 120_000);
    for (let i = 0; i < 2; i++) {
      await due(job.id);
      // Longer than the collector's tick (5 s): the job was taken, and skipped.
      await new Promise((r) => setTimeout(r, 6_000));
    }
    assert.equal((await service()).measures.length, 4, 'one measure at a time');
    const release = held;
    held = null;
    release.forEach((answer) => answer());
    await waitFor('the fourth sample', async () => (await samples(job.id)).length === 4, 120_000);
    assert.equal((await samples(job.id))[3].value, 4);
    assert.equal((await service()).measures.length, 4);
    await ok('mutation($id: ID!) { deletePerformanceJob(id: $id) }', { id: job.id });
  });

  test('a measure that fails, or gives no number, is a gap with a plain reason: the thresholds keep their state, and no request alarm is raised', async () => {
    const create = async (playbook: string, stat: string) =>
      (
        await ok<{ createPerformanceJob: { id: string } }>(JOB, {
          i: { serviceId, name: `${playbook} ${stat}`, metric: 'playbook_stat', playbook, stat, intervalSeconds: 3600 },
        })
      ).createPerformanceJob.id;
    const [broken, words, missing] = [
      await create('measure/broken.yml', 'value'),
      await create('measure/words.yml', 'value'),
      await create('measure/meter.yml', 'load'),
    ];
    const gap = (id: string) => waitFor(`a sample of ${id}`, async () => (await samples(id))[0], 120_000);
    const [b, w, m] = [await gap(broken), await gap(words), await gap(missing)];
    assert.equal(b.value, null);
    assert.match(b.error ?? '', /Playbook measure\/broken\.yml failed: .*the meter is broken/);
    assert.deepEqual([w.value, w.error], [null, 'set_stats "value" is a text, not a number']);
    assert.deepEqual([m.value, m.error], [null, `the playbook's set_stats has no "load" (it gave made, value)`]);
    const failedRequest = await ok<{ alarms: Alarm[] }>(
      '{ alarms(filter: { kinds: [request_failed], open: null }) { id kind objectId message clearedAt clearReason } }',
    );
    assert.deepEqual(failedRequest.alarms, [], 'a failed measure is its job’s gap, not a request alarm');
    const failedMeasure = (await service()).measures.find((r) => r.status === 'failed');
    assert.ok(failedMeasure, 'the failed measure is listed with the service');
    const resumed = await app.gql('mutation($id: ID!) { resumeServiceRequest(id: $id) { id } }', { id: failedMeasure.id });
    assert.equal(resumed.errors?.[0]?.extensions?.code, 'CONFLICT', 'a measure is measured again by its job, not resumed');
    assert.equal((await service()).status, 'active');
  });
});
