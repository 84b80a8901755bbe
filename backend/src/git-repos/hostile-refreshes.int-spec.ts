import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, type TestEnv } from '../testing/harness.js';
import { NOT_A_PLAY, PLAY, TYPO, upstreamIn, write } from './git-test-fixtures.js';

interface Repo {
  id: string;
  commit: string | null;
  refreshStatus: string;
  refreshError: string | null;
  playbooks: { path: string; syntaxStatus: string; syntaxError: string | null }[];
}
const REPO = 'id commit refreshStatus refreshError playbooks { path syntaxStatus syntaxError }';

/** Refreshes of hostile `file://` repositories: refused or recorded, saying why, and nothing half-stored. */
describe('hostile file:// repositories: refused or recorded at refresh', () => {
  let env: TestEnv;
  let app: TestApp;
  let root: string;
  /** The only folder file:// repositories may be in (GIT_FILE_REMOTE_DIRS). */
  let allowed: string;
  let outside: string;
  const gitRepo = async (id: string) => (await app.gql<{ gitRepo: Repo }>(`query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`, { id })).data!.gitRepo;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'hostile-'));
    allowed = join(root, 'allowed');
    outside = join(root, 'outside');
    await mkdir(allowed);
    await mkdir(outside);
    await write(root, { 'builtin/hello.yml': PLAY('hello') });
    env = await newEnv();
    app = await startTestApp(env, { GIT_FILE_REMOTE_DIRS: allowed, PLAYBOOKS_DIR: join(root, 'builtin') }, { owner: false });
  });
  after(async () => {
    await app?.stop();
    await env?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  test('refresh: file:// repositories only from GIT_FILE_REMOTE_DIRS, links resolved; a stored one moved out is refused at refresh', async () => {
    const elsewhere = await upstreamIn(outside);
    await elsewhere.commit({ 'site.yml': PLAY('outside') }, 'outside');
    const out = await app.gql('mutation($u: String!) { createGitRepo(input: { name: "outside", url: $u }) { id } }', { u: elsewhere.url });
    assert.equal(out.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(out.errors![0].extensions!.fields!.url, /is not inside a folder that GIT_FILE_REMOTE_DIRS allows/);
    // A link in the allowed folder leading out of it is no way round.
    await symlink(elsewhere.url.slice('file://'.length), join(allowed, 'door'));
    const through = await app.gql('mutation($u: String!) { createGitRepo(input: { name: "door", url: $u }) { id } }', { u: `file://${allowed}/door` });
    assert.match(through.errors?.[0].extensions?.fields?.url ?? '', /is not inside a folder that GIT_FILE_REMOTE_DIRS allows/);
    const dotted = await app.gql('mutation($u: String!) { createGitRepo(input: { name: "dotted", url: $u }) { id } }', { u: `file://${allowed}/../outside` });
    assert.match(dotted.errors?.[0].extensions?.fields?.url ?? '', /no "\.", "\.\." or %-escapes/);
    assert.equal((await app.sql(`SELECT 1 FROM git_repos WHERE name IN ('outside', 'door', 'dotted')`)).length, 0, 'nothing stored');

    // Allowed; then its row points outside (as one stored before the allow-list changed would): refused at refresh.
    const fine = await upstreamIn(allowed);
    const first = await fine.commit({ 'site.yml': PLAY('fine') }, 'fine');
    const made = await app.gql<{ createGitRepo: { id: string; commit: string } }>(
      'mutation($u: String!) { createGitRepo(input: { name: "fine", url: $u }) { id commit } }',
      { u: fine.url },
    );
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    assert.equal(made.data!.createGitRepo.commit, first);
    const id = made.data!.createGitRepo.id;
    await app.sql('UPDATE git_repos SET url = $1 WHERE id = $2', [elsewhere.url, id]);
    const refreshed = await app.gql('mutation($id: ID!) { refreshGitRepo(id: $id) { id } }', { id });
    assert.match(
      refreshed.errors?.[0].message ?? '',
      /Refreshing git repository "fine" failed: the URL file:\/\/.* is not inside a folder that GIT_FILE_REMOTE_DIRS allows/,
    );
    const repo = await gitRepo(id);
    assert.equal(repo.refreshStatus, 'failed');
    assert.equal(repo.commit, first, 'it keeps the commit it had');
  });

  test('refresh: a link out of the repository fails the refresh naming it; broken YAML is listed as failed with line and column', async () => {
    const upstream = await upstreamIn(allowed);
    const first = await upstream.commit({ 'site.yml': PLAY('site'), 'typo.yml': TYPO, 'notaplay.yml': NOT_A_PLAY, 'group_vars/all.yml': 'x: [\n' }, 'mixed');
    const made = await app.gql<{ createGitRepo: Repo }>(`mutation($u: String!) { createGitRepo(input: { name: "mixed", url: $u }) { ${REPO} } }`, {
      u: upstream.url,
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const repo = made.data!.createGitRepo;
    assert.equal(repo.commit, first);
    const byPath = Object.fromEntries(repo.playbooks.map((p) => [p.path, p]));
    assert.deepEqual(Object.keys(byPath).sort(), ['notaplay.yml', 'site.yml', 'typo.yml'], 'group_vars are not where playbooks are discovered');
    assert.equal(byPath['site.yml'].syntaxStatus, 'pending');
    assert.equal(byPath['typo.yml'].syntaxStatus, 'failed');
    assert.match(byPath['typo.yml'].syntaxError ?? '', /^line 5, column \d+: not valid YAML: /);
    assert.deepEqual(byPath['notaplay.yml'], {
      path: 'notaplay.yml',
      syntaxStatus: 'failed',
      syntaxError: 'line 3, column 3: this play has neither hosts nor import_playbook',
    });

    await upstream.commit({ 'inventory/key': { link: '../../secret.key' } }, 'a link out');
    const refreshed = await app.gql('mutation($id: ID!) { refreshGitRepo(id: $id) { id } }', { id: repo.id });
    assert.equal(refreshed.errors?.[0].extensions?.code, 'UNAVAILABLE');
    assert.match(refreshed.errors![0].message, /is refused: inventory\/key: a symbolic link to \.\.\/\.\.\/secret\.key, which leaves the repository/);
    const after = await gitRepo(repo.id);
    assert.equal(after.commit, first, 'the repository keeps its commit');
    assert.equal(after.refreshStatus, 'failed');
    assert.match(after.refreshError ?? '', /inventory\/key: a symbolic link/);
  });
});
