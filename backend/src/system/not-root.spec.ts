import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rootRefusal } from './not-root.js';

test('the backend refuses root, saying how to start it instead, and accepts any other user', () => {
  assert.match(rootRefusal(0) ?? '', /does not run as root.*npm start.*superfluid/s);
  assert.equal(rootRefusal(1000), null);
  assert.equal(rootRefusal(999), null);
});
