import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlaybook, playbookCandidates } from './playbook-discovery.js';

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
