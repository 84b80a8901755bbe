import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { type DialogField, dialogFields, validateDialogValues } from '@superfluid/dialogs';
import { importAwxSurvey } from './import/awx-survey.js';
import { DialogImportError } from './import/import-helpers.js';
import { importManageIqDialogs } from './import/manageiq.js';

const fixture = (name: string) => readFile(resolve(PROJECT_ROOT, 'backend/src/dialogs/fixtures', name), 'utf8');
const byName = (fields: DialogField[]) => Object.fromEntries(fields.map((f) => [f.name, f]));

const refused = (fn: () => unknown, ...patterns: RegExp[]) =>
  assert.throws(fn, (err: Error) => {
    assert.ok(err instanceof DialogImportError, `a DialogImportError, got ${err.name}: ${err.message}`);
    for (const p of patterns) assert.match(err.message, p);
    return true;
  });

test('ManageIQ: an export of two dialogs keeps tabs, boxes, order, types, choices, defaults, required and validation', async () => {
  const { dialogs, warnings } = importManageIqDialogs(await fixture('manageiq-dialogs.yml'));
  assert.deepEqual(warnings, {});
  assert.deepEqual(
    dialogs.map((d) => [d.name, d.label]),
    [
      ['private-cloud-vm', 'Private Cloud VM'],
      ['early-retirement', 'Early retirement'],
    ],
  );
  const vm = dialogs[0];
  assert.equal(vm.description, 'Order a virtual machine on the private cloud');
  assert.deepEqual(
    vm.tabs.map((t) => [t.label, t.boxes.map((b) => b.label)]),
    [
      ['Basic Information', ['Virtual machine', 'Placement']],
      ['Lifecycle', ['Schedule']],
    ],
  );
  // fields come in ManageIQ's position order, not file order
  assert.deepEqual(
    vm.tabs[0].boxes[0].fields.map((f) => f.name),
    ['vm_name', 'disk_count', 'flavor', 'networks', 'root_password'],
  );
  const f = byName(dialogFields(vm));
  assert.deepEqual(f.vm_name, {
    name: 'vm_name',
    label: 'VM Name',
    type: 'text',
    help: 'Lowercase letters, digits and dashes',
    required: true,
    pattern: '^[a-z][a-z0-9-]{2,30}$',
    patternMessage: 'must match \\A[a-z][a-z0-9-]{2,30}\\z',
  });
  assert.equal(f.disk_count.type, 'integer');
  assert.equal(f.disk_count.default, 1);
  assert.deepEqual(
    f.flavor.choices?.map((c) => c.value),
    ['m1.small', 'm1.medium', 'm1.large'],
  );
  assert.equal(f.flavor.choices?.[0].label, 'Small (1 vCPU, 2 GB)');
  assert.equal(f.flavor.default, 'm1.small');
  assert.equal(f.flavor.reconfigurable, true);
  assert.equal(f.networks.multiple, true);
  assert.deepEqual(f.networks.default, ['private']);
  assert.equal(f.root_password.type, 'password');
  assert.equal(f.root_password.default, undefined);
  assert.deepEqual(f.tenant.dataSource, { type: 'pending', automateMethod: '/Cloud/Orchestration/Operations/Methods/Available_Tenants' });
  assert.equal(f.tenant.required, true);
  assert.equal(f.network_zone.type, 'radio');
  assert.deepEqual(f.network_zone.dependsOn, ['tenant'], 'auto_refresh follows the trigger_auto_refresh fields above it');
  assert.equal(f.start_date.type, 'date');
  assert.equal(f.start_date.default, '2030-01-15');
  assert.equal(f.retire_at.type, 'datetime');
  assert.equal(f.environment_tags.type, 'tags');
  assert.match(f.environment_tags.help ?? '', /ManageIQ tag category Environment/);
  assert.equal(f.backup.type, 'checkbox');
  assert.equal(f.backup.default, true);
  assert.equal(f.notes.type, 'textarea');
  assert.equal(f.cost_center.readOnly, true, 'a hidden field keeps its default');
  assert.equal(f.cost_center.default, 'CC-1000');
  const retire = byName(dialogFields(dialogs[1]));
  assert.equal(retire.confirm.default, false);
  // the imported pattern validates as ManageIQ's did
  const { errors } = validateDialogValues({ ...vm, tabs: [vm.tabs[0]] }, { vm_name: 'Web_01', networks: ['private'], root_password: 'x' });
  assert.equal(errors.vm_name, 'must match \\A[a-z][a-z0-9-]{2,30}\\z');
});

