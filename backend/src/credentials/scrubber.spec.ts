import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MASK, scrubber } from './scrubber.js';

test('scrubber: masks each secret, and its base64 form', () => {
  const scrub = scrubber(['hunter2-password', 's3cr3t.t0ken']);
  assert.equal(scrub('login hunter2-password ok'), `login ${MASK} ok`);
  assert.equal(scrub('a s3cr3t.t0ken b s3cr3t.t0ken'), `a ${MASK} b ${MASK}`);
  const b64 = Buffer.from('hunter2-password').toString('base64');
  assert.equal(scrub(`Authorization: Basic ${b64}`), `Authorization: Basic ${MASK}`);
  const echoed = Buffer.from('s3cr3t.t0ken\n').toString('base64');
  assert.equal(scrub(`encoded=${echoed}`), `encoded=${MASK}`);
  assert.equal(scrub('nothing secret here'), 'nothing secret here');
});

test('scrubber: special characters are taken literally; a longer secret wins over one it contains', () => {
  const scrub = scrubber(['a.b*c', 'pass', 'password123']);
  assert.equal(scrub('axbxc a.b*c'), `axbxc ${MASK}`);
  assert.equal(scrub('password123 pass'), `${MASK} ${MASK}`);
});

test('scrubber: multi-line secrets are masked whole, JSON-escaped, and line by line', () => {
  const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACDx\n-----END OPENSSH PRIVATE KEY-----\n';
  const scrub = scrubber([key]);
  assert.equal(scrub(`key:\n${key}done`), `key:\n${MASK}done`);
  assert.equal(scrub(JSON.stringify({ stdout: key })), `{"stdout":"${MASK}"}`);
  assert.equal(scrub('line b3BlbnNzaC1rZXktdjEAAAAA'), `line ${MASK}`);
  assert.doesNotMatch(scrub(`partial: QyNTUxOQAAACDx`), /QyNTUxOQAAACDx/);
});

test('scrubber: no secrets, or empty ones, change nothing', () => {
  assert.equal(scrubber([])('text'), 'text');
  assert.equal(scrubber([''])('text'), 'text');
});
