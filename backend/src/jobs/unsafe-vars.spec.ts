import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { renderUnsafeVars } from './unsafe-vars.js';

test('variables for Ansible: every string value, nested too, is tagged !unsafe; keys and numbers are not', () => {
  const text = renderUnsafeVars({ name: "{{ lookup('pipe', 'id') }}", list: ['a'], nested: { x: 'y' }, count: 3, on: true });
  assert.match(text, /name: !unsafe "\{\{ lookup\('pipe', 'id'\) \}\}"/);
  assert.match(text, /- !unsafe a/);
  assert.match(text, /x: !unsafe y/);
  assert.match(text, /count: 3/);
  assert.doesNotMatch(text, /!unsafe (name|list|nested|count)/);
  // The values survive the round trip unchanged.
  const back = parse(text, { customTags: [{ tag: '!unsafe', resolve: (s: string) => s }] });
  assert.equal(back.name, "{{ lookup('pipe', 'id') }}");
});
