import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Candidate, describeInvalid, examine, isPlaybook, playbookCandidates } from './playbook-discovery.js';

test('playbook discovery: lists of plays are playbooks; task files, vars and broken YAML are not', () => {
  assert.equal(isPlaybook('- hosts: all\n  tasks: []\n'), true);
  assert.equal(isPlaybook('- import_playbook: other.yml\n'), true);
  assert.equal(isPlaybook('- name: a task\n  debug: msg=hi\n'), false);
  assert.equal(isPlaybook('name: value\n'), false);
  assert.equal(isPlaybook('- hosts: [unclosed\n'), false);
  assert.equal(isPlaybook(''), false);
});

test('playbook discovery: symlinks and role/vars folders are never candidates', () => {
  const files = [
    { path: 'site.yml', mode: '100644' },
    { path: 'deploy/app.yaml', mode: '100755' },
    { path: 'link.yml', mode: '120000' },
    { path: 'roles/web/tasks/main.yml', mode: '100644' },
    { path: 'group_vars/all.yml', mode: '100644' },
    { path: 'README.md', mode: '100644' },
  ];
  assert.deepEqual(playbookCandidates(files), ['deploy/app.yaml', 'site.yml']);
});

test('playbook discovery: broken YAML and broken plays are invalid, with the line and column; other YAML is not a playbook', () => {
  const typo = examine('- hosts: all\n  tasks:\n    - debug: { msg: x\n');
  assert.equal(typo.kind, 'invalid');
  assert.ok(typo.kind === 'invalid' && typo.line !== null && typo.column !== null, JSON.stringify(typo));
  assert.match(describeInvalid(typo as Extract<Candidate, { kind: 'invalid' }>), /^line \d+, column \d+: not valid YAML: /);

  const tab = examine('- hosts: all\n  tasks:\n\t- debug: msg=x\n');
  assert.deepEqual(tab.kind === 'invalid' && [tab.line, tab.column], [3, 1]);

  const notAPlay = examine('- hosts: all\n  tasks: []\n- name: stray task\n  debug: msg=x\n');
  assert.deepEqual(notAPlay, { kind: 'invalid', line: 3, column: 3, message: 'this play has neither hosts nor import_playbook' });
  const scalarTask = examine('- hosts: all\n  tasks:\n    - debug: msg=a\n    - just a string\n');
  assert.deepEqual(scalarTask, { kind: 'invalid', line: 4, column: 7, message: 'each item of tasks must be a task (a mapping)' });
  const tasksMap = examine('- hosts: all\n  tasks:\n    debug: msg=a\n');
  assert.deepEqual(tasksMap.kind === 'invalid' && [tasksMap.line, tasksMap.message], [3, 'tasks must be a list of tasks']);

  const deep = examine(`- hosts: all\n  vars:\n    x: ${'['.repeat(100)}${']'.repeat(100)}\n`);
  assert.deepEqual(deep.kind === 'invalid' && deep.line, 3);
  const aliases = examine(`- hosts: all\n  vars:\n    a: &a [1]\n    b: [${Array(150).fill('*a').join(', ')}]\n`);
  assert.equal(aliases.kind, 'invalid');

  // As Ansible reads them: repeated keys (the last wins), YAML 1.1 merge keys, vault tags.
  assert.equal(examine('- hosts: all\n  hosts: web\n  tasks: []\n').kind, 'playbook');
  assert.equal(examine('- &base\n  hosts: all\n- <<: *base\n  tasks: []\n').kind, 'playbook');
  assert.equal(examine('- hosts: all\n  vars:\n    p: !vault |\n      $ANSIBLE_VAULT;1.1;AES256\n      6162\n').kind, 'playbook');
  assert.equal(examine('- hosts: all\n  tasks:\n').kind, 'playbook');
  // Not playbooks, and not errors: variables, task lists, several documents, nothing.
  assert.equal(examine('a: 1\n').kind, 'other');
  assert.equal(examine('- name: a task\n  debug: msg=hi\n').kind, 'other');
  assert.equal(examine('kind: A\n---\nkind: B\n').kind, 'other');
  assert.equal(examine('# nothing\n').kind, 'other');
});
