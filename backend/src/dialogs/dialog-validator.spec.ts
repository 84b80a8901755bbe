import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DialogDefinition, reconfigurableFieldNames, secretFieldNames } from './dialog.types.js';
import { parseYamlMapping, validateDialogValues } from './dialog-validator.js';
import { parseDialog } from './dialog.schema.js';

const dialog: DialogDefinition = parseDialog({
  name: 'test',
  label: 'Test',
  tabs: [
    {
      label: 'Main',
      boxes: [
        {
          label: 'Box',
          fields: [
            { name: 'playbook', label: 'Playbook', type: 'dropdown', required: true, choices: [{ value: 'hello.yml', label: 'hello' }] },
            { name: 'count', label: 'Count', type: 'integer', min: 1, max: 5, default: 1 },
            { name: 'hostname', label: 'Host name', type: 'text', pattern: '^[a-z0-9-]+$', patternMessage: 'use lowercase letters, digits and dashes' },
            { name: 'tags', label: 'Tags', type: 'dropdown', multiple: true, choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
            { name: 'vars', label: 'Variables', type: 'textarea', format: 'yaml_mapping' },
            { name: 'fixed', label: 'Fixed', type: 'text', readOnly: true, default: 'kept' },
          ],
        },
      ],
    },
  ],
});

test('dialog values: valid values pass, defaults and read-only values are applied', () => {
  const { values, errors } = validateDialogValues(dialog, { playbook: 'hello.yml', tags: ['a'], fixed: 'changed by a client' });
  assert.deepEqual(errors, {});
  assert.deepEqual(values, { playbook: 'hello.yml', count: 1, tags: ['a'], fixed: 'kept' });
});

test('dialog values: each broken rule names its field with a message a user can act on', () => {
  const { errors } = validateDialogValues(dialog, { count: 9, hostname: 'Bad Host', tags: ['a', 'z'], vars: '- a list', extra: 1 });
  assert.equal(errors.playbook, 'Playbook is required');
  assert.match(errors.count, /<= 5/);
  assert.equal(errors.hostname, 'use lowercase letters, digits and dashes');
  assert.match(errors.tags, /not one of the choices/);
  assert.match(errors.vars, /must be a mapping/);
  assert.match(errors.extra, /not a field/);
});

test('dialog values: a choice outside the list and a wrong type are refused', () => {
  assert.match(validateDialogValues(dialog, { playbook: '../../etc/passwd' }).errors.playbook, /not one of the choices/);
  assert.match(validateDialogValues(dialog, { playbook: 'hello.yml', count: '2' }).errors.count, /whole number/);
});

test('extra variables: YAML and JSON mappings parse; other shapes and bad names are refused', () => {
  assert.deepEqual(parseYamlMapping('name: world\ncount: 2'), { name: 'world', count: 2 });
  assert.deepEqual(parseYamlMapping('{"name": "json"}'), { name: 'json' });
  assert.deepEqual(parseYamlMapping('  '), {});
  assert.throws(() => parseYamlMapping('name: [unclosed'), /not valid YAML or JSON/);
  assert.throws(() => parseYamlMapping('just text'), /must be a mapping/);
  assert.throws(() => parseYamlMapping('"bad-name": 1'), /not a valid variable name/);
});

test('dialog definitions: duplicate fields, bad patterns and choice-less dropdowns are refused', () => {
  const field = { name: 'a', label: 'A', type: 'text' };
  const make = (fields: object[]) => ({ name: 'd', label: 'D', tabs: [{ label: 'T', boxes: [{ label: 'B', fields }] }] });
  assert.throws(() => parseDialog(make([field, field])), /appears twice/);
  assert.throws(() => parseDialog(make([{ ...field, pattern: '(' }])), /not a valid regular expression/);
  assert.throws(() => parseDialog(make([{ name: 'b', label: 'B', type: 'dropdown' }])), /needs choices or a dataSource/);
  assert.throws(() => parseDialog(make([{ ...field, name: 'Bad-Name' }])), /fields\.0 \("Bad-Name"\)\.name: field names are identifiers/);
});

test('extra variables: connection and magic variables are refused (they would override the inventory)', () => {
  assert.throws(() => parseYamlMapping('ansible_python_interpreter: /bin/sh -c id'), /Ansible connection or setting variable/);
  assert.throws(() => parseYamlMapping('ANSIBLE_SSH_COMMON_ARGS: -o ProxyCommand=id'), /Ansible connection or setting variable/);
  assert.throws(() => parseYamlMapping('hostvars: {}'), /one of Ansible's own variables/);
  assert.deepEqual(parseYamlMapping('name: ok\nansible: fine'), { name: 'ok', ansible: 'fine' });
});

test('secret fields: a password value never appears in an error, and secretFieldNames lists them', () => {
  const d = parseDialog({
    name: 's',
    label: 'S',
    tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [
      { name: 'user', label: 'User', type: 'text' },
      { name: 'pass', label: 'Password', type: 'password', minLength: 12, maxLength: 20, pattern: '^[^ ]+$', required: true },
    ] }] }],
  });
  assert.deepEqual(secretFieldNames(d), ['pass']);
  for (const value of ['tiny-secret', 'with a space inside', 'x'.repeat(21) + 'tail-secret', 42]) {
    const { errors } = validateDialogValues(d, { pass: value });
    assert.ok(errors.pass, `refused: ${String(value).length} chars`);
    assert.ok(!errors.pass.includes(String(value)) && !errors.pass.includes('secret'), errors.pass);
  }
});

test('new types: messages name the rule (date, datetime, tags, float, multi-select)', () => {
  const d = parseDialog({
    name: 'n',
    label: 'N',
    tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [
      { name: 'day', label: 'Day', type: 'date' },
      { name: 'at', label: 'At', type: 'datetime' },
      { name: 'labels', label: 'Labels', type: 'tags' },
      { name: 'ratio', label: 'Ratio', type: 'float', max: 1 },
      { name: 'nets', label: 'Nets', type: 'dropdown', multiple: true, choices: [{ value: 'a', label: 'A' }] },
    ] }] }],
  });
  const { errors } = validateDialogValues(d, { day: '2025-02-30', at: '2025-01-01T10:00', labels: ['a', 'a'], ratio: 1.5, nets: ['a', 'a'] });
  assert.equal(errors.day, 'must be a date as YYYY-MM-DD');
  assert.match(errors.at, /with a time zone/);
  assert.equal(errors.labels, 'lists the same value twice');
  assert.equal(errors.ratio, 'must be <= 1');
  assert.equal(errors.nets, 'lists the same value twice');
  const ok = validateDialogValues(d, { day: '2025-02-28', at: '2025-01-01T10:00:00Z', labels: ['a', 'b'], ratio: 0.25, nets: ['a'] });
  assert.deepEqual(ok.errors, {});
});

test('reconfigurable fields are listed for the reconfigure flow', () => {
  const d = parseDialog({ name: 'r', label: 'R', tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [
    { name: 'size', label: 'Size', type: 'integer', reconfigurable: true },
    { name: 'name', label: 'Name', type: 'text', reconfigurable: false },
  ] }] }] });
  assert.deepEqual(reconfigurableFieldNames(d), ['size']);
});