test('ManageIQ: values as a mapping, nil choices ("<None>"), JSON exports and a single dialog are read too', () => {
  const dialog = (values: unknown) =>
    JSON.stringify({
      label: 'Size',
      dialog_tabs: [
        {
          label: 'Main',
          dialog_groups: [{ label: 'Box', dialog_fields: [{ name: 'size', label: 'Size', type: 'DialogFieldDropDownList', values, default_value: 4 }] }],
        },
      ],
    });
  const expected = [
    { value: '2', label: '2 GB' },
    { value: '4', label: '4 GB' },
  ];
  const [fromMap] = importManageIqDialogs(dialog({ '2': '2 GB', '4': '4 GB' })).dialogs;
  assert.deepEqual(dialogFields(fromMap)[0].choices, expected);
  assert.equal(dialogFields(fromMap)[0].default, '4');
  const [fromPairs] = importManageIqDialogs(
    dialog([
      [null, '<None>'],
      [2, '2 GB'],
      ['4', '4 GB'],
    ]),
  ).dialogs;
  assert.deepEqual(dialogFields(fromPairs)[0].choices, expected);
});

test('ManageIQ: errors name the dialog, the field and the reason, all at once', () => {
  const yaml = `
- label: Broken one
  dialog_tabs:
  - label: Main
    dialog_groups:
    - label: Box
      dialog_fields:
      - { name: ok, label: OK, type: DialogFieldTextBox }
      - { name: go, label: Go, type: DialogFieldButton }
      - { name: vm-name, label: VM, type: DialogFieldTextBox }
      - { name: size, label: Size, type: DialogFieldDropDownList, values: [] }
`;
  refused(
    () => importManageIqDialogs(yaml),
    /dialog "Broken one", field "go": field type "DialogFieldButton" is not supported/,
    /dialog "Broken one", field "vm-name": the name is not an identifier/,
    /dialog "Broken one", field "size": a DialogFieldDropDownList that is not dynamic needs values/,
  );
  // A default its own field refuses is dropped, with a warning naming the field, instead of refusing the import.
  const broken = importManageIqDialogs(
    '- label: X\n  dialog_tabs:\n  - label: T\n    dialog_groups:\n    - label: B\n      dialog_fields:\n      - { name: n, label: N, type: DialogFieldRadioButton, values: [[a, A]], default_value: b }\n',
  );
  assert.equal(dialogFields(broken.dialogs[0])[0].default, undefined);
  assert.deepEqual(broken.warnings, { x: ['dialog "X", field "n": its default was dropped — "b" is not one of the choices'] });
  refused(() => importManageIqDialogs('just: [text'), /not valid YAML or JSON/);
  refused(() => importManageIqDialogs('42'), /holds no dialog/);
});

test('AWX survey: every question type keeps its type, choices, default, required flag and limits', async () => {
  const [d] = importAwxSurvey(await fixture('awx-survey.json')).dialogs;
  assert.equal(d.name, 'deploy-web-app');
  assert.equal(d.label, 'Deploy web app');
  const f = byName(dialogFields(d));
  assert.deepEqual(Object.keys(f), ['app_name', 'release_notes', 'registry_password', 'replicas', 'cpu_limit', 'environment', 'features']);
  assert.deepEqual(f.app_name, {
    name: 'app_name',
    label: 'Application name',
    type: 'text',
    help: 'Lowercase, at most 20 characters',
    required: true,
    minLength: 3,
    maxLength: 20,
    default: 'shop',
  });
  assert.equal(f.release_notes.type, 'textarea');
  assert.equal(f.release_notes.maxLength, 4096);
  assert.equal(f.registry_password.type, 'password');
  assert.equal(f.registry_password.default, undefined, '$encrypted$ is not carried over');
  assert.equal(f.registry_password.minLength, 8);
  assert.deepEqual([f.replicas.type, f.replicas.min, f.replicas.max, f.replicas.default], ['integer', 1, 10, 2]);
  assert.deepEqual([f.cpu_limit.type, f.cpu_limit.min, f.cpu_limit.max, f.cpu_limit.default], ['float', 0.1, 4, 0.5]);
  assert.deepEqual(
    f.environment.choices?.map((c) => c.value),
    ['dev', 'staging', 'production'],
  );
  assert.equal(f.environment.default, 'staging');
  assert.equal(f.features.multiple, true);
  assert.deepEqual(f.features.default, ['metrics', 'tracing']);
  const { errors } = validateDialogValues(d, { app_name: 'ab', registry_password: 'longenough', replicas: 11 });
  assert.deepEqual(Object.keys(errors).sort(), ['app_name', 'replicas']);
});

