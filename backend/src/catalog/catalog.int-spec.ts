import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';

type Files = { path: string; content: string }[];
const EXPORT = '{ exportCatalog { path content } }';
const IMPORT = 'mutation($f: [CatalogFileInput!]!) { importCatalog(files: $f) { dialogs templates stateMachines } }';

describe('catalog as code through the API: export, import, round trip', () => {
  let shipped: TestApp;
  let empty: TestApp;
  let emptyDir: string;
  before(async () => {
    shipped = await startTestApp(await newEnv());
    emptyDir = await mkdtemp(join(tmpdir(), 'empty-catalog-'));
    empty = await startTestApp(await newEnv(), { CATALOG_DIR: emptyDir });
  });
  after(async () => {
    await shipped?.stop();
    await empty?.stop();
    await rm(emptyDir, { recursive: true, force: true });
  });

  test('what one portal exports, another imports, and exports the same; importing again changes nothing', async () => {
    const exported = (await shipped.gql<{ exportCatalog: Files }>(EXPORT)).data!.exportCatalog;
    const paths = exported.map((f) => f.path);
    assert.ok(
      paths.includes('templates/demo-bundle.yaml') && paths.includes('state-machines/provision.yaml') && paths.includes('dialogs/5g-slice.yaml'),
      paths.join(', '),
    );
    assert.equal((await empty.gql<{ exportCatalog: Files }>(EXPORT)).data!.exportCatalog.filter((f) => f.path.startsWith('templates/')).length, 0);

    const imported = await empty.gql<{ importCatalog: { templates: number } }>(IMPORT, { f: exported });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    assert.equal(imported.data!.importCatalog.templates, exported.filter((f) => f.path.startsWith('templates/')).length);
    const again = (await empty.gql<{ exportCatalog: Files }>(EXPORT)).data!.exportCatalog;
    assert.deepEqual(again, exported);
    await empty.gql(IMPORT, { f: exported });
    assert.deepEqual((await empty.gql<{ exportCatalog: Files }>(EXPORT)).data!.exportCatalog, exported);
    const templates = await empty.gql<{ serviceTemplates: { name: string }[] }>('{ serviceTemplates { name } }');
    assert.ok(templates.data!.serviceTemplates.some((t) => t.name === '5G slice: CRAN + MEC + EPC'));
  });

  test('a broken file is refused with its file, line and reason, and nothing of the import is stored', async () => {
    const before = (await shipped.gql<{ exportCatalog: Files }>(EXPORT)).data!.exportCatalog;
    const res = await shipped.gql(IMPORT, {
      f: [
        {
          path: 'templates/new.yaml',
          content:
            'kind: ServiceTemplate\nname: New item\ntype: ansible_playbook\ndialog: run-playbook\nprovision: { repo: playbooks, playbook: hello.yml, provider: { field: provider } }\n',
        },
        {
          path: 'templates/bad.yaml',
          content:
            'kind: ServiceTemplate\nname: Bad\ntype: bundle\ndialog: run-playbook\nitems:\n  - name: a\n    index: -1\n    provision: { repo: r, playbook: x.yml, provider: p }\n',
        },
      ],
    });
    assert.equal(res.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(res.errors![0].message, /catalog\/templates\/bad.yaml: items.0.index, line 7: /);
    assert.deepEqual((await shipped.gql<{ exportCatalog: Files }>(EXPORT)).data!.exportCatalog, before, 'New item was not stored either');
    const traversal = await shipped.gql(IMPORT, { f: [{ path: '../../etc/x.yaml', content: 'kind: Dialog\n' }] });
    assert.equal(traversal.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
  });

  test('a large import is analyzed at once, so the first catalog pages read the index rather than sorting the table', async () => {
    const reltuples = async () => Number((await empty.sql<{ n: string }>(`SELECT reltuples AS n FROM pg_class WHERE relname = 'service_templates'`))[0].n);
    const files = Array.from({ length: 600 }, (_, i) => ({
      path: `templates/bulk-${i}.yaml`,
      content: `kind: ServiceTemplate\nname: Bulk item ${String(i).padStart(3, '0')}\ncatalog: Bulk\ntype: ansible_playbook\ndialog: run-playbook\nprovision: { repo: playbooks, playbook: hello.yml, provider: { field: provider } }\n`,
    }));
    const res = await empty.gql<{ importCatalog: { templates: number } }>(IMPORT, { f: files });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    // Statistics say how many rows the table has (-1, or the last count, before any ANALYZE).
    assert.ok((await reltuples()) >= 600, `reltuples ${await reltuples()}`);
    const page = await empty.gql<{ serviceTemplates: { name: string }[] }>('{ serviceTemplates(catalog: "Bulk", skip: 550, take: 50) { name } }');
    assert.deepEqual(page.data!.serviceTemplates.map((t) => t.name).slice(0, 2), ['Bulk item 550', 'Bulk item 551']);
  });
});
