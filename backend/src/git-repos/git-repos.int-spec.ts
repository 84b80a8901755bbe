import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type GitUpstream, newEnv, newGitUpstream, startTestApp, type TestApp } from '../testing/harness.js';

const PLAY = (msg: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "${msg}" }\n`;
const REPO = 'id name url branch commit refreshStatus playbooks { path } refreshes { status commit previousCommit added changed removed error }';

interface Repo {
  id: string;
  name: string;
  commit: string | null;
  refreshStatus: string;
  playbooks: { path: string }[];
  refreshes: {
    status: string;
    commit: string | null;
    previousCommit: string | null;
    added: string[];
    changed: string[];
    removed: string[];
    error: string | null;
  }[];
}

describe('git repositories of the users, on real git', () => {
  let app: TestApp;
  let upstream: GitUpstream;
  before(async () => {
    app = await startTestApp(await newEnv());
    upstream = await newGitUpstream();
  });
  after(async () => {
    await app?.stop();
    await upstream?.remove();
  });

  test('create clones at once; a refresh records added, changed and removed playbooks; an unchanged remote is skipped', async () => {
    const first = await upstream.commit({ 'site.yml': PLAY('one'), 'vars.yml': 'a: 1\n', 'old.yml': PLAY('old') }, 'first');
    const created = await app.gql<{ createGitRepo: Repo }>(`mutation($i: CreateGitRepoInput!) { createGitRepo(input: $i) { ${REPO} } }`, {
      i: { name: 'site', url: upstream.url },
    });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const repo = created.data!.createGitRepo;
    assert.equal(repo.commit, first);
    assert.deepEqual(
      repo.playbooks.map((p) => p.path),
      ['old.yml', 'site.yml'],
    );
    assert.deepEqual(repo.refreshes[0], {
      status: 'successful',
      commit: first,
      previousCommit: null,
      added: ['old.yml', 'site.yml'],
      changed: [],
      removed: [],
      error: null,
    });

    const second = await upstream.commit({ 'site.yml': PLAY('two'), 'deploy.yml': PLAY('deploy') }, 'second');
    const third = await upstream.commit({ 'old.yml': null }, 'third');
    const refresh = async () =>
      (await app.gql<{ refreshGitRepo: Repo }>(`mutation($id: ID!) { refreshGitRepo(id: $id) { ${REPO} } }`, { id: repo.id })).data!.refreshGitRepo;
    const refreshed = await refresh();
    assert.notEqual(second, third);
    assert.equal(refreshed.commit, third);
    assert.deepEqual(refreshed.refreshes[0], {
      status: 'successful',
      commit: third,
      previousCommit: first,
      added: ['deploy.yml'],
      changed: ['site.yml'],
      removed: ['old.yml'],
      error: null,
    });

    const again = await refresh();
    assert.equal(again.refreshes[0].status, 'unchanged');
    assert.equal(again.refreshes[0].commit, third);
    assert.equal(again.refreshes.length, 3);
  });

  test('an update whose fetch fails is refused with a reason and changes nothing; one that works moves the repository', async () => {
    const GET = `query($id: ID!) { gitRepo(id: $id) { ${REPO} } }`;
    const UPDATE = `mutation($id: ID!, $i: UpdateGitRepoInput!) { updateGitRepo(id: $id, input: $i) { ${REPO} } }`;
    const id = (await app.gql<{ gitRepos: Repo[] }>('{ gitRepos { id name } }')).data!.gitRepos.find((r) => r.name === 'site')!.id;
    const get = async () => (await app.gql<{ gitRepo: Repo & { url: string; branch: string } }>(GET, { id })).data!.gitRepo;
    const before = await get();
    const settings = (r: Repo & { url: string; branch: string }) => ({
      name: r.name,
      url: r.url,
      branch: r.branch,
      commit: r.commit,
      refreshStatus: r.refreshStatus,
    });

    const badUrl = await app.gql(UPDATE, { id, i: { url: 'file:///nonexistent/repo.git', name: 'renamed' } });
    assert.equal(badUrl.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(badUrl.errors![0].message, /Git repository "site" was not changed: fetching with the new url failed: .*Check them and try again/);
    assert.match(badUrl.errors![0].extensions!.fields!.url, /could not be fetched/);
    const badBranch = await app.gql(UPDATE, { id, i: { branch: 'nope' } });
    assert.equal(badBranch.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(badBranch.errors![0].extensions!.fields!.branch, /no branch, tag or commit "nope"/);
    assert.deepEqual(settings(await get()), settings(before), 'the repository kept its settings, commit and status');
    // Its mirror was kept too: a refresh finds the remote where it was.
    const refreshed = (await app.gql<{ refreshGitRepo: Repo }>(`mutation($id: ID!) { refreshGitRepo(id: $id) { ${REPO} } }`, { id })).data!.refreshGitRepo;
    assert.equal(refreshed.refreshes[0].status, 'unchanged');

    const other = await newGitUpstream();
    try {
      const commit = await other.commit({ 'other.yml': PLAY('other') }, 'other');
      const moved = await app.gql<{ updateGitRepo: Repo & { url: string } }>(UPDATE, { id, i: { url: other.url } });
      assert.equal(moved.errors, undefined, JSON.stringify(moved.errors));
      assert.equal(moved.data!.updateGitRepo.url, other.url);
      assert.equal(moved.data!.updateGitRepo.commit, commit);
      assert.deepEqual(
        moved.data!.updateGitRepo.playbooks.map((p) => p.path),
        ['other.yml'],
      );
      const back = await app.gql<{ updateGitRepo: Repo }>(UPDATE, { id, i: { url: before.url } });
      assert.equal(back.data?.updateGitRepo.commit, before.commit, JSON.stringify(back.errors));
    } finally {
      await other.remove();
    }
  });

  test('hostile URLs and refs are refused with a reason per field, and nothing is stored', async () => {
    const count = async () => (await app.gql<{ gitRepos: unknown[] }>('{ gitRepos { id } }')).data!.gitRepos.length;
    const before = await count();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: 'x1', url: 'ext::sh -c touch% /tmp/pwned' }, 'url', /transport that is not allowed/],
      [{ name: 'x2', url: '--upload-pack=touch /tmp/pwned' }, 'url', /must not start with "-"/],
      [{ name: 'x3', url: 'https://user:token@example.com/r.git' }, 'url', /must not hold credentials/],
      [{ name: 'x4', url: upstream.url, branch: '--orphan' }, 'branch', /must not start with "-"/],
      [{ name: 'x5', url: upstream.url, branch: 'a..b' }, 'branch', /not a valid git branch/],
      [{ name: '../x6', url: upstream.url }, 'name', /letters, digits/],
      [{ name: 'x7', url: 'file:///nonexistent/repo.git' }, 'url', /could not be cloned/],
    ];
    for (const [input, field, reason] of cases) {
      const res = await app.gql(`mutation($i: CreateGitRepoInput!) { createGitRepo(input: $i) { id } }`, { i: input });
      assert.equal(res.errors?.[0].extensions?.code, 'VALIDATION_FAILED', JSON.stringify(input));
      assert.match(res.errors?.[0].extensions?.fields?.[field] ?? '', reason, JSON.stringify(input));
    }
    assert.equal(await count(), before);
    assert.equal(existsSync('/tmp/pwned'), false);
  });

  test('the built-in repository cannot be changed or deleted; a user repository can be deleted', async () => {
    const repos = (await app.gql<{ gitRepos: { id: string; name: string; builtin: boolean }[] }>('{ gitRepos { id name builtin } }')).data!.gitRepos;
    const builtin = repos.find((r) => r.builtin)!;
    const del = await app.gql('mutation($id: ID!) { deleteGitRepo(id: $id) }', { id: builtin.id });
    assert.equal(del.errors?.[0].extensions?.code, 'CONFLICT');
    const upd = await app.gql('mutation($id: ID!) { updateGitRepo(id: $id, input: { branch: "dev" }) { id } }', { id: builtin.id });
    assert.equal(upd.errors?.[0].extensions?.code, 'CONFLICT');
    const mine = repos.find((r) => r.name === 'site')!;
    const ok = await app.gql<{ deleteGitRepo: boolean }>('mutation($id: ID!) { deleteGitRepo(id: $id) }', { id: mine.id });
    assert.equal(ok.data?.deleteGitRepo, true);
    assert.equal(existsSync(join(app.config.dataDir, 'mirrors', `${mine.id}.git`)), false, 'its mirror is removed');
  });

  test('limits: a repository with more files than GIT_MAX_FILES is refused with a clear error, and nothing is stored', async () => {
    // The built-in repository (playbooks/) must fit; the test's own does not.
    const small = await startTestApp(await newEnv(), { GIT_MAX_FILES: '100' });
    const many = await newGitUpstream();
    try {
      await many.commit(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}.yml`, PLAY(String(i))])), '101 files');
      const res = await small.gql('mutation($i: CreateGitRepoInput!) { createGitRepo(input: $i) { id } }', { i: { name: 'many', url: many.url } });
      assert.equal(res.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
      assert.match(res.errors![0].message, /has 101 files, more than the 100 allowed \(GIT_MAX_FILES\)/);
      assert.equal((await small.sql('SELECT 1 FROM git_repos WHERE name = $1', ['many'])).length, 0);
    } finally {
      await small.stop();
      await many.remove();
    }
  });
});
