// The rule "the server validates an order exactly as the form does", checked: the UI's
// frontend/src/dialogs/validation.ts (transpiled here with TypeScript, nothing else) and the
// server's compiled dialog run on the same table of values, and must accept and refuse the same.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { PROJECT_ROOT } from '../config/config.js';
import { compileDialog } from './dialog-validator.js';
import { parseDialog } from './dialog.schema.js';
import type { DialogField } from './dialog.types.js';

interface UiValidation {
  validateDialogValues(dialog: unknown, values: Record<string, unknown>): Record<string, string>;
}

let ui: UiValidation;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialog-parity-'));
  for (const file of ['types', 'validation']) {
    const source = await readFile(resolve(PROJECT_ROOT, `frontend/src/dialogs/${file}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    await writeFile(join(dir, `${file}.mjs`), outputText.replace(/from '\.\/types'/g, "from './types.mjs'"));
  }
  ui = (await import(pathToFileURL(join(dir, 'validation.mjs')).href)) as UiValidation;
});

after(() => rm(dir, { recursive: true, force: true }));

const choices = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

/** field, then [value, accepted?] rows; undefined = left empty. */
const TABLE: [Omit<DialogField, 'label'>, [unknown, boolean][]][] = [
  [
    { name: 'day', type: 'date', required: true },
    [['2025-02-28', true], ['2024-02-29', true], ['2025-02-29', false], ['2025-13-01', false], ['2025-1-5', false], ['01/02/2025', false], ['2025-02-28T00:00:00Z', false], [20250228, false], ['', false], [undefined, false]],
  ],
  [
    { name: 'at', type: 'datetime' },
    [['2025-06-01T08:30:00Z', true], ['2025-06-01T08:30Z', true], ['2025-06-01T08:30:00.123Z', true], ['2025-06-01T08:30:00+02:00', true], ['2025-06-01T08:30:00', false], ['2025-06-01 08:30:00Z', false], ['2025-06-01T24:00:00Z', false], ['2025-02-30T08:00:00Z', false], [0, false], [undefined, true]],
  ],
  [
    { name: 'labels', type: 'tags', pattern: '^[a-z0-9-]+$' },
    [[['web', 'prod-1'], true], [[], true], [['web', 'web'], false], [['Web'], false], [[''], false], [['ok', 3], false], ['web', false], [['x'.repeat(256)], false], [Array.from({ length: 101 }, (_, i) => `t${i}`), false]],
  ],
  [
    { name: 'zones', type: 'tags', choices: choices('a', 'b'), required: true },
    [[['a'], true], [['a', 'b'], true], [['c'], false], [[], false]],
  ],
  [
    { name: 'ratio', type: 'float', min: 0.5, max: 2.5 },
    [[0.5, true], [1, true], [2.5, true], [2.51, false], [0.49, false], ['1.5', false], [true, false], [undefined, true]],
  ],
  [
    { name: 'secret', type: 'password', minLength: 8, pattern: '[0-9]', required: true },
    [['hunter22hunter', true], ['short1', false], ['no digits here', false], [12345678, false], ['', false]],
  ],
  [
    { name: 'nets', type: 'dropdown', multiple: true, choices: choices('private', 'dmz'), required: true },
    [[['private'], true], [['private', 'dmz'], true], [['private', 'private'], false], [['other'], false], ['private', false], [[1], false], [[], false]],
  ],
  [
    { name: 'size', type: 'dropdown', choices: choices('s', 'm') },
    [['s', true], ['x', false], [['s'], false], [1, false], [undefined, true]],
  ],
  [
    { name: 'count', type: 'integer', min: 1, max: 5 },
    [[1, true], [5, true], [6, false], [1.5, false], [undefined, true]],
  ],
];

for (const [spec, rows] of TABLE) {
  test(`the form and the server agree on a ${spec.type}${spec.multiple ? ' (multiple)' : ''} field "${spec.name}"`, () => {
    const definition = parseDialog({ name: 'parity', label: 'Parity', tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [{ ...spec, label: spec.name }] }] }] });
    const server = compileDialog(definition);
    for (const [value, accepted] of rows) {
      const values = value === undefined ? {} : { [spec.name]: value };
      const serverError = server.validate(values).errors[spec.name];
      const uiError = ui.validateDialogValues(definition, values)[spec.name];
      const shown = JSON.stringify(value)?.slice(0, 40);
      assert.equal(serverError === undefined, accepted, `server on ${shown}: ${serverError}`);
      assert.equal(uiError === undefined, accepted, `form on ${shown}: ${uiError}`);
    }
  });
}

test('the form and the server agree on visibleWhen: hidden fields are neither required nor kept, also down a chain', () => {
  const definition = parseDialog({
    name: 'visible',
    label: 'Visible',
    tabs: [
      {
        label: 'T',
        boxes: [
          {
            label: 'B',
            fields: [
              { name: 'mode', label: 'Mode', type: 'radio', choices: choices('basic', 'advanced'), default: 'basic' },
              { name: 'level', label: 'Level', type: 'integer', required: true, visibleWhen: { field: 'mode', equals: 'advanced' } },
              { name: 'tuning', label: 'Tuning', type: 'text', required: true, visibleWhen: { field: 'level', in: [3, 4] } },
              { name: 'extras', label: 'Extras', type: 'dropdown', multiple: true, choices: choices('x', 'y') },
              { name: 'why', label: 'Why', type: 'text', required: true, visibleWhen: { field: 'extras', notEmpty: true } },
            ],
          },
        ],
      },
    ],
  });
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
    assert.deepEqual(Object.keys(server.validate(values).errors).sort(), failing, `server on ${JSON.stringify(values)}`);
    assert.deepEqual(Object.keys(ui.validateDialogValues(definition, values)).sort(), failing, `form on ${JSON.stringify(values)}`);
  }
  assert.deepEqual(server.validate({ level: 9, mode: 'basic' }).values, { mode: 'basic' });
});
