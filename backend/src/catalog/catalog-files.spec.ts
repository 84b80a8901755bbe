import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { checkTemplate, readCatalog, TemplateError } from './catalog-files.js';

test('catalog as code: the shipped catalog/ folder loads, with "Run a playbook"', async () => {
  const files = await readCatalog(resolve(PROJECT_ROOT, 'catalog'));
  const template = files.templates.find((t) => t.name === 'Run a playbook');
  assert.ok(template, 'Run a playbook is missing');
  assert.equal(template.dialog, 'run-playbook');
  assert.ok(files.dialogs.some((d) => d.name === 'run-playbook'));
});

test('catalog as code: every problem is reported with its file, and nothing half-loads', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  await mkdir(join(dir, 'templates'));
  await writeFile(
    join(dir, 'templates', 'bad.yaml'),
    'kind: ServiceTemplate\nname: Bad\ntype: ansible_playbook\ndialog: missing\nprovision: { repo: r, playbook: x.yml, provider: { field: p } }\n',
  );
  await writeFile(join(dir, 'odd.yaml'), 'kind: Gadget\n');
  await writeFile(join(dir, 'broken.yaml'), 'kind: [\n');
  await assert.rejects(readCatalog(dir), (err: Error) => {
    assert.match(err.message, /catalog\/templates\/bad.yaml: template "Bad" uses dialog "missing"/);
    assert.match(err.message, /catalog\/odd.yaml: unknown kind "Gadget"/);
    assert.match(err.message, /catalog\/broken.yaml:/);
    return true;
  });
});

test('catalog as code: the 5G slice orders its items from what they need, and binds each to a site', async () => {
  const files = await readCatalog(resolve(PROJECT_ROOT, 'catalog'));
  const slice = files.templates.find((t) => t.name === '5G slice: CRAN + MEC + EPC');
  assert.deepEqual(
    slice?.items?.map((i) => [i.name, i.index, i.site]),
    [
      ['epc', 0, 'epc'],
      ['mec', 1, 'mec'],
      ['cran', 2, 'cran'],
    ],
  );
  assert.deepEqual(Object.keys(slice?.sites ?? {}), ['epc', 'mec', 'cran']);
  // Its parts are processes started over SSH: each site takes ssh providers only.
  assert.deepEqual(
    Object.values(slice?.sites ?? {}).map((s) => s.providerTypes),
    [['ssh'], ['ssh'], ['ssh']],
  );
  assert.equal(slice?.onFailure, 'rollback');
});

test('catalog as code: a bundle on an inventory document binds items to its sites, known only when ordering', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  await mkdir(join(dir, 'templates'));
  await mkdir(join(dir, 'dialogs'));
  await writeFile(
    join(dir, 'dialogs', 'd.yaml'),
    'kind: Dialog\nname: d\nlabel: D\ntabs: [{ label: T, boxes: [{ label: B, fields: [{ name: p, label: P, type: text }] }] }]\n',
  );
  await writeFile(
    join(dir, 'templates', 'on-inventory.yaml'),
    'kind: ServiceTemplate\nname: On inventory\ntype: bundle\ndialog: d\ninventory: lab\nitems:\n  - { name: run, site: epc, provision: { repo: r, playbook: x.yml, provider: { field: p } } }\n',
  );
  const files = await readCatalog(dir);
  const bundle = files.templates.find((t) => t.name === 'On inventory');
  assert.equal(bundle?.inventory, 'lab');
  assert.equal(bundle?.items?.[0].site, 'epc');
});

test('catalog as code: the shipped bundle and state machine load', async () => {
  const files = await readCatalog(resolve(PROJECT_ROOT, 'catalog'));
  const bundle = files.templates.find((t) => t.name === 'Demo bundle');
  assert.equal(bundle?.type, 'bundle');
  assert.deepEqual(
    bundle?.items?.map((i) => [i.name, i.index]),
    [
      ['network', 0],
      ['app-a', 1],
      ['app-b', 1],
      ['summary', 2],
    ],
  );
  const machine = files.stateMachines.find((m) => m.name === 'provision');
  assert.deepEqual(
    machine?.states.slice(0, 2).map((s) => s.method),
    ['approve', 'refresh_repositories'],
    'an order is approved (or passes its approval at once) before anything is fetched',
  );
});

test('catalog as code: the shipped VNF package item deploys the VM VDU, then the pod VDU given its outputs', async () => {
  const files = await readCatalog(resolve(PROJECT_ROOT, 'catalog'));
  const item = files.templates.find((t) => t.name === 'Web pod on a VM (VNF package)');
  assert.deepEqual(
    item?.items?.map((i) => [i.name, i.index, i.vnf]),
    [
      ['vmid', 0, { package: 'web-pod-on-vm', vdu: 'vmid' }],
      ['webpod', 1, { package: 'web-pod-on-vm', vdu: 'webpod' }],
    ],
  );
  assert.deepEqual(item?.items?.[1].inputs, { vdu_parent_node: 'vmid.node_name', vdu_parent_address: 'vmid.address' });
});

