// The one validator of dialog values, as the server (compileDialog: API wording) and the order form
// (fieldProblem + formMessage: the form's wording) use it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DialogDefinition, type DialogField, reconfigurableFieldNames, secretFieldNames } from './types.js';
import { compileDialog, fieldProblem, formMessage, validateDialogValues } from './validator.js';
import { parseYamlMapping } from './yaml-mapping.js';

const dialogOf = (fields: DialogField[], name = 'test'): DialogDefinition => ({
  name,
  label: 'Test',
  tabs: [{ label: 'Main', boxes: [{ label: 'Box', fields }] }],
});
const choices = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

const dialog = dialogOf([
  { name: 'playbook', label: 'Playbook', type: 'dropdown', required: true, choices: [{ value: 'hello.yml', label: 'hello' }] },
  { name: 'count', label: 'Count', type: 'integer', min: 1, max: 5, default: 1 },
  { name: 'hostname', label: 'Host name', type: 'text', pattern: '^[a-z0-9-]+$', patternMessage: 'use lowercase letters, digits and dashes' },
  {
    name: 'tags',
    label: 'Tags',
    type: 'dropdown',
    multiple: true,
    choices: [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ],
  },
  { name: 'vars', label: 'Variables', type: 'textarea', format: 'yaml_mapping' },
  { name: 'fixed', label: 'Fixed', type: 'text', readOnly: true, default: 'kept' },
]);

test('dialog values: valid values pass, defaults and read-only values are applied', () => {
  const { values, errors } = validateDialogValues(dialog, { playbook: 'hello.yml', tags: ['a'], fixed: 'changed by a client' });
  assert.deepEqual(errors, {});
  assert.deepEqual(values, { playbook: 'hello.yml', count: 1, tags: ['a'], fixed: 'kept' });
});

test('dialog values: each broken rule names its field with a message a user can act on', () => {
  const { errors } = validateDialogValues(dialog, { count: 9, hostname: 'Bad Host', tags: ['a', 'z'], vars: '- a list', extra: 1 });
  assert.equal(errors.playbook, 'Playbook is required');
  assert.match(errors.count!, /<= 5/);
  assert.equal(errors.hostname, 'use lowercase letters, digits and dashes');
  assert.match(errors.tags!, /not one of the choices/);
  assert.match(errors.vars!, /must be a mapping/);
  assert.match(errors.extra!, /not a field/);
});

test('dialog values: a choice outside the list and a wrong type are refused', () => {
  assert.match(validateDialogValues(dialog, { playbook: '../../etc/passwd' }).errors.playbook!, /not one of the choices/);
  assert.match(validateDialogValues(dialog, { playbook: 'hello.yml', count: '2' }).errors.count!, /whole number/);
});

test('the form words the same problems for a field that shows its label: Required, Must be at most 5', () => {
  const [, count] = dialog.tabs[0]!.boxes[0]!.fields;
  const who: DialogField = {
    name: 'who',
    label: 'Who',
    type: 'text',
    required: true,
    minLength: 3,
    maxLength: 12,
    pattern: '^[a-z]+$',
    patternMessage: 'Lower-case letters only',
  };
  const say = (f: DialogField, v: unknown) => {
    const p = fieldProblem(f, v);
    return p && formMessage(p);
  };
  assert.equal(say(who, ''), 'Required');
  assert.equal(say(who, 'ab'), 'Must be at least 3 characters');
  assert.equal(say(who, 'abcdefghijklmnop'), 'Must be at most 12 characters');
  assert.equal(say(who, 'Abc'), 'Lower-case letters only');
  assert.equal(say(who, 'abc'), undefined);
  assert.equal(say(count!, 9), 'Must be at most 5');
  assert.equal(say(count!, 0), 'Must be at least 1');
  assert.equal(fieldProblem(count!, 9)?.message, 'must be <= 5', 'the API keeps its wording');
});

test('extra variables: YAML and JSON mappings parse; other shapes and bad names are refused', () => {
  assert.deepEqual(parseYamlMapping('name: world\ncount: 2'), { name: 'world', count: 2 });
  assert.deepEqual(parseYamlMapping('{"name": "json"}'), { name: 'json' });
  assert.deepEqual(parseYamlMapping('  '), {});
  assert.throws(() => parseYamlMapping('name: [unclosed'), /not valid YAML or JSON/);
  assert.throws(() => parseYamlMapping('just text'), /must be a mapping/);
  assert.throws(() => parseYamlMapping('"bad-name": 1'), /not a valid variable name/);
});

