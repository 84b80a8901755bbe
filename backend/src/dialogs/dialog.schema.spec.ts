import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DialogDefinitionError, parseDialog } from './dialog.schema.js';

const make = (fields: object[]) => ({ name: 'd', label: 'D', tabs: [{ label: 'T', boxes: [{ label: 'B', fields }] }] });
const text = (name: string, extra: object = {}) => ({ name, label: name, type: 'text', ...extra });

test('definitions: an unknown field type is refused with its path and the known types', () => {
  assert.throws(
    () => parseDialog(make([text('a'), { name: 'when', label: 'When', type: 'calendar' }])),
    (err: Error) => {
      assert.match(err.message, /^tabs\.0\.boxes\.0\.fields\.1 \("when"\)\.type: unknown field type "calendar" \(expected one of text, textarea, password/);
      return true;
    },
  );
});

test('definitions: a duplicate name points at the second field and where the first one is', () => {
  const twoTabs = {
    name: 'd',
    label: 'D',
    tabs: [
      { label: 'One', boxes: [{ label: 'B', fields: [text('host')] }] },
      { label: 'Two', boxes: [{ label: 'B', fields: [text('port'), text('host')] }] },
    ],
  };
  assert.throws(
    () => parseDialog(twoTabs),
    /tabs\.1\.boxes\.0\.fields\.1 \("host"\)\.name: field "host" appears twice \(first at tabs\.0\.boxes\.0\.fields\.0 \("host"\)\)/,
  );
});

test('definitions: visibleWhen, dependsOn and repoField must name other fields of the dialog', () => {
  assert.throws(
    () => parseDialog(make([text('a', { visibleWhen: { field: 'mode', equals: 'x' } })])),
    /fields\.0 \("a"\)\.visibleWhen\.field: names "mode", which is not a field of this dialog/,
  );
  assert.throws(() => parseDialog(make([text('a', { dependsOn: ['a'] })])), /fields\.0 \("a"\)\.dependsOn: names the field itself/);
  assert.throws(
    () => parseDialog(make([{ name: 'pb', label: 'PB', type: 'dropdown', dependsOn: ['repo'], dataSource: { type: 'playbooks', repoField: 'repo' } }])),
    /dependsOn: names "repo", which is not a field/,
  );
  assert.throws(
    () => parseDialog(make([text('repo'), { name: 'pb', label: 'PB', type: 'dropdown', dataSource: { type: 'playbooks', repoField: 'repo' } }])),
    /fields\.1 \("pb"\)\.dependsOn: must list "repo", the repoField of its data source/,
  );
  assert.throws(() => parseDialog(make([text('a', { visibleWhen: { field: 'b' } }), text('b')])), /visibleWhen/);
});

test('definitions: a dependency cycle is refused and named, through dependsOn and visibleWhen alike', () => {
  const fields = [
    text('a', { dependsOn: ['c'] }),
    text('b', { visibleWhen: { field: 'a', notEmpty: true } }),
    text('c', { dependsOn: ['b'] }),
    text('d', { dependsOn: ['a'] }),
  ];
  assert.throws(() => parseDialog(make(fields)), /field dependencies \(dependsOn, visibleWhen, repoField\) form a cycle: a → c → b → a/);
  assert.doesNotThrow(() =>
    parseDialog(make([text('a'), text('b', { dependsOn: ['a'] }), text('c', { dependsOn: ['a', 'b'], visibleWhen: { field: 'b', in: ['x'] } })])),
  );
});

test('definitions: data sources are checked (credential type, playbooks repo or repoField, pending method)', () => {
  const dd = (dataSource: object, extra: object = {}) => make([text('repo'), { name: 'f', label: 'F', type: 'dropdown', dataSource, ...extra }]);
  assert.doesNotThrow(() => parseDialog(dd({ type: 'credentials', credentialType: 'ssh_key' })));
  assert.throws(
    () => parseDialog(dd({ type: 'credentials', credentialType: 'ssh-key' })),
    /dataSource\.credentialType: is not a credential type \(expected one of ssh_key/,
  );
  assert.throws(() => parseDialog(dd({ type: 'playbooks', repo: 'x', repoField: 'repo' }, { dependsOn: ['repo'] })), /either a repo or a repoField/);
  assert.doesNotThrow(() => parseDialog(dd({ type: 'playbooks', repoField: 'repo' }, { dependsOn: ['repo'] })));
  assert.doesNotThrow(() => parseDialog(dd({ type: 'gitRepos' })));
  assert.throws(() => parseDialog(dd({ type: 'pending' })), /automateMethod/);
});

test('definitions: defaults must pass their own field; passwords have none; multiple is for dropdowns', () => {
  assert.throws(
    () => parseDialog(make([{ name: 'd', label: 'D', type: 'date', default: '2025-02-30' }])),
    /fields\.0 \("d"\)\.default: must be a date as YYYY-MM-DD/,
  );
  assert.throws(() => parseDialog(make([{ name: 'n', label: 'N', type: 'float', max: 1, default: 2 }])), /default: must be <= 1/);
  assert.throws(() => parseDialog(make([{ name: 'p', label: 'P', type: 'password', default: 'letmein' }])), /a password field has no default/);
  assert.throws(() => parseDialog(make([{ name: 't', label: 'T', type: 'tags', multiple: true }])), /only a dropdown may be multiple/);
  assert.throws(() => parseDialog(make([{ name: 'i', label: 'I', type: 'integer', min: 5, max: 1 }])), /min: is greater than max/);
  assert.doesNotThrow(() =>
    parseDialog(
      make([
        { name: 't', label: 'T', type: 'tags', default: ['a', 'b'] },
        { name: 'x', label: 'X', type: 'datetime', default: '2030-01-01T00:00:00Z' },
      ]),
    ),
  );
});

test('dialog definitions: duplicate fields, bad patterns and choice-less dropdowns are refused', () => {
  const field = { name: 'a', label: 'A', type: 'text' };
  assert.throws(() => parseDialog(make([field, field])), /appears twice/);
  assert.throws(() => parseDialog(make([{ ...field, pattern: '(' }])), /not a valid regular expression/);
  assert.throws(() => parseDialog(make([{ name: 'b', label: 'B', type: 'dropdown' }])), /needs choices or a dataSource/);
  assert.throws(() => parseDialog(make([{ ...field, name: 'Bad-Name' }])), /fields\.0 \("Bad-Name"\)\.name: field names are identifiers/);
});

test('definitions: a pattern the linear-time engine cannot run is refused on its field, once; one that would backtrack in RegExp is kept', () => {
  assert.throws(
    () => parseDialog(make([text('host', { pattern: '^(?=.*[0-9])[a-z0-9]+$', default: 'abc1' })])),
    (err: Error) => {
      assert.ok(err instanceof DialogDefinitionError);
      assert.deepEqual(Object.keys(err.fields), ['host']);
      assert.match(
        err.fields.host,
        /^pattern: is not a valid regular expression for the linear-time pattern engine \(RE2\): lookahead, lookbehind and backreferences are not supported/,
      );
      assert.equal(err.problems.length, 1, 'the default is not reported again');
      return true;
    },
  );
  const kept = parseDialog(make([text('word', { pattern: '(a+)+$', default: 'aaa' })]));
  assert.equal(kept.tabs[0].boxes[0].fields[0].pattern, '(a+)+$');
});
