import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { assertYamlDepth, YamlLimitError } from './yaml-limits.js';

test('yaml limits: ordinary documents pass', () => {
  const playbook = [
    '- hosts: all',
    '  tasks:',
    '    - name: a "quoted [ bracket"',
    "      debug: { msg: 'x {{ y }}' }",
    '      loop: [1, 2, [3, 4]]  # a comment with [ and {',
    '    - block:',
    '        - command: echo',
  ].join('\n');
  assertYamlDepth(playbook);
  assert.ok(parse(playbook));
});

test('yaml limits: deep flow nesting is refused with its line, before the parser sees it', () => {
  const deep = `a: 1\nb: ${'['.repeat(5000)}${']'.repeat(5000)}`;
  assert.throws(
    () => assertYamlDepth(deep),
    (err: unknown) => err instanceof YamlLimitError && err.line === 2 && /nested more than 64/.test(err.message),
  );
});

test('yaml limits: deep block nesting and compact sequences are refused', () => {
  const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n');
  assert.throws(() => assertYamlDepth(block), YamlLimitError);
  assert.throws(() => assertYamlDepth(`${'- '.repeat(100)}x`), YamlLimitError);
  assertYamlDepth(Array.from({ length: 30 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n'));
});
