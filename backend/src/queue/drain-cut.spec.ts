import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drainCutMs } from './queue.service.js';

test('shutdown: running jobs are stopped 15 s before the grace period ends, or half-way through a short one', () => {
  assert.equal(drainCutMs(120), 105_000);
  assert.equal(drainCutMs(30), 15_000);
  assert.equal(drainCutMs(10), 5_000);
  assert.equal(drainCutMs(1), 500);
});