test('AWX survey: a name can be given; errors name the survey, the question and the reason', () => {
  const survey = (spec: object[], name = 'Survey') => JSON.stringify({ name, description: '', spec });
  assert.equal(importAwxSurvey(survey([{ type: 'text', variable: 'x', question_name: 'X' }], ''), 'My Survey').dialogs[0].name, 'my-survey');
  refused(() => importAwxSurvey(survey([{ type: 'text', variable: 'x' }], '')), /has no name/);
  refused(
    () =>
      importAwxSurvey(
        survey([
          { type: 'multiplechoice', variable: 'size', question_name: 'Size', choices: '' },
          { type: 'datepicker', variable: 'when', question_name: 'When' },
          { type: 'integer', variable: 'n', question_name: 'N', min: 'one' },
          { type: 'text', variable: 'bad-var', question_name: 'Bad' },
        ]),
      ),
    /survey "Survey", question 1 \("Size"\): a multiplechoice question needs choices/,
    /question 2 \("When"\): question type "datepicker" is not supported/,
    /question 3 \("N"\): min "one" is not a number/,
    /question 4 \("Bad"\): variable "bad-var" is not an identifier/,
  );
  const dropped = importAwxSurvey(
    survey([
      { type: 'multiplechoice', variable: 's', question_name: 'S', choices: ['a', 'b'], default: 'c' },
      { type: 'text', variable: 'short', question_name: 'Short', min: 3, max: 10, default: 'ab' },
      { type: 'integer', variable: 'n', question_name: 'N', min: 1, max: 5, default: 9 },
      { type: 'text', variable: 'fine', question_name: 'Fine', min: 1, max: 10, default: 'ok' },
    ]),
  );
  const kept = Object.fromEntries(dialogFields(dropped.dialogs[0]).map((f) => [f.name, f.default]));
  assert.deepEqual(kept, { s: undefined, short: undefined, n: undefined, fine: 'ok' });
  assert.deepEqual(dropped.warnings.survey, [
    'survey "Survey", field "s": its default was dropped — "c" is not one of the choices',
    'survey "Survey", field "short": its default was dropped — "ab": must be at least 3 characters',
    'survey "Survey", field "n": its default was dropped — 9: must be <= 5',
  ]);
  refused(() => importAwxSurvey('{"name": "x"}'), /"spec" list of questions/);
});

test('imports nested thousands deep are refused with their line before the YAML parser recurses into them', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  refused(
    () => importManageIqDialogs(`- label: X\n  dialog_tabs: ${deep(5000)}\n`),
    /^the ManageIQ export is nested too deeply: line 2: collections nested more than 64 deep are refused$/,
  );
  refused(() => importAwxSurvey(`{"name": "S",\n "spec": ${deep(5000)}}`), /^the AWX survey is nested too deeply: line 2:/);
});

test('a ManageIQ validator the linear-time pattern engine cannot run is refused on import, naming the dialog and the field', () => {
  const exported =
    "- label: X\n  dialog_tabs:\n  - label: T\n    dialog_groups:\n    - label: B\n      dialog_fields:\n      - { name: pin, label: PIN, type: DialogFieldTextBox, validator_type: regex, validator_rule: '\\A(\\d)\\1{3}\\z' }\n";
  refused(
    () => importManageIqDialogs(exported),
    /dialog "X": tabs\.0\.boxes\.0\.fields\.0 \("pin"\)\.pattern: is not a valid regular expression for the linear-time pattern engine \(RE2\)/,
  );
});
