#!/usr/bin/env node
// `npm test`: installs and builds what is missing, starts a throwaway PostgreSQL
// and Redis, then runs four tiers with Node's test runner:
//   unit         backend/dist/**/*.spec.js, packages/dialogs/dist/*.spec.js
//   integration  backend/dist/**/*.int-spec.js   (one file at a time)
//   drills       test/drills/*.test.mjs          (one file at a time; real processes, no browser)
//   e2e          test/e2e/*.test.mjs             (one file at a time; a real browser)
// In three stages: unit; then integration and drills side by side, each with a Redis
// server of its own (their output interleaved, each line prefixed with its tier's name);
// then e2e alone, so that nothing else starves the browser. TEST_TIERS_PARALLEL=0 runs
// every tier one after the other, unprefixed.
// `npm test -- unit e2e` runs only the tiers named; `TEST_FILTER=<regex>` only the
// files whose path matches (e.g. TEST_FILTER=requests npm test -- integration), and
// `TEST_NAME_PATTERN=<regex>` only the tests whose name matches. Exits non-zero when any
// tier fails; the services are stopped at the end, also on Ctrl-C.
//
// The test processes get:
//   DATABASE_URL      superuser connection to the database `superfluid_test`
//   TEST_PG_URL_BASE  the same server without a database: `${TEST_PG_URL_BASE}/<name>`
//                     after `CREATE DATABASE <name>` gives a test its own database
//   REDIS_URL         redis://127.0.0.1:<port> (databases 0-15 free to use)
//   DATA_DIR          a temp folder; TEST_TMP_DIR: the run's temp folder
//   TMPDIR            a folder inside it, so that whatever the tests leave behind
//                     in os.tmpdir() is removed with it
//
// Node built-ins only until `npm install` has run (see lib/setup.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopChild, waitForExit } from './lib/process.mjs';
import { ROOT, prepare, say } from './lib/setup.mjs';
import { freePort, makeTempDir, startPostgres, startRedis } from './lib/services.mjs';

// Each tier runs the files of its `dirs` (compiled from `compiledFrom`, when given) in one runner.
// The tiers of a stage run side by side; the stages one after the other. Browser tests are the ones
// a busy machine makes miss their waits: the e2e tier has its stage to itself.
const STAGES = [['unit'], ['integration', 'drills'], ['e2e']];

const TIERS = [
  {
    name: 'unit',
    dirs: [
      { dir: 'backend/dist', compiledFrom: 'backend/src' },
      { dir: 'packages/dialogs/dist', compiledFrom: 'packages/dialogs/src' },
    ],
    pattern: /\.spec\.js$/,
    recursive: true,
    serial: false,
  },
  { name: 'integration', dirs: [{ dir: 'backend/dist', compiledFrom: 'backend/src' }], pattern: /\.int-spec\.js$/, recursive: true, serial: true },
  { name: 'drills', dirs: [{ dir: 'test/drills' }], pattern: /\.test\.mjs$/, recursive: false, serial: true },
  { name: 'e2e', dirs: [{ dir: 'test/e2e' }], pattern: /\.test\.mjs$/, recursive: false, serial: true },
];
// Per test (it/test) and per test file limit of the runner: a guard against hangs, not a
// speed check. The longest files (the 5G slice on three SSH sites) take 2.5 min alone and
// more beside the other tier.
const TEST_TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 10 * 60_000);
// Per tier: the whole tier is stopped after this long — a guard against hangs, not a speed check.
// Side by side on a 2-core CI machine each tier has taken up to 25 min (CI allows 90 for the
// whole run): the guard leaves room for that, and stops a hung tier well before CI would.
const TIER_TIMEOUT_MS = Number(process.env.TEST_TIER_TIMEOUT_MS || 45 * 60_000);

// Variables of the product that a developer's shell may carry: the tests set
// their own.
const PRODUCT_VARIABLES = [
  'ROLE',
  'PORT',
  'HOST',
  'SECRET_KEY',
  'ADMIN_PASSWORD',
  'WORKER_CONCURRENCY',
  'PLAYBOOKS_DIR',
  'CATALOG_DIR',
  'FRONTEND_DIST',
  'DATABASE_URL',
  'REDIS_URL',
  'DATA_DIR',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'METRICS_TOKEN',
  'METRICS_PORT',
  'SMTP_URL',
  'WEBHOOK_ALLOW_LOOPBACK',
  'ALARM_QUEUE_WAIT_SECONDS',
  'NOTIFICATION_RETENTION_DAYS',
];

