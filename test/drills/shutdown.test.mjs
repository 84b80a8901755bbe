// `npm start` receiving SIGTERM while a playbook runs, for real: `npm start` (npm, then
// scripts/start.mjs, which starts PostgreSQL, Redis and the backend of its own under a
// DATA_DIR of the test's) as a child in a process group of its own.
// - SIGTERM to the process group, or to npm's own pid only: the backend drains (the 60 s run
//   finishes successfully) before Redis and PostgreSQL are stopped, and npm exits 0;
// - with a short grace period (SHUTDOWN_GRACE_SECONDS=10) and a long run: the run ends failed
//   with a message saying the portal was stopped before it finished — never the dead-worker
//   message — and its request has ended (so it can be retried), still exiting 0.
// The three cases run side by side (each ~1.5 min alone). After npm has exited, the test
// starts the stopped PostgreSQL again on its data folder to read what was stored.
//
// Run: npm test -- drills (TEST_FILTER=shutdown)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { OutputTail, stopChild, waitForExit } from '../../scripts/lib/process.mjs';
import { freePort, makeTempDir, startPostgres, waitForHttp } from '../../scripts/lib/services.mjs';
import { ensureServiceUser } from '../../scripts/lib/user.mjs';
import { ROOT, shareWithProduct } from '../support/product.mjs';

const MINUTE = `- hosts: all
  gather_facts: false
  tasks:
    - name: a minute of work
      ansible.builtin.command: sleep 60
`;
const LONG = `- hosts: all
  gather_facts: false
  tasks:
    - name: ten minutes of work
      ansible.builtin.command: sleep 600
`;
const DEAD_WORKER = /worker running this request stopped/;

async function waitFor(what, check, ms = 120_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** True while something accepts connections on 127.0.0.1:port. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `npm start` with a DATA_DIR and ports of its own; resolves once /healthz answers. */
async function npmStart(playbooks, extraEnv = {}) {
  const dataDir = await makeTempDir('superfluid-npm-start-');
  const ports = { http: await freePort(), pg: await freePort(), redis: await freePort() };
  const adminPassword = randomBytes(12).toString('base64url');
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_TEST_CONTEXT', 'ROLE', 'SECRET_KEY']) delete env[name];
  Object.assign(env, {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(ports.http),
    EMBEDDED_PG_PORT: String(ports.pg),
    EMBEDDED_REDIS_PORT: String(ports.redis),
    ADMIN_PASSWORD: adminPassword,
    PLAYBOOKS_DIR: playbooks,
    LOG_FORMAT: 'json',
    ...extraEnv,
  });
  const output = new OutputTail(400_000);
  // detached: npm leads a process group of its own, as in a terminal.
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  npm.stdout.on('data', (c) => output.push(c));
  npm.stderr.on('data', (c) => output.push(c));
  const url = `http://127.0.0.1:${ports.http}`;
  try {
    await waitForHttp(`${url}/healthz`, { timeoutMs: 300_000, child: npm });
  } catch (error) {
    await stopChild(npm, { group: true, timeoutMs: 30_000 });
    throw new Error(`npm start did not start: ${error.message}\n${output}`, { cause: error });
  }
  const graphql = async (query, variables = {}, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  };
  const { login } = await graphql('mutation($p: String!) { login(username: "admin", password: $p) { token } }', { p: adminPassword });
  const token = login.token;
  /** Orders "Run a playbook" of `playbook` on the local provider; resolves once its run is running. */
  const orderRunning = async (playbook) => {
    const [{ serviceTemplates }, { providers }] = await Promise.all([
      graphql('{ serviceTemplates { id name } }', {}, token),
      graphql('{ providers { id name } }', {}, token),
    ]);
    const templateId = serviceTemplates.find((t) => t.name === 'Run a playbook').id;
    const provider = providers.find((p) => p.name === 'local').id;
    const { orderService } = await graphql(
      'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }',
      { i: { templateId, dialogValues: { provider, playbook } } },
      token,
    );
    await waitFor('the run to be running', async () => {
      const { serviceRequest } = await graphql('query($id: ID!) { serviceRequest(id: $id) { jobs { status } } }', { id: orderService.id }, token);
      return serviceRequest.jobs.some((j) => j.status === 'running');
    });
    return orderService.id;
  };
  /** After npm has exited: PostgreSQL started again on the data npm start left, for `fn`. */
  const readStored = async (fn) => {
    const user = process.getuid?.() === 0 ? ensureServiceUser() : undefined;
    const pg = await startPostgres({ dir: path.join(dataDir, 'postgres'), port: ports.pg, database: 'superfluid', persistent: true, user });
    const { default: Pg } = await import('pg');
    const client = new Pg.Client({ connectionString: pg.url });
    await client.connect();
    try {
      return await fn((sql, params) => client.query(sql, params).then((r) => r.rows));
    } finally {
      await client.end();
      await pg.stop();
    }
  };
  const cleanup = async () => {
    await stopChild(npm, { group: true, timeoutMs: 30_000 });
    await rm(dataDir, { recursive: true, force: true });
  };
  return { npm, ports, output, orderRunning, readStored, cleanup };
}

/** Signals npm (its group, or its own pid), waits for it to exit; checks that it stopped the backend, Redis and PostgreSQL in turn. */
async function stopNpm(portal, to) {
  if (to === 'group') process.kill(-portal.npm.pid, 'SIGTERM');
  else process.kill(portal.npm.pid, 'SIGTERM');
  const signaled = Date.now();
  const exit = await waitForExit(portal.npm);
  const log = portal.output.toString();
  assert.deepEqual(exit, { code: 0, signal: null }, `npm start exited 0\n${log.slice(-6000)}`);
  for (const [name, port] of Object.entries(portal.ports)) assert.equal(await listening(port), false, `${name} (port ${port}) is stopped`);
  const order = ['Stopping the backend', 'Stopping Redis', 'Stopping PostgreSQL', 'Stopped.'].map((line) => log.indexOf(line));
  assert.ok(
    order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])),
    `the backend, then Redis, then PostgreSQL stopped:\n${log.slice(-6000)}`,
  );
  assert.doesNotMatch(log, /did not stop within/, 'the backend stopped on its own');
  return { log, stopMs: Date.now() - signaled };
}

