// Starts the real product for end-to-end tests: `node backend/dist/main.js` with a
// database, a Redis database index, a DATA_DIR and a port of its own.
//
// Needs, in the environment (`npm test` sets them; see scripts/test.mjs):
//   DATABASE_URL      a PostgreSQL connection allowed to CREATE DATABASE; each
//                     product gets a fresh database on that server, dropped by stop()
//   REDIS_URL         redis://host:port; each product gets a database index 1..15
//                     (flushed at start and at stop)
//   TEST_PG_URL_BASE  (optional) the server URL without a database
//
//   const product = await startProduct();            // ROLE=all
//   const token = await product.login();
//   const { data, errors } = await product.graphql('{ me { username } }', {}, token);
//   const worker = await startWorker(product.env);  // one more ROLE=worker process
//   await worker.stop(); await product.stop();
//
// SHOW_PRODUCT_LOGS=1 prints the processes' output as it comes; otherwise the
// output is kept and shown when start-up fails (and available as .output()).
//
// The backend refuses to run as root: run as root (as `npm test` is), the product runs as
// the system user `superfluid`, as under `npm start` (scripts/lib/user.mjs), with its
// DATA_DIR its own (0700); folders a test gives it (PLAYBOOKS_DIR, CATALOG_DIR) are made
// readable to it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutputTail, stopChild } from '../../scripts/lib/process.mjs';
import { freePort, makeTempDir, redisCommand, waitForHttp } from '../../scripts/lib/services.mjs';
import { ensureServiceUser, letThrough, ownFolder } from '../../scripts/lib/user.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = path.join(ROOT, 'backend', 'dist', 'main.js');
const usedRedisDbs = new Set();

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm test\` (or export ${name})`);
  return value;
}

async function withPg(url, fn) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function pickRedisDb() {
  const free = [];
  for (let i = 1; i <= 15; i++) if (!usedRedisDbs.has(i)) free.push(i);
  if (free.length === 0) throw new Error('all 15 Redis database indexes are in use by products of this process');
  const db = free[randomInt(free.length)];
  usedRedisDbs.add(db);
  return db;
}

let user;
/** As root: the system user the product runs as (made once, let through to the project). Otherwise null. */
function serviceUser() {
  if (process.getuid?.() !== 0) return null;
  if (!user) {
    user = ensureServiceUser();
    letThrough(ROOT, user);
  }
  return user;
}

/** A folder of the test's that the product reads (playbooks, catalog, a git remote): readable to its user (when it runs as one). */
export function shareWithProduct(dir) {
  const u = serviceUser();
  if (!u || !dir) return;
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  letThrough(dir, u);
}

/**
 * A git repository of the test's that the product fetches from: its folder (and `.git`, when it
 * has one) owned by the product's user, so that git, run as that user, does not refuse it as of
 * "dubious ownership". The test's own git commands on it need `-c safe.directory=*`.
 */
export function giveRepoToProduct(dir) {
  const u = serviceUser();
  if (!u) return;
  shareWithProduct(dir);
  spawnSync('chown', [`${u.uid}:${u.gid}`, dir, ...(existsSync(path.join(dir, '.git')) ? [path.join(dir, '.git')] : [])]);
}

/** Starts the backend (with `start`, another way of spawning it, when given) and keeps the end of its output. */
function spawnBackend(env, name, start) {
  const output = new OutputTail();
  const u = serviceUser();
  const child = start
    ? start()
    : spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], ...(u ? { uid: u.uid, gid: u.gid } : {}) });
  const show = process.env.SHOW_PRODUCT_LOGS === '1';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output.push(chunk);
      if (show) process.stderr.write(`[${name}] ${chunk}`);
    });
  }
  return { child, output };
}