function findFiles(dir, pattern, recursive) {
  const found = [];
  const walk = (current) => {
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (recursive && entry.name !== 'node_modules') walk(full);
      } else if (pattern.test(entry.name)) {
        found.push(path.relative(ROOT, full));
      }
    }
  };
  walk(path.join(ROOT, dir));
  return found.sort();
}

const running = new Set(); // the tiers' `node --test` processes
let interrupted = false;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) {
      say('Still stopping, please wait...');
      return;
    }
    interrupted = true;
    say(`${signal} received: stopping the tests, then PostgreSQL and Redis...`);
    for (const child of running) {
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  });
}

/**
 * Writes a tier's output: as it comes, or — when tiers run side by side — line by line,
 * each line prefixed with the tier's name so that the two can be told apart.
 */
function tierWriter(prefix) {
  if (!prefix) return { write: (text) => process.stdout.write(text), end: () => {} };
  let partial = '';
  return {
    write(text) {
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      if (lines.length) process.stdout.write(lines.map((line) => `${prefix}${line}\n`).join(''));
    },
    end() {
      if (partial) process.stdout.write(`${prefix}${partial}\n`);
      partial = '';
    },
  };
}

/** Runs one tier; resolves with its counts. `prefix` marks its lines when tiers run side by side. */
async function runTier(tier, env, prefix = '') {
  const out = tierWriter(prefix);
  let files = [];
  for (const { dir, compiledFrom } of tier.dirs) {
    const found = findFiles(dir, tier.pattern, tier.recursive);
    // tsc never deletes: a compiled test whose .ts source is gone would still run.
    const stale = compiledFrom ? found.filter((f) => !fs.existsSync(path.join(ROOT, compiledFrom, path.relative(dir, f).replace(/\.js$/, '.ts')))) : [];
    if (stale.length) say(`${tier.name}: skipping compiled tests whose source is gone (delete ${dir} to clean up): ${stale.join(', ')}`);
    files.push(...found.filter((f) => !stale.includes(f)));
  }
  if (process.env.TEST_FILTER) {
    const filter = new RegExp(process.env.TEST_FILTER);
    files = files.filter((f) => filter.test(f));
  }
  const result = { name: tier.name, files: files.length, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0, ms: 0, ok: true };
  out.write(`\n=== ${tier.name}: ${files.length} file(s) ===\n`);
  if (files.length === 0) {
    out.write(`no ${tier.pattern} files under ${tier.dirs.map((d) => d.dir).join(', ')}\n`);
    out.end();
    return result;
  }
  const args = [
    '--test',
    '--test-reporter=tap',
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    ...(tier.serial ? ['--test-concurrency=1'] : []),
    ...(process.env.TEST_NAME_PATTERN ? [`--test-name-pattern=${process.env.TEST_NAME_PATTERN}`] : []),
    ...files,
  ];
  const started = Date.now();
  // Own process group: Ctrl-C is forwarded by us, and whatever the tests leave
  // running (a backend a failed test did not stop) is swept at the end.
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', prefix ? 'pipe' : 'inherit'], detached: true });
  running.add(child);
  const summary = {};
  let partial = '';
  const errors = tierWriter(prefix);
  child.stderr?.on('data', (chunk) => errors.write(chunk.toString()));
  child.stdout.on('data', (chunk) => {
    out.write(chunk.toString());
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      // The runner's closing lines, unindented: "# pass 12", "# fail 0", ...
      const match = /^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(line);
      if (match) summary[match[1]] = Number(match[2]);
    }
  });
  const timer = setTimeout(() => {
    say(`${tier.name}: still running after ${TIER_TIMEOUT_MS / 60_000} min, stopping it.`);
    result.timedOut = true;
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {
      // gone
    }
  }, TIER_TIMEOUT_MS);
  const { code, signal } = await waitForExit(child);
  clearTimeout(timer);
  await stopChild(child, { group: true }); // sweep leftovers in the tier's group
  running.delete(child);
  errors.end();
  result.ms = Date.now() - started;
  for (const key of ['pass', 'fail', 'cancelled', 'skipped', 'todo']) result[key] = summary[key] ?? 0;
  result.ok = code === 0 && result.fail === 0 && result.cancelled === 0 && !result.timedOut && summary.pass !== undefined;
  result.exit = signal ?? code;
  out.write(
    `=== ${tier.name}: ${result.pass} passed, ${result.fail + result.cancelled} failed` +
      `${result.skipped ? `, ${result.skipped} skipped` : ''}${result.todo ? `, ${result.todo} todo` : ''}` +
      ` in ${(result.ms / 1000).toFixed(1)} s${result.ok ? '' : ` — FAILED (exit ${result.exit})`} ===\n`,
  );
  out.end();
  return result;
}

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((name) => !TIERS.some((t) => t.name === name));
  if (unknown.length) {
    say(`Unknown tier(s): ${unknown.join(', ')}. Tiers: ${TIERS.map((t) => t.name).join(', ')}.`);
    return 2;
  }
  const tiers = asked.length ? TIERS.filter((t) => asked.includes(t.name)) : TIERS;

  const setupStarted = Date.now();
  await prepare({ redis: true, chromium: true, sshHosts: true, openstack: true, smtp: true });
  if (interrupted) return 130;

  const tmp = await makeTempDir('superfluid-test-');
  const cleanups = [() => fs.promises.rm(tmp, { recursive: true, force: true })];
  const results = [];
  try {
    say('Starting a throwaway PostgreSQL and Redis...');
    const pg = await startPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort(), database: 'superfluid_test', persistent: false });
    cleanups.unshift(pg.stop);
    const redis = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort(), persistent: false });
    cleanups.unshift(redis.stop);
    const parallel = process.env.TEST_TIERS_PARALLEL !== '0';
    fs.mkdirSync(path.join(tmp, 'data'));
    // The tests' own temp folders (mkdtemp in os.tmpdir()) go in the run's folder,
    // removed at the end even when a test is killed before it cleans up.
    fs.mkdirSync(path.join(tmp, 'tmp'));
    fs.chmodSync(path.join(tmp, 'tmp'), 0o1777);
    say(`Ready after ${((Date.now() - setupStarted) / 1000).toFixed(1)} s: PostgreSQL on port ${pg.port}, Redis at ${redis.url}.`);

    const env = { ...process.env };
    for (const name of PRODUCT_VARIABLES) delete env[name];
    Object.assign(env, {
      DATABASE_URL: pg.url,
      TEST_PG_URL_BASE: pg.baseUrl,
      REDIS_URL: redis.url,
      DATA_DIR: path.join(tmp, 'data'),
      TEST_TMP_DIR: tmp,
      TMPDIR: path.join(tmp, 'tmp'),
      // The tests' file:// repositories are made in their temp folders (TMPDIR).
      GIT_FILE_REMOTE_DIRS: path.join(tmp, 'tmp'),
    });

    const stages = parallel ? STAGES.map((names) => tiers.filter((t) => names.includes(t.name))).filter((stage) => stage.length) : tiers.map((t) => [t]);
    for (const stage of stages) {
      if (interrupted) break;
      if (stage.length === 1) {
        results.push(await runTier(stage[0], env));
        continue;
      }
      // Side by side: each tier a data folder and (after the first) a Redis server of its own, as
      // each picks database indexes without knowing the other's.
      say(`Running ${stage.map((t) => t.name).join(' and ')} side by side (TEST_TIERS_PARALLEL=0: one after the other).`);
      const lanes = [];
      for (const [i, tier] of stage.entries()) {
        const dataDir = path.join(tmp, `data-${tier.name}`);
        fs.mkdirSync(dataDir);
        let redisUrl = redis.url;
        if (i > 0) {
          const own = await startRedis({ dir: path.join(tmp, `redis-${tier.name}`), port: await freePort(), persistent: false });
          cleanups.unshift(own.stop);
          redisUrl = own.url;
        }
        lanes.push({ tier, env: { ...env, DATA_DIR: dataDir, REDIS_URL: redisUrl } });
      }
      const width = Math.max(...stage.map((t) => t.name.length));
      results.push(...(await Promise.all(lanes.map(({ tier, env: laneEnv }) => runTier(tier, laneEnv, `[${tier.name.padEnd(width)}] `)))));
    }
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        say(`cleanup: ${error.message}`);
      }
    }
  }

  const passed = results.reduce((n, r) => n + r.pass, 0);
  const failed = results.reduce((n, r) => n + r.fail + r.cancelled, 0);
  process.stdout.write('\n=== summary ===\n');
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(12)} ${String(r.files).padStart(3)} file(s) ${String(r.pass).padStart(5)} passed ${String(r.fail + r.cancelled).padStart(4)} failed` +
        ` ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.ok ? 'ok' : 'FAILED'}\n`,
    );
  }
  if (interrupted) process.stdout.write('interrupted\n');
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  if (interrupted) return 130;
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`npm test failed: ${error.commandFailed ? error.message : (error.stack ?? error.message)}`);
    process.exit(1);
  },
);
