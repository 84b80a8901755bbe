import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureLine, oneLine } from './failure-line.js';

test('a failed task in one line: task, host, the first line of Ansible’s message, no portal path', () => {
  assert.equal(
    failureLine({ event: 'runner_on_failed', host: 'web1', task: 'Fail', msg: 'Failed: this playbook fails on purpose' }, ['/data']),
    'Task "Fail" failed on web1: Failed: this playbook fails on purpose',
  );
  const jinja =
    "The task includes an option with an undefined variable. The error was: 'svc' is undefined\n\nThe error appears to be in '/data/runs/0f1e/project/k8s/app.yml': line 12, column 7";
  assert.equal(
    failureLine({ event: 'runner_on_failed', host: 'localhost', task: 'Apply', msg: jinja }, ['/data']),
    `Task "Apply" failed on localhost: The task includes an option with an undefined variable. The error was: 'svc' is undefined (the whole message is in the log)`,
  );
  const pathInFirstLine = failureLine(
    { event: 'runner_on_failed', host: 'h', task: 't', msg: "Could not find '/data/runs/9/project/files/x.conf' nor /data/snapshots/ab/c" },
    ['/data'],
  );
  assert.equal(pathInFirstLine, `Task "t" failed on h: Could not find 'files/x.conf' nor …`);
  assert.equal(
    failureLine(
      { event: 'runner_on_unreachable', host: 'cran1', task: 'Gathering Facts', msg: 'Failed to connect to the host via ssh: Connection refused' },
      [],
    ),
    'Task "Gathering Facts" could not reach cran1: Failed to connect to the host via ssh: Connection refused',
  );
  const long = failureLine({ event: 'runner_on_failed', host: 'h', msg: 'x'.repeat(1000) }, []);
  assert.ok(long.startsWith('A task failed on h: xxx'));
  assert.ok(long.length < 400, 'cut');
  assert.match(long, /whole message is in the log/);
});

test('several failures read as the first and how many more', () => {
  assert.equal(oneLine(['a failed', 'b failed', 'c failed']), 'a failed (and 2 more: see the log)');
  assert.equal(oneLine(['a failed']), 'a failed');
});
