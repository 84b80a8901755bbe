import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialogProblemPlace, plainDialogProblem, plainTemplatePath, plainTemplateProblem } from './editor-paths.js';

test("a dialog's paths read as the editor's tabs, boxes and fields, counted from 1", () => {
  assert.equal(plainDialogProblem('tabs.0.boxes.0.fields.3.name: is required'), 'Tab 1 › Box 1 › Field 4 (name): is required');
  assert.equal(
    plainDialogProblem('tabs.0.boxes.1.fields.2 ("hostname").pattern: is not a valid regular expression'),
    'Tab 1 › Box 2 › Field 3 "hostname" (pattern): is not a valid regular expression',
  );
  assert.equal(plainDialogProblem('tabs.1.label: is required'), 'Tab 2 (label): is required');
  assert.equal(plainDialogProblem('tabs.0.boxes.2: needs at least 1 field'), 'Tab 1 › Box 3: needs at least 1 field');
  assert.equal(
    plainDialogProblem('tabs.0.boxes.0.fields.1 ("b").name: field "a" appears twice (first at tabs.0.boxes.0.fields.0 ("a"))'),
    'Tab 1 › Box 1 › Field 2 "b" (name): field "a" appears twice (first at Tab 1 › Box 1 › Field 1 "a")',
    'every path in the text',
  );
  assert.equal(plainDialogProblem('label: is required'), 'label: is required', 'text without a path is kept');
  assert.doesNotMatch(plainDialogProblem('tabs.0.boxes.0.fields.3.dataSource.type: is required'), /tabs\.\d/);
});

test('a dialog problem names its tab, box, field and property', () => {
  assert.deepEqual(dialogProblemPlace('tabs.0.boxes.1.fields.2 ("x").pattern: bad'), { tab: 0, box: 1, field: 2, property: 'pattern' });
  assert.deepEqual(dialogProblemPlace('tabs.2.label: is required'), { tab: 2, property: 'label' });
  assert.deepEqual(dialogProblemPlace('tabs.0.boxes.3: needs a field'), { tab: 0, box: 3 });
  assert.equal(dialogProblemPlace('name: dialog names are lower-kebab-case'), null);
});

test("a catalog item's paths read as the editor's inputs", () => {
  assert.equal(plainTemplatePath('name'), 'Item name');
  assert.equal(plainTemplatePath('provision.playbook'), 'Provision › Playbook');
  assert.equal(plainTemplatePath('items.1.provision.extraVarsField'), 'Item 2 › Provision › Extra variables field');
  assert.equal(plainTemplatePath('sites.epc.provider'), 'Site epc › Provider');
  assert.equal(plainTemplatePath('approval.rules.0.field'), 'Approval › Rules › #1 › Field');
  assert.equal(plainTemplatePath('someNewKey'), 'Some new key');
  assert.equal(plainTemplateProblem('items.0.name: is required'), 'Item 1 › Item name is required');
  assert.equal(plainTemplateProblem('icon: use a Material icon name'), 'Icon: use a Material icon name');
  assert.equal(plainTemplateProblem('the item has no dialog'), 'the item has no dialog');
});
