import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, orderService, requestEnded, startTestApp, type TestApp } from '../testing/harness.js';

interface Item {
  id: string;
  name: string;
  description: string | null;
  published: boolean;
  source: string | null;
  definition: Record<string, unknown>;
}

const ITEM = 'id name description published source definition';
const SAVE = `mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { ${ITEM} } }`;
const DELETE = 'mutation($id: ID!) { deleteServiceTemplate(id: $id) }';
const GET = `query($id: ID!) { serviceTemplate(id: $id, unpublished: true) { ${ITEM} } }`;

/** An ansible_playbook item running hello.yml on the provider the order picks. */
const helloItem = (name: string) => ({
  name,
  description: 'Says hello',
  catalog: 'Editor',
  icon: 'waving_hand',
  longDescription: '# Hello\nFrom the **editor**.',
  type: 'ansible_playbook',
  dialog: 'run-playbook',
  published: true,
  provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'provider' }, extraVarsField: 'extra_vars', options: { verbosity: 1 } },
});

describe('template and bundle editors: saveServiceTemplate and deleteServiceTemplate on real Postgres, Redis and ansible-playbook', () => {
  let app: TestApp;
  const count = async () => Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM service_templates'))[0].n);
  const save = (definition: unknown, id?: string) => app.gql<{ saveServiceTemplate: Item }>(SAVE, { i: { id, definition } });
  const shipped = async (name: string) =>
    (await app.gql<{ serviceTemplates: Item[] }>(`{ serviceTemplates { ${ITEM} } }`)).data!.serviceTemplates.find((t) => t.name === name)!;

  before(async () => {
    app = await startTestApp(await newEnv());
  });
  after(() => app?.stop());

  test('an ansible_playbook item made in the editor loads back as written, and orders to a finished request', async () => {
    const res = await save(helloItem('Editor hello'));
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const item = res.data!.saveServiceTemplate;
    assert.equal(item.source, 'editor');
    assert.deepEqual(item.definition, helloItem('Editor hello'));
    const loaded = (await app.gql<{ serviceTemplate: Item }>(GET, { id: item.id })).data!.serviceTemplate;
    assert.deepEqual(loaded.definition, item.definition);

    const ordered = await orderService(app, item.id, { playbook: 'hello.yml', extra_vars: 'name: editor' });
    const done = await requestEnded<{ status: string; message: string | null; service: { outputs: Record<string, unknown> } | null }>(
      app,
      ordered,
      'status message service { outputs }',
    );
    assert.equal(done.status, 'finished', done.message ?? '');
    assert.equal(done.service?.outputs.greeting, 'Hello, editor!');
  });

  test('a bundle: items with provision indexes, site bindings and variable mapping, computed indexes filled in', async () => {
    const bundle = {
      name: 'Editor bundle',
      catalog: 'Editor',
      type: 'bundle',
      dialog: 'demo-bundle',
      published: true,
      onFailure: 'rollback',
      sites: { core: { provider: { field: 'provider' }, variables: { region: 'north' } } },
      items: [
        {
          name: 'network',
          site: 'core',
          provision: { repo: 'playbooks', playbook: 'bundle/network.yml', provider: { field: 'provider' }, vars: { deployment: 'deployment' } },
        },
        {
          name: 'app',
          site: 'core',
          provision: { repo: 'playbooks', playbook: 'bundle/app.yml', provider: { field: 'provider' }, vars: { deployment: 'deployment', size: 'size' } },
          inputs: { net_id: 'network.net_id' },
          retirement: { playbook: 'bundle/app-retire.yml' },
        },
      ],
    };
    const res = await save(bundle);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const def = res.data!.saveServiceTemplate.definition as {
      items: { name: string; index: number }[];
      stateMachine: string;
      onFailure: string;
      sites: unknown;
    };
    assert.deepEqual(
      def.items.map((i) => [i.name, i.index]),
      [
        ['network', 0],
        ['app', 1],
      ],
    );
    assert.equal(def.stateMachine, 'provision');
    const machines = (await app.gql<{ stateMachines: { name: string; states: string[] }[] }>('{ stateMachines { name states } }')).data!.stateMachines;
    assert.ok(machines.find((m) => m.name === 'provision')?.states.includes('wait'), JSON.stringify(machines));
    assert.equal(def.onFailure, 'rollback');
    assert.deepEqual(def.sites, bundle.sites);
  });

  test('a bad item is refused with VALIDATION_FAILED naming each field, and nothing is stored', async () => {
    const before = await count();
    const bad = await save({
      ...helloItem('Bad'),
      icon: 'Not An Icon',
      provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'nowhere' } },
    });
    assert.equal(bad.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(bad.errors![0].extensions!.fields!.icon, /Material icon name/);
    // A well-formed name the web UI has no icon for is refused too (it would show a generic one).
    const unknownIcon = await save({ ...helloItem('Bad'), icon: 'rocket' });
    assert.equal(unknownIcon.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(unknownIcon.errors![0].extensions!.fields!.icon, /"rocket" is not an icon the portal has/);
    const unknownField = await save({ ...helloItem('Bad'), provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'nowhere' } } });
    assert.equal(unknownField.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(unknownField.errors![0].extensions!.fields!['provision.provider'], /field "nowhere", which dialog "run-playbook" lacks/);
    const badBundle = await save({
      name: 'Bad bundle',
      type: 'bundle',
      dialog: 'demo-bundle',
      items: [
        { name: 'a', index: 0, provision: { repo: 'playbooks', playbook: 'x.yml', provider: 'local' }, inputs: { x: 'b.y' } },
        { name: 'b', index: 1, provision: { repo: 'playbooks', playbook: 'x.yml', provider: 'local' } },
      ],
    });
    assert.equal(badBundle.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(badBundle.errors![0].message, /item "a" \(index 0\) takes x from "b" \(index 1\), which does not run before it/);
    const noDialog = await save({ ...helloItem('Bad'), dialog: 'missing' });
    assert.match(noDialog.errors![0].extensions!.fields!.dialog, /uses dialog "missing", which does not exist/);
    const notObject = await save('name: Bad');
    assert.equal(notObject.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.equal(await count(), before);
  });

  test('items from catalog files or a repository are refused (CONFLICT saying where to change them), their name too', async () => {
    const runPlaybook = await shipped('Run a playbook');
    assert.equal(runPlaybook.source, 'catalog/templates/run-a-playbook.yaml');
    const update = await save({ ...runPlaybook.definition, description: 'changed' }, runPlaybook.id);
    assert.equal(update.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(update.errors![0].message, /comes from the catalog file catalog\/templates\/run-a-playbook.yaml: change the file .*copy it to a new item/);
    const namesake = await save({ ...runPlaybook.definition, description: 'mine' });
    assert.equal(namesake.errors?.[0].extensions?.code, 'CONFLICT');
    assert.equal(namesake.errors![0].extensions!.fields!.name, 'is taken by another catalog item');
    const removed = await app.gql(DELETE, { id: runPlaybook.id });
    assert.equal(removed.errors?.[0].extensions?.code, 'CONFLICT');
    assert.equal((await shipped('Run a playbook')).description, runPlaybook.description);

    // An item a repository's catalog brought (its source set as a refresh sets it) is changed in the repository.
    const fromGit = (await save(helloItem('From a repository'))).data!.saveServiceTemplate;
    await app.sql('UPDATE service_templates SET source = $2 WHERE id = $1', [fromGit.id, 'git:lab:catalog/templates/x.yaml']);
    const gitUpdate = await save(helloItem('From a repository'), fromGit.id);
    assert.equal(gitUpdate.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(gitUpdate.errors![0].message, /comes from git repository "lab" \(catalog\/templates\/x.yaml\): change it there and push/);
    assert.equal((await app.gql(DELETE, { id: fromGit.id })).errors?.[0].extensions?.code, 'CONFLICT');

    const copy = await save({ ...runPlaybook.definition, name: 'Run a playbook (copy)' });
    assert.equal(copy.errors, undefined, JSON.stringify(copy.errors));
    assert.equal(copy.data!.saveServiceTemplate.source, 'editor');
  });

  test('update: an editor item is changed in place, renamed, unpublished (then listed for the editor only)', async () => {
    const created = (await save(helloItem('Editor update'))).data!.saveServiceTemplate;
    const res = await save({ ...helloItem('Editor renamed'), description: 'Changed', published: false }, created.id);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data!.saveServiceTemplate.id, created.id);
    assert.equal(res.data!.saveServiceTemplate.description, 'Changed');
    const names = async (unpublished: boolean) =>
      (
        await app.gql<{ serviceTemplates: Item[] }>('query($u: Boolean!) { serviceTemplates(unpublished: $u, take: 500) { name } }', { u: unpublished })
      ).data!.serviceTemplates.map((t) => t.name);
    assert.ok(!(await names(false)).includes('Editor renamed'));
    assert.ok((await names(true)).includes('Editor renamed'));
    assert.ok(!(await names(true)).includes('Editor update'));
    const clash = await save(helloItem('Editor hello'), created.id);
    assert.equal(clash.errors?.[0].extensions?.code, 'CONFLICT');
    const unknown = await save(helloItem('Ghost'), '00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.errors?.[0].extensions?.code, 'NOT_FOUND');
  });

  test('delete: an unordered item goes; an ordered one is kept for its requests (CONFLICT: unpublish it)', async () => {
    const gone = (await save(helloItem('Editor delete'))).data!.saveServiceTemplate;
    assert.equal((await app.gql<{ deleteServiceTemplate: boolean }>(DELETE, { id: gone.id })).data?.deleteServiceTemplate, true);
    assert.equal((await app.gql<{ serviceTemplate: Item | null }>(GET, { id: gone.id })).errors?.[0].extensions?.code, 'NOT_FOUND');

    const ordered = (await app.gql<{ serviceTemplates: Item[] }>(`{ serviceTemplates(take: 500) { ${ITEM} } }`)).data!.serviceTemplates.find(
      (t) => t.name === 'Editor hello',
    )!;
    const kept = await app.gql(DELETE, { id: ordered.id });
    assert.equal(kept.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(kept.errors![0].message, /has been ordered.*Unpublish it instead/);
    assert.ok((await app.gql<{ serviceTemplate: Item }>(GET, { id: ordered.id })).data!.serviceTemplate);
  });
});
