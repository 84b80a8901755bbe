import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, type TestEnv } from '../testing/harness.js';
import { gitIn, NOT_A_PLAY, PLAY, pushClient, TYPO, write } from './git-test-fixtures.js';

interface Repo {
  id: string;
  commit: string | null;
  refreshStatus: string;
  refreshError: string | null;
  playbooks: { path: string; syntaxStatus: string; syntaxError: string | null }[];
}
const REPO = 'id commit refreshStatus refreshError playbooks { path syntaxStatus syntaxError }';

/**
 * Hostile pushes through the portal's own smart-HTTP remote (real `git push`, the real
 * pre-receive hook): each is refused, says why, and leaves nothing behind.
 */
describe('hostile pushes to a hosted repository: refused, saying why, nothing stored', () => {
  let env: TestEnv;
  let app: TestApp;
  let token: string;
  let root: string;
  /** The only folder file:// repositories may be in (GIT_FILE_REMOTE_DIRS). */
  let allowed: string;
  let hosted: { id: string; cloneUrl: string };
  const commitInBare = async (commit: string) =>
    (await gitIn(app.config.dataDir)('--git-dir', join(app.config.dataDir, 'git', 'hostile.git'), 'cat-file', '-e', `${commit}^{commit}`)).ok;
  const gitRepo = async (id: string) => (await app.gql<{ gitRepo: Repo }>(`query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`, { id })).data!.gitRepo;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'hostile-'));
    allowed = join(root, 'allowed');
    await mkdir(allowed);
    await write(root, { 'builtin/hello.yml': PLAY('hello') });
    env = await newEnv();
    app = await startTestApp(env, { GIT_FILE_REMOTE_DIRS: allowed, GIT_MAX_REPO_MB: '64', PLAYBOOKS_DIR: join(root, 'builtin') }, { owner: false });
    const created = await app.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "hostile") { token } }');
    token = created.data!.createApiToken.token;
    const made = await app.gql<{ createGitRepo: { id: string } }>('mutation { createGitRepo(input: { name: "hostile", hosted: true }) { id } }');
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    hosted = { id: made.data!.createGitRepo.id, cloneUrl: `${app.url}/git/hostile.git` };
  });
  after(async () => {
    await app?.stop();
    await env?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  test('push: a symbolic link out of the repository is refused, naming it; links inside it are fine', async () => {
    const client = await pushClient(allowed, hosted.cloneUrl, token);
    const inside = await client.commit({ 'site.yml': PLAY('site'), 'docs/site.yml': { link: '../site.yml' }, shared: { link: 'docs' } }, 'links inside');
    const ok = await client.push();
    assert.ok(ok.ok, ok.out);
    assert.equal((await gitRepo(hosted.id)).commit, inside);

    // q/up looks like it stays inside, but "here" is the root itself, so here/.. is the root's parent.
    const evil = await client.commit(
      { 'roles/x/files/key': { link: '../../../../../secret.key' }, passwd: { link: '/etc/passwd' }, here: { link: '.' }, 'q/up': { link: '../here/..' } },
      'links out',
    );
    const refused = await client.push();
    assert.equal(refused.ok, false, 'the push must be refused');
    assert.match(refused.out, /remote: Superfluid refused this push/);
    assert.match(refused.out, /main: roles\/x\/files\/key: a symbolic link to \.\.\/\.\.\/\.\.\/\.\.\/\.\.\/secret\.key, which leaves the repository/);
    assert.match(refused.out, /main: passwd: a symbolic link to the absolute path \/etc\/passwd/);
    assert.match(refused.out, /main: q\/up: a symbolic link to \.\.\/here\/\.\., which leaves the repository/);
    assert.doesNotMatch(refused.out, /docs\/site\.yml|main: here:|main: shared:/, 'the links inside are not named');
    assert.equal(await commitInBare(evil), false, 'nothing of the push landed');
    assert.equal((await gitRepo(hosted.id)).commit, inside);
  });

  test('push and refresh: a 1 GiB file of zeros (a pack of about 1 MB) is refused before anything is unpacked', async () => {
    const client = await pushClient(allowed, hosted.cloneUrl, token);
    const bomb = await client.commit({ 'zeros.bin': { zeros: 1024 ** 3 } }, 'a small pack, a large tree');
    const objects = (await client.git('count-objects', '-v')).out;
    const kib = (key: string) => Number(new RegExp(`^${key}: (\\d+)`, 'm').exec(objects)?.[1] ?? 0);
    assert.ok(kib('size') + kib('size-pack') < 16 * 1024, `the repository, pushed whole, holds little: ${objects}`);
    const refused = await client.push();
    assert.equal(refused.ok, false, 'the push must be refused');
    assert.match(refused.out, /main: its files take 102\d MB once unpacked, more than the 64 MB allowed \(GIT_MAX_REPO_MB\)/);
    assert.equal(await commitInBare(bomb), false);

    // The same commit, fetched from a file:// repository: the refresh refuses it, nothing is stored.
    const made = await app.gql('mutation($u: String!) { createGitRepo(input: { name: "bomb", url: $u }) { id } }', { u: `file://${client.dir}` });
    assert.equal(made.errors?.[0].extensions?.code, 'VALIDATION_FAILED', JSON.stringify(made));
    assert.match(made.errors![0].message, /is refused: its files take 102\d MB once unpacked, more than the 64 MB allowed \(GIT_MAX_REPO_MB\)/);
    assert.equal((await app.sql('SELECT 1 FROM git_repos WHERE name = $1', ['bomb'])).length, 0);
  });

  test('push: a YAML file that does not parse, or a playbook with a play that is not one, is refused with file, line and column', async () => {
    const client = await pushClient(allowed, hosted.cloneUrl, token);
    const before = (await gitRepo(hosted.id)).commit;
    const broken = await client.commit({ 'typo.yml': TYPO, 'notaplay.yml': NOT_A_PLAY, 'vars/ok.yml': 'a: 1\n' }, 'broken YAML');
    const refused = await client.push();
    assert.equal(refused.ok, false, 'the push must be refused');
    assert.match(refused.out, /main: typo\.yml, line 5, column \d+: not valid YAML: /);
    assert.match(refused.out, /main: notaplay\.yml, line 3, column 3: this play has neither hosts nor import_playbook/);
    assert.equal(await commitInBare(broken), false);
    assert.equal((await gitRepo(hosted.id)).commit, before);
  });

  test('push: more than 100 branches and tags in one push are refused', async () => {
    const client = await pushClient(allowed, hosted.cloneUrl, token);
    const head = (await client.git('rev-parse', 'HEAD')).out.trim();
    for (let i = 0; i < 101; i++) await client.git('update-ref', `refs/tags/t${i}`, head);
    const refused = await client.push('--tags');
    assert.equal(refused.ok, false, 'the push must be refused');
    assert.match(refused.out, /it updates 101 branches and tags; a push may update at most 100/);
    const tags = await gitIn(app.config.dataDir)('--git-dir', join(app.config.dataDir, 'git', 'hostile.git'), 'tag', '--list');
    assert.equal(tags.out.trim(), '', 'no tag landed');
    const fewer = await client.push('refs/tags/t0', 'refs/tags/t1');
    assert.ok(fewer.ok, fewer.out);
  });
});