test('extra variables: connection and magic variables are refused (they would override the inventory)', () => {
  assert.throws(() => parseYamlMapping('ansible_python_interpreter: /bin/sh -c id'), /Ansible connection or setting variable/);
  assert.throws(() => parseYamlMapping('ANSIBLE_SSH_COMMON_ARGS: -o ProxyCommand=id'), /Ansible connection or setting variable/);
  assert.throws(() => parseYamlMapping('hostvars: {}'), /one of Ansible's own variables/);
  assert.deepEqual(parseYamlMapping('name: ok\nansible: fine'), { name: 'ok', ansible: 'fine' });
});

test('extra variables nested 5,000 deep are refused with their line before the YAML parser recurses into them', () => {
  const flow = `name: x\ndeep: ${'['.repeat(5000)}${']'.repeat(5000)}`;
  assert.throws(() => parseYamlMapping(flow), /^Error: is nested too deeply: line 2: collections nested more than 64 deep are refused$/);
  const block = Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  assert.throws(() => parseYamlMapping(block), /is nested too deeply: line 65:/);
  const { errors } = validateDialogValues(dialog, { playbook: 'hello.yml', vars: flow });
  assert.equal(errors.vars, 'Variables is nested too deeply: line 2: collections nested more than 64 deep are refused');
});

test('secret fields: a password value never appears in an error, and secretFieldNames lists them', () => {
  const d = dialogOf([
    { name: 'user', label: 'User', type: 'text' },
    { name: 'pass', label: 'Password', type: 'password', minLength: 12, maxLength: 20, pattern: '^[^ ]+$', required: true },
  ]);
  assert.deepEqual(secretFieldNames(d), ['pass']);
  for (const value of ['tiny-secret', 'with a space inside', 'x'.repeat(21) + 'tail-secret', 42]) {
    const { errors } = validateDialogValues(d, { pass: value });
    assert.ok(errors.pass, `refused: ${String(value).length} chars`);
    assert.ok(!errors.pass.includes(String(value)) && !errors.pass.includes('secret'), errors.pass);
  }
});

test('new types: messages name the rule (date, datetime, tags, float, multi-select)', () => {
  const d = dialogOf([
    { name: 'day', label: 'Day', type: 'date' },
    { name: 'at', label: 'At', type: 'datetime' },
    { name: 'labels', label: 'Labels', type: 'tags' },
    { name: 'ratio', label: 'Ratio', type: 'float', max: 1 },
    { name: 'nets', label: 'Nets', type: 'dropdown', multiple: true, choices: [{ value: 'a', label: 'A' }] },
  ]);
  const { errors } = validateDialogValues(d, { day: '2025-02-30', at: '2025-01-01T10:00', labels: ['a', 'a'], ratio: 1.5, nets: ['a', 'a'] });
  assert.equal(errors.day, 'must be a date as YYYY-MM-DD');
  assert.match(errors.at!, /with a time zone/);
  assert.equal(errors.labels, 'lists the same value twice');
  assert.equal(errors.ratio, 'must be <= 1');
  assert.equal(errors.nets, 'lists the same value twice');
  const ok = validateDialogValues(d, { day: '2025-02-28', at: '2025-01-01T10:00:00Z', labels: ['a', 'b'], ratio: 0.25, nets: ['a'] });
  assert.deepEqual(ok.errors, {});
});

test('reconfigurable fields are listed for the reconfigure flow', () => {
  const d = dialogOf([
    { name: 'size', label: 'Size', type: 'integer', reconfigurable: true },
    { name: 'name', label: 'Name', type: 'text', reconfigurable: false },
  ]);
  assert.deepEqual(reconfigurableFieldNames(d), ['size']);
});

/** field, then [value, accepted?] rows; undefined = left empty. Once the table of the form/server parity test. */
const TABLE: [Omit<DialogField, 'label'>, [unknown, boolean][]][] = [
  [
    { name: 'day', type: 'date', required: true },
    [
      ['2025-02-28', true],
      ['2024-02-29', true],
      ['2025-02-29', false],
      ['2025-13-01', false],
      ['2025-1-5', false],
      ['01/02/2025', false],
      ['2025-02-28T00:00:00Z', false],
      [20250228, false],
      ['', false],
      [undefined, false],
    ],
  ],
  [
    { name: 'at', type: 'datetime' },
    [
      ['2025-06-01T08:30:00Z', true],
      ['2025-06-01T08:30Z', true],
      ['2025-06-01T08:30:00.123Z', true],
      ['2025-06-01T08:30:00+02:00', true],
      ['2025-06-01T08:30:00', false],
      ['2025-06-01 08:30:00Z', false],
      ['2025-06-01T24:00:00Z', false],
      ['2025-02-30T08:00:00Z', false],
      [0, false],
      [undefined, true],
    ],
  ],
  [
    { name: 'labels', type: 'tags', pattern: '^[a-z0-9-]+$' },
    [
      [['web', 'prod-1'], true],
      [[], true],
      [['web', 'web'], false],
      [['Web'], false],
      [[''], false],
      [['ok', 3], false],
      ['web', false],
      [['x'.repeat(256)], false],
      [Array.from({ length: 101 }, (_, i) => `t${i}`), false],
    ],
  ],
  [
    { name: 'zones', type: 'tags', choices: choices('a', 'b'), required: true },
    [
      [['a'], true],
      [['a', 'b'], true],
      [['c'], false],
      [[], false],
    ],
  ],
  [
    { name: 'ratio', type: 'float', min: 0.5, max: 2.5 },
    [
      [0.5, true],
      [1, true],
      [2.5, true],
      [2.51, false],
      [0.49, false],
      ['1.5', false],
      [true, false],
      [undefined, true],
    ],
  ],
  [
    { name: 'secret', type: 'password', minLength: 8, pattern: '[0-9]', required: true },
    [
      ['hunter22hunter', true],
      ['short1', false],
      ['no digits here', false],
      [12345678, false],
      ['', false],
    ],
  ],
  [
    { name: 'nets', type: 'dropdown', multiple: true, choices: choices('private', 'dmz'), required: true },
    [
      [['private'], true],
      [['private', 'dmz'], true],
      [['private', 'private'], false],
      [['other'], false],
      ['private', false],
      [[1], false],
      [[], false],
    ],
  ],
  [
    { name: 'size', type: 'dropdown', choices: choices('s', 'm') },
    [
      ['s', true],
      ['x', false],
      [['s'], false],
      [1, false],
      [undefined, true],
    ],
  ],
  [
    { name: 'pick', type: 'radio', choices: [] },
    [
      ['s', false],
      [undefined, true],
    ],
  ],
  [
    { name: 'count', type: 'integer', min: 1, max: 5 },
    [
      [1, true],
      [5, true],
      [6, false],
      [1.5, false],
      [undefined, true],
    ],
  ],
  [
    { name: 'ok', type: 'checkbox', required: true },
    [
      [true, true],
      [false, true],
      ['yes', false],
    ],
  ],
];

for (const [spec, rows] of TABLE) {
  test(`a ${spec.type}${spec.multiple ? ' (multiple)' : ''} field "${spec.name}" accepts and refuses the same values for the form and the API`, () => {
    const field = { ...spec, label: spec.name } as DialogField;
    const server = compileDialog(dialogOf([field], 'table'));
    for (const [value, accepted] of rows) {
      const serverError = server.validate(value === undefined ? {} : { [spec.name]: value }).errors[spec.name];
      const formProblem = fieldProblem(field, value);
      const shown = JSON.stringify(value)?.slice(0, 40);
      assert.equal(serverError === undefined, accepted, `server on ${shown}: ${serverError}`);
      assert.equal(formProblem === undefined, accepted, `form on ${shown}: ${formProblem?.message}`);
    }
  });
}

test('visibleWhen: hidden fields are neither required nor kept, also down a chain', () => {
  const definition = dialogOf([
    { name: 'mode', label: 'Mode', type: 'radio', choices: choices('basic', 'advanced'), default: 'basic' },
    { name: 'level', label: 'Level', type: 'integer', required: true, visibleWhen: { field: 'mode', equals: 'advanced' } },
    { name: 'tuning', label: 'Tuning', type: 'text', required: true, visibleWhen: { field: 'level', in: [3, 4] } },
    { name: 'extras', label: 'Extras', type: 'dropdown', multiple: true, choices: choices('x', 'y') },
    { name: 'why', label: 'Why', type: 'text', required: true, visibleWhen: { field: 'extras', notEmpty: true } },
  ]);
  const server = compileDialog(definition);
  const cases: [Record<string, unknown>, string[]][] = [
    [{}, []],
    [{ level: 'junk', tuning: 7 }, []], // hidden: dropped before validation
    [{ mode: 'advanced' }, ['level']],
    [{ mode: 'advanced', level: 3 }, ['tuning']],
    [{ mode: 'advanced', level: 2 }, []],
    [{ mode: 'basic', level: 3 }, []], // tuning's controller is hidden, so it is hidden too
    [{ extras: ['x'] }, ['why']],
    [{ extras: [] }, []],
  ];
  for (const [values, failing] of cases) {
    assert.deepEqual(Object.keys(server.validate(values).errors).sort(), failing, `on ${JSON.stringify(values)}`);
  }
  assert.deepEqual(server.validate({ level: 9, mode: 'basic' }).values, { mode: 'basic' });
});
