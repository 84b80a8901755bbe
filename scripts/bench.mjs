#!/usr/bin/env node
// `npm run bench`: what the portal adds to a playbook run.
//
// Starts a throwaway PostgreSQL, Redis and the product (ROLE=all), then, N times
// (BENCH_N, default 20), interleaved:
//   portal: orderService("Run a playbook", hello.yml) until the request is
//           `finished`, as the serviceRequestUpdated subscription reports it (one WebSocket
//           for the whole bench, as the UI keeps one)
//   bare:   ansible-playbook -i localhost, -c local hello.yml, on a copy of the
//           playbook in a temp folder, with the same extra variable
// after BENCH_WARMUP (default 1) untimed run of each. Then:
//   event_ingestion: a stream of real events, captured from an ansible-playbook run of a
//           loop with the portal's callback plugin, replayed to >= 50,000 events through
//           the portal's own ingestion path (backend/dist/cli/bench-ingest.js): events
//           stored per second;
//   loop_overhead: a playbook looping over BENCH_LOOP_ITEMS (2000) items, through the
//           portal against bare ansible-playbook (BENCH_LOOP_N (5) runs each, alternating, medians);
//   refresh_unchanged: refreshGitRepo of the built-in repository while its remote has
//           not moved (the refresh is skipped after ls-remote), N times, median;
//   event_lag_p99: during those portal runs, a jobEvents subscriber's receive time minus
//           the time Ansible emitted the event, 99th percentile;
//   refresh_50: BENCH_REPOS (50) repositories whose remotes all moved, refreshed with one
//           refreshAllGitRepos (GIT_REFRESH_CONCURRENCY at a time): total ms;
//   authz_overhead: orderService's round trip (the mutation only; the requests queue is paused
//           meanwhile and what was ordered is canceled afterwards) for "Run a playbook", as the
//           administrator and as a requester of a sub-tenant "East" the item is shared with,
//           BENCH_AUTHZ_N (200) each, interleaved: p50/p99 of each and the p99 added;
//   order_burst: BENCH_BURST_N (1,000) orders of "Run a playbook" (hello.yml) from BENCH_BURST_CLIENTS (50)
//           clients at once, each ordering again as soon as answered, while the product's workers run
//           them: orders accepted per second over the burst, orderService p50/p99 as the clients saw
//           it, and every order followed to its end (`lost`: accepted and not finished);
//   run_throughput: an api (ROLE=api) and a worker (ROLE=worker, WORKER_CONCURRENCY=BENCH_RUN_PARALLEL
//           (4)) started for it drain BENCH_RUN_N (200) hello.yml orders (orderServices, 100 a call)
//           against the same runs of bare ansible-playbook started by `xargs -P BENCH_RUN_PARALLEL`:
//           wall times and their ratio;
//   memory: (with run_throughput) the RSS of that api and that worker idle, and their peak during
//           run_throughput's portal side;
//   approval_overhead: "Run a playbook" (hello.yml) ordered to its end by a requester whose orders
//           pass an approval policy (rules on the order, which approve it at once) and quota checks
//           (her own limits on services and orders a day), against the same order by a requester
//           with neither (its item has no policy: the approve state goes on without a read),
//           BENCH_APPROVAL_N (BENCH_N) each, alternating: medians and their ratio;
//   notify_overhead: "Run a playbook" (hello.yml) ordered to its end with three webhook
//           subscriptions of the root tenant to REQUEST_FINISHED (three real HTTP receivers on
//           loopback, WEBHOOK_ALLOW_LOOPBACK) against the same order with the three paused,
//           BENCH_NOTIFY_N (100) each, alternating: medians and their ratio, and how long after
//           the request ended (as its subscriber saw it) each signed delivery reached its
//           receiver: p50/p99;
//   ui_first_load: headless Chromium (a fresh profile each time: nothing cached) opens the catalog
//           page signed in, on loopback, until its first card shows, BENCH_UI_N (5) times: the
//           bytes transferred until then (compressed, as sent: encodedDataLength), of them
//           JavaScript, and the time, medians;
//   catalog_page_p99: 10,000 catalog items (copies of "Run a playbook"), 5,000 shared with East
//           (then VACUUM ANALYZE, as autovacuum would do within a minute); East's requester asks
//           for a page of 50 and the count (serviceTemplates(skip, take: 50) + serviceTemplateCount),
//           random pages, 200 times, interleaved with the administrator's: p50/p99 as the client
//           sees them, and the SQL statements per page (pg_stat_statements, loaded for the bench
//           when this entry runs; pg_stat_database transactions when it is not installed);
//   slice_overhead: the "5G slice" bundle ordered through the portal on three SSH sites
//           (network namespaces, root only) against its three playbooks run bare with
//           ansible-playbook on the same inventory, BENCH_SLICE_N (3) each, medians;
//   heat_stack_overhead: the "OpenStack Heat stack" item ordered through the portal on a real
//           Keystone + Heat (Debian's packages, started here; root) against its playbook run
//           bare with ansible-playbook on the same cloud and credential, BENCH_HEAT_N (3)
//           each, alternating, medians (each stack deleted afterwards, untimed);
//   sandbox_overhead: what the sandbox itself costs a launch, side by side: bubblewrap built as a
//           run's (its folder, the callback plugin, three credential files through pipes,
//           network) around /usr/bin/true against /usr/bin/true alone, and hello.yml run bare
//           in and out of it, BENCH_N each, alternating; value = added ms (median). The
//           portal's launch_overhead above runs with the sandbox on, as the product does.
//   order_validation_p99: backend/dist/cli/bench-dialog.js — a 50-field dialog (every field
//           type, visibleWhen, patterns), 10,000 orders validated, p99 per validation;
//   discovery_1000: createGitRepo of a repository holding 1,000 playbooks (clone, tree
//           walk, YAML parse, stored): ms, median of BENCH_DISCOVERY_N (3); syntax checks
//           follow in the background and are not part of it.
// BENCH_ONLY=launch_overhead,loop_overhead (comma-separated entry names) runs only those
// entries; event_lag_p99 comes with loop_overhead, memory with run_throughput, refresh_50 and discovery_1000 together.
// An entry that fails reports {"name":..,"error":..} and the rest go on; when the bench itself stops (the
// product does not start, Ctrl-C), the entries not measured report why. As root, the packages the
// slice and Heat entries need are installed as npm test installs them; otherwise those entries are skipped.
// Progress goes to stderr; the last thing on stdout is always one JSON document:
//   {"benchmarks":[{"name":"launch_overhead","value":<portal median ms>,"unit":"ms",
//     "baseline":<bare median ms>,"ratio":<portal/bare>,"p95":..,"baseline_p95":..,"n":N}, ...]}
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, prepare, say, toolOutputToStderr } from './lib/setup.mjs';
import { freePort, makeTempDir, startPostgres, startRedis } from './lib/services.mjs';

const N = Number(process.env.BENCH_N || 20);
const LOOP_ITEMS = Number(process.env.BENCH_LOOP_ITEMS || 2000);
const LOOP_N = Number(process.env.BENCH_LOOP_N || 5);
const INGEST_EVENTS = 50_000;
const REPOS = Number(process.env.BENCH_REPOS || 50);
const DISCOVERY_PLAYBOOKS = 1000;
const DISCOVERY_N = Number(process.env.BENCH_DISCOVERY_N || 3);
const SLICE_N = Number(process.env.BENCH_SLICE_N || 3);
const HEAT_N = Number(process.env.BENCH_HEAT_N || 3);
const AUTHZ_N = Number(process.env.BENCH_AUTHZ_N || 200);
const APPROVAL_N = Number(process.env.BENCH_APPROVAL_N || N);
const NOTIFY_N = Number(process.env.BENCH_NOTIFY_N || 100);
const UI_N = Number(process.env.BENCH_UI_N || 5);
const BURST_N = Number(process.env.BENCH_BURST_N || 1000);
const BURST_CLIENTS = Number(process.env.BENCH_BURST_CLIENTS || 50);
/** order_burst and run_throughput stop waiting when no order ended for this long (a stuck one is reported, not waited for). */
const BURST_STALL_MS = 120_000;
const RUN_N = Number(process.env.BENCH_RUN_N || 200);
const RUN_PARALLEL = Number(process.env.BENCH_RUN_PARALLEL || 4);
const AUTHZ_WARMUP = 20;
const CATALOG_PAGES = 200;
const LOOP_PLAYBOOK = `- name: Loop
  hosts: all
  gather_facts: false
  tasks:
    - name: Item
      ansible.builtin.debug:
        msg: "item {{ item }}"
      loop: "{{ range(0, items | int) | list }}"
`;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const NAME = 'bench';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
/** True when the entry (or one of its companions) is to run. */
const wanted = (...names) => !ONLY || names.some((n) => ONLY.has(n));
/** Every entry, in the report's order. */
const ENTRIES = [
  'launch_overhead',
  'sandbox_overhead',
  'event_ingestion',
  'loop_overhead',
  'event_lag_p99',
  'refresh_unchanged',
  'slice_overhead',
  'heat_stack_overhead',
  'order_validation_p99',
  'authz_overhead',
  'order_burst',
  'run_throughput',
  'memory',
  'approval_overhead',
  'notify_overhead',
  'catalog_page_p99',
  'ui_first_load',
  'refresh_50',
  'discovery_1000',
];
/** The results so far: what main() reports, also when it stops early. */
const results = [];

let interrupted = false;
function checkInterrupted() {
  if (interrupted) throw new Error('interrupted');
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms) => Math.round(ms * 10) / 10;

