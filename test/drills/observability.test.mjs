// Logs and metrics of the real product run as two processes, as on several machines: an api
// (ROLE=api) and a worker (ROLE=worker) that alone runs the jobs. Their stdout is JSON lines;
// the request id an order is sent with (x-request-id) is on the api's line for the mutation and
// on the worker's lines for its jobs (start, end, the playbook run and its failure); the
// secrets sent to the api (a password, a credential's secret, tokens, GraphQL variables) appear
// in no line. The worker shows its own runs on METRICS_PORT; the api the shared gauges.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), e.g. TEST_FILTER=observability npm test -- drills
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, waitForRequestEnd } from '../support/api.mjs';
import { startProduct, startWorker } from '../support/product.mjs';
import { freePort } from '../../scripts/lib/services.mjs';

const METRICS_TOKEN = `metrics-${Math.random().toString(36).slice(2)}-canary`;

/** Every complete line a process writes on stdout from now on. */
function stdoutLines(child) {
  const lines = [];
  let partial = '';
  child.stdout.on('data', (chunk) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop();
    lines.push(...parts.filter((l) => l !== ''));
  });
  return lines;
}

/** The samples of a Prometheus text scrape whose name is `name` and whose labels include `labels`, summed. */
function sampleSum(text, name, labels = {}) {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

async function scrape(url) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  assert.equal(res.status, 200, `${url} answered ${res.status}`);
  return res.text();
}

