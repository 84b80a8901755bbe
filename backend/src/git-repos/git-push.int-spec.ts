import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
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
      assert.deepEqual(after.data!.gitRepo.playbooks.map((p) => p.path), ['deploy.yml']);
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
      assert.notEqual(spawnSync('git', ['--git-dir', bare, 'cat-file', '-e', `${broken.head}^{commit}`]).status, 0, 'the refused commit is not in the repository');

      await client.git('reset', '--quiet', '--hard', 'HEAD~1');
      const badCatalog = await client.commitAndPush({ 'catalog/dialogs/x.yaml': 'kind: Dialog\nname: x\ntabs: nope\n' }, 'broken catalog');
      assert.equal(badCatalog.ok, false, 'the push must be refused');
      assert.match(badCatalog.out, /catalog\/dialogs\/x\.yaml: /);

      const now = await app.gql<{ gitRepo: Repo }>(`query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`, { id: repo.id });
      assert.equal(now.data!.gitRepo.commit, repo.commit, 'the recorded commit did not move');
      assert.deepEqual(now.data!.gitRepo.playbooks.map((p) => p.path), ['deploy.yml']);
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
});