function bareRun(dir, playbook = 'hello.yml', vars = { name: NAME }, expect = `Hello, ${NAME}!`, extraEnv = {}, stdio3 = 'ignore') {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ansible-playbook', ['-i', 'localhost,', '-c', 'local', playbook, '-e', JSON.stringify(vars)], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe', stdio3],
      env: { ...process.env, ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true', ...extraEnv },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`ansible-playbook exited ${code}:\n${output}`));
      else if (!output.includes(expect)) reject(new Error(`ansible-playbook did not print ${expect}:\n${output}`));
      else resolve(ms);
    });
  });
}

/**
 * One graphql-ws connection for the whole bench, as the UI keeps one: `until(id)` resolves with the
 * request once serviceRequestUpdated reports it finished, failed or canceled. The subscription sends
 * the request as it is first, so a request that ended before the call is seen too. Polling instead
 * (every 10 ms, as earlier benches did) costs ansible CPU on a 2-core machine and is not what a client does.
 */
async function requestWatcher(product, token) {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  const client = createClient({
    url: `${product.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
  });
  const until = (id) =>
    new Promise((resolve, reject) => {
      let last;
      const stop = client.subscribe(
        { query: 'subscription($id: ID!) { serviceRequestUpdated(id: $id) { status message service { id } } }', variables: { id } },
        {
          next: (value) => {
            if (value.errors) return reject(new Error(`serviceRequestUpdated: ${JSON.stringify(value.errors)}`));
            last = value.data.serviceRequestUpdated;
            if (['finished', 'failed', 'canceled'].includes(last.status)) {
              stop();
              resolve(last);
            }
          },
          error: (e) => reject(e instanceof Error ? e : new Error(`serviceRequestUpdated: ${JSON.stringify(e)}`)),
          complete: () =>
            last && ['finished', 'failed', 'canceled'].includes(last.status)
              ? resolve(last)
              : reject(new Error(`request ${id}: stream ended at ${last?.status}`)),
        },
      );
    });
  return { until, close: () => client.dispose() };
}

async function portalRun(product, token, templateId, dialogValues, watcher) {
  const started = performance.now();
  const ordered = await product.graphql(
    'mutation Order($input: OrderServiceInput!) { orderService(input: $input) { id status } }',
    { input: { templateId, dialogValues } },
    token,
  );
  if (ordered.errors) throw new Error(`orderService: ${JSON.stringify(ordered.errors)}`);
  const id = ordered.data.orderService.id;
  const done = await watcher.until(id);
  if (done.status !== 'finished') throw new Error(`request ${id} ${done.status}: ${done.message}`);
  return performance.now() - started;
}

/** Orders `dialogValues`; subscribes to the job's events as soon as it exists; returns the wall time and each event's lag. */
async function portalRunWithLag(product, token, templateId, dialogValues, watcher) {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  const started = performance.now();
  const ordered = await product.graphql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId, dialogValues } }, token);
  if (ordered.errors) throw new Error(`orderService: ${JSON.stringify(ordered.errors)}`);
  const id = ordered.data.orderService.id;
  let jobId;
  while (!jobId) {
    checkInterrupted();
    const polled = await product.graphql('query($id: ID!) { serviceRequest(id: $id) { status jobs { id } } }', { id }, token);
    jobId = polled.data.serviceRequest.jobs[0]?.id;
    if (!jobId) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const client = createClient({
    url: `${product.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const lags = [];
  await new Promise((resolve, reject) => {
    client.subscribe(
      { query: 'subscription($j: ID!) { jobEvents(jobId: $j) { seq createdAt } }', variables: { j: jobId } },
      {
        next: (value) => {
          if (value.errors) reject(new Error(JSON.stringify(value.errors)));
          else lags.push(Date.now() - Date.parse(value.data.jobEvents.createdAt));
        },
        error: reject,
        complete: resolve,
      },
    );
  }).finally(() => client.dispose());
  const done = await watcher.until(id);
  if (done.status !== 'finished') throw new Error(`request ${id} ${done.status}: ${done.message}`);
  return { ms: performance.now() - started, lags };
}

/** Captures real events from a loop run with the portal's callback plugin, then replays them through the ingestion path. */
async function ingestion(product, dir) {
  const file = path.join(dir, 'events.jsonl');
  const out = fs.openSync(file, 'w');
  try {
    await bareRun(
      dir,
      'loop.yml',
      { items: 5000 },
      'PLAY RECAP',
      {
        ANSIBLE_CALLBACK_PLUGINS: path.join(ROOT, 'backend/ansible/callback_plugins'),
        ANSIBLE_CALLBACKS_ENABLED: 'superfluid_events',
        SUPERFLUID_EVENTS_FD: '3',
      },
      out,
    );
  } finally {
    fs.closeSync(out);
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  const repeat = Math.ceil(INGEST_EVENTS / lines);
  say(`captured ${lines} real events; replaying them ${repeat} times through the ingestion path...`);
  const child = spawn(process.execPath, [path.join(ROOT, 'backend/dist/cli/bench-ingest.js'), file, String(repeat)], {
    env: { ...process.env, DATABASE_URL: product.env.DATABASE_URL, REDIS_URL: product.env.REDIS_URL },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench-ingest exited ${code}`);
  return JSON.parse(output.trim().split('\n').pop());
}

/** A bare repository under `dir` holding `files`, committed on main. Returns its file:// URL. */
function makeUpstream(dir, files) {
  const work = path.join(dir, 'work');
  const bare = path.join(dir, 'repo.git');
  fs.mkdirSync(work, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), text);
  }
  const git = (cwd, ...args) => {
    const r = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@localhost', ...args], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git(work, 'init', '--quiet', '--initial-branch=main');
  git(work, 'add', '--all');
  git(work, 'commit', '--quiet', '-m', 'bench');
  git(dir, 'clone', '--quiet', '--bare', work, bare);
  return {
    url: `file://${bare}`,
    /** A new commit on the remote, so the next refresh must fetch. */
    move(n) {
      fs.writeFileSync(path.join(work, 'moved.txt'), String(n));
      git(work, 'add', '--all');
      git(work, 'commit', '--quiet', '-m', `move ${n}`);
      git(work, 'push', '--quiet', bare, 'HEAD:main');
    },
  };
}

const PLAY = (i) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "playbook ${i}" }\n`;

/** Waits until no playbook waits for its syntax check (they run in the background after a refresh). */
async function syntaxChecksDone(product, token) {
  for (;;) {
    const res = await product.graphql('{ gitRepos { playbooks { syntaxStatus } } }', {}, token);
    if (!res.data.gitRepos.some((r) => r.playbooks.some((p) => p.syntaxStatus === 'pending'))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Throws the GraphQL errors of an answer, or returns its data. */
async function gqlData(product, query, variables, token) {
  const res = await product.graphql(query, variables, token);
  if (res.errors) throw new Error(`${query.slice(0, 60)}...: ${JSON.stringify(res.errors).slice(0, 500)}`);
  return res.data;
}

let eastMade;
/**
 * A tenant "East" under the root and a requester of East (a user of East whose only group, of East,
 * has the requester role), signed in; made once for the entries that need it. The "local" provider
 * (the root's) is shared with East when providers have tenants, so that the item's provider field
 * accepts it for East's users, as an administrator would do.
 */
function eastRequester(product, token) {
  eastMade ??= (async () => {
    const tenantId = (await gqlData(product, 'mutation($i: TenantInput!) { createTenant(input: $i) { id } }', { i: { name: 'East' } }, token)).createTenant.id;
    // A new session: one made before the tenant existed may not see it among its tenants (its
    // rights are cached with the tenant tree of the time).
    token = await product.login();
    const groupId = (
      await gqlData(
        product,
        'mutation($i: GroupInput!) { createGroup(input: $i) { id } }',
        { i: { name: 'East requesters', roles: ['requester'], tenantId } },
        token,
      )
    ).createGroup.id;
    const username = 'east-requester';
    const { token: requesterToken } = await signedInUser(product, token, username, groupId, tenantId);
    const local = (await gqlData(product, '{ providers { id name } }', {}, token)).providers.find((p) => p.name === 'local');
    if (local) {
      const shared = await product.graphql(
        'mutation($id: ID!, $t: [ID!]!) { shareProvider(id: $id, tenantIds: $t) { id } }',
        { id: local.id, t: [tenantId] },
        token,
      );
      // An older schema without shareProvider: providers have no tenants, nothing to share.
      if (shared.errors && shared.errors[0]?.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED')
        throw new Error(`shareProvider: ${JSON.stringify(shared.errors)}`);
    }
    // The built-in repository too, whose playbooks "Run a playbook" runs (an older schema without shareGitRepo: nothing to share).
    const builtin = (await gqlData(product, '{ gitRepos { id builtin } }', {}, token)).gitRepos.find((r) => r.builtin);
    if (builtin) {
      const shared = await product.graphql(
        'mutation($id: ID!, $t: [ID!]!) { shareGitRepo(id: $id, tenantIds: $t) { id } }',
        { id: builtin.id, t: [tenantId] },
        token,
      );
      if (shared.errors && shared.errors[0]?.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED')
        throw new Error(`shareGitRepo: ${JSON.stringify(shared.errors)}`);
    }
    return { tenantId, token: requesterToken, admin: token };
  })();
  return eastMade;
}

/**
 * authz_overhead: orderService's round trip for "Run a playbook", as the administrator and as a
 * requester of East (the item shared with East), AUTHZ_N each, interleaved one by one (who goes
 * first alternating), after AUTHZ_WARMUP each. Only the mutation is timed: the requests queue
 * up while the requests queue is paused (no playbook runs to load the machine), and are
 * canceled (nothing ran) before it is resumed.
 */
async function authzOverhead(product, token, templateId, dialogValues) {
  const east = await eastRequester(product, token);
  await gqlData(
    product,
    'mutation($id: ID!, $t: [ID!]!) { shareServiceTemplate(id: $id, tenantIds: $t) { id } }',
    { id: templateId, t: [east.tenantId] },
    east.admin,
  );
  const { Queue } = await import('bullmq');
  const { QueueName } = await import('../backend/dist/queue/queue.constants.js');
  const queue = new Queue(QueueName.REQUESTS, { connection: { url: product.env.REDIS_URL, maxRetriesPerRequest: 3 }, prefix: 'superfluid' });
  queue.on('error', () => {});
  const ordered = [];
  const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }';
  const order = async (who) => {
    const t0 = performance.now();
    const res = await product.graphql(ORDER, { i: { templateId, dialogValues } }, who);
    const ms = performance.now() - t0;
    if (res.errors) throw new Error(`orderService: ${JSON.stringify(res.errors).slice(0, 500)}`);
    ordered.push(res.data.orderService.id);
    return ms;
  };
  const admin = [];
  const requester = [];
  await queue.pause();
  try {
    for (let i = 0; i < AUTHZ_WARMUP; i++) {
      await order(token);
      await order(east.token);
    }
    for (let i = 0; i < AUTHZ_N; i++) {
      checkInterrupted();
      if (i % 2 === 0) {
        admin.push(await order(token));
        requester.push(await order(east.token));
      } else {
        requester.push(await order(east.token));
        admin.push(await order(token));
      }
    }
  } finally {
    // Untimed: cancel what was ordered (queued, nothing ran), then let the worker go on.
    for (let i = 0; i < ordered.length; i += 8) {
      await Promise.all(
        ordered.slice(i, i + 8).map((id) => product.graphql('mutation($id: ID!) { cancelServiceRequest(id: $id) { id } }', { id }, token).catch(() => {})),
      );
    }
    await queue.resume().catch((e) => say(`requests queue not resumed: ${e.message}`));
    await queue.close().catch(() => {});
  }
  const added = percentile(requester, 99) - percentile(admin, 99);
  return {
    name: 'authz_overhead',
    value: round(added),
    unit: 'ms',
    admin_p50_ms: round(percentile(admin, 50)),
    admin_p99_ms: round(percentile(admin, 99)),
    requester_p50_ms: round(percentile(requester, 50)),
    requester_p99_ms: round(percentile(requester, 99)),
    added_p99_ms: round(added),
    added_p50_ms: round(percentile(requester, 50) - percentile(admin, 50)),
    goal: 'added_p99_ms <= 2',
    n: AUTHZ_N,
  };
}

/**
 * A user of `groupId` (in `tenantId`, the root's when none), made with the administrator's `token`,
 * who has changed the password the administrator set (a new user must, before anything else); signed in.
 */
async function signedInUser(product, token, username, groupId, tenantId) {
  const first = 'First-password-77';
  const password = 'Correct-horse-battery-9';
  const { createUser } = await gqlData(
    product,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { username, password: first, groupIds: [groupId], ...(tenantId ? { tenantId } : {}) } },
    token,
  );
  const firstToken = await product.login(username, first);
  await gqlData(
    product,
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }',
    { c: first, n: password },
    firstToken,
  );
  return { id: createUser.id, token: await product.login(username, password) };
}

/**
 * approval_overhead: orders of hello.yml to their end, through an approval policy and quota checks
 * (a copy of "Run a playbook" whose policy's rules approve this order at once; the requester's own
 * limits on services and orders a day, far from reached) against the same order without either
 * (another requester, no limits; "Run a playbook", no policy), APPROVAL_N each, alternating.
 */
async function approvalOverhead(product, token, templateId, dialogValues) {
  const groupId = (
    await gqlData(product, 'mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name: 'bench requesters', roles: ['requester'] } }, token)
  ).createGroup.id;
  const checked = await signedInUser(product, token, 'bench-checked', groupId);
  const plain = await signedInUser(product, token, 'bench-plain', groupId);
  const { serviceTemplate } = await gqlData(product, 'query($id: ID!) { serviceTemplate(id: $id) { definition } }', { id: templateId }, token);
  const definition = {
    ...serviceTemplate.definition,
    name: 'Run a playbook (approval rules)',
    approval: { mode: 'rules', rules: [{ field: 'playbook', equals: 'never-this-one.yml' }, { group: 'contractors' }] },
  };
  const withPolicy = (await gqlData(product, 'mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', { i: { definition } }, token))
    .saveServiceTemplate.id;
  for (const dimension of ['services', 'requests_per_day']) {
    await gqlData(product, 'mutation($i: QuotaInput!) { setQuota(input: $i) { id } }', { i: { userId: checked.id, dimension, limit: 1e9 } }, token);
  }
  const checkedWatcher = await requestWatcher(product, checked.token);
  const plainWatcher = await requestWatcher(product, plain.token);
  try {
    const runWith = () => portalRun(product, checked.token, withPolicy, dialogValues, checkedWatcher);
    const runWithout = () => portalRun(product, plain.token, templateId, dialogValues, plainWatcher);
    await runWith();
    await runWithout();
    const withTimes = [];
    const withoutTimes = [];
    for (let i = 0; i < APPROVAL_N; i++) {
      checkInterrupted();
      if (i % 2 === 0) {
        withTimes.push(await runWith());
        withoutTimes.push(await runWithout());
      } else {
        withoutTimes.push(await runWithout());
        withTimes.push(await runWith());
      }
      say(`approval ${i + 1}/${APPROVAL_N}: with policy and quotas ${round(withTimes[i])} ms, without ${round(withoutTimes[i])} ms`);
    }
    return {
      name: 'approval_overhead',
      value: round(median(withTimes)),
      unit: 'ms',
      baseline: round(median(withoutTimes)),
      ratio: Math.round((median(withTimes) / median(withoutTimes)) * 1000) / 1000,
      p95: round(percentile(withTimes, 95)),
      baseline_p95: round(percentile(withoutTimes, 95)),
      goal: 'ratio <= 1.02',
      n: APPROVAL_N,
    };
  } finally {
    checkedWatcher.close();
    plainWatcher.close();
  }
}

/**
 * notify_overhead: orders of hello.yml to their end with three webhook subscriptions of the root
 * tenant to REQUEST_FINISHED (three HTTP receivers) against the same orders with the three paused,
 * NOTIFY_N each, alternating; and each delivery's arrival after its request ended (as the
 * request's subscriber saw the end). A run with subscriptions waits for its three deliveries
 * before the next (paused ones would not be told).
 */
async function notifyOverhead(product, token, templateId, dialogValues, watcher) {
  const { createServer } = await import('node:http');
  const arrivals = new Map(); // request id → arrival times (performance.now())
  const waiting = new Map(); // request id → resolve, once three arrived
  const servers = [];
  for (let i = 0; i < 3; i++) {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const at = performance.now();
        res.writeHead(200).end('ok');
        const id = JSON.parse(body).data?.request?.id;
        const list = arrivals.get(id) ?? [];
        list.push(at);
        arrivals.set(id, list);
        if (list.length === 3) waiting.get(id)?.();
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  try {
    const root = (await gqlData(product, '{ tenants { id parentId } }', {}, token)).tenants.find((t) => !t.parentId).id;
    const subscriptions = [];
    for (const [i, server] of servers.entries()) {
      const { createWebhookEndpoint } = await gqlData(
        product,
        'mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }',
        { i: { name: `bench receiver ${i + 1}`, url: `http://127.0.0.1:${server.address().port}/` } },
        token,
      );
      const { subscribeToNotifications } = await gqlData(
        product,
        'mutation($i: NotificationSubscriptionInput!) { subscribeToNotifications(input: $i) { id } }',
        { i: { eventTypes: ['REQUEST_FINISHED'], channel: 'webhook', tenantId: root, endpointId: createWebhookEndpoint.endpoint.id } },
        token,
      );
      subscriptions.push(subscribeToNotifications.id);
    }
    const setEnabled = (enabled) =>
      Promise.all(
        subscriptions.map((id) =>
          gqlData(product, 'mutation($id: ID!, $e: Boolean!) { setNotificationSubscriptionEnabled(id: $id, enabled: $e) { id } }', { id, e: enabled }, token),
        ),
      );
    const lags = [];
    const runWith = async () => {
      await setEnabled(true);
      const started = performance.now();
      const ordered = await product.graphql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId, dialogValues } }, token);
      if (ordered.errors) throw new Error(`orderService: ${JSON.stringify(ordered.errors)}`);
      const id = ordered.data.orderService.id;
      const all = new Promise((resolve) => waiting.set(id, resolve));
      if ((arrivals.get(id) ?? []).length === 3) waiting.get(id)();
      const done = await watcher.until(id);
      const ended = performance.now();
      if (done.status !== 'finished') throw new Error(`request ${id} ${done.status}: ${done.message}`);
      const ms = ended - started;
      await Promise.race([
        all,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`request ${id}: its three deliveries did not all arrive within 60 s`)), 60_000)),
      ]);
      for (const at of arrivals.get(id)) lags.push(Math.max(0, at - ended));
      return ms;
    };
    const runWithout = async () => {
      await setEnabled(false);
      return portalRun(product, token, templateId, dialogValues, watcher);
    };
    await runWith();
    await runWithout();
    lags.length = 0;
    const withTimes = [];
    const withoutTimes = [];
    for (let i = 0; i < NOTIFY_N; i++) {
      checkInterrupted();
      if (i % 2 === 0) {
        withTimes.push(await runWith());
        withoutTimes.push(await runWithout());
      } else {
        withoutTimes.push(await runWithout());
        withTimes.push(await runWith());
      }
      if ((i + 1) % 10 === 0)
        say(`notify ${i + 1}/${NOTIFY_N}: with three webhooks ${round(median(withTimes))} ms, without ${round(median(withoutTimes))} ms (medians so far)`);
    }
    await setEnabled(false);
    return {
      name: 'notify_overhead',
      value: round(median(withTimes)),
      unit: 'ms',
      baseline: round(median(withoutTimes)),
      ratio: Math.round((median(withTimes) / median(withoutTimes)) * 1000) / 1000,
      delivery_p50_ms: round(percentile(lags, 50)),
      delivery_p99_ms: round(percentile(lags, 99)),
      deliveries: lags.length,
      goal: 'ratio <= 1.02; delivery p99 <= 1000 ms after the request ends',
      n: NOTIFY_N,
    };
  } finally {
    for (const server of servers) server.close();
  }
}

