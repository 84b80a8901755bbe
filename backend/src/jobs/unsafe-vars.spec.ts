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

test('trusted strings (templates the product writes itself) stay plain; the same text elsewhere in a value does not', () => {
  const text = renderUnsafeVars(
    { ansible_python_interpreter: '{{ ansible_playbook_python }}', probe: 'x {{ ansible_playbook_python }}' },
    new Set(['{{ ansible_playbook_python }}']),
  );
  assert.match(text, /ansible_python_interpreter: "\{\{ ansible_playbook_python \}\}"/);
  assert.match(text, /probe: !unsafe "?x \{\{ ansible_playbook_python \}\}/);
});
