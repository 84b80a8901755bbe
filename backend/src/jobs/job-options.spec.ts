import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobOptionArgs, jobOptionsSchema } from './job-options.js';

test('job options: become one --name=value word each', () => {
  assert.deepEqual(jobOptionArgs({ limit: 'web:&prod', tags: ['a', 'b'], skipTags: ['slow'], check: true, diff: true, verbosity: 3, forks: 10 }), [
    '--limit=web:&prod',
    '--tags=a,b',
    '--skip-tags=slow',
    '--check',
    '--diff',
    '-vvv',
    '--forks=10',
  ]);
  assert.deepEqual(jobOptionArgs({}), []);
});

test('job options: values that could pass for options, and unknown options, are refused', () => {
  assert.equal(jobOptionsSchema.safeParse({ limit: '-e@/etc/passwd' }).success, false);
  assert.equal(jobOptionsSchema.safeParse({ tags: ['--start-at-task=x'] }).success, false);
  assert.equal(jobOptionsSchema.safeParse({ verbosity: 9 }).success, false);
  assert.equal(jobOptionsSchema.safeParse({ extraArgs: '--become' }).success, false);
  assert.equal(jobOptionsSchema.safeParse({ limit: 'all:!db[0:3]', tags: ['deploy'], check: true }).success, true);
});
