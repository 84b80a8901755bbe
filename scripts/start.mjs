#!/usr/bin/env node
// `npm start`: everything on one machine. Installs what is missing, builds,
// starts PostgreSQL and Redis under DATA_DIR (unless DATABASE_URL / REDIS_URL
// point at existing servers), then the backend (ROLE=all by default). Ctrl-C or
// SIGTERM (to this process, to npm, or to their process group) stops the backend —
// it lets its running playbooks finish for SHUTDOWN_GRACE_SECONDS (120) at most —
// then Redis, then PostgreSQL, and exits 0.
//
// The backend refuses to run as root. Run as root, this script creates the system
// user `superfluid` and runs the backend, PostgreSQL and Redis as that user, with
// DATA_DIR at mode 0700, owned by it.
//
// Node built-ins only until `npm install` has run (see lib/setup.mjs).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isRunning, stopChild } from './lib/process.mjs';
import { ROOT, prepare, say } from './lib/setup.mjs';
import { createHash, randomBytes } from 'node:crypto';
import { startPostgres, startRedis, waitForHttp } from './lib/services.mjs';
import { ensureServiceUser, letThrough, ownFolder } from './lib/user.mjs';

const env = process.env;
const dataDir = path.resolve(ROOT, env.DATA_DIR || '.data');
const port = Number(env.PORT || 3000);
const pgPort = Number(env.EMBEDDED_PG_PORT || 54329);
const redisPort = Number(env.EMBEDDED_REDIS_PORT || 63799);
// How long the backend may take to stop: its running playbooks finish meanwhile (the backend
// stops those still going shortly before, saying why); then it is killed.
const graceSeconds = Number(env.SHUTDOWN_GRACE_SECONDS || 120);
if (!Number.isInteger(graceSeconds) || graceSeconds < 1) {
  say(`SHUTDOWN_GRACE_SECONDS must be a whole number of seconds, at least 1 (it is "${env.SHUTDOWN_GRACE_SECONDS}").`);
  process.exit(2);
}

// Services in start order; stopped in reverse order.
const services = [];
let starting = null; // the service start in progress, awaited before stopping
let backend = null;
let stopping = false;

/** Starts a service and registers it for shutdown as soon as it is up. */
function startService(name, start) {
  starting = start().then((service) => {
    services.push({ name, stop: service.stop });
    watch(name, service.process);
    return service;
  });
  return starting;
}

// Where to probe /healthz: the address the backend listens on.
function probeHost() {
  const host = env.HOST || '127.0.0.1';
  if (['0.0.0.0', '::', 'localhost'].includes(host)) return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) say(reason);
  await starting?.catch(() => {});
  if (backend) {
    say(`Stopping the backend (its running playbooks get up to ${graceSeconds} s, SHUTDOWN_GRACE_SECONDS, to finish)...`);
    // The backend leads its own process group: whatever it left running (an
    // ansible-playbook run) is killed with it if it does not stop in time.
    const { forced } = await stopChild(backend, { signal: 'SIGTERM', timeoutMs: graceSeconds * 1000, group: true });
    if (forced) say(`The backend did not stop within ${graceSeconds} s: killed.`);
  }
  for (const service of services.reverse()) {
    say(`Stopping ${service.name}...`);
    await service.stop();
  }
  say('Stopped.');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) say('Still stopping, please wait...');
    else void shutdown(0, `${signal} received.`);
  });
}

// Under `npm start` npm is our parent (package.json execs this script, so npm hands its
// SIGTERM on and waits for us). Should it go without a word (a shell in between that does not
// pass the signal on, npm killed), we are orphaned: stop as if told to.
if (env.npm_lifecycle_event === 'start') {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && !stopping) void shutdown(0, 'npm, which started this script, has gone.');
  }, 1_000).unref();
}

function watch(name, child) {
  child.once('exit', (code, sig) => {
    if (!stopping) void shutdown(1, `${name} exited unexpectedly (${sig ?? `exit code ${code}`}).`);
  });
}

/**
 * DATA_DIR/postgres; or, when it holds no cluster yet and an earlier version kept one in
 * /var/lib/superfluid/postgres-<hash of DATA_DIR> (when the `postgres` user it ran as
 * could not enter DATA_DIR), that one, handed over to `user`.
 */
function postgresDataDir(user) {
  const wanted = path.join(dataDir, 'postgres');
  const key = createHash('sha1').update(dataDir).digest('hex').slice(0, 12);
  const legacy = path.join('/var/lib/superfluid', `postgres-${key}`);
  if (fs.existsSync(path.join(wanted, 'PG_VERSION')) || !fs.existsSync(path.join(legacy, 'PG_VERSION'))) return wanted;
  if (user) {
    for (const target of [legacy, `${legacy}.password`]) fs.chownSync(target, user.uid, user.gid);
    spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, legacy]);
  }
  say(`PostgreSQL keeps its data in ${legacy}, where an earlier start put it for this DATA_DIR.`);
  return legacy;
}