/**
 * ui_first_load: the catalog page opened signed in (the token put where the app keeps it) in a fresh
 * Chromium context each time, until its first card shows: bytes transferred (compressed, as sent),
 * of them JavaScript, requests, and the time; medians of UI_N.
 */
async function uiFirstLoad(product, token) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM, CHROMIUM_ARGS } = await import('../test/support/browser.mjs');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const runs = [];
    for (let i = 0; i < UI_N; i++) {
      checkInterrupted();
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript((t) => localStorage.setItem('superfluid.token', t), token);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const types = new Map();
      cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
      let bytes = 0;
      let scriptBytes = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (e) => {
        bytes += e.encodedDataLength;
        requests += 1;
        if (types.get(e.requestId) === 'Script') scriptBytes += e.encodedDataLength;
      });
      const t0 = performance.now();
      await page.goto(`${product.url}/#/catalog`);
      await page.locator('[data-testid^="catalog-item-"]').first().waitFor({ timeout: 60_000 });
      const ms = performance.now() - t0;
      runs.push({ ms, kb: bytes / 1024, scriptKb: scriptBytes / 1024, requests });
      say(
        `ui ${i + 1}/${UI_N}: first card after ${round(ms)} ms, ${round(bytes / 1024)} KB (${round(scriptBytes / 1024)} KB of JavaScript), ${requests} requests`,
      );
      await context.close();
    }
    return {
      name: 'ui_first_load',
      value: round(median(runs.map((r) => r.kb))),
      unit: 'KB',
      javascript_kb: round(median(runs.map((r) => r.scriptKb))),
      first_card_ms: round(median(runs.map((r) => r.ms))),
      requests: median(runs.map((r) => r.requests)),
      goal: '<= 300 KB compressed for the first route',
      n: UI_N,
    };
  } finally {
    await browser.close();
  }
}