describe('npm start receiving SIGTERM with a run going', { concurrency: 3 }, () => {
  let playbooks;
  before(async () => {
    playbooks = await mkdtemp(path.join(tmpdir(), 'shutdown-playbooks-'));
    await writeFile(path.join(playbooks, 'minute.yml'), MINUTE);
    await writeFile(path.join(playbooks, 'long.yml'), LONG);
    shareWithProduct(playbooks);
  });
  after(() => rm(playbooks, { recursive: true, force: true }));

  for (const to of ['group', 'npm']) {
    test(`SIGTERM to ${to === 'group' ? 'its process group' : "npm's own pid only"}: the 60 s run finishes, then Redis and PostgreSQL stop, exit 0`, async () => {
      const portal = await npmStart(playbooks);
      try {
        const requestId = await portal.orderRunning('minute.yml');
        const { log, stopMs } = await stopNpm(portal, to);
        process.stderr.write(`# npm start (SIGTERM to ${to}) stopped ${stopMs} ms after the signal\n`);
        assert.ok(log.indexOf('playbook run successful') >= 0 && log.indexOf('playbook run successful') < log.indexOf('Stopping Redis'), 'the run ended first');
        const [request, jobs] = await portal.readStored((sql) =>
          Promise.all([
            sql('SELECT status, message FROM service_requests WHERE id = $1', [requestId]).then((r) => r[0]),
            sql('SELECT status, error FROM jobs WHERE request_id = $1', [requestId]),
          ]),
        );
        assert.equal(request.status, 'finished', request.message);
        assert.deepEqual(
          jobs.map((j) => j.status),
          ['successful'],
        );
      } finally {
        await portal.cleanup();
      }
    });
  }

  test('a run longer than the grace period (10 s) ends failed, saying the portal was stopped before it finished; its request can be retried', async () => {
    const portal = await npmStart(playbooks, { SHUTDOWN_GRACE_SECONDS: '10' });
    try {
      const requestId = await portal.orderRunning('long.yml');
      const { stopMs } = await stopNpm(portal, 'npm');
      process.stderr.write(`# npm start (grace 10 s) stopped ${stopMs} ms after the signal\n`);
      const [request, jobs, items] = await portal.readStored((sql) =>
        Promise.all([
          sql('SELECT status, message FROM service_requests WHERE id = $1', [requestId]).then((r) => r[0]),
          sql('SELECT status, error FROM jobs WHERE request_id = $1', [requestId]),
          sql('SELECT status, message FROM request_items WHERE request_id = $1', [requestId]),
        ]),
      );
      assert.equal(jobs.length, 1);
      assert.equal(jobs[0].status, 'failed');
      assert.match(jobs[0].error, /portal was stopped before the run finished.*grace period \(10 s, SHUTDOWN_GRACE_SECONDS\)/);
      assert.equal(items[0].status, 'failed');
      // Ended (failed), so retryServiceRequest takes it; never the message of a worker that died.
      assert.equal(request.status, 'failed', request.message);
      assert.match(request.message, /portal was stopped before the run finished/);
      for (const text of [request.message, items[0].message, jobs[0].error]) assert.doesNotMatch(text, DEAD_WORKER);
    } finally {
      await portal.cleanup();
    }
  });
});
