// Crash hygiene against the real product (test/support/product.mjs):
// - a worker killed with SIGKILL mid-run leaves no ansible-playbook of that run running and
//   no credential of it anywhere on disk (they live in the sandbox's own memory), and the
//   next worker to start sweeps the run folder it left;
// - PostgreSQL stopped for 10 s while 50 orders are running or queued: the API answers
//   SERVICE_UNAVAILABLE meanwhile; no run is taken for dead, their output waits in memory and
//   is stored once the database is back, and every order ends finished, its run successful
//   with every event stored.
//
// Run: npm test -- drills (TEST_FILTER=crash), or node --test test/drills/crash-hygiene.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, makeTempDir, startPostgres, startRedis } from '../../scripts/lib/services.mjs';
import { startProduct, startWorker } from '../support/product.mjs';

const SLEEPY = `- hosts: all
  gather_facts: false
  tasks:
    - name: wait
      ansible.builtin.command: sleep 600
`;

/** About 8 s of work (longer on a loaded machine), an event per second. */
const TICKING = `- hosts: all
  gather_facts: false
  tasks:
    - name: tick
      ansible.builtin.command: sleep 1
      loop: "{{ range(8) | list }}"
`;

async function waitFor(what, check, ms = 300_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Processes whose command line mentions `text`. */
async function processesWith(text) {
  const found = [];
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) found.push(`${pid}: ${cmdline.replace(/\0/g, ' ')}`);
  }
  return found;
}

/** Files under `dir` whose content holds `text`. */
async function filesHolding(dir, text) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesHolding(full, text)));
    else if (entry.isFile() && (await readFile(full).catch(() => Buffer.alloc(0))).includes(text)) found.push(full);
  }
  return found;
}

async function playbooksDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'crash-playbooks-'));
  await writeFile(path.join(dir, 'sleepy.yml'), SLEEPY);
  await writeFile(path.join(dir, 'ticking.yml'), TICKING);
  return dir;
}

function client(product, token) {
  const api = async (query, variables = {}) => {
    const body = await product.graphql(query, variables, token);
    assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const order = async (provider, playbook) => {
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const templateId = serviceTemplates.find((t) => t.name === 'Run a playbook').id;
    return (await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId, dialogValues: { provider, playbook } } }))
      .orderService.id;
  };
  const jobsOf = async (requestId) =>
    (await api('query($id: ID!) { serviceRequest(id: $id) { jobs { id status error stdout eventCount eventsEmitted eventsComplete } } }', { id: requestId }))
      .serviceRequest.jobs;
  const statusOf = async (requestId) => (await api('query($id: ID!) { serviceRequest(id: $id) { status message } }', { id: requestId })).serviceRequest;
  return { api, order, jobsOf, statusOf };
}

describe('a worker killed with SIGKILL in the middle of a run', () => {
  let product;
  let worker;
  let playbooks;
  const canary = `become-canary-${randomBytes(8).toString('hex')}`;

  before(async () => {
    playbooks = await playbooksDir();
    product = await startProduct({ env: { PLAYBOOKS_DIR: playbooks }, timeoutMs: 180_000 });
  });
  after(async () => {
    await worker?.stop();
    await product?.stop();
    await rm(playbooks, { recursive: true, force: true });
  });

  test('leaves no ansible-playbook of the run and no credential of it on disk; the next worker sweeps its folder', async () => {
    const { api, order, jobsOf } = client(product, await product.login());
    const { createCredential } = await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'become', type: 'become_password', inputs: {}, secrets: { password: canary } },
    });
    const { createProvider } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'with_become', type: 'local', becomeCredentialId: createCredential.id, config: {} },
    });
    const requestId = await order(createProvider.id, 'sleepy.yml');
    const job = await waitFor('the run to be running', async () => (await jobsOf(requestId)).find((j) => j.status === 'running'));
    const runDir = path.join(product.dataDir, 'runs', job.id);
    // ansible-playbook is up (its sandbox mentions the run folder) and running the task.
    await waitFor('ansible-playbook to run', async () => (await processesWith(runDir)).some((p) => /^\d+: \S*python3? \S*ansible-playbook /.test(p)));
    await waitFor('the sleep task to start', async () => (await readdir(path.join(runDir, 'tmp')).catch(() => [])).length > 0);

    product.process.kill('SIGKILL');
    await waitFor('every process of the run to end', async () => (await processesWith(runDir)).length === 0, 30_000).catch(async (err) => {
      assert.fail(`${err.message}: ${(await processesWith(runDir)).join('\n')}`);
    });
    // The credential lived in the sandbox's own memory: nothing of it is left, on disk or in /dev/shm.
    const holding = [
      ...(await filesHolding(product.dataDir, canary)),
      ...(
        await Promise.all((await readdir('/dev/shm')).filter((n) => n.startsWith('superfluid-')).map((n) => filesHolding(path.join('/dev/shm', n), canary)))
      ).flat(),
      ...(await filesHolding(tmpdir(), canary)),
    ];
    assert.deepEqual(holding, [], 'no file holds the credential');
    assert.ok((await stat(runDir)).isDirectory(), 'the dead worker left its run folder');

    // The next worker to start on this DATA_DIR sweeps it (once it is older than the sweep's grace).
    await waitFor('the folder to be 15 s old', async () => Date.now() - (await stat(runDir)).mtimeMs > 16_000, 60_000);
    worker = await startWorker(product);
    await waitFor('the next worker to sweep the run folder', async () => !(await stat(runDir).catch(() => null)), 180_000);
  });
});