/**
 * PostgreSQL for the bench. With `statements`, pg_stat_statements is loaded (it must be at server
 * start: a first start writes the setting, a second loads it) and tracks nothing until
 * catalog_page_p99 turns it on to count one page's statements. Resolves with { pg, statements }
 * (statements false when the extension is not installed).
 */
async function startBenchPostgres(dir, statements) {
  const port = await freePort();
  if (!statements) return { pg: await startPostgres({ dir, port, database: 'postgres', persistent: false }), statements: false };
  const { default: pgLib } = await import('pg');
  const first = await startPostgres({ dir, port, database: 'postgres', persistent: true });
  let available = false;
  try {
    const client = new pgLib.Client({ connectionString: first.adminUrl });
    await client.connect();
    try {
      available = (await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements'")).rowCount > 0;
      if (available) await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    } finally {
      await client.end();
    }
  } finally {
    await first.stop(); // persistent: the cluster stays for the second start
  }
  const pg = await startPostgres({ dir, port, database: 'postgres', persistent: false });
  if (available) {
    const client = new pgLib.Client({ connectionString: pg.adminUrl });
    await client.connect();
    try {
      await client.query("ALTER SYSTEM SET pg_stat_statements.track = 'none'");
      await client.query('SELECT pg_reload_conf()');
    } finally {
      await client.end();
    }
  }
  return { pg, statements: available };
}

/**
 * catalog_page_p99: 10,000 catalog items (copies of "Run a playbook"'s row), 5,000 of them shared
 * with East; East's requester pages the catalog (a page of 50 and the count, in one request, as the
 * UI asks), CATALOG_PAGES random pages, interleaved with the administrator's (who sees every item).
 * SQL statements per page: pg_stat_statements, turned on for single page requests (the least of five).
 */
async function catalogPage(product, token, adminUrl, statementsAvailable) {
  const east = await eastRequester(product, token);
  const PAGE = 'query($skip: Int!) { serviceTemplates(skip: $skip, take: 50) { id name description icon catalog } serviceTemplateCount }';
  const visibleBefore = (await gqlData(product, '{ serviceTemplateCount }', {}, east.token)).serviceTemplateCount;
  const { default: pg } = await import('pg');
  const url = new URL(adminUrl);
  url.pathname = `/${product.database}`;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    // Every column of the row but its id, name, source (catalog-as-code) and timestamps.
    const columns = (
      await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'service_templates'
           AND column_name NOT IN ('id', 'name', 'source', 'created_at', 'updated_at') ORDER BY ordinal_position`,
      )
    ).rows.map((r) => client.escapeIdentifier(r.column_name));
    const inserted = await client.query(
      `INSERT INTO service_templates (name, ${columns.join(', ')})
       SELECT 'Bench item ' || lpad(i::text, 5, '0'), ${columns.map((c) => `t.${c}`).join(', ')}
         FROM service_templates t CROSS JOIN generate_series(1, 10000) AS i WHERE t.name = 'Run a playbook'`,
    );
    if (inserted.rowCount !== 10000) throw new Error(`inserted ${inserted.rowCount} items, not 10,000 (no "Run a playbook" row?)`);
    const shares = await client.query(
      `INSERT INTO service_template_shares (template_id, tenant_id)
       SELECT id, $1 FROM service_templates WHERE name LIKE 'Bench item %' AND substr(name, 12)::int % 2 = 0`,
      [east.tenantId],
    );
    if (shares.rowCount !== 5000) throw new Error(`shared ${shares.rowCount} items, not 5,000`);
    // As autovacuum would within a minute of such an insert: without statistics the planner takes
    // the tables for small ones.
    await client.query('VACUUM ANALYZE service_templates');
    await client.query('VACUUM ANALYZE service_template_shares');

    const visible = (await gqlData(product, '{ serviceTemplateCount }', {}, east.token)).serviceTemplateCount;
    if (visible !== visibleBefore + 5000) throw new Error(`East's requester sees ${visible} items, not ${visibleBefore} + 5000`);
    const all = (await gqlData(product, '{ serviceTemplateCount }', {}, token)).serviceTemplateCount;
    const page = async (who, count) => {
      const skip = Math.floor(Math.random() * Math.floor(count / 50)) * 50;
      const t0 = performance.now();
      const res = await product.graphql(PAGE, { skip }, who);
      const ms = performance.now() - t0;
      const expected = Math.min(50, count - skip);
      if (res.errors || res.data.serviceTemplates.length !== expected || res.data.serviceTemplateCount !== count)
        throw new Error(`page at ${skip}: ${JSON.stringify(res).slice(0, 300)}`);
      return ms;
    };
    for (let i = 0; i < 20; i++) {
      await page(east.token, visible); // warm-up
      await page(token, all);
    }
    const times = [];
    const adminTimes = [];
    for (let i = 0; i < CATALOG_PAGES; i++) {
      checkInterrupted();
      if (i % 2 === 0) {
        times.push(await page(east.token, visible));
        adminTimes.push(await page(token, all));
      } else {
        adminTimes.push(await page(token, all));
        times.push(await page(east.token, visible));
      }
    }

    let perPage = null;
    let method;
    if (statementsAvailable) {
      method = 'pg_stat_statements (top-level statements, BEGIN/COMMIT included; the least of 5 single-page requests)';
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query("ALTER SYSTEM SET pg_stat_statements.track = 'top'");
      await client.query('SELECT pg_reload_conf()');
      // A backend takes the new setting before the next command it reads.
      await new Promise((r) => setTimeout(r, 500));
      const counted = `SELECT coalesce(sum(calls), 0)::int AS n, json_agg(json_build_object('calls', calls, 'query', left(query, 120)) ORDER BY calls DESC) AS q
                         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                          AND query NOT ILIKE '%pg_stat_statements%'`;
      try {
        const counts = [];
        let shown;
        for (let i = 0; i < 5; i++) {
          await client.query('SELECT pg_stat_statements_reset()');
          await page(east.token, visible);
          const row = (await client.query(counted)).rows[0];
          counts.push(row.n);
          shown ??= row.q;
        }
        perPage = Math.min(...counts);
        say(`statements per catalog page (East's requester), 5 requests: ${counts.join(', ')}; one of them:`);
        for (const q of shown ?? []) say(`  ${q.calls} x ${q.query.replace(/\s+/g, ' ')}`);
      } finally {
        await client.query("ALTER SYSTEM SET pg_stat_statements.track = 'none'");
        await client.query('SELECT pg_reload_conf()');
      }
    } else {
      // Without pg_stat_statements: transactions PostgreSQL counted (a statement outside a
      // transaction is one), reported by busy backends at most once a second and by idle ones
      // within 10 s, hence the waits. Our own counting query counts as one.
      method = 'pg_stat_database transactions (pg_stat_statements not installed)';
      const transactions = async () =>
        Number((await client.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1', [product.database])).rows[0].n);
      const reported = () => new Promise((r) => setTimeout(r, 11_000));
      await reported();
      const before = await transactions();
      for (let i = 0; i < 20; i++) await page(east.token, visible);
      await reported();
      perPage = Math.round((((await transactions()) - before - 1) / 20) * 100) / 100;
    }
    return {
      name: 'catalog_page_p99',
      value: round(percentile(times, 99)),
      unit: 'ms',
      p50_ms: round(percentile(times, 50)),
      p99_ms: round(percentile(times, 99)),
      admin_p50_ms: round(percentile(adminTimes, 50)),
      admin_p99_ms: round(percentile(adminTimes, 99)),
      visible_items: visible,
      items: all,
      page: 50,
      n: CATALOG_PAGES,
      statements_per_page: perPage,
      statements_counted_with: method,
      goal: 'p99_ms <= 20',
    };
  } finally {
    await client.end();
  }
}

/** The 5G slice through the portal against bare ansible-playbook, on three SSH sites in network namespaces. */
/** Runs `argv` to its end with `inputs` fed to file descriptors 3, 4...; resolves with its duration in ms. */
function timed(argv, inputs = [], options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe', ...inputs.map(() => 'pipe')], ...options });
    inputs.forEach((input, i) => child.stdio[3 + i].end(input));
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${argv[0]} exited ${code}: ${err}`))));
  });
}

/** The sandbox's own cost: bubblewrap as a run gets it, around `true` and around a bare hello.yml, against the same without it. */
async function sandboxOverhead(tmp) {
  const { sandboxArgs, SANDBOX_CALLBACKS } = await import('../backend/dist/system/sandbox-args.js');
  const runDir = path.join(tmp, 'sandbox-run');
  fs.mkdirSync(path.join(runDir, 'project'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'playbooks', 'hello.yml'), path.join(runDir, 'project', 'hello.yml'));
  const credentials = path.join(runDir, 'credentials');
  const files = [
    {
      path: path.join(credentials, 'local', 'id_key'),
      content: Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nbench\n-----END OPENSSH PRIVATE KEY-----\n'),
      mode: 0o600,
    },
    { path: path.join(credentials, '.group_vars', 'local.yml'), content: Buffer.from('ansible_become_password: !unsafe "bench"\n'), mode: 0o600 },
    { path: path.join(credentials, '.extra_vars.yml'), content: Buffer.from('secret: !unsafe "bench"\n'), mode: 0o600 },
  ];
  const box = sandboxArgs(
    {
      cwd: path.join(runDir, 'project'),
      writable: [runDir],
      mounts: [{ source: path.join(ROOT, 'backend', 'ansible', 'callback_plugins'), target: SANDBOX_CALLBACKS }],
      secrets: { dir: credentials, files },
      network: true,
    },
    3,
  );
  const inBox = (argv) => timed(['bwrap', ...box.args, ...argv], box.inputs);
  const hello = ['/usr/bin/ansible-playbook', '-i', 'localhost,', '-c', 'local', 'hello.yml', '-e', JSON.stringify({ name: NAME })];
  const env = { ...process.env, ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true', HOME: '/tmp' };
  await inBox(['/usr/bin/true']); // warm-up
  const trueBare = [];
  const trueBoxed = [];
  const helloBare = [];
  const helloBoxed = [];
  for (let i = 0; i < N; i++) {
    checkInterrupted();
    const pairs = [
      [trueBare, () => timed(['/usr/bin/true'])],
      [trueBoxed, () => inBox(['/usr/bin/true'])],
      [helloBare, () => timed(hello, [], { cwd: path.join(runDir, 'project'), env })],
      [helloBoxed, () => timed(['bwrap', ...box.args, ...hello], box.inputs, { env })],
    ];
    // Alternate which goes first, so neither always runs on a warmer machine.
    for (const [into, run] of i % 2 ? pairs.reverse() : pairs) into.push(await run());
  }
  const added = median(trueBoxed) - median(trueBare);
  return {
    name: 'sandbox_overhead',
    value: round(added),
    unit: 'ms',
    p95: round(percentile(trueBoxed, 95) - percentile(trueBare, 95)),
    baseline: round(median(trueBare)),
    sandboxed: round(median(trueBoxed)),
    hello_bare: round(median(helloBare)),
    hello_sandboxed: round(median(helloBoxed)),
    hello_added: round(median(helloBoxed) - median(helloBare)),
    n: N,
  };
}

async function sliceOverhead(product, token, tmp, watcher) {
  if (process.getuid?.() !== 0) return { name: 'slice_overhead', skipped: 'needs root (network namespaces for the SSH sites)' };
  const { startSshSites } = await import('../backend/dist/testing/ssh-sites.js');
  const sites = await startSshSites(['epc', 'mec', 'cran']);
  try {
    const gql = async (query, variables) => {
      const res = await product.graphql(query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const key = (
      await gql('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
        i: { name: 'bench-lab-key', type: 'ssh_key', inputs: { username: 'root' }, secrets: { private_key: sites.privateKey } },
      })
    ).createCredential.id;
    const providers = {};
    for (const site of sites.sites) {
      providers[site.name] = (
        await gql('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
          i: {
            name: `bench_${site.name}`,
            type: 'ssh',
            credentialId: key,
            config: { hosts: [{ name: `${site.name}1`, address: site.address }], sshArgs: sites.sshArgs },
          },
        })
      ).createProvider.id;
    }
    const templateId = (await gql('{ serviceTemplates(catalog: "5G") { id name } }')).serviceTemplates.find((t) => t.name.startsWith('5G slice')).id;
    const until = watcher.until;
    // Bare: the same playbooks and inventory (one group per site, the same key and ssh options).
    const bareDir = path.join(tmp, 'slice-bare');
    fs.cpSync(path.join(ROOT, 'playbooks'), bareDir, { recursive: true });
    fs.writeFileSync(path.join(bareDir, 'id_key'), sites.privateKey, { mode: 0o600 });
    const inventory = {
      all: {
        children: Object.fromEntries(
          sites.sites.map((s) => [
            s.name,
            {
              hosts: { [`${s.name}1`]: { ansible_host: s.address } },
              vars: {
                ansible_user: 'root',
                ansible_connection: 'ssh',
                ansible_ssh_common_args: sites.sshArgs,
                ansible_ssh_private_key_file: path.join(bareDir, 'id_key'),
              },
            },
          ]),
        ),
      },
    };
    fs.writeFileSync(path.join(bareDir, 'inventory.json'), JSON.stringify(inventory));
    const ansible = (playbook, deployment) =>
      new Promise((resolve, reject) => {
        const child = spawn('ansible-playbook', ['-i', path.join(bareDir, 'inventory.json'), '-e', `deployment=${deployment}`, path.join(bareDir, playbook)], {
          cwd: bareDir,
          stdio: 'ignore',
          env: { ...process.env, ANSIBLE_HOST_KEY_CHECKING: 'false', ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(tmp, 'cp') },
        });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${playbook} exited ${code}`))));
      });
    const portal = [];
    const bare = [];
    for (let i = 0; i < SLICE_N; i++) {
      checkInterrupted();
      let t0 = performance.now();
      const ordered = (
        await gql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: {
            templateId,
            dialogValues: { epc_provider: providers.epc, mec_provider: providers.mec, cran_provider: providers.cran, deployment: `bench${i}`, plmn: '00101' },
          },
        })
      ).orderService.id;
      const done = await until(ordered);
      portal.push(performance.now() - t0);
      if (done.status !== 'finished') throw new Error(`slice order ${done.status}: ${done.message}`);
      const retire = (await gql('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service.id })).retireService.id;
      await until(retire);

      t0 = performance.now();
      for (const playbook of ['5g/epc.yml', '5g/mec.yml', '5g/cran.yml']) await ansible(playbook, `bare${i}`);
      bare.push(performance.now() - t0);
      for (const playbook of ['5g/cran-retire.yml', '5g/mec-retire.yml', '5g/epc-retire.yml']) await ansible(playbook, `bare${i}`);
      say(`slice ${i + 1}/${SLICE_N}: portal ${round(portal[i])} ms, bare ${round(bare[i])} ms`);
    }
    return {
      name: 'slice_overhead',
      value: round(median(portal)),
      unit: 'ms',
      baseline: round(median(bare)),
      ratio: Math.round((median(portal) / median(bare)) * 1000) / 1000,
      sites: 3,
      n: SLICE_N,
    };
  } finally {
    await sites.destroy();
  }
}

