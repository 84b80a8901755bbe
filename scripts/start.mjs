#!/usr/bin/env node
// `npm start`: everything on one machine. Installs what is missing, builds,
// starts PostgreSQL and Redis under DATA_DIR (unless DATABASE_URL / REDIS_URL
// point at existing servers), then the backend (ROLE=all by default). Ctrl-C
// stops the backend, then Redis, then PostgreSQL.
//
// Node built-ins only until `npm install` has run (see lib/setup.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isRunning, stopChild } from './lib/process.mjs';
import { ROOT, prepare, say } from './lib/setup.mjs';
import { createHash } from 'node:crypto';
import { blockedForPostgres, startPostgres, startRedis, waitForHttp } from './lib/services.mjs';

const env = process.env;
const dataDir = path.resolve(ROOT, env.DATA_DIR || '.data');
const port = Number(env.PORT || 3000);
const pgPort = Number(env.EMBEDDED_PG_PORT || 54329);
const redisPort = Number(env.EMBEDDED_REDIS_PORT || 63799);

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
    say('Stopping the backend...');
    // The backend leads its own process group: whatever it left running (an
    // ansible-playbook run) is killed with it if it does not stop in time.
    await stopChild(backend, { signal: 'SIGTERM', timeoutMs: 20_000, group: true });
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

function watch(name, child) {
  child.once('exit', (code, sig) => {
    if (!stopping) void shutdown(1, `${name} exited unexpectedly (${sig ?? `exit code ${code}`}).`);
  });
}

/**
 * DATA_DIR/postgres, unless we are root and the `postgres` user (PostgreSQL
 * refuses to run as root) cannot enter DATA_DIR, as with a clone in /root: then
 * /var/lib/superfluid/postgres-<hash of DATA_DIR>, the same on every start.
 */
function postgresDataDir() {
  const wanted = path.join(dataDir, 'postgres');
  const blocked = blockedForPostgres(wanted);
  if (!blocked) return wanted;
  const key = createHash('sha1').update(dataDir).digest('hex').slice(0, 12);
  const dir = path.join('/var/lib/superfluid', `postgres-${key}`);
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  say(
    `The postgres user cannot enter ${blocked}: PostgreSQL keeps its data in ${dir} for this DATA_DIR. ` +
      'Set DATA_DIR to a folder it can reach to keep everything in one place.',
  );
  return dir;
}

async function main() {
  await prepare({ redis: !env.REDIS_URL });
  if (stopping) return;
  fs.mkdirSync(dataDir, { recursive: true });

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const pgDir = postgresDataDir();
    say(`Starting PostgreSQL on 127.0.0.1:${pgPort} (data in ${pgDir})...`);
    const pg = await startService('PostgreSQL', () =>
      startPostgres({
        dir: pgDir,
        port: pgPort,
        database: 'superfluid',
        persistent: true,
        logFile: path.join(dataDir, 'postgres.log'),
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
      }),
    );
    redisUrl = redis.url;
  }
  if (stopping) return;

  say(`Starting the backend (ROLE=${env.ROLE || 'all'})...`);
  backend = spawn(process.execPath, [path.join(ROOT, 'backend', 'dist', 'main.js')], {
    cwd: ROOT,
    stdio: 'inherit',
    detached: true,
    env: {
      ...env,
      ROLE: env.ROLE || 'all',
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