describe('logs and metrics of an api and a worker process', () => {
  let product;
  let worker;
  let api;
  let apiLines;
  let workerLines;
  let workerMetrics;
  const secrets = {
    credential: `cred-secret-${Math.random().toString(36).slice(2)}-canary`,
    wrongPassword: `wrong-pw-${Math.random().toString(36).slice(2)}-canary`,
    variable: `variable-${Math.random().toString(36).slice(2)}-canary`,
  };

  before(async () => {
    product = await startProduct({ env: { ROLE: 'api', METRICS_TOKEN } });
    apiLines = stdoutLines(product.process);
    const port = await freePort();
    worker = await startWorker(product, { METRICS_TOKEN, METRICS_PORT: String(port) });
    workerLines = stdoutLines(worker.process);
    workerMetrics = `http://127.0.0.1:${port}/metrics`;
    api = apiClient(product, await product.login());
  });

  after(async () => {
    await worker?.stop();
    await product?.stop();
  });

  /** Orders "Run a playbook" with `playbook`, sent with `x-request-id: reqId`; resolves with the request once it ended. */
  async function orderWithRequestId(playbook, reqId) {
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const templateId = serviceTemplates.find((t) => t.name === 'Run a playbook').id;
    const res = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, 'x-request-id': reqId },
      body: JSON.stringify({
        query: 'mutation Order($i: OrderServiceInput!) { orderService(input: $i) { id } }',
        variables: { i: { templateId, dialogValues: { playbook } } },
      }),
    });
    assert.equal(res.headers.get('x-request-id'), reqId, 'the answer names the request id it was logged under');
    const body = await res.json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const { request } = await waitForRequestEnd(api, body.data.orderService.id);
    return request;
  }

  const parsed = (lines) =>
    lines.map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        assert.fail(`not a JSON line: ${line}`);
      }
    });

  test('the request id follows an order from the api’s mutation line to the worker’s job lines', async () => {
    const reqId = `e2e-order-${Date.now()}`;
    const request = await orderWithRequestId('hello.yml', reqId);
    assert.equal(request.status, 'finished', request.message ?? '');

    const apiLog = parsed(apiLines);
    for (const line of apiLog) {
      assert.equal(typeof line.msg, 'string', JSON.stringify(line));
      assert.ok(['info', 'warn', 'error', 'fatal'].includes(line.level), JSON.stringify(line));
      assert.match(line.time, /^\d{4}-\d\d-\d\dT/);
      assert.equal(line.role, 'api');
    }
    const mutation = apiLog.find((l) => l.reqId === reqId && l.operation === 'Order');
    assert.ok(mutation, `no line for the mutation with reqId ${reqId}:\n${apiLines.join('\n')}`);
    assert.equal(mutation.operationType, 'mutation');
    assert.equal(mutation.msg, 'graphql mutation Order');
    assert.ok(apiLog.some((l) => l.reqId === reqId && l.msg === 'request queued' && l.serviceRequestId === request.id));

    await waitForLine(workerLines, (l) => l.reqId === reqId && /^playbook run successful/.test(l.msg));
    const workerLog = parsed(workerLines);
    for (const line of workerLog) assert.equal(line.role, 'worker');
    const mine = workerLog.filter((l) => l.reqId === reqId);
    // Which queue job takes the order's first step (a provision, an advance, an item's run) depends on timing.
    const started = mine.find((l) => l.queue === 'requests' && /^job [\w-]+ started$/.test(l.msg));
    assert.ok(started, `no job start line with reqId ${reqId}:\n${workerLines.join('\n')}`);
    assert.equal(started.serviceRequestId, request.id);
    assert.ok(started.jobId, 'the queue job’s id');
    const jobName = /^job ([\w-]+) started$/.exec(started.msg)[1];
    const ended = await waitForLine(workerLines, (l) => l.msg === `job ${jobName} finished` && l.jobId === started.jobId);
    assert.equal(ended.reqId, reqId, 'the same job’s end line');
    assert.equal(ended.serviceRequestId, request.id);
    assert.equal(typeof ended.durationMs, 'number');
    const run = mine.find((l) => l.msg === 'playbook run successful');
    assert.equal(run.serviceRequestId, request.id);
    assert.ok(run.ansibleJobId);
    assert.ok(mine.some((l) => l.msg === 'playbook run started' && l.ansibleJobId === run.ansibleJobId));
  });

  test('a failed run’s line carries its order’s request id', async () => {
    const reqId = `e2e-fail-${Date.now()}`;
    const request = await orderWithRequestId('fail.yml', reqId);
    assert.equal(request.status, 'failed');
    const line = await waitForLine(workerLines, (l) => l.reqId === reqId && l.msg === 'playbook run failed');
    assert.equal(line.serviceRequestId, request.id);
    assert.equal(line.level, 'info');
  });

  test('passwords, credential secrets, tokens and GraphQL variables never reach the log', async () => {
    const refused = await product.graphql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: 'admin',
      p: secrets.wrongPassword,
    });
    assert.ok(refused.errors?.length, 'a wrong password is refused');
    await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'obs-canary', type: 'username_password', inputs: { username: 'u' }, secrets: { password: secrets.credential } },
    });
    // Variables GraphQL refuses: no line quotes them (nor any error message, which could).
    const invalid = await api.raw('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: { value: secrets.variable }, dialogValues: { note: secrets.variable } },
    });
    assert.equal(invalid.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    await fetch(`${product.url}/graphql?token=${secrets.variable}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, cookie: `session=${secrets.variable}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    await fetch(`${product.url}/hooks/git/00000000-0000-0000-0000-000000000000?secret=${secrets.variable}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secrets.variable}`, 'x-request-id': 'hook-probe' },
    });
    await waitForLine(apiLines, (l) => l.reqId === 'hook-probe' && /^POST \/hooks\/git\//.test(l.msg));
    await scrape(`${product.url}/metrics`);

    const everything = `${product.output()}\n${worker.output()}\n${apiLines.join('\n')}\n${workerLines.join('\n')}`;
    for (const [what, value] of Object.entries({ ...secrets, adminPassword: product.adminPassword, apiToken: api.token, metricsToken: METRICS_TOKEN })) {
      assert.ok(!everything.includes(value), `the ${what} is in the log`);
    }
    assert.ok(
      parsed(apiLines).some((l) => l.operation === 'createCredential'),
      'the operation itself is logged',
    );
  });

  test('the worker shows the runs it made on its own port; the api the requests, and no runs', async () => {
    const fromWorker = await scrape(workerMetrics);
    assert.equal(sampleSum(fromWorker, 'superfluid_job_duration_seconds_count', { status: 'successful' }), 1);
    assert.equal(sampleSum(fromWorker, 'superfluid_job_duration_seconds_count', { status: 'failed' }), 1);
    assert.ok(sampleSum(fromWorker, 'superfluid_job_events_ingested_total') > 0);
    assert.equal(sampleSum(fromWorker, 'superfluid_requests'), 0, 'the shared gauges are the api’s');

    const fromApi = await scrape(`${product.url}/metrics`);
    assert.equal(sampleSum(fromApi, 'superfluid_job_duration_seconds_count'), 0, 'the api ran no playbook');
    assert.equal(sampleSum(fromApi, 'superfluid_requests', { item: 'Run a playbook', status: 'finished' }), 1);
    assert.equal(sampleSum(fromApi, 'superfluid_requests', { item: 'Run a playbook', status: 'failed' }), 1);
    assert.ok(sampleSum(fromApi, 'superfluid_graphql_operation_duration_seconds_count', { operation: 'Order', type: 'mutation' }) >= 2);
  });
});

/** Waits for a JSON line matching `match` (a waiting limit, never a speed check); resolves with it. */
async function waitForLine(lines, match, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of lines) {
      try {
        const parsed = JSON.parse(line);
        if (match(parsed)) return parsed;
      } catch {
        // not JSON: the JSON-lines checks report it
      }
    }
    if (Date.now() > deadline) throw new Error(`no such log line within ${timeoutMs / 1000} s:\n${lines.slice(-40).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
