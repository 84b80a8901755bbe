import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort, newEnv, startTestApp, type TestApp, type TestEnv } from '../testing/harness.js';
import { parseSamples, type Sample, sampleSum } from '../testing/prometheus-text.js';
import { finished, order } from '../testing/run-a-playbook.js';

const TOKEN = 'metrics-token-for-the-integration-test';

async function scrape(url: string, token: string | null = TOKEN): Promise<Response> {
  return fetch(url, { headers: { connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

async function samples(url: string): Promise<Sample[]> {
  const res = await scrape(url);
  assert.equal(res.status, 200);
  return parseSamples(await res.text());
}

describe('/metrics on real Postgres, Redis and ansible-playbook', () => {
  let env: TestEnv;
  let app: TestApp;
  let metricsUrl: string;

  before(async () => {
    env = await newEnv();
    app = await startTestApp(env, { METRICS_TOKEN: TOKEN }, { owner: false });
    metricsUrl = `${app.url}/metrics`;
  });
  after(async () => {
    await app?.stop();
    await env?.destroy();
  });

  test('refused without the token, or with another; answered in Prometheus format with it', async () => {
    const none = await scrape(metricsUrl, null);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.doesNotMatch(await none.text(), /superfluid_/);
    assert.equal((await scrape(metricsUrl, 'not-the-metrics-token-at-all')).status, 401);
    const basic = await fetch(metricsUrl, { headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` } });
    assert.equal(basic.status, 401);

    const res = await scrape(metricsUrl);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^# HELP superfluid_requests /m);
    assert.match(text, /^superfluid_process_info\{role="all"\} 1$/m);
    assert.match(text, /^superfluid_queue_jobs\{queue="requests",state="waiting"\} \d+$/m);
    assert.match(text, /^superfluid_queue_oldest_waiting_seconds\{queue="git"\} [\d.e+-]+$/m);
    assert.match(text, /^process_resident_memory_bytes /m, "Node's own metrics");
  });

  test('an order moves its series: requests of its item, job durations, queue jobs, events ingested, GraphQL latency', async () => {
    const before = await samples(metricsUrl);
    const res = await order(app, { playbook: 'hello.yml', extra_vars: 'name: metrics' });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const request = await finished(app, res.data!.orderService.id);
    assert.equal(request.status, 'finished', request.message ?? '');
    const after = await samples(metricsUrl);
    const moved = (name: string, labels: Record<string, string> = {}) => sampleSum(after, name, labels) - sampleSum(before, name, labels);

    const item = { item: 'Run a playbook', action: 'provision' };
    assert.equal(moved('superfluid_requests', { ...item, status: 'finished' }), 1, 'one more finished request of the item');
    assert.equal(moved('superfluid_requests', item), 1, 'one more request of the item in all');
    assert.equal(moved('superfluid_job_duration_seconds_count', { status: 'successful' }), 1, 'one more successful run timed');
    assert.ok(moved('superfluid_job_duration_seconds_sum', { status: 'successful' }) > 0);
    // The item ran inline, in the request's step (advance-request): a run-item job is for items run side by side.
    assert.ok(moved('superfluid_queue_job_duration_seconds_count', { queue: 'requests', job: 'advance-request', outcome: 'completed' }) >= 1);
    assert.equal(moved('superfluid_job_events_ingested_total'), request.jobs[0].eventCount, 'every stored event counted');
    assert.ok(request.jobs[0].eventCount > 0);
    assert.equal(moved('superfluid_graphql_operation_duration_seconds_count', { operation: 'orderService', type: 'mutation', outcome: 'ok' }), 1);
    assert.ok(moved('superfluid_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status_code: '200' }) >= 2);
    assert.ok(sampleSum(after, 'superfluid_services_active') >= 1, 'the order left an active service');
    const routes = new Set(after.filter((s) => s.name === 'superfluid_http_request_duration_seconds_count').map((s) => s.labels.route));
    assert.ok(
      [...routes].every((r) => r === 'other' || /^\/[a-z]/.test(r)),
      `routes are patterns: ${[...routes].join(', ')}`,
    );
  });

  test('a provider checked shows as up (1)', async () => {
    const local = await app.gql<{ providers: { id: string; name: string }[] }>('{ providers { id name } }');
    const id = local.data!.providers.find((p) => p.name === 'local')!.id;
    const checked = await app.gql<{ checkProviderHealth: { healthStatus: string } }>('mutation($id: ID!) { checkProviderHealth(id: $id) { healthStatus } }', {
      id,
    });
    assert.equal(checked.errors, undefined, JSON.stringify(checked.errors));
    assert.equal(checked.data!.checkProviderHealth.healthStatus, 'up');
    assert.equal(sampleSum(await samples(metricsUrl), 'superfluid_provider_up', { provider: 'local', provider_id: id, type: 'local' }), 1);
  });

  test('a worker-only process serves its own metrics on METRICS_PORT (its runs, not the shared gauges); the api port stays 404 for it', async () => {
    const port = await freePort();
    const worker = await startTestApp(env, { ROLE: 'worker', METRICS_TOKEN: TOKEN, METRICS_PORT: String(port) }, { owner: false });
    try {
      const url = `http://127.0.0.1:${port}/metrics`;
      assert.equal((await scrape(url, null)).status, 401);
      assert.equal((await scrape(url, 'wrong-token-wrong-token')).status, 401);
      assert.equal((await scrape(`http://127.0.0.1:${port}/graphql`)).status, 404, 'nothing else on that port');
      const text = await (await scrape(url)).text();
      assert.match(text, /^superfluid_process_info\{role="worker"\} 1$/m);
      assert.match(text, /^# TYPE superfluid_job_duration_seconds histogram$/m);
      assert.doesNotMatch(text, /^superfluid_requests\{/m, 'the shared gauges come from the api roles only');
    } finally {
      await worker.stop();
    }
  });
});
