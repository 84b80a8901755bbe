import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { newEnv, orderService, providerIdByName, requestEnded, startTestApp, type TestApp, templateIdByName, waitFor } from '../testing/harness.js';
import { finished, order } from '../testing/run-a-playbook.js';
import { PROJECT_ROOT } from '../config/config.js';
import { gitIn, TEAM_DIALOG, TEAM_PLAY, TEAM_TEMPLATE } from '../git-repos/git-test-fixtures.js';
import { InstanceRegistry } from './instance-registry.js';

/** The backend's version, as each instance reports it. */
const VERSION = (JSON.parse(await readFile(join(PROJECT_ROOT, 'backend', 'package.json'), 'utf8')) as { version: string }).version;

const SECRET_KEY = 'instances-test-secret-key-0123456789';

/** git in a folder of its own, talking to the portal over real smart HTTP; the credential goes in the environment, never in arguments. */
function gitWith(dir: string, user: string, password: string) {
  const auth = `Authorization: Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return gitIn(dir, { ...process.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: auth, GIT_TERMINAL_PROMPT: '0' });
}

/** Creates the hosted repository "team" and pushes a playbook, a dialog and an item to it with an API token of the admin's. */
async function pushTeamRepo(api: TestApp): Promise<{ id: string; head: string }> {
  const made = await api.gql<{ createGitRepo: { id: string } }>('mutation { createGitRepo(input: { name: "team", hosted: true }) { id } }');
  assert.equal(made.errors, undefined, JSON.stringify(made.errors));
  const token = (await api.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "push") { token } }')).data!.createApiToken.token;
  const dir = await mkdtemp(join(tmpdir(), 'instances-push-'));
  try {
    const git = gitWith(dir, 'anyone', token);
    const cloned = await git('clone', '--quiet', `${api.url}/git/team.git`, '.');
    assert.ok(cloned.ok, cloned.out);
    const files = {
      'greet.yml': TEAM_PLAY,
      'catalog/dialogs/team-greeting.yaml': TEAM_DIALOG,
      'catalog/templates/greeting.yaml': TEAM_TEMPLATE('Team greeting'),
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await git('add', '--all');
    await git('commit', '--quiet', '-m', 'first');
    const pushed = await git('push', 'origin', 'HEAD:main');
    assert.ok(pushed.ok, pushed.out);
    return { id: made.data!.createGitRepo.id, head: (await git('rev-parse', 'HEAD')).out.trim() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const remoteOf = async (mirror: string) => {
  const config = await readFile(join(mirror, 'config'), 'utf8');
  return /\[remote "origin"\][^[]*?url = (\S+)/.exec(config)?.[1];
};

interface Instance {
  id: string;
  hostname: string;
  role: string;
  version: string;
  concurrency: number;
  runningJobs: number;
  startedAt: string;
  heartbeatAt: string;
  state: string;
}
const INSTANCES = '{ instances { id hostname role version concurrency runningJobs startedAt heartbeatAt state } }';

describe('workers on other hosts (PORTAL_URL) and the worker registry', () => {
  test("a worker with PORTAL_URL and a data folder of its own fetches hosted repositories over the api's git remote and runs their orders", async () => {
    const env = await newEnv();
    // Only the other process runs jobs.
    const api = await startTestApp(env, { ROLE: 'api', SECRET_KEY }, { owner: false });
    const elsewhere = await mkdtemp(join(tmpdir(), 'superfluid-worker-'));
    let worker: TestApp | undefined;
    try {
      worker = await startTestApp({ ...env, dataDir: elsewhere }, { ROLE: 'worker', SECRET_KEY, PORTAL_URL: api.url }, { owner: false });

      // The repositories' own URLs name the api's folders: made to lead nowhere, so that a worker
      // reading the api's DATA_DIR would fail (the api, which has run no fetch since, does not mind).
      const nowhere = () => api.sql(`UPDATE git_repos SET url = 'file:///nonexistent/' || name || '.git' WHERE hosted`);
      await nowhere();

      // The built-in repository.
      const builtin = await order(api, { playbook: 'hello.yml', extra_vars: 'name: elsewhere' });
      const r = await finished(api, builtin.data!.orderService.id);
      assert.equal(r.status, 'finished', r.message ?? '');
      assert.equal(r.service?.outputs.greeting, 'Hello, elsewhere!');
      const [playbooks] = await api.sql<{ id: string }>(`SELECT id FROM git_repos WHERE name = 'playbooks'`);
      assert.equal(await remoteOf(join(elsewhere, 'mirrors', `${playbooks.id}.git`)), `${api.url}/git/playbooks.git`);

      // A hosted repository pushed to the api.
      const team = await pushTeamRepo(api);
      await nowhere();
      const id = await orderService(api, await templateIdByName(api, 'Team greeting'), { provider: await providerIdByName(api), who: 'the team' });
      const ended = await requestEnded<{ status: string; message: string | null; service: { outputs: Record<string, unknown> } | null }>(
        api,
        id,
        'status message service { outputs }',
      );
      assert.equal(ended.status, 'finished', ended.message ?? '');
      assert.equal(ended.service?.outputs.greeting, 'Hi, the team');
      const mirror = join(elsewhere, 'mirrors', `${team.id}.git`);
      assert.equal(await remoteOf(mirror), `${api.url}/git/team.git`);

      // Nothing of the api's folder in the worker's mirrors, and no credential left behind after the fetches.
      for (const name of await readdir(join(elsewhere, 'mirrors'))) {
        const config = await readFile(join(elsewhere, 'mirrors', name, 'config'), 'utf8');
        assert.doesNotMatch(config, /file:\/\//, `${name}: ${config}`);
        assert.ok(!existsSync(join(elsewhere, 'mirrors', name, 'superfluid-auth.config')), `${name} keeps no credential`);
      }
      assert.ok(!existsSync(join(elsewhere, 'secret.key')), 'the worker made no key file of its own');
    } finally {
      await worker?.stop();
      await api.stop();
      await env.destroy();
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  test("a worker instance's credential fetches any hosted repository, and nothing else; it stops working once the instance is lost or stopped", async () => {
    const env = await newEnv();
    const api = await startTestApp(env, { ROLE: 'api', SECRET_KEY }, { owner: false });
    const elsewhere = await mkdtemp(join(tmpdir(), 'superfluid-worker-'));
    const work = await mkdtemp(join(tmpdir(), 'instances-cred-'));
    let worker: TestApp | undefined;
    try {
      worker = await startTestApp({ ...env, dataDir: elsewhere }, { ROLE: 'worker', SECRET_KEY, PORTAL_URL: api.url }, { owner: false });
      await pushTeamRepo(api);
      // The repository belongs to the root tenant; a worker fetches every tenant's, as it runs every tenant's jobs.
      const credential = worker.app.get(InstanceRegistry).credential()!;
      const git = gitWith(work, credential.username, credential.password);

      const cloned = await git('clone', '--quiet', `${api.url}/git/team.git`, 'team');
      assert.ok(cloned.ok, cloned.out);
      assert.ok(existsSync(join(work, 'team', 'greet.yml')));

      // Push: refused.
      await writeFile(join(work, 'team', 'more.yml'), TEAM_PLAY);
      const inTeam = gitWith(join(work, 'team'), credential.username, credential.password);
      await inTeam('add', '--all');
      await inTeam('commit', '--quiet', '-m', 'from a worker');
      const pushed = await inTeam('push', 'origin', 'HEAD:main');
      assert.equal(pushed.ok, false, pushed.out);
      assert.match(pushed.out, /403/);
      // The receive-pack endpoints themselves, without git.
      const basic = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
      const refs = await fetch(`${api.url}/git/team.git/info/refs?service=git-receive-pack`, { headers: { authorization: basic } });
      assert.equal(refs.status, 403);
      const pack = await fetch(`${api.url}/git/team.git/git-receive-pack`, { method: 'POST', headers: { authorization: basic }, body: '0000' });
      assert.equal(pack.status, 403);

      // GraphQL: the credential is no token, in either form.
      for (const authorization of [basic, `Bearer ${credential.password}`]) {
        const res = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: '{ gitRepos { id } }' }),
        });
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
        assert.equal(body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', JSON.stringify(body));
      }
      // Fetches and refusals alike leave nothing in the audit trail, and the secret nowhere in it.
      const audit = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE $1 OR message LIKE $1`, [
        `%${credential.password}%`,
      ]);
      assert.equal(audit[0].n, 0);

      // A lost instance (no heartbeat for longer than a run lease): its credential fails; back when it beats again.
      const lostSecret = 'a-secret-of-an-instance-that-was-lost';
      const [{ id: lostId }] = await api.sql<{ id: string }>(
        `INSERT INTO instances (id, hostname, role, version, concurrency, started_at, heartbeat_at, secret_hash)
         VALUES (gen_random_uuid(), 'gone-host', 'worker', '0.1.0', 4, now() - interval '1 hour', now() - interval '1 minute', $1) RETURNING id`,
        [createHash('sha256').update(lostSecret).digest('hex')],
      );
      const lost = gitWith(work, lostId, lostSecret);
      const refused = await lost('ls-remote', `${api.url}/git/team.git`);
      assert.equal(refused.ok, false, refused.out);
      const asLost = `Basic ${Buffer.from(`${lostId}:${lostSecret}`).toString('base64')}`;
      assert.equal((await fetch(`${api.url}/git/team.git/info/refs?service=git-upload-pack`, { headers: { authorization: asLost } })).status, 401);
      await api.sql(`UPDATE instances SET heartbeat_at = now() WHERE id = $1`, [lostId]);
      const again = await lost('ls-remote', `${api.url}/git/team.git`);
      assert.ok(again.ok, again.out);

      // A stopped instance: its credential fails at once.
      await worker.stop();
      worker = undefined;
      const afterStop = await git('ls-remote', `${api.url}/git/team.git`);
      assert.equal(afterStop.ok, false, afterStop.out);
      assert.equal((await fetch(`${api.url}/git/team.git/info/refs?service=git-upload-pack`, { headers: { authorization: basic } })).status, 401);
    } finally {
      await worker?.stop();
      await api.stop();
      await env.destroy();
      await rm(elsewhere, { recursive: true, force: true });
      await rm(work, { recursive: true, force: true });
    }
  });

  test('the registry: each process with the worker role appears online, its heartbeat moves, a stopped one shows stopped; requesters may not read it', async () => {
    const env = await newEnv();
    const api = await startTestApp(env, { WORKER_CONCURRENCY: '3' }, { owner: false });
    let worker: TestApp | undefined;
    try {
      worker = await startTestApp(env, { ROLE: 'worker', WORKER_CONCURRENCY: '5' }, { owner: false });
      const workerId = worker.app.get(InstanceRegistry).id;
      const apiId = api.app.get(InstanceRegistry).id;
      const list = async () => {
        const res = await api.gql<{ instances: Instance[] }>(INSTANCES);
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        return res.data!.instances;
      };
      const first = await list();
      assert.deepEqual(
        first.map((i) => [i.id, i.role, i.concurrency, i.state, i.runningJobs]).sort(),
        [
          [apiId, 'all', 3, 'online', 0],
          [workerId, 'worker', 5, 'online', 0],
        ].sort(),
      );
      assert.ok(first.every((i) => i.version === VERSION && i.hostname.length > 0));

      // Heartbeats move.
      const beat = first.find((i) => i.id === workerId)!.heartbeatAt;
      await waitFor('a newer heartbeat', async () => (await list()).find((i) => i.id === workerId && i.heartbeatAt > beat));

      // An instance that stopped heartbeating long ago is lost; one lost or stopped for over a day is forgotten.
      await api.sql(
        `INSERT INTO instances (id, hostname, role, version, concurrency, started_at, heartbeat_at, stopped_at, secret_hash) VALUES
           (gen_random_uuid(), 'lost-host', 'worker', '0.1.0', 2, now() - interval '2 hours', now() - interval '1 hour', NULL, 'x'),
           (gen_random_uuid(), 'old-lost-host', 'worker', '0.1.0', 2, now() - interval '3 days', now() - interval '2 days', NULL, 'x'),
           (gen_random_uuid(), 'old-stopped-host', 'worker', '0.1.0', 2, now() - interval '3 days', now() - interval '2 days', now() - interval '2 days', 'x')`,
      );
      assert.equal(await api.app.get(InstanceRegistry).prune(), 2);
      const withLost = await list();
      assert.deepEqual(
        withLost.filter((i) => i.hostname.includes('-host')).map((i) => [i.hostname, i.state]),
        [['lost-host', 'lost']],
      );
      assert.equal(withLost.at(-1)!.hostname, 'lost-host', 'online instances come first');

      // A clean stop.
      await worker.stop();
      worker = undefined;
      const stopped = (await list()).find((i) => i.id === workerId)!;
      assert.equal(stopped.state, 'stopped');
      assert.equal(stopped.runningJobs, 0);

      // A requester: FORBIDDEN.
      const group = (await api.gql<{ createGroup: { id: string } }>('mutation { createGroup(input: { name: "requesters", roles: ["requester"] }) { id } }'))
        .data!.createGroup.id;
      const made = await api.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { username: 'rita', email: 'rita@example.test', password: 'First-password-77', groupIds: [group] },
      });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      const login = async (p: string) =>
        (
          await api.gql<{ login: { token: string } }>(
            'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
            { u: 'rita', p },
            null,
          )
        ).data!.login.token;
      await api.gql(
        'mutation { changePassword(currentPassword: "First-password-77", newPassword: "Correct-horse-battery-9") { id } }',
        {},
        await login('First-password-77'),
      );
      const rita = await login('Correct-horse-battery-9');
      const refused = await api.gql(INSTANCES, {}, rita);
      assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(refused));
      assert.match(refused.errors![0].message, /\S/);
    } finally {
      await worker?.stop();
      await api.stop();
      await env.destroy();
    }
  });
});
