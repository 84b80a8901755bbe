import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEAM_DIALOG as DIALOG, TEAM_PLAY as PLAY, TEAM_TEMPLATE as TEMPLATE } from '../git-repos/git-test-fixtures.js';
import { type GitUpstream, newEnv, newGitUpstream, orderService, providerIdByName, requestEnded, startTestApp, type TestApp } from '../testing/harness.js';

interface Template {
  id: string;
  name: string;
  catalog: string;
  published: boolean;
}
const TEMPLATES = '{ serviceTemplates(take: 500) { id name catalog published } }';

describe("a git repository's catalog/ folder, loaded on every refresh", () => {
  let app: TestApp;
  let upstream: GitUpstream;
  let repoId: string;

  before(async () => {
    app = await startTestApp(await newEnv());
    upstream = await newGitUpstream('catalog-upstream-');
  });
  after(async () => {
    await app?.stop();
    await upstream?.remove();
  });

  const templates = async () => {
    const res = await app.gql<{ serviceTemplates: Template[] }>(TEMPLATES);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.serviceTemplates;
  };
  const refresh = async () => {
    const res = await app.gql<{ refreshGitRepo: { refreshes: { status: string; error: string | null }[] } }>(
      'mutation($id: ID!) { refreshGitRepo(id: $id) { refreshes(take: 1) { status error } } }',
      { id: repoId },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.refreshGitRepo.refreshes[0];
  };

  test('a repository with a catalog/ adds its dialog and item when created; the item orders and runs its playbook', async () => {
    await upstream.commit(
      { 'greet.yml': PLAY, 'catalog/dialogs/team-greeting.yaml': DIALOG, 'catalog/templates/greeting.yaml': TEMPLATE('Team greeting') },
      'first',
    );
    const created = await app.gql<{ createGitRepo: { id: string } }>('mutation($i: CreateGitRepoInput!) { createGitRepo(input: $i) { id } }', {
      i: { name: 'team', url: upstream.url },
    });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    repoId = created.data!.createGitRepo.id;
    const item = (await templates()).find((t) => t.name === 'Team greeting');
    assert.deepEqual(item && { catalog: item.catalog, published: item.published }, { catalog: 'Team', published: true });

    const provider = await providerIdByName(app, 'local');
    const ordered = await orderService(app, item!.id, { provider, who: 'team' });
    const done = await requestEnded<{ status: string; message: string | null; service: { outputs: Record<string, unknown> } | null }>(
      app,
      ordered,
      'status message service { outputs }',
    );
    assert.equal(done.status, 'finished', done.message ?? '');
    assert.deepEqual(done.service!.outputs, { greeting: 'Hi, team' });
  });

  test('a pushed change is loaded by the next refresh; an item removed from the repository is unpublished, not deleted', async () => {
    await upstream.commit({ 'catalog/templates/farewell.yaml': TEMPLATE('Team farewell') }, 'add farewell');
    assert.deepEqual(await refresh(), { status: 'successful', error: null });
    const farewell = (await templates()).find((t) => t.name === 'Team farewell');
    assert.equal(farewell?.published, true);

    await upstream.commit({ 'catalog/templates/farewell.yaml': null }, 'remove farewell');
    assert.deepEqual(await refresh(), { status: 'successful', error: null });
    assert.equal(
      (await templates()).find((t) => t.name === 'Team farewell'),
      undefined,
      'no longer offered',
    );
    const kept = await app.sql<{ published: boolean }>(`SELECT published FROM service_templates WHERE name = 'Team farewell'`);
    assert.deepEqual(kept, [{ published: false }], 'kept, unpublished, for its requests and services');
    assert.equal((await templates()).find((t) => t.name === 'Team greeting')?.published, true);
  });

  test('a broken catalog, or one that would replace an item it did not bring, is not loaded: the refresh says why, the playbooks are refreshed all the same', async () => {
    const before = await templates();
    await upstream.commit({ 'catalog/templates/broken.yaml': 'kind: ServiceTemplate\nname: Broken\ntype: ansible_playbook\n', 'other.yml': PLAY }, 'broken');
    const broken = await refresh();
    assert.equal(broken.status, 'successful');
    assert.match(
      broken.error ?? '',
      /^The playbooks were refreshed, but catalog\/ was not loaded: [\s\S]*git:team:catalog\/templates\/broken\.yaml: dialog, line 1/,
    );
    const repo = await app.gql<{ gitRepo: { playbooks: { path: string }[] } }>('query($id: ID!) { gitRepo(id: $id) { playbooks { path } } }', { id: repoId });
    assert.deepEqual(repo.data!.gitRepo.playbooks.map((p) => p.path).sort(), ['greet.yml', 'other.yml']);

    await upstream.commit({ 'catalog/templates/broken.yaml': TEMPLATE('Run a playbook') }, 'take over a built-in item');
    const takeover = await refresh();
    assert.match(takeover.error ?? '', /item "Run a playbook" exists already \(from catalog\/templates\/run-a-playbook\.yaml\)/);
    assert.deepEqual(await templates(), before, 'nothing of either commit was stored');
  });
});
