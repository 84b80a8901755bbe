import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DialogDefinition } from './dialog.types.js';
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
  assert.throws(() => parseDialog(make([{ ...field, name: 'Bad-Name' }])), /lower_snake_case/);
});

test('extra variables: connection and magic variables are refused (they would override the inventory)', () => {
  assert.throws(() => parseYamlMapping('ansible_python_interpreter: /bin/sh -c id'), /Ansible connection or setting variable/);
  assert.throws(() => parseYamlMapping('ANSIBLE_SSH_COMMON_ARGS: -o ProxyCommand=id'), /Ansible connection or setting variable/);
  assert.throws(() => parseYamlMapping('hostvars: {}'), /one of Ansible's own variables/);
  assert.deepEqual(parseYamlMapping('name: ok\nansible: fine'), { name: 'ok', ansible: 'fine' });
});
