// Workers on other hosts, for real (issue 16): the api, PostgreSQL and Redis in one network
// namespace (this one: the tests' servers), and two workers in two others (test/support/hosts.mjs),
// each with a DATA_DIR of its own and no shared folder: the api's DATA_DIR is an empty tmpfs nobody
// may enter in theirs. They reach PostgreSQL, Redis and the api only over a bridge, and know the api
// by PORTAL_URL alone: they fetch the built-in and hosted repositories from it over git's smart HTTP.
// Orders of the built-in repository, of a pushed hosted repository and of a bundle whose steps
// feed one another run on both workers; one worker killed with SIGKILL mid-run leaves a run that
// fails (the request can be retried), and the other goes on serving.
//
// Run: npm test -- drills (TEST_FILTER=cross-host), or node --test test/drills/cross-host.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiClient, until as waitFor, waitForRequestEnd } from '../support/api.mjs';
import { startHosts } from '../support/hosts.mjs';
import { ROOT, startProduct, startWorkerOn } from '../support/product.mjs';

/** Long enough to be killed in the middle; each loop turn is an event. */
const SLOW = `- hosts: all
  gather_facts: false
  tasks:
    - name: tick
      ansible.builtin.command: sleep 1
      loop: "{{ range(25) | list }}"
`;
const ELSEWHERE = `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.set_stats:
        data: { said: "from a pushed repository" }
        per_host: false
`;

/** Runs git with the token as the password of every request (never in the URL or the arguments). */
const gitWithToken = (cwd, token, ...args) =>
  new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'user.name=Drill', '-c', 'user.email=drill@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`drill:${token}`).toString('base64')}`,
      },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`git ${args.join(' ')}: ${out}`))));
  });

/** The commits of repository `repoId` a worker exported into its own snapshots folder. */
const snapshotsOf = async (worker, repoId) =>
  (await readdir(path.join(worker.dataDir, 'snapshots', repoId)).catch(() => [])).filter((n) => /^[0-9a-f]{40}/.test(n));