/**
 * Starts the backend and waits until /healthz answers 200 (120 s at most: a waiting limit, never a
 * speed check; on a loaded machine Nest's start-up has taken more than 60 s).
 * opts.env: extra environment (ROLE, WORKER_CONCURRENCY...); opts.timeoutMs; opts.generatedAdminPassword:
 * start without ADMIN_PASSWORD and take the one the backend generated (DATA_DIR/admin-password).
 * Resolves with { url, adminPassword, dataDir, env, process, output(),
 * graphql(query, variables, token), login(), stop() }.
 */
export async function startProduct(opts = {}) {
  const adminUrl = requireEnv('DATABASE_URL');
  const redisBase = requireEnv('REDIS_URL');
  const database = `sf_e2e_${randomBytes(6).toString('hex')}`;
  const redisDb = pickRedisDb();
  const redisUrl = new URL(redisBase);
  redisUrl.pathname = `/${redisDb}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  const dataDir = await makeTempDir('superfluid-e2e-');
  // A test that must know the address first (PUBLIC_URL, an OpenID redirect URI) chooses the port.
  const port = opts.env?.PORT ? Number(opts.env.PORT) : await freePort();
  // opts.generatedAdminPassword: no ADMIN_PASSWORD, as on a first start where nobody set one: the
  // backend makes one and keeps it in DATA_DIR/admin-password (README), where the test reads it.
  let adminPassword = opts.generatedAdminPassword ? null : randomBytes(12).toString('base64url');

  await withPg(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`));
  await redisCommand(redisUrl.href, 'FLUSHDB');

  const u = serviceUser();
  if (u) {
    ownFolder(dataDir, u);
    await fs.mkdir(path.join(dataDir, 'home'), { mode: 0o700 });
    await fs.chown(path.join(dataDir, 'home'), u.uid, u.gid);
  }
  for (const name of ['PLAYBOOKS_DIR', 'CATALOG_DIR', 'FRONTEND_DIST']) shareWithProduct(opts.env?.[name]);
  const env = {
    ...process.env,
    ...(u ? { HOME: path.join(dataDir, 'home'), USER: u.name, LOGNAME: u.name } : {}),
    ROLE: 'all',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl.href,
    REDIS_URL: redisUrl.href,
    DATA_DIR: dataDir,
    ...(adminPassword ? { ADMIN_PASSWORD: adminPassword } : {}),
    ...opts.env,
  };
  if (!adminPassword) delete env.ADMIN_PASSWORD; // not the developer's shell's either
  delete env.NODE_TEST_CONTEXT; // set by `node --test` for its test files, not for the product
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = spawnBackend(env, `product:${env.ROLE}:${port}`);
  const extraProcesses = new Set();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const extra of extraProcesses) await extra.stop();
    await stopChild(child, { signal: 'SIGTERM', timeoutMs: 5_000 });
    await withPg(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`)).catch(() => {});
    await redisCommand(redisUrl.href, 'FLUSHDB').catch(() => {});
    usedRedisDbs.delete(redisDb);
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHttp(`${url}/healthz`, { timeoutMs: opts.timeoutMs ?? 120_000, child });
  } catch (error) {
    await stop();
    throw new Error(`the product did not start: ${error.message}\n--- its output ---\n${output}`, { cause: error });
  }
  if (!adminPassword) adminPassword = (await fs.readFile(path.join(dataDir, 'admin-password'), 'utf8')).trim();

  async function graphql(query, variables = {}, token) {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`POST /graphql answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
    }
  }

  async function login(username = 'admin', password = adminPassword) {
    const body = await graphql('mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token } }', {
      username,
      password,
    });
    if (body.errors?.length || !body.data?.login?.token) throw new Error(`login failed: ${JSON.stringify(body.errors ?? body)}`);
    return body.data.login.token;
  }

  return {
    url,
    adminPassword,
    dataDir,
    database,
    redisDb,
    env,
    process: child,
    output: () => output.toString(),
    graphql,
    login,
    stop,
    /** Registers a process to stop before the product (used by startWorker). */
    _track: (extra) => extraProcesses.add(extra),
  };
}

