import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RunProgram, syntaxCheckAll } from './syntax-check.js';

/** A stand-in for ansible-playbook (the wrapped process is replaced): fails when any playbook named is in `bad`. */
function fakeAnsible(bad: Set<string>) {
  const calls: string[][] = [];
  const run: RunProgram = async (_file, args) => {
    const paths = args.slice(args.indexOf('--') + 1);
    calls.push(paths);
    const wrong = paths.find((p) => bad.has(p));
    return wrong
      ? { exitCode: 4, stdout: '', stderr: `ERROR! bad thing in '/tree/${wrong}': line 3, column 7` }
      : { exitCode: 0, stdout: paths.map((p) => `playbook: ${p}`).join('\n'), stderr: '' };
  };
  return { run, calls };
}

describe('syntaxCheckAll (ansible-playbook replaced by a fake)', () => {
  const paths = ['site.yml', 'deploy.yml', 'k8s/app.yml', 'k8s/app-retire.yml', 'k8s/scale.yml', '5g/cran.yml'];

  test('the playbooks of one folder are checked by one process, each folder by its own', async () => {
    const { run, calls } = fakeAnsible(new Set());
    const results = await syntaxCheckAll(run, 'ansible-playbook', '/tree', paths, { sandbox: false, atOnce: 1 });
    assert.deepEqual(
      calls.map((c) => c.join(' ')),
      ['site.yml deploy.yml', 'k8s/app.yml k8s/app-retire.yml k8s/scale.yml', '5g/cran.yml'],
    );
    assert.deepEqual([...results.keys()].sort(), [...paths].sort());
    assert.ok([...results.values()].every((r) => r.ok));
  });

  test('a failing batch is split until the failing playbook is checked alone: its own message and line, the others ok', async () => {
    const { run, calls } = fakeAnsible(new Set(['k8s/app-retire.yml']));
    const results = await syntaxCheckAll(run, 'ansible-playbook', '/tree', paths, { sandbox: false, atOnce: 2 });
    assert.deepEqual(results.get('k8s/app-retire.yml'), { ok: false, error: "bad thing in 'k8s/app-retire.yml': line 3, column 7", line: 3 });
    for (const path of paths.filter((p) => p !== 'k8s/app-retire.yml')) assert.deepEqual(results.get(path), { ok: true }, path);
    assert.ok(
      calls.some((c) => c.length === 1 && c[0] === 'k8s/app-retire.yml'),
      'the failing playbook was checked alone',
    );
    assert.ok(calls.length < paths.length + 3, `few processes: ${calls.length}`);
  });

  test('several failing playbooks in one folder are each found', async () => {
    const bad = new Set(['k8s/app.yml', 'k8s/scale.yml']);
    const { run } = fakeAnsible(bad);
    const results = await syntaxCheckAll(run, 'ansible-playbook', '/tree', paths, { sandbox: false });
    assert.deepEqual(
      [...results]
        .filter(([, r]) => !r.ok)
        .map(([p]) => p)
        .sort(),
      [...bad].sort(),
    );
  });
});