test('bundles and state machines: an input from a later or same-index item, an unknown method, a repeated state are refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  await writeFile(
    join(dir, 'dialog.yaml'),
    'kind: Dialog\nname: d\nlabel: D\ntabs: [{ label: T, boxes: [{ label: B, fields: [{ name: p, label: P, type: text }] }] }]\n',
  );
  const item = (name: string, index: number, inputs = '') =>
    `  - name: ${name}\n    index: ${index}\n    provision: { repo: r, playbook: x.yml, provider: { field: p } }\n${inputs}`;
  await writeFile(
    join(dir, 'cycle.yaml'),
    `kind: ServiceTemplate\nname: Cycle\ntype: bundle\ndialog: d\nitems:\n${item('a', 0, '    inputs: { x: b.y }\n')}${item('b', 0, '    inputs: { y: a.x }\n')}`,
  );
  await writeFile(
    join(dir, 'same.yaml'),
    `kind: ServiceTemplate\nname: Same\ntype: bundle\ndialog: d\nitems:\n${item('d', 1)}${item('e', 1, '    needs: [d]\n')}`,
  );
  await writeFile(
    join(dir, 'computed.yaml'),
    `kind: ServiceTemplate\nname: Computed\ntype: bundle\ndialog: d\nsites: { x: { provider: { field: p } } }\nitems:\n  - { name: f, site: y, provision: { repo: r, playbook: x.yml, provider: { field: p } } }\n`,
  );
  await writeFile(join(dir, 'machine.yaml'), 'kind: StateMachine\nname: m\nstates:\n  - { name: one, method: launch_missiles }\n');
  await writeFile(
    join(dir, 'twice.yaml'),
    'kind: StateMachine\nname: t\nstates:\n  - { name: one, method: run_playbook }\n  - { name: one, method: wait_for_jobs }\n',
  );
  await assert.rejects(readCatalog(dir), (err: Error) => {
    assert.match(err.message, /catalog\/cycle.yaml: items depend on each other in a cycle: a → b → a/);
    assert.match(err.message, /catalog\/same.yaml: item "e" \(index 1\) needs "d" \(index 1\), which does not run before it/);
    assert.match(err.message, /catalog\/computed.yaml: item "f" deploys site "y", which the bundle's sites do not name/);
    assert.match(err.message, /catalog\/machine.yaml: states.0.method, line 4: is not a built-in method/);
    assert.match(err.message, /catalog\/twice.yaml: state "one" is defined twice/);
    return true;
  });
});

test("the editor's check: the catalog-file rules, each problem with its path in the definition", () => {
  const dialog = { name: 'd', label: 'D', tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [{ name: 'p', label: 'P', type: 'text' as const }] }] }] };
  const known = { dialogs: [dialog], stateMachines: ['provision'] };
  const item = checkTemplate(
    { kind: 'ServiceTemplate', name: 'Ok', type: 'ansible_playbook', dialog: 'd', provision: { repo: 'r', playbook: 'x.yml', provider: { field: 'p' } } },
    'editor',
    known,
  );
  assert.equal(item.source, 'editor');
  assert.equal(item.catalog, 'General');
  const issues = (body: unknown) => {
    try {
      checkTemplate(body, 'editor', known);
    } catch (err) {
      if (err instanceof TemplateError) return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw err;
    }
    return [];
  };
  assert.deepEqual(
    issues({
      kind: 'ServiceTemplate',
      name: 'Bad',
      type: 'ansible_playbook',
      dialog: 'd',
      provision: { repo: 'r', playbook: { field: 'q' }, provider: 'local' },
    }),
    ['provision.playbook: template "Bad" refers to field "q", which dialog "d" lacks'],
  );
  assert.deepEqual(
    issues({
      kind: 'ServiceTemplate',
      name: 'Bad',
      type: 'bundle',
      dialog: 'd',
      stateMachine: 'nope',
      items: [{ name: 'a', provision: { repo: 'r', playbook: 'x.yml', provider: 'p' } }],
    }),
    ['stateMachine: template "Bad" uses state machine "nope", which does not exist'],
  );
  assert.match(
    issues({ kind: 'ServiceTemplate', name: 'Bad', type: 'ansible_playbook', dialog: 'd', provision: { repo: '', playbook: 'x.yml', provider: 'p' } })[0],
    /^provision\.repo: /,
  );
});

test('catalog as code: a file nested thousands deep is refused with its file and line before the YAML parser recurses into it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  await writeFile(join(dir, 'deep.yaml'), `kind: Dialog\nname: deep\nlabel: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
  await assert.rejects(readCatalog(dir), /catalog\/deep\.yaml: line 3: collections nested more than 64 deep are refused/);
});