/** The OpenStack Heat stack item through the portal against its playbook run bare, on a real Keystone + Heat. */
async function heatStackOverhead(product, token, tmp, watcher) {
  const missing = ['keystone-manage', 'heat-all', 'sqlite3'].filter((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
  if (missing.length)
    return {
      name: 'heat_stack_overhead',
      skipped: `needs Keystone and Heat (apt-get install keystone heat-api heat-engine sqlite3): ${missing.join(', ')} missing`,
    };
  const { startOpenStackSite } = await import('../backend/dist/testing/openstack-site.js');
  say('Starting Keystone and Heat...');
  const cloud = await startOpenStackSite();
  try {
    const gql = async (query, variables) => {
      const res = await product.graphql(query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const credentialId = (
      await gql('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
        i: {
          name: 'bench-cloud',
          type: 'openstack',
          inputs: { auth_url: cloud.authUrl, username: cloud.username, project_name: cloud.project },
          secrets: { password: cloud.password },
        },
      })
    ).createCredential.id;
    const providerId = (
      await gql('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
        i: { name: 'bench_cloud', type: 'openstack', credentialId, config: { region: cloud.region } },
      })
    ).createProvider.id;
    const templateId = (await gql('{ serviceTemplates(catalog: "Cloud") { id name } }')).serviceTemplates.find((t) => t.name === 'OpenStack Heat stack').id;
    const until = watcher.until;
    // Bare: the same playbooks, and the variables the portal gives an openstack provider's group.
    const bareDir = path.join(tmp, 'heat-bare');
    fs.cpSync(path.join(ROOT, 'playbooks'), bareDir, { recursive: true });
    const auth = {
      auth_type: 'password',
      auth_url: cloud.authUrl,
      username: cloud.username,
      password: cloud.password,
      project_name: cloud.project,
      user_domain_name: 'Default',
      project_domain_name: 'Default',
    };
    const inventory = {
      all: {
        hosts: { localhost: { ansible_connection: 'local', ansible_python_interpreter: '{{ ansible_playbook_python }}' } },
        vars: { openstack_auth: auth, openstack_region: cloud.region },
      },
    };
    fs.writeFileSync(path.join(bareDir, 'inventory.json'), JSON.stringify(inventory), { mode: 0o600 });
    const ansible = (playbook, vars) =>
      new Promise((resolve, reject) => {
        const args = [
          '-i',
          path.join(bareDir, 'inventory.json'),
          ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
          path.join(bareDir, playbook),
        ];
        const child = spawn('ansible-playbook', args, { cwd: bareDir, stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${playbook} exited ${code}: ${out.slice(-1000)}`))));
      });
    const stackId = async (name) => {
      const resources = (await gql('mutation($id: ID!) { refreshProviderResources(id: $id) { resources } }', { id: providerId })).refreshProviderResources
        .resources;
      return resources.stacks.find((st) => st.name === name)?.id;
    };
    const values = { provider: providerId, app_name: 'bench', instances: 2, tier: 'standard' };
    const portal = [];
    const bare = [];
    const portalRun = async (i) => {
      const t0 = performance.now();
      const ordered = (
        await gql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: { templateId, dialogValues: { ...values, stack_name: `portal${i}` } },
        })
      ).orderService.id;
      const done = await until(ordered);
      portal.push(performance.now() - t0);
      if (done.status !== 'finished') throw new Error(`Heat stack order ${done.status}: ${done.message}`);
      const retire = (await gql('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service.id })).retireService.id;
      const retired = await until(retire);
      if (retired.status !== 'finished') throw new Error(`Heat stack retirement ${retired.status}: ${retired.message}`);
    };
    const bareRunHeat = async (i) => {
      const t0 = performance.now();
      await ansible('openstack/heat-stack.yml', { stack_name: `bare${i}`, app_name: 'bench', instances: 2, tier: 'standard' });
      bare.push(performance.now() - t0);
      await ansible('openstack/heat-stack-delete.yml', { stack_name: `bare${i}`, stack_id: await stackId(`bare${i}`) });
    };
    for (let i = 0; i < HEAT_N; i++) {
      checkInterrupted();
      if (i % 2 === 0) {
        await portalRun(i);
        await bareRunHeat(i);
      } else {
        await bareRunHeat(i);
        await portalRun(i);
      }
      say(`Heat stack ${i + 1}/${HEAT_N}: portal ${round(portal[i])} ms, bare ${round(bare[i])} ms`);
    }
    return {
      name: 'heat_stack_overhead',
      value: round(median(portal)),
      unit: 'ms',
      baseline: round(median(bare)),
      ratio: Math.round((median(portal) / median(bare)) * 1000) / 1000,
      n: HEAT_N,
    };
  } finally {
    await cloud.destroy();
  }
}

async function gitBenchmarks(product, token, tmp) {
  // refresh_50: many repositories whose remotes all moved, refreshed together.
  const upstream = makeUpstream(path.join(tmp, 'upstream-50'), { 'site.yml': PLAY('site'), 'roles/web/tasks/main.yml': '- debug: msg=x\n' });
  for (let i = 0; i < REPOS; i++) {
    const made = await product.graphql(
      'mutation($n: String!, $u: String!) { createGitRepo(input: { name: $n, url: $u }) { id } }',
      { n: `bench-${i}`, u: upstream.url },
      token,
    );
    if (made.errors) throw new Error(`createGitRepo: ${JSON.stringify(made.errors)}`);
  }
  await syntaxChecksDone(product, token);
  upstream.move(1);
  const t0 = performance.now();
  const all = await product.graphql('mutation { refreshAllGitRepos { name refreshes(take: 1) { status } } }', {}, token);
  const refreshAllMs = performance.now() - t0;
  const fetched = all.data.refreshAllGitRepos.filter((r) => r.name.startsWith('bench-') && r.refreshes[0].status === 'successful').length;
  if (fetched !== REPOS) throw new Error(`refreshAllGitRepos fetched ${fetched} of ${REPOS}: ${JSON.stringify(all).slice(0, 500)}`);
  const refresh50 = { name: 'refresh_50', value: round(refreshAllMs), unit: 'ms', repos: REPOS, per_repo: round(refreshAllMs / REPOS) };
  say(`refresh of ${REPOS} moved repositories: ${refresh50.value} ms (${refresh50.per_repo} ms each)`);
  await syntaxChecksDone(product, token);

  // discovery_1000: a repository of 1,000 playbooks (and roles and vars that are not playbooks).
  const files = { 'group_vars/all.yml': 'a: 1\n', 'roles/r/tasks/main.yml': '- debug: msg=x\n' };
  for (let i = 0; i < DISCOVERY_PLAYBOOKS; i++) files[`plays/p${String(i).padStart(4, '0')}.yml`] = PLAY(i);
  const big = makeUpstream(path.join(tmp, 'upstream-1000'), files);
  const times = [];
  for (let i = 0; i < DISCOVERY_N; i++) {
    const t = performance.now();
    const made = await product.graphql(
      'mutation($n: String!, $u: String!) { createGitRepo(input: { name: $n, url: $u }) { id refreshes(take: 1) { durationMs } } }',
      { n: `big-${i}`, u: big.url },
      token,
    );
    times.push(performance.now() - t);
    if (made.errors) throw new Error(`createGitRepo: ${JSON.stringify(made.errors)}`);
    const count = await product.graphql('query($id: ID!) { gitRepo(id: $id) { playbooks { path } } }', { id: made.data.createGitRepo.id }, token);
    if (count.data.gitRepo.playbooks.length !== DISCOVERY_PLAYBOOKS)
      throw new Error(`found ${count.data.gitRepo.playbooks.length} playbooks, not ${DISCOVERY_PLAYBOOKS}`);
    say(`discovery ${i + 1}/${DISCOVERY_N}: ${round(times[i])} ms (refresh itself ${made.data.createGitRepo.refreshes[0].durationMs} ms)`);
  }
  const discovery = { name: 'discovery_1000', value: round(median(times)), unit: 'ms', playbooks: DISCOVERY_PLAYBOOKS, n: DISCOVERY_N };
  return [refresh50, discovery];
}

/** "Run a playbook" of `product`, and the values that order hello.yml with it. */
async function helloOrder(product, token) {
  const templates = await product.graphql('{ serviceTemplates { id name dialog } }', {}, token);
  const template = templates.data?.serviceTemplates?.find((t) => t.name === 'Run a playbook');
  if (!template) throw new Error(`no "Run a playbook" template: ${JSON.stringify(templates)}`);
  const fields = template.dialog.tabs.flatMap((t) => t.boxes.flatMap((b) => b.fields));
  const provider = fields.find((f) => f.name === 'provider');
  return { template, dialogValues: { playbook: 'hello.yml', provider: provider.default ?? provider.choices[0].value, extra_vars: `name: ${NAME}` } };
}

/** Terminal statuses of a request. */
const ENDED = ['finished', 'failed', 'canceled', 'denied'];

/**
 * Waits until `expected` requests created at or after `since` have ended (polling their count every
 * 200 ms); gives up when none ended for BURST_STALL_MS. Resolves with { finished, ended, at } (at: the
 * performance.now() the last one was seen ended).
 */
async function drained(product, token, since, expected) {
  const count = async (statuses) =>
    (
      await gqlData(
        product,
        'query($f: ServiceRequestFilter) { serviceRequestCount(filter: $f) }',
        { f: { statuses, createdAfter: since.toISOString() } },
        token,
      )
    ).serviceRequestCount;
  let ended = 0;
  let progressed = performance.now();
  for (;;) {
    checkInterrupted();
    const now = await count(ENDED);
    if (now !== ended) {
      ended = now;
      progressed = performance.now();
    }
    if (ended >= expected) break;
    if (performance.now() - progressed > BURST_STALL_MS) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { finished: await count(['finished']), ended, at: progressed };
}

/**
 * order_burst: BURST_N orders of "Run a playbook" (hello.yml) from BURST_CLIENTS clients at once, each
 * ordering as soon as its previous order was answered (its own HTTP connection, the administrator's
 * token); the product's workers run them meanwhile, as they would. Accepted per second over the
 * burst, orderService's p50/p99 as the clients saw it, then every order followed to its end.
 */
async function orderBurst(product, token, templateId, dialogValues) {
  const since = new Date(Date.now() - 1000);
  const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }';
  const times = [];
  const refused = [];
  let next = 0;
  const client = async () => {
    while (next < BURST_N) {
      checkInterrupted();
      next++;
      const t0 = performance.now();
      const res = await product.graphql(ORDER, { i: { templateId, dialogValues } }, token);
      const ms = performance.now() - t0;
      if (res.errors) refused.push(res.errors[0]?.message ?? JSON.stringify(res.errors));
      else times.push(ms);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: BURST_CLIENTS }, client));
  const burstMs = performance.now() - started;
  if (refused.length) say(`order_burst: ${refused.length} orders refused, the first: ${refused[0]}`);
  say(`order_burst: ${times.length} orders accepted in ${round(burstMs)} ms; waiting for them to end...`);
  const end = await drained(product, token, since, times.length);
  const drainedMs = end.at - started;
  return {
    name: 'order_burst',
    value: Math.round((times.length / burstMs) * 1000),
    unit: 'orders/s',
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    accepted: times.length,
    refused: refused.length,
    finished: end.finished,
    lost: times.length - end.finished,
    burst_ms: round(burstMs),
    all_ended_ms: round(drainedMs),
    clients: BURST_CLIENTS,
    goal: '>= 500 accepted/s, p99_ms <= 50, lost 0',
    n: BURST_N,
  };
}

/** The resident memory of a process, in MB (null once it is gone). */
function rssMb(pid) {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round((Number(kb) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * run_throughput and memory: an api (ROLE=api) and a worker (ROLE=worker, WORKER_CONCURRENCY =
 * RUN_PARALLEL) started for them, on their own database and Redis database. Their RSS idle (once
 * started and the built-in playbooks checked, after a pause); then RUN_N hello.yml orders (in bulk,
 * orderServices, 100 a call) drained by the worker against the same RUN_N bare ansible-playbook runs
 * started by `xargs -P RUN_PARALLEL`, bare first; wall times and their ratio, and the RSS of both
 * processes sampled every 200 ms during the portal's side (its peak).
 */
async function runThroughput(env, bareDir) {
  const { startProduct, startWorker } = await import('../test/support/product.mjs');
  const api = await startProduct({ env: { ...env, ROLE: 'api', WORKER_CONCURRENCY: String(RUN_PARALLEL) } });
  try {
    const worker = await startWorker(api, { WORKER_CONCURRENCY: String(RUN_PARALLEL) });
    const token = await api.login();
    const { template, dialogValues } = await helloOrder(api, token);
    const templateId = template.id;
    await syntaxChecksDone(api, token);
    await new Promise((r) => setTimeout(r, 5000));
    const idle = { api: rssMb(api.process.pid), worker: rssMb(worker.process.pid) };
    say(`memory idle: api ${idle.api} MB, worker ${idle.worker} MB`);

    // One of each untimed, so neither side pays for cold caches.
    await gqlData(api, 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId, dialogValues } }, token);
    await drained(api, token, new Date(Date.now() - 60_000), 1);
    await bareRun(bareDir);

    const bareStarted = performance.now();
    // Not spawnSync: the bench's own connections (the request watcher's WebSocket) must keep being served meanwhile.
    const xargs = await new Promise((resolve, reject) => {
      const child = spawn(
        'sh',
        [
          '-c',
          `seq ${RUN_N} | xargs -P ${RUN_PARALLEL} -I{} ansible-playbook -i localhost, -c local hello.yml -e '${JSON.stringify({ name: NAME })}' > /dev/null`,
        ],
        { cwd: bareDir, env: { ...process.env, ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      child.once('error', reject);
      child.once('exit', (status) => resolve({ status, stderr }));
    });
    const bareMs = performance.now() - bareStarted;
    if (xargs.status !== 0) throw new Error(`xargs ansible-playbook exited ${xargs.status}: ${xargs.stderr.slice(0, 500)}`);
    say(`run_throughput: ${RUN_N} bare runs, ${RUN_PARALLEL} at a time: ${round(bareMs)} ms`);

    const peak = { api: idle.api, worker: idle.worker };
    const sampler = setInterval(() => {
      peak.api = Math.max(peak.api, rssMb(api.process.pid) ?? 0);
      peak.worker = Math.max(peak.worker, rssMb(worker.process.pid) ?? 0);
    }, 200);
    let portalMs;
    let end;
    try {
      const since = new Date(Date.now() - 1000);
      const started = performance.now();
      let accepted = 0;
      for (let i = 0; i < RUN_N; i += 100) {
        const inputs = Array.from({ length: Math.min(100, RUN_N - i) }, () => ({ templateId, dialogValues }));
        const { orderServices } = await gqlData(
          api,
          'mutation($i: [OrderServiceInput!]!) { orderServices(inputs: $i) { request { id } error { message } } }',
          { i: inputs },
          token,
        );
        const failed = orderServices.find((r) => r.error);
        if (failed) throw new Error(`orderServices: ${failed.error.message}`);
        accepted += orderServices.length;
      }
      end = await drained(api, token, since, accepted);
      portalMs = end.at - started;
    } finally {
      clearInterval(sampler);
    }
    if (end.finished !== RUN_N) throw new Error(`${end.finished} of ${RUN_N} orders finished (${end.ended} ended)`);
    say(`run_throughput: ${RUN_N} orders drained by the worker in ${round(portalMs)} ms; peak RSS api ${peak.api} MB, worker ${peak.worker} MB`);
    return [
      {
        name: 'run_throughput',
        value: round(portalMs),
        unit: 'ms',
        baseline: round(bareMs),
        ratio: Math.round((portalMs / bareMs) * 1000) / 1000,
        parallel: RUN_PARALLEL,
        goal: 'ratio <= 1.10',
        n: RUN_N,
      },
      {
        name: 'memory',
        value: Math.max(idle.api, idle.worker),
        unit: 'MB',
        api_idle_mb: idle.api,
        worker_idle_mb: idle.worker,
        api_run_peak_mb: peak.api,
        worker_run_peak_mb: peak.worker,
        goal: '<= 250 MB idle each',
      },
    ];
  } finally {
    await api.stop();
  }
}

/**
 * Runs one entry (or a group measured together): its results are reported, or, when it fails,
 * `{"name", "error"}` for each of its names, and the other entries go on.
 */
async function measure(names, run) {
  if (!wanted(...names)) return;
  try {
    const out = await run();
    for (const result of [out].flat()) if (result) results.push(result);
  } catch (error) {
    checkInterrupted();
    say(`${names.join(', ')} failed: ${error.stack ?? error.message}`);
    for (const name of names) if (wanted(name)) results.push({ name, error: error.message });
  }
}

/** The report: every wanted entry in ENTRIES' order, each with its figures or its error (`reason` for those that never ran). */
function report(reason) {
  const done = new Set(results.map((r) => r.name));
  for (const name of ENTRIES) if (wanted(name) && !done.has(name)) results.push({ name, error: reason ?? 'not run' });
  const rank = (r) => (ENTRIES.includes(r.name) ? ENTRIES.indexOf(r.name) : ENTRIES.length);
  return { benchmarks: results.sort((a, b) => rank(a) - rank(b)) };
}

async function main() {
  toolOutputToStderr();
  // As npm test does: as root, the SSH test hosts' and OpenStack's packages of the entries that need them
  // are installed too; otherwise those entries report that they were skipped, and why.
  const root = process.getuid?.() === 0;
  await prepare({
    redis: true,
    chromium: root && wanted('ui_first_load'),
    sshHosts: root && wanted('slice_overhead'),
    openstack: root && wanted('heat_stack_overhead'),
  });
  const tmp = await makeTempDir('superfluid-bench-');
  const cleanups = [() => fs.promises.rm(tmp, { recursive: true, force: true })];
  try {
    const { pg, statements } = await startBenchPostgres(path.join(tmp, 'postgres'), wanted('catalog_page_p99'));
    cleanups.unshift(pg.stop);
    const redis = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort(), persistent: false });
    cleanups.unshift(redis.stop);
    process.env.DATABASE_URL = pg.adminUrl;
    process.env.REDIS_URL = redis.url;

    const { startProduct } = await import('../test/support/product.mjs');
    say('Starting the product (ROLE=all)...');
    // The product's playbooks: the shipped ones plus the loop playbook of this benchmark.
    const playbooks = path.join(tmp, 'playbooks');
    fs.cpSync(path.join(ROOT, 'playbooks'), playbooks, { recursive: true });
    fs.writeFileSync(path.join(playbooks, 'loop.yml'), LOOP_PLAYBOOK);
    // The refresh and discovery benchmarks use file:// repositories in the bench's temp folder.
    // Loopback webhooks: notify_overhead's receivers run beside the product.
    const product = await startProduct({ env: { ROLE: 'all', PLAYBOOKS_DIR: playbooks, GIT_FILE_REMOTE_DIRS: tmp, WEBHOOK_ALLOW_LOOPBACK: 'true' } });
    cleanups.unshift(product.stop);
    const token = await product.login();
    const watcher = await requestWatcher(product, token);
    cleanups.unshift(watcher.close);
    const { template, dialogValues } = await helloOrder(product, token);

    const bareDir = path.join(tmp, 'bare');
    fs.mkdirSync(bareDir);
    fs.copyFileSync(path.join(ROOT, 'playbooks', 'hello.yml'), path.join(bareDir, 'hello.yml'));
    fs.writeFileSync(path.join(bareDir, 'loop.yml'), LOOP_PLAYBOOK);

    // The product syntax-checks the playbooks it has just published in the background: the
    // timed runs start once that is done, so they measure launches, not the start-up's checks.
    await syntaxChecksDone(product, token);
    for (let i = 0; i < WARMUP; i++) {
      say(`warm-up ${i + 1}/${WARMUP}...`);
      await portalRun(product, token, template.id, dialogValues, watcher);
      await bareRun(bareDir);
    }
    await measure(['launch_overhead'], async () => {
      const portal = [];
      const bare = [];
      for (let i = 0; i < N; i++) {
        checkInterrupted();
        // Alternate which goes first, so neither always runs on a warmer machine.
        if (i % 2 === 0) {
          portal.push(await portalRun(product, token, template.id, dialogValues, watcher));
          bare.push(await bareRun(bareDir));
        } else {
          bare.push(await bareRun(bareDir));
          portal.push(await portalRun(product, token, template.id, dialogValues, watcher));
        }
        say(`${i + 1}/${N}: portal ${round(portal[i])} ms, bare ansible-playbook ${round(bare[i])} ms`);
      }

      const result = {
        name: 'launch_overhead',
        value: round(median(portal)),
        unit: 'ms',
        baseline: round(median(bare)),
        ratio: Math.round((median(portal) / median(bare)) * 1000) / 1000,
        p95: round(percentile(portal, 95)),
        baseline_p95: round(percentile(bare, 95)),
        n: N,
      };
      say(
        `portal: median ${result.value} ms, p95 ${result.p95} ms; bare: median ${result.baseline} ms, p95 ${result.baseline_p95} ms; ` +
          `ratio ${result.ratio}; overhead ${round(median(portal) - median(bare))} ms`,
      );
      return result;
    });

    // refresh_unchanged: refreshGitRepo on the built-in repository, whose remote has not moved.
    await measure(['refresh_unchanged'], async () => {
      const repoId = (await product.graphql('{ gitRepos { id builtin } }', {}, token)).data.gitRepos.find((r) => r.builtin).id;
      const refreshTimes = [];
      for (let i = 0; i < N; i++) {
        const t0 = performance.now();
        const res = await product.graphql('mutation($id: ID!) { refreshGitRepo(id: $id) { refreshes(take: 1) { status } } }', { id: repoId }, token);
        refreshTimes.push(performance.now() - t0);
        if (res.data?.refreshGitRepo.refreshes[0].status !== 'unchanged') throw new Error(`refresh was not skipped: ${JSON.stringify(res)}`);
      }
      const refresh = { name: 'refresh_unchanged', value: round(median(refreshTimes)), unit: 'ms', p95: round(percentile(refreshTimes, 95)), n: N };
      say(`refresh of an unchanged repository: median ${refresh.value} ms, p95 ${refresh.p95} ms`);
      return refresh;
    });

    await measure(['event_ingestion'], async () => {
      const ingest = await ingestion(product, bareDir);
      say(`ingestion: ${ingest.events} events stored in ${ingest.seconds} s = ${ingest.eventsPerSecond} events/s`);
      // cpu_seconds: the ingesting process's own CPU time (PostgreSQL's is not in it), less inflated than the wall time on a busy machine.
      return {
        name: 'event_ingestion',
        value: ingest.eventsPerSecond,
        unit: 'events/s',
        events: ingest.events,
        seconds: ingest.seconds,
        cpu_seconds: ingest.cpuSeconds,
        goal: '>= 100,000 events/s',
      };
    });

    await measure(['loop_overhead', 'event_lag_p99'], async () => {
      const loopValues = { ...dialogValues, playbook: 'loop.yml', extra_vars: `items: ${LOOP_ITEMS}` };
      const loopPortal = [];
      const loopBare = [];
      const lags = [];
      for (let i = 0; i < LOOP_N; i++) {
        checkInterrupted();
        // Alternate which goes first, as for launch_overhead.
        const bare = () => bareRun(bareDir, 'loop.yml', { items: LOOP_ITEMS }, 'PLAY RECAP');
        if (i % 2 === 1) loopBare.push(await bare());
        const run = await portalRunWithLag(product, token, template.id, loopValues, watcher);
        loopPortal.push(run.ms);
        lags.push(...run.lags);
        if (i % 2 === 0) loopBare.push(await bare());
        say(`loop ${i + 1}/${LOOP_N}: portal ${round(run.ms)} ms (${run.lags.length} events streamed), bare ${round(loopBare[i])} ms`);
      }
      const loop = {
        name: 'loop_overhead',
        value: round(median(loopPortal)),
        unit: 'ms',
        baseline: round(median(loopBare)),
        ratio: Math.round((median(loopPortal) / median(loopBare)) * 1000) / 1000,
        items: LOOP_ITEMS,
        n: LOOP_N,
      };
      const lag = {
        name: 'event_lag_p99',
        value: round(percentile(lags, 99)),
        unit: 'ms',
        p50: round(percentile(lags, 50)),
        max: round(Math.max(...lags)),
        n: lags.length,
      };
      say(`loop: portal ${loop.value} ms, bare ${loop.baseline} ms, ratio ${loop.ratio}; event lag p50 ${lag.p50} ms, p99 ${lag.value} ms`);
      return [loop, lag];
    });

    await measure(['sandbox_overhead'], async () => {
      const sandbox = await sandboxOverhead(tmp);
      say(
        `sandbox: ${sandbox.value} ms added to a launch (true: ${sandbox.baseline} ms, in the sandbox ${sandbox.sandboxed} ms); ` +
          `hello.yml bare ${sandbox.hello_bare} ms, in the sandbox ${sandbox.hello_sandboxed} ms (${sandbox.hello_added} ms)`,
      );
      return sandbox;
    });

    await measure(['slice_overhead'], async () => {
      const slice = await sliceOverhead(product, token, tmp, watcher);
      if (slice.skipped) say(`slice_overhead skipped: ${slice.skipped}`);
      else say(`5G slice on three SSH sites: portal ${slice.value} ms, bare ${slice.baseline} ms, ratio ${slice.ratio}`);
      return slice;
    });

    await measure(['heat_stack_overhead'], async () => {
      const heat = await heatStackOverhead(product, token, tmp, watcher);
      if (heat.skipped) say(`heat_stack_overhead skipped: ${heat.skipped}`);
      else say(`OpenStack Heat stack: portal ${heat.value} ms, bare ${heat.baseline} ms, ratio ${heat.ratio}`);
      return heat;
    });

    await measure(['order_validation_p99'], async () => {
      const validation = await new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'backend/dist/cli/bench-dialog.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`bench-dialog exited ${code}`))));
      });
      say(`order validation against a 50-field dialog: p99 ${validation.value} ms, p50 ${validation.p50} ms`);
      return validation;
    });

    await measure(['authz_overhead'], async () => {
      const authz = await authzOverhead(product, token, template.id, dialogValues);
      say(
        `orderService: administrator p50 ${authz.admin_p50_ms} ms, p99 ${authz.admin_p99_ms} ms; East's requester p50 ${authz.requester_p50_ms} ms, ` +
          `p99 ${authz.requester_p99_ms} ms; added p99 ${authz.added_p99_ms} ms`,
      );
      return authz;
    });

    await measure(['order_burst'], async () => {
      const burst = await orderBurst(product, token, template.id, dialogValues);
      say(
        `order_burst: ${burst.value} orders/s accepted from ${burst.clients} clients, orderService p50 ${burst.p50_ms} ms, p99 ${burst.p99_ms} ms; ` +
          `${burst.finished} of ${burst.accepted} finished (${burst.lost} not), all ended after ${burst.all_ended_ms} ms`,
      );
      return burst;
    });

    // An api and a worker of their own, so that each one's memory is its own.
    await measure(['run_throughput', 'memory'], () =>
      runThroughput({ PLAYBOOKS_DIR: playbooks, GIT_FILE_REMOTE_DIRS: tmp, WEBHOOK_ALLOW_LOOPBACK: 'true' }, bareDir),
    );

    await measure(['approval_overhead'], async () => {
      const approval = await approvalOverhead(product, token, template.id, dialogValues);
      say(`approval_overhead: with policy and quotas median ${approval.value} ms, without ${approval.baseline} ms, ratio ${approval.ratio}`);
      return approval;
    });

    await measure(['notify_overhead'], async () => {
      const notify = await notifyOverhead(product, token, template.id, dialogValues, watcher);
      say(
        `notify_overhead: with three webhooks median ${notify.value} ms, without ${notify.baseline} ms, ratio ${notify.ratio}; ` +
          `deliveries p50 ${notify.delivery_p50_ms} ms, p99 ${notify.delivery_p99_ms} ms after the request ended`,
      );
      return notify;
    });

    await measure(['catalog_page_p99'], async () => {
      const catalog = await catalogPage(product, token, pg.adminUrl, statements);
      say(
        `catalog page of 50 (and the count) for East's requester, ${catalog.visible_items} of ${catalog.items} items visible: p99 ${catalog.p99_ms} ms, ` +
          `p50 ${catalog.p50_ms} ms (administrator p99 ${catalog.admin_p99_ms} ms), ${catalog.statements_per_page} SQL statements per page`,
      );
      return catalog;
    });

    await measure(['ui_first_load'], async () => {
      const ui = await uiFirstLoad(product, token);
      say(`ui_first_load: the catalog's first card after ${ui.first_card_ms} ms, ${ui.value} KB transferred (${ui.javascript_kb} KB of JavaScript)`);
      return ui;
    });

    // Last: the syntax checks that follow a refresh would load the machine during the runs above.
    await measure(['refresh_50', 'discovery_1000'], () => gitBenchmarks(product, token, tmp));
    return report();
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        say(`cleanup: ${error.message}`);
      }
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!interrupted) say(`${signal}: stopping after the current run...`);
    interrupted = true;
  });
}

main().then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  },
  (error) => {
    say(interrupted ? 'bench interrupted' : `bench failed: ${error.commandFailed ? error.message : (error.stack ?? error.message)}`);
    // Still one JSON document, last: what was measured, and why the rest was not.
    process.stdout.write(`${JSON.stringify(report(interrupted ? 'interrupted' : `the bench stopped before this entry: ${error.message}`))}\n`);
    process.exit(interrupted ? 130 : 1);
  },
);
