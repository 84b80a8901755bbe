// Field patterns run on RE2 (linear time). A backtracking engine would take hours on the values
// below (2^40 paths), so a regression shows as a hung test that the runner's timeout fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesPattern, patternProblem } from './pattern.js';
import type { DialogField } from './types.js';
import { fieldProblem } from './validator.js';

const HOSTILE = ['(a+)+$', '^(a|a)*$', '^(\\w+\\s?)*$', '^([a-z0-9]+-?)*[a-z0-9]$', '(a|aa)+b', '^(.*a){12}$'];

test('patterns that make a backtracking engine hang answer at once: the value is refused by the rule, not by a timeout', () => {
  const value = 'a'.repeat(40) + '!';
  for (const pattern of HOSTILE) {
    assert.equal(patternProblem(pattern), undefined, `${pattern} is a pattern RE2 runs`);
    const field: DialogField = { name: 'x', label: 'X', type: 'text', pattern, patternMessage: 'nope' };
    assert.deepEqual(fieldProblem(field, value), { rule: 'pattern', message: 'nope' }, pattern);
    assert.deepEqual(fieldProblem({ ...field, type: 'tags' }, [value]), { rule: 'pattern', message: 'nope' }, `${pattern} on a tag`);
  }
  // and on the longest text a field takes
  assert.equal(matchesPattern('(a+)+$', 'a'.repeat(65535) + '!'), false);
  assert.equal(matchesPattern('(a+)+$', '!' + 'a'.repeat(65535)), true, 'a search finds the trailing run of a');
});

test('patterns are JavaScript regular expressions: classes, anchors, \\u escapes and named groups mean what they mean in RegExp', () => {
  const rows: [string, string, boolean][] = [
    ['^[a-z][a-z0-9-]{2,30}$', 'vm-name', true],
    ['^[a-z][a-z0-9-]{2,30}$', 'Vm-name', false],
    ['[0-9]', 'abc1', true],
    ['^\\d{3}$', '123', true],
    ['^\\S+$', 'no space', false],
    ['^https?://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]+)?/?$', 'http://10.0.0.5:8181', true],
    ['^caf\\u00e9$', 'café', true],
    ['^(?<year>\\d{4})-\\d{2}$', '2025-06', true],
    ['^\\p{L}+$', 'Ωmega', true],
    ['^.$', '😀', true],
  ];
  for (const [pattern, value, expected] of rows) {
    assert.equal(patternProblem(pattern), undefined, pattern);
    assert.equal(matchesPattern(pattern, value), expected, `${pattern} on ${value}`);
    assert.equal(new RegExp(pattern, 'u').test(value), expected, `RegExp agrees on ${pattern}`);
  }
});

test('what RE2 cannot run in linear time — lookaround, backreferences — is refused with a plain reason; so is a broken pattern', () => {
  for (const pattern of ['^(?=.*[0-9]).{8,}$', 'a(?!b)', '(?<=x)y', '^(a)\\1$']) {
    assert.match(
      patternProblem(pattern) ?? '',
      /^is not a valid regular expression for the linear-time pattern engine \(RE2\): lookahead, lookbehind and backreferences are not supported/,
      pattern,
    );
  }
  assert.match(patternProblem('(') ?? '', /^is not a valid regular expression: missing closing \)/);
  assert.match(patternProblem('[a-') ?? '', /^is not a valid regular expression/);
});

test('a field whose pattern RE2 cannot run (stored before, or typed in the editor) refuses every value, saying why, rather than passing it unchecked', () => {
  const field: DialogField = { name: 'code', label: 'Code', type: 'text', pattern: '^(?=.*[0-9]).{8,}$' };
  assert.match(
    fieldProblem(field, 'abcdefg1')?.message ?? '',
    /^cannot be checked: the field's pattern is not a valid regular expression for the linear-time pattern engine \(RE2\): lookahead.*; the dialog must be changed$/,
  );
  assert.match(
    fieldProblem({ ...field, pattern: '([a-z' }, 'abc')?.message ?? '',
    /^cannot be checked: the field's pattern is not a valid regular expression: missing closing/,
  );
});