describe('workers on two other hosts, reaching the api over a bridge', () => {
  let product;
  let hosts;
  let api;
  const workers = [];
  let playbooks;
  let work;

  before(async () => {
    // The shipped playbooks (the bundle's among them), and one long enough to be killed in the middle.
    playbooks = await mkdtemp(path.join(tmpdir(), 'cross-host-playbooks-'));
    await cp(path.join(ROOT, 'playbooks'), playbooks, { recursive: true });
    await writeFile(path.join(playbooks, 'slow.yml'), SLOW);
    work = await mkdtemp(path.join(tmpdir(), 'cross-host-push-'));
    // The api runs no job itself: only the workers elsewhere can.
    product = await startProduct({ env: { ROLE: 'api', SECRET_KEY: randomBytes(24).toString('hex'), PLAYBOOKS_DIR: playbooks }, timeoutMs: 180_000 });
    api = apiClient(product, await product.login());
    hosts = await startHosts(2);
    // One job at a time each, so that a handful of orders lands on both.
    for (const host of hosts.hosts) workers.push(await startWorkerOn(product, hosts, host, { WORKER_CONCURRENCY: '1' }));
  });

  after(async () => {
    for (const w of workers) await w.stop();
    await product?.stop();
    await hosts?.destroy();
    for (const dir of [playbooks, work]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  const templateId = async (name) => (await api('{ serviceTemplates { id name } }')).serviceTemplates.find((t) => t.name === name).id;
  const localProvider = async () => (await api('{ providers { id type } }')).providers.find((p) => p.type === 'local').id;
  const order = async (template, dialogValues) =>
    (await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId: template, dialogValues } })).orderService.id;

  test('both register as online instances, and the api’s folder is out of their reach', async () => {
    const online = await waitFor('two workers online', async () => {
      const { instances } = await api('{ instances { id hostname role state runningJobs concurrency } }');
      const found = instances.filter((i) => i.role === 'worker' && i.state === 'online');
      return found.length === 2 ? found : null;
    });
    assert.deepEqual(
      online.map((i) => i.concurrency),
      [1, 1],
    );
    // What the workers' processes see of the api's DATA_DIR: an empty folder, which their user may not even enter.
    for (const w of workers) {
      assert.deepEqual(w.inItsView(['ls', '-A', product.dataDir]), { ok: true, out: '' }, 'root, in the worker’s mount namespace, finds it empty');
      assert.equal(w.inItsView(['ls', product.dataDir], { asWorker: true }).ok, false, 'the worker’s user may not enter it');
    }
    assert.ok(existsSync(path.join(product.dataDir, 'git')), 'while the api has its hosted repositories there');
  });

  test('orders of the built-in repository run on both workers, fetched over HTTP', async () => {
    const runAPlaybook = await templateId('Run a playbook');
    const provider = await localProvider();
    // Each worker takes one job at a time (WORKER_CONCURRENCY=1): while one runs an order (a few
    // seconds of ansible-playbook), the next waiting one goes to the other.
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await order(runAPlaybook, { provider, playbook: 'hello.yml' }));
    for (const id of ids) {
      const { request } = await waitForRequestEnd(api, id, { via: 'polling', intervalMs: 250, fields: 'service { outputs }' });
      assert.equal(request.status, 'finished', request.message ?? '');
      assert.equal(request.service.outputs.greeting, 'Hello, world!');
    }
    const { gitRepos } = await api('{ gitRepos { id name builtin } }');
    const builtin = gitRepos.find((r) => r.builtin);
    for (const w of workers) {
      assert.ok((await snapshotsOf(w, builtin.id)).length > 0, `${w.host.name} ran orders of the built-in repository`);
      const config = await readFile(path.join(w.dataDir, 'mirrors', `${builtin.id}.git`, 'config'), 'utf8');
      assert.match(config, new RegExp(`url = http://${hosts.address.replaceAll('.', '\\.')}:\\d+/git/`), `${w.host.name} fetches from the api over HTTP`);
    }
  });

  test('an order of a pushed hosted repository and a bundle run on the workers', async () => {
    const { createApiToken } = await api('mutation { createApiToken(name: "drill push", scopes: ["git:push"]) { token } }');
    const { createGitRepo } = await api('mutation { createGitRepo(input: { name: "elsewhere", hosted: true }) { id cloneUrl } }');
    const clone = path.join(work, 'elsewhere');
    await gitWithToken(work, createApiToken.token, 'init', '-q', '-b', 'main', clone);
    await writeFile(path.join(clone, 'far.yml'), ELSEWHERE);
    await gitWithToken(clone, createApiToken.token, 'add', '.');
    await gitWithToken(clone, createApiToken.token, 'commit', '-q', '-m', 'a playbook');
    await gitWithToken(clone, createApiToken.token, 'push', '-q', createGitRepo.cloneUrl, 'HEAD:main');
    const { saveServiceTemplate } = await api('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
      i: {
        definition: {
          name: 'Pushed elsewhere',
          description: 'A playbook pushed to a hosted repository',
          catalog: 'Drills',
          type: 'ansible_playbook',
          dialog: 'run-playbook',
          published: true,
          provision: { repo: 'elsewhere', playbook: 'far.yml', provider: { field: 'provider' } },
        },
      },
    });
    const provider = await localProvider();
    // The dialog's playbook field is not used by this item, which runs far.yml.
    const pushed = await order(saveServiceTemplate.id, { provider, playbook: 'hello.yml' });
    const bundle = await order(await templateId('Demo bundle'), { provider, deployment: 'cross-host', size: 'small' });
    const { request: p } = await waitForRequestEnd(api, pushed, { via: 'polling', intervalMs: 250, fields: 'service { outputs }' });
    assert.equal(p.status, 'finished', p.message ?? '');
    assert.equal(p.service.outputs.said, 'from a pushed repository');
    const { request: b } = await waitForRequestEnd(api, bundle, { via: 'polling', intervalMs: 250, fields: 'service { outputs }' });
    assert.equal(b.status, 'finished', b.message ?? '');
    // The summary step was given both applications' URLs, which the steps before it returned.
    assert.ok(JSON.stringify(b.service.outputs).includes('cross-host'), JSON.stringify(b.service.outputs));
    const ran = [];
    for (const w of workers) if ((await snapshotsOf(w, createGitRepo.id)).length) ran.push(w.host.name);
    assert.ok(ran.length > 0, 'a worker fetched the hosted repository from the api');
  });

  test('a worker killed with SIGKILL mid-run: its run fails and can be retried, the other worker goes on', async (t) => {
    const runAPlaybook = await templateId('Run a playbook');
    const provider = await localProvider();
    const id = await order(runAPlaybook, { provider, playbook: 'slow.yml' });
    const job = await waitFor('the slow run to run', async () => {
      const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { jobs { id status } } }', { id });
      return serviceRequest.jobs.find((j) => j.status === 'running');
    });
    const victim = await waitFor('the worker running it', async () => {
      for (const w of workers) if (existsSync(path.join(w.dataDir, 'runs', job.id))) return w;
      return null;
    });
    const survivor = workers.find((w) => w !== victim);
    // The Instances page's capacity: the worker running it counts one running job, the other none.
    await waitFor('the running job counted', async () => {
      const { instances } = await api('{ instances { role state runningJobs } }');
      const counts = instances.filter((i) => i.role === 'worker' && i.state === 'online').map((i) => i.runningJobs);
      return counts.length === 2 && counts.sort().join(',') === '0,1';
    });
    victim.kill();
    const killedAt = Date.now();
    const { request } = await waitForRequestEnd(api, id, { via: 'polling', intervalMs: 500, timeoutMs: 120_000 });
    assert.equal(request.status, 'failed', 'the run of the killed worker failed');
    t.diagnostic(`the killed worker's run failed ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill: ${request.message}`);
    await waitFor('the killed worker shown lost', async () => (await api('{ instances { state } }')).instances.some((i) => i.state === 'lost'));
    // Retried, it runs to the end on the worker that is left.
    const { retryServiceRequest: retried } = await api('mutation($id: ID!) { retryServiceRequest(id: $id) { id } }', { id });
    const { request: again } = await waitForRequestEnd(api, retried.id, { via: 'polling', intervalMs: 500, timeoutMs: 300_000, fields: 'jobs { id status }' });
    assert.equal(again.status, 'finished', again.message ?? '');
    // The only worker left ran it, in its own folder.
    const rerun = again.jobs.find((j) => j.status === 'successful');
    assert.ok(rerun, JSON.stringify(again.jobs));
    assert.ok((await snapshotsOf(survivor, (await api('{ gitRepos { id builtin } }')).gitRepos.find((r) => r.builtin).id)).length > 0);
    const online = (await api('{ instances { state role } }')).instances.filter((i) => i.role === 'worker' && i.state === 'online');
    assert.equal(online.length, 1, 'one worker is left online');
  });
});
