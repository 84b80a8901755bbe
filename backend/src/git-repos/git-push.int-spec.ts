import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { newEnv, startTestApp, type TestApp, type TestEnv, waitFor } from '../testing/harness.js';

const PLAY = (msg: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "${msg}" }\n`;
/** Two actions in one task: parses as YAML, fails `ansible-playbook --syntax-check` at line 3. */
const BROKEN_PLAY = '- hosts: all\n  tasks:\n    - ansible.builtin.debug: { msg: x }\n      ansible.builtin.command: echo\n';

interface Repo {
  id: string;
  commit: string | null;
  cloneUrl: string | null;
  playbooks: { path: string; syntaxStatus: string; syntaxOk: boolean | null; syntaxError: string | null }[];
}
const REPO = 'id commit cloneUrl playbooks { path syntaxStatus syntaxOk syntaxError }';

/** A working clone of a hosted repository, talking to the portal over real smart HTTP with a token. */
async function clientFor(cloneUrl: string, token: string) {
  const dir = await mkdtemp(join(tmpdir(), 'push-client-'));
  const auth = `Authorization: Basic ${Buffer.from(`anyone:${token}`).toString('base64')}`;
  // The token travels in the environment (GIT_CONFIG_*), never in git's arguments.
  const env = { ...process.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: auth, GIT_TERMINAL_PROMPT: '0' };
  // Asynchronous: the portal answering these requests runs in this very process.
  const git = (...args: string[]) =>
    new Promise<{ ok: boolean; out: string }>((resolve) => {
      const child = spawn('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], { cwd: dir, env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ ok: code === 0, out }));
    });
  const cloned = await git('clone', '--quiet', cloneUrl, '.');
  assert.ok(cloned.ok, cloned.out);
  return {
    git,
    async commitAndPush(files: Record<string, string>, message: string) {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      await git('add', '--all');
      await git('commit', '--quiet', '-m', message);
      const pushed = await git('push', 'origin', 'HEAD:main');
      return { ...pushed, head: (await git('rev-parse', 'HEAD')).out.trim() };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

describe('the portal as a git remote (smart HTTP, real git push)', () => {
  let env: TestEnv;
  let app: TestApp;
  let token: string;
  before(async () => {
    env = await newEnv();
    app = await startTestApp(env, {}, { owner: false });
    const created = await app.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "push tests") { token apiToken { id name } } }');
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    token = created.data!.createApiToken.token;
  });
  after(async () => {
    await app?.stop();
    await env?.destroy();
  });

  test('an accepted push is orderable when git push returns, and its playbook gets a syntax status', async () => {
    const made = await app.gql<{ createGitRepo: Repo }>(`mutation { createGitRepo(input: { name: "pushed", hosted: true }) { ${REPO} } }`);
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const repo = made.data!.createGitRepo;
    assert.equal(repo.cloneUrl, `http://localhost:${app.config.port}/git/pushed.git`);
    assert.equal(repo.commit, null);
    const client = await clientFor(`${app.url}/git/pushed.git`, token);
    try {
      const push = await client.commitAndPush({ 'deploy.yml': PLAY('deployed'), 'roles/x/tasks/main.yml': '- debug: msg=x\n' }, 'first');
      assert.ok(push.ok, push.out);
      // No waiting: the push refreshed the repository before it returned.
      const after = await app.gql<{ gitRepo: Repo }>(`query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`, { id: repo.id });
      assert.equal(after.data!.gitRepo.commit, push.head);
      assert.deepEqual(
        after.data!.gitRepo.playbooks.map((p) => p.path),
        ['deploy.yml'],
      );
      // One refresh at creation, one for the push; none for the ref advertisement that precedes it.
      const history = await app.gql<{ gitRepo: { refreshes: { commit: string | null }[] } }>('query($id: ID!) { gitRepo(id: $id) { refreshes { commit } } }', {
        id: repo.id,
      });
      assert.deepEqual(
        history.data!.gitRepo.refreshes.map((r) => r.commit),
        [push.head, null],
      );
      const checked = await waitFor('the syntax check', async () => {
        const r = await app.gql<{ gitRepo: Repo }>(`query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`, { id: repo.id });
        const p = r.data!.gitRepo.playbooks[0];
        return p.syntaxStatus !== 'pending' && p;
      });
      assert.equal(checked.syntaxOk, true);
      assert.equal(checked.syntaxError, null);
    } finally {
      await client.remove();
    }
  });

  test('a push with a broken playbook or catalog file is refused with the file, line and reason, and nothing of it lands', async () => {
    const before = await app.gql<{ gitRepos: (Repo & { name: string })[] }>(`{ gitRepos { name ${REPO} } }`);
    const repo = before.data!.gitRepos.find((r) => r.name === 'pushed')!;
    const client = await clientFor(repo.cloneUrl!.replace(`http://localhost:${app.config.port}`, app.url), token);
    try {
      const broken = await client.commitAndPush({ 'broken.yml': BROKEN_PLAY, 'fine.yml': PLAY('fine') }, 'broken playbook');
      assert.equal(broken.ok, false, 'the push must be refused');
      assert.match(broken.out, /remote: Superfluid refused this push/);
      assert.match(broken.out, /broken\.yml, line 3: conflicting action statements/);
      assert.doesNotMatch(broken.out, /fine\.yml/);
      const bare = join(app.config.dataDir, 'git', 'pushed.git');
      assert.notEqual(
        spawnSync('git', ['--git-dir', bare, 'cat-file', '-e', `${broken.head}^{commit}`]).status,
        0,
        'the refused commit is not in the repository',
      );

      await client.git('reset', '--quiet', '--hard', 'HEAD~1');
      const badCatalog = await client.commitAndPush({ 'catalog/dialogs/x.yaml': 'kind: Dialog\nname: x\ntabs: nope\n' }, 'broken catalog');
      assert.equal(badCatalog.ok, false, 'the push must be refused');
      assert.match(badCatalog.out, /catalog\/dialogs\/x\.yaml: /);

      const now = await app.gql<{ gitRepo: Repo }>(`query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`, { id: repo.id });
      assert.equal(now.data!.gitRepo.commit, repo.commit, 'the recorded commit did not move');
      assert.deepEqual(
        now.data!.gitRepo.playbooks.map((p) => p.path),
        ['deploy.yml'],
      );
    } finally {
      await client.remove();
    }
  });

  test('clone and push need a valid token; only hosted repositories are served', async () => {
    const anonymous = await fetch(`${app.url}/git/pushed.git/info/refs?service=git-upload-pack`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Basic /);
    const wrong = await fetch(`${app.url}/git/pushed.git/info/refs?service=git-receive-pack`, {
      headers: { authorization: `Basic ${Buffer.from('x:not-a-token').toString('base64')}` },
    });
    assert.equal(wrong.status, 401);
    const auth = { authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` };
    const dumb = await fetch(`${app.url}/git/pushed.git/HEAD`, { headers: auth });
    assert.equal(dumb.status, 404);
    const traversal = await fetch(`${app.url}/git/..%2F..%2Fetc.git/info/refs?service=git-upload-pack`, { headers: auth });
    assert.equal(traversal.status, 404);
    const missing = await fetch(`${app.url}/git/nope.git/info/refs?service=git-upload-pack`, { headers: auth });
    assert.equal(missing.status, 404);
    const ok = await fetch(`${app.url}/git/pushed.git/info/refs?service=git-upload-pack`, { headers: auth });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-type'), 'application/x-git-upload-pack-advertisement');
  });

  test('the built-in repository is hosted too: a pushed playbook appears in it and survives a restart', async () => {
    const list = await app.gql<{ gitRepos: (Repo & { name: string })[] }>(`{ gitRepos { name ${REPO} } }`);
    const builtin = list.data!.gitRepos.find((r) => r.name === 'playbooks')!;
    assert.ok(builtin.cloneUrl?.endsWith('/git/playbooks.git'));
    const client = await clientFor(`${app.url}/git/playbooks.git`, token);
    try {
      const push = await client.commitAndPush({ 'pushed-here.yml': PLAY('pushed') }, 'add a playbook by push');
      assert.ok(push.ok, push.out);
    } finally {
      await client.remove();
    }
    // The api publishes playbooks/ again on start: an unchanged folder must not undo the push.
    await app.stop();
    app = await startTestApp(env, {}, { owner: false });
    const repo = await app.gql<{ gitRepo: Repo }>(`query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`, { id: builtin.id });
    assert.ok(repo.data!.gitRepo.playbooks.some((p) => p.path === 'pushed-here.yml'));
  });

  test('webhooks: a bad signature is 401 and triggers nothing; GitHub and GitLab calls refresh; turned off, the URL is gone', async () => {
    const upstream = await mkdtemp(join(tmpdir(), 'hook-upstream-'));
    const run = (cwd: string, ...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@localhost', ...args], { cwd, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    try {
      run(upstream, 'init', '--quiet', '--initial-branch=main');
      await writeFile(join(upstream, 'a.yml'), PLAY('a'));
      run(upstream, 'add', '--all');
      run(upstream, 'commit', '--quiet', '-m', 'a');
      const made = await app.gql<{ createGitRepo: { id: string } }>('mutation($u: String!) { createGitRepo(input: { name: "hooked", url: $u }) { id } }', {
        u: `file://${upstream}`,
      });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      const id = made.data!.createGitRepo.id;
      const hook = await app.gql<{ enableGitWebhook: { url: string; secret: string } }>('mutation($id: ID!) { enableGitWebhook(id: $id) { url secret } }', {
        id,
      });
      const { url, secret } = hook.data!.enableGitWebhook;
      assert.equal(url, `http://localhost:${app.config.port}/hooks/git/${id}`);
      const shown = await app.gql<{ gitRepo: { webhookUrl: string } }>('query($id: ID!) { gitRepo(id: $id) { webhookUrl } }', { id });
      assert.equal(shown.data!.gitRepo.webhookUrl, url);
      const stored = await app.sql<{ webhook_secret: string }>('SELECT webhook_secret FROM git_repos WHERE id = $1', [id]);
      assert.ok(!stored[0].webhook_secret.includes(secret), 'the secret is stored encrypted');

      await writeFile(join(upstream, 'b.yml'), PLAY('b'));
      run(upstream, 'add', '--all');
      run(upstream, 'commit', '--quiet', '-m', 'b');
      const head = run(upstream, 'rev-parse', 'HEAD');
      const body = JSON.stringify({ ref: 'refs/heads/main', after: head });
      const post = (headers: Record<string, string>) =>
        fetch(`${app.url}/hooks/git/${id}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const sign = (key: string) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
      const refreshes = async () => (await app.sql<{ n: string }>('SELECT count(*) AS n FROM git_refreshes WHERE repo_id = $1', [id]))[0].n;
      const gitQueue = app.app.get(QueueService).queue(QueueName.GIT);
      const idle = async () => Object.values(await gitQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).every((n) => n === 0);

      const before = await refreshes();
      const bads: Record<string, string>[] = [{ 'x-hub-signature-256': sign('wrong-secret') }, { 'x-gitlab-token': 'wrong' }, {}];
      for (const bad of bads) {
        const res = await post(bad);
        assert.equal(res.status, 401, JSON.stringify(bad));
      }
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await refreshes(), before, 'a refused call refreshes nothing');

      const github = await post({ 'x-hub-signature-256': sign(secret), 'x-github-event': 'push' });
      assert.equal(github.status, 202);
      await waitFor('the webhook refresh', async () => {
        const r = await app.gql<{ gitRepo: { commit: string } }>('query($id: ID!) { gitRepo(id: $id) { commit } }', { id });
        return r.data!.gitRepo.commit === head;
      });
      const gitlab = await post({ 'x-gitlab-token': secret });
      assert.equal(gitlab.status, 202);
      await waitFor(
        'the queue to be idle',
        async () => (await idle()) && (await app.sql('SELECT 1 FROM git_refreshes WHERE repo_id = $1 AND status = $2', [id, 'running'])).length === 0,
      );

      // A burst of calls (a git host retrying, several pushes at once): each is accepted, and they
      // coalesce into the refresh already queued or running, plus at most one after it.
      await writeFile(join(upstream, 'c.yml'), PLAY('c'));
      run(upstream, 'add', '--all');
      run(upstream, 'commit', '--quiet', '-m', 'c');
      const burstBefore = Number(await refreshes());
      const answers = await Promise.all(Array.from({ length: 12 }, () => post({ 'x-hub-signature-256': sign(secret), 'x-github-event': 'push' })));
      assert.deepEqual(
        answers.map((r) => r.status),
        Array(12).fill(202),
      );
      await waitFor(
        'the burst to be handled',
        async () => (await idle()) && (await app.sql('SELECT 1 FROM git_refreshes WHERE repo_id = $1 AND status = $2', [id, 'running'])).length === 0,
      );
      const burst = Number(await refreshes()) - burstBefore;
      assert.ok(burst >= 1 && burst <= 2, `${burst} refreshes for 12 calls`);
      const after = await app.gql<{ gitRepo: { commit: string } }>('query($id: ID!) { gitRepo(id: $id) { commit } }', { id });
      assert.equal(after.data!.gitRepo.commit, run(upstream, 'rev-parse', 'HEAD'));

      await app.gql('mutation($id: ID!) { disableGitWebhook(id: $id) { id } }', { id });
      assert.equal((await post({ 'x-hub-signature-256': sign(secret) })).status, 404);
    } finally {
      await rm(upstream, { recursive: true, force: true });
    }
  });

  test('a push landing while a job runs changes nothing for that job: it runs the commit its request recorded', async () => {
    const client = await clientFor(`${app.url}/git/playbooks.git`, token);
    try {
      const slow = (word: string) =>
        `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.pause: { seconds: 3 }\n    - ansible.builtin.debug: { msg: "version ${word}" }\n`;
      const v1 = await client.commitAndPush({ 'race.yml': slow('one') }, 'race v1');
      assert.ok(v1.ok, v1.out);
      const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
      const templateId = templates.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
      const providers = await app.gql<{ providers: { id: string }[] }>('{ providers { id } }');
      const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
        i: { templateId, dialogValues: { playbook: 'race.yml', provider: providers.data!.providers[0].id } },
      });
      assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
      const id = ordered.data!.orderService.id;
      const QUERY = 'query($id: ID!) { serviceRequest(id: $id) { status jobs { commit stdout } } }';
      await waitFor(
        'the run to start',
        async () => (await app.gql<{ serviceRequest: { status: string } }>(QUERY, { id })).data!.serviceRequest.status === 'running',
      );
      const v2 = await client.commitAndPush({ 'race.yml': slow('two') }, 'race v2');
      assert.ok(v2.ok, v2.out);
      const done = await waitFor('the run to end', async () => {
        const r = (await app.gql<{ serviceRequest: { status: string; jobs: { commit: string; stdout: string }[] } }>(QUERY, { id })).data!.serviceRequest;
        return ['finished', 'failed'].includes(r.status) && r;
      });
      assert.equal(done.status, 'finished');
      assert.equal(done.jobs[0].commit, v1.head);
      assert.match(done.jobs[0].stdout, /version one/);
      assert.doesNotMatch(done.jobs[0].stdout, /version two/);
    } finally {
      await client.remove();
    }
  });

  test('a repository fetched over HTTP with a git token credential: the token is used, kept out of the mirror, and the credential cannot be deleted meanwhile', async () => {
    const source = await app.gql<{ gitRepos: { name: string; commit: string }[] }>('{ gitRepos { name commit } }');
    const pushed = source.data!.gitRepos.find((r) => r.name === 'pushed')!;
    const url = `${app.url}/git/pushed.git`;

    const anonymous = await app.gql('mutation($u: String!) { createGitRepo(input: { name: "needs-token", url: $u }) { id } }', { u: url });
    assert.equal(anonymous.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.equal((await app.sql('SELECT 1 FROM git_repos WHERE name = $1', ['needs-token'])).length, 0, 'nothing stored');

    const cred = await app.gql<{ createCredential: { id: string } }>(
      'mutation($s: JSON!) { createCredential(input: { name: "portal-token", type: "git_token", inputs: {}, secrets: $s }) { id } }',
      { s: { token } },
    );
    assert.equal(cred.errors, undefined, JSON.stringify(cred.errors));
    const credentialId = cred.data!.createCredential.id;
    const made = await app.gql<{ createGitRepo: { id: string; commit: string; credentialId: string } }>(
      'mutation($u: String!, $c: ID!) { createGitRepo(input: { name: "with-token", url: $u, credentialId: $c }) { id commit credentialId } }',
      { u: url, c: credentialId },
    );
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    assert.equal(made.data!.createGitRepo.commit, pushed.commit);
    assert.equal(made.data!.createGitRepo.credentialId, credentialId);

    const refreshed = await app.gql<{ refreshGitRepo: { refreshStatus: string } }>('mutation($id: ID!) { refreshGitRepo(id: $id) { refreshStatus } }', {
      id: made.data!.createGitRepo.id,
    });
    assert.equal(refreshed.data!.refreshGitRepo.refreshStatus, 'successful');
    const mirror = join(app.config.dataDir, 'mirrors', `${made.data!.createGitRepo.id}.git`);
    const config = spawnSync('cat', [join(mirror, 'config')], { encoding: 'utf8' }).stdout;
    assert.ok(!config.includes(token) && !config.includes(Buffer.from(`x-access-token:${token}`).toString('base64')), 'no token in the mirror config');
    assert.equal(spawnSync('test', ['-e', join(mirror, 'superfluid-auth.config')]).status, 1, 'the auth file is gone after the fetch');

    const wrongType = await app.gql<{ createCredential: { id: string } }>(
      'mutation { createCredential(input: { name: "not-git", type: "vault_password", inputs: {}, secrets: { password: "p" } }) { id } }',
    );
    const refused = await app.gql('mutation($u: String!, $c: ID!) { createGitRepo(input: { name: "wrong-cred", url: $u, credentialId: $c }) { id } }', {
      u: url,
      c: wrongType.data?.createCredential.id ?? '00000000-0000-0000-0000-000000000000',
    });
    assert.match(refused.errors?.[0].extensions?.fields?.credentialId ?? '', /needs a git token/);

    const del = await app.gql('mutation($id: ID!) { deleteCredential(id: $id) }', { id: credentialId });
    assert.equal(del.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(del.errors![0].message, /with-token/);
  });
});
