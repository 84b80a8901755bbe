import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { newEnv, orderService, providerIdByName, requestEnded, startTestApp, type TestApp, templateIdByName, waitFor } from '../testing/harness.js';

const JOB = 'mutation($i: CreatePerformanceJobInput!) { createPerformanceJob(input: $i) { id name metric url intervalSeconds } }';
const ALARMS = '{ alarms(filter: { kinds: [threshold_crossed], open: null }) { id severity objectType objectId message clearedAt clearReason } }';

interface Alarm {
  id: string;
  severity: string;
  objectType: string;
  objectId: string;
  message: string;
  clearedAt: string | null;
  clearReason: string | null;
}

/** A real HTTP server on `port` (0: any), answering 200 "ok". */
const listen = (port = 0): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer((_req, res) => res.end('ok'));
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('performance jobs and thresholds: a probe of a service, stored as a series; a threshold raises and clears an alarm', () => {
  let app: TestApp;
  let serviceId: string;
  let target: Server;

  const ok = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  };

  before(async () => {
    app = await startTestApp(await newEnv(), { PROBE_ALLOW_LOOPBACK: 'true' });
    const templateId = await templateIdByName(app, 'Run a playbook');
    const done = await requestEnded<{ status: string; message: string | null; service: { id: string } | null }>(
      app,
      await orderService(app, templateId, { playbook: 'hello.yml', provider: await providerIdByName(app) }),
      'status message service { id }',
    );
    assert.equal(done.status, 'finished', done.message ?? '');
    serviceId = done.service!.id;
    target = await listen();
  });
  after(async () => {
    if (target?.listening) await close(target);
    await app?.stop();
  });

  test('bad input is refused naming the field, and a link-local (metadata) URL is never probed', async () => {
    const bad = await app.gql(JOB, { i: { serviceId, name: ' ', metric: 'http_up', url: 'http://169.254.169.254/latest/meta-data', intervalSeconds: 2 } });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    const fields = bad.errors![0].extensions!.fields as Record<string, string>;
    assert.deepEqual(Object.keys(fields).sort(), ['intervalSeconds', 'name', 'url']);
    const unknown = await app.gql(JOB, {
      i: { serviceId: '00000000-0000-4000-8000-000000000000', name: 'x', metric: 'http_up', url: 'http://example.test/', intervalSeconds: 5 },
    });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('a threshold on the probe raises an alarm when its target goes down and clears it when it returns; the samples are the series', async () => {
    const { port } = target.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/health`;
    const { createPerformanceJob: job } = await ok<{ createPerformanceJob: { id: string } }>(JOB, {
      i: { serviceId, name: 'Health page', metric: 'http_up', url, intervalSeconds: 5 },
    });
    const { createPerformanceThreshold: threshold } = await ok<{ createPerformanceThreshold: { id: string; crossed: boolean } }>(
      'mutation($i: CreatePerformanceThresholdInput!) { createPerformanceThreshold(input: $i) { id crossed } }',
      { i: { jobId: job.id, operator: '<', value: 1, severity: 'critical' } },
    );
    assert.equal(threshold.crossed, false);
    const samples = async () =>
      (
        await ok<{ performanceJob: { samples: { value: number | null; error: string | null }[] } }>(
          'query($id: ID!) { performanceJob(id: $id) { samples(minutes: 60) { value error } } }',
          { id: job.id },
        )
      ).performanceJob.samples;
    await waitFor('a first sample: up', async () => (await samples()).some((s) => s.value === 1));
    const alarms = async () => (await ok<{ alarms: Alarm[] }>(ALARMS)).alarms;
    assert.deepEqual(await alarms(), [], 'no alarm while it answers');

    await close(target);
    const raised = await waitFor('the alarm', async () => (await alarms()).find((a) => !a.clearedAt), 60_000);
    assert.equal(raised.severity, 'critical');
    assert.equal(raised.objectType, 'service');
    assert.equal(raised.objectId, serviceId);
    assert.match(raised.message, /^Health page \(up \(1\) or down \(0\)\) of service .* is 0 \(threshold < 1\): .*ECONNREFUSED/);
    assert.ok(
      (await samples()).some((s) => s.value === 0 && s.error),
      'the down sample says why',
    );

    target = await listen(port);
    const cleared = await waitFor('the alarm cleared', async () => (await alarms()).find((a) => a.id === raised.id && a.clearedAt), 60_000);
    assert.match(cleared.clearReason ?? '', /is back at 1/);
    const jobs = await ok<{ performanceJobs: { id: string; thresholds: { crossed: boolean }[] }[] }>(
      'query($s: ID!) { performanceJobs(serviceId: $s) { id thresholds { crossed } } }',
      { s: serviceId },
    );
    assert.deepEqual(jobs.performanceJobs, [{ id: job.id, thresholds: [{ crossed: false }] }]);

    assert.equal(
      (await ok<{ deletePerformanceJob: boolean }>('mutation($id: ID!) { deletePerformanceJob(id: $id) }', { id: job.id })).deletePerformanceJob,
      true,
    );
    assert.equal((await app.gql('query($id: ID!) { performanceJob(id: $id) { id } }', { id: job.id })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
