import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { readCatalog } from './catalog-files.js';

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