/** The password of the Redis that `npm start` runs: DATA_DIR/redis.password (0600), made on first start. */
function redisPassword(user) {
  const file = path.join(dataDir, 'redis.password');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  if (user) fs.chownSync(file, user.uid, user.gid);
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * As root: the system user the backend, PostgreSQL and Redis run as, allowed through to the
 * project and DATA_DIR, which becomes its own (0700). Otherwise null: we are that user.
 */
function serviceUser() {
  if (process.getuid?.() !== 0) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dataDir, 0o700);
    return null;
  }
  const user = ensureServiceUser();
  for (const folder of [...letThrough(ROOT, user), ...letThrough(path.dirname(dataDir), user)]) {
    say(`Let the system user ${user.name} through ${folder} (setfacl -m u:${user.name}:x): the backend runs as that user and reads the project from there.`);
  }
  ownFolder(dataDir, user);
  fs.mkdirSync(path.join(dataDir, 'home'), { recursive: true, mode: 0o700 });
  fs.chownSync(path.join(dataDir, 'home'), user.uid, user.gid);
  say(`The backend, PostgreSQL and Redis run as the system user ${user.name}; DATA_DIR (${dataDir}) is its own, mode 0700.`);
  return user;
}

/** Files this script wrote into DATA_DIR as root go to the service user too. */
function handOver(user) {
  if (!user) return;
  for (const name of fs.readdirSync(dataDir)) {
    const file = path.join(dataDir, name);
    if (fs.lstatSync(file).uid !== user.uid) spawnSync('chown', ['-R', '--no-dereference', `${user.uid}:${user.gid}`, file]);
  }
}

async function main() {
  await prepare({ redis: !env.REDIS_URL });
  if (stopping) return;
  const user = serviceUser();

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const pgDir = postgresDataDir(user);
    say(`Starting PostgreSQL on 127.0.0.1:${pgPort} (data in ${pgDir})...`);
    const pg = await startService('PostgreSQL', () =>
      startPostgres({
        dir: pgDir,
        port: pgPort,
        database: 'superfluid',
        persistent: true,
        logFile: path.join(dataDir, 'postgres.log'),
        user: user ?? undefined,
      }),
    );
    databaseUrl = pg.url;
  }
  if (stopping) return;

  let redisUrl = env.REDIS_URL;
  if (!redisUrl) {
    say(`Starting Redis on 127.0.0.1:${redisPort} (append-only file in ${path.join(dataDir, 'redis')})...`);
    const redis = await startService('Redis', () =>
      startRedis({
        dir: path.join(dataDir, 'redis'),
        port: redisPort,
        persistent: true,
        logFile: path.join(dataDir, 'redis.log'),
        password: redisPassword(user),
        user: user ?? undefined,
      }),
    );
    redisUrl = redis.url;
  }
  if (stopping) return;
  handOver(user);

  say(`Starting the backend (ROLE=${env.ROLE || 'all'})...`);
  backend = spawn(process.execPath, [path.join(ROOT, 'backend', 'dist', 'main.js')], {
    cwd: ROOT,
    stdio: 'inherit',
    detached: true,
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: {
      ...env,
      ...(user ? { HOME: path.join(dataDir, 'home'), USER: user.name, LOGNAME: user.name } : {}),
      ROLE: env.ROLE || 'all',
      // A terminal gets readable lines (and the first admin password printed); a pipe or a file JSON lines.
      LOG_FORMAT: env.LOG_FORMAT || (process.stdout.isTTY ? 'pretty' : 'json'),
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
    },
  });
  watch('The backend', backend);

  const role = env.ROLE || 'all';
  if (role === 'worker') {
    say('Worker running (ROLE=worker serves no HTTP). Ctrl-C stops everything.');
    return;
  }
  const slow = setTimeout(() => say('Still waiting for /healthz...'), 30_000);
  try {
    await waitForHttp(`http://${probeHost()}:${port}/healthz`, { timeoutMs: 10 * 60_000, child: backend });
  } catch (error) {
    if (!stopping && isRunning(backend)) await shutdown(1, `The backend did not become ready: ${error.message}`);
    return;
  } finally {
    clearTimeout(slow);
  }
  say(`Superfluid is running at http://localhost:${port} (Ctrl-C stops it).`);
  say(`The admin password is ADMIN_PASSWORD, or the one printed at first start (also in ${path.join(dataDir, 'admin-password')}).`);
}

main().catch((error) => shutdown(1, `Start failed: ${error.message}`));