/**
 * Starts one more backend process with the product's environment and ROLE=worker
 * (pass the product itself to have it stopped with the product, or its .env).
 * Resolves with { process, env, output(), stop() } once the process is running;
 * a worker serves no HTTP, so there is nothing to wait for beyond that.
 */
export async function startWorker(productOrEnv, extraEnv = {}) {
  const productEnv = productOrEnv.env ?? productOrEnv;
  const env = { ...productEnv, ROLE: 'worker', PORT: String(await freePort()), ...extraEnv };
  delete env.NODE_TEST_CONTEXT;
  const { child, output } = spawnBackend(env, 'worker');
  return workerHandle(productOrEnv, child, output, { env });
}

/**
 * A started worker process, once it runs: { process, output(), stop(), ...fields }, stopped with
 * the product (when it is given); stop() sends SIGTERM, then runs `cleanup`.
 */
async function workerHandle(productOrEnv, child, output, fields, cleanup = async () => {}) {
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  let stopped = false;
  const worker = {
    ...fields,
    process: child,
    output: () => output.toString(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopChild(child, { signal: 'SIGTERM', timeoutMs: 5_000 });
      await cleanup();
    },
  };
  productOrEnv._track?.(worker);
  return worker;
}

/**
 * Starts a worker on another host of `hosts` (test/support/hosts.mjs), as on another machine: its
 * own DATA_DIR, the product's DATA_DIR hidden from it (an empty tmpfs nobody may enter), and the
 * database, Redis and the api reached only over the bridge (PORTAL_URL). Resolves with
 * { process, host, dataDir, env, output(), inItsView(args, { asWorker }), kill(), stop() };
 * inItsView runs a command in the worker's own mount namespace (as root, or as its user) and
 * answers { ok, out }.
 */
export async function startWorkerOn(product, hosts, host, extraEnv = {}) {
  const dataDir = await makeTempDir('superfluid-worker-');
  const u = serviceUser();
  if (u) {
    ownFolder(dataDir, u);
    await fs.mkdir(path.join(dataDir, 'home'), { mode: 0o700 });
    await fs.chown(path.join(dataDir, 'home'), u.uid, u.gid);
  }
  /** The same URL, at the bridge's end of a forward to its port. */
  const overBridge = async (href) => {
    const url = new URL(href);
    url.hostname = hosts.address;
    url.port = String(await hosts.forward(Number(url.port)));
    return url.href;
  };
  const env = {
    ...product.env,
    ...(u ? { HOME: path.join(dataDir, 'home') } : {}),
    ROLE: 'worker',
    DATA_DIR: dataDir,
    DATABASE_URL: await overBridge(product.env.DATABASE_URL),
    REDIS_URL: await overBridge(product.env.REDIS_URL),
    PORTAL_URL: (await overBridge(product.url)).replace(/\/$/, ''),
    PORT: String(await freePort()),
    ...extraEnv,
  };
  for (const name of ['NODE_TEST_CONTEXT', 'ADMIN_PASSWORD', 'PLAYBOOKS_DIR', 'CATALOG_DIR']) delete env[name];
  const { child, output } = spawnBackend(env, `worker:${host.name}`, () =>
    hosts.spawnOn(host, process.execPath, [MAIN], { env, cwd: ROOT, uid: u?.uid, gid: u?.gid, hide: [product.dataDir] }),
  );
  return workerHandle(
    product,
    child,
    output,
    {
      host,
      dataDir,
      env,
      inItsView: (args, { asWorker = false } = {}) => {
        const drop = asWorker && u ? ['setpriv', `--reuid=${u.uid}`, `--regid=${u.gid}`, '--init-groups', '--'] : [];
        const done = spawnSync('nsenter', ['-t', String(child.pid), '-m', '--', ...drop, ...args], { encoding: 'utf8' });
        return { ok: done.status === 0, out: `${done.stdout}${done.stderr}`.trim() };
      },
      kill: () => child.kill('SIGKILL'),
    },
    () => fs.rm(dataDir, { recursive: true, force: true }),
  );
}