describe('PostgreSQL stopped for 10 s while 50 orders run or wait', () => {
  const ORDERS = 50;
  const CONCURRENCY = 10;
  let pg;
  let redis;
  let dir;
  let product;
  let playbooks;
  const saved = {};

  before(async () => {
    dir = await makeTempDir('superfluid-outage-');
    const port = await freePort();
    pg = await startPostgres({ dir: path.join(dir, 'pg'), port, database: 'superfluid_outage', persistent: true });
    redis = await startRedis({ dir: path.join(dir, 'redis'), port: await freePort() });
    playbooks = await playbooksDir();
    // The product gets a database on this server of the test's own, which it stops and starts.
    for (const name of ['DATABASE_URL', 'REDIS_URL']) saved[name] = process.env[name];
    process.env.DATABASE_URL = pg.adminUrl;
    process.env.REDIS_URL = redis.url;
    try {
      product = await startProduct({ env: { PLAYBOOKS_DIR: playbooks, WORKER_CONCURRENCY: String(CONCURRENCY) }, timeoutMs: 180_000 });
    } finally {
      Object.assign(process.env, saved);
    }
  });
  after(async () => {
    await product?.stop(); // drops its database on the test's server (still up)
    await pg?.stop();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(playbooks, { recursive: true, force: true });
  });

  test('50 orders (10 running, 40 waiting): the API says SERVICE_UNAVAILABLE meanwhile, no run is taken for dead, every order ends finished with every event stored', async () => {
    const token = await product.login();
    const { api, order, jobsOf, statusOf } = client(product, token);
    const { providers } = await api('{ providers { id name } }');
    const local = providers.find((p) => p.name === 'local').id;
    const requests = [];
    for (let i = 0; i < ORDERS; i++) requests.push(await order(local, 'ticking.yml'));
    // As many runs going as the worker takes at once, and storing events; the others wait their turn.
    await waitFor(`${CONCURRENCY} runs to be running with events stored`, async () => {
      const jobs = (await Promise.all(requests.map(jobsOf))).flat();
      return jobs.filter((j) => j.status === 'running' && j.eventCount > 2).length >= CONCURRENCY;
    });

    const port = pg.port;
    await pg.stop();
    const during = await product.graphql('{ serviceRequests(take: 1) { id } }', {}, token);
    assert.equal(during.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE', JSON.stringify(during));
    await new Promise((r) => setTimeout(r, 10_000));
    pg = await startPostgres({ dir: path.join(dir, 'pg'), port, database: 'superfluid_outage', persistent: true });

    const ended = await waitFor(
      'every order to end',
      async () => {
        const all = await Promise.all(requests.map((id) => statusOf(id).catch(() => null)));
        return all.every((r) => r && ['finished', 'failed', 'canceled'].includes(r.status)) ? all : null;
      },
      900_000,
    );
    assert.deepEqual(
      ended.map((r, i) => (r.status === 'finished' ? null : `${requests[i]}: ${r.status} ${r.message}`)).filter(Boolean),
      [],
      'every order finished',
    );
    const jobs = (await Promise.all(requests.map(jobsOf))).flat();
    assert.equal(jobs.length, ORDERS, 'one run per order, none started twice');
    for (const job of jobs) {
      assert.equal(job.status, 'successful', `${job.id}: ${job.error}`);
      assert.equal(job.eventsComplete, true, `${job.id}: ${job.eventCount} of ${job.eventsEmitted} events stored`);
      assert.equal(job.eventCount, job.eventsEmitted);
      assert.match(job.stdout, /PLAY RECAP/, 'the whole log is stored');
      assert.equal((job.stdout.match(/TASK \[tick\]/g) ?? []).length, 1, 'no part of the log is stored twice');
    }
  });
});
