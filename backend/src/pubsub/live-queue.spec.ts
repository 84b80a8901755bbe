import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATCH_UP, LiveQueue } from './pubsub.service.js';

test('live queue: hands out buffered messages in order, then CATCH_UP after a quiet spell', async () => {
  const q = new LiveQueue<number>();
  q.push(1);
  q.push(2);
  assert.equal(await q.next(10), 1);
  assert.equal(await q.next(10), 2);
  assert.equal(await q.next(10), CATCH_UP);
});

test('live queue: a reader waiting gets a message pushed later; a closed queue answers undefined', async () => {
  const q = new LiveQueue<string>();
  const waiting = q.next(60_000);
  q.push('late');
  assert.equal(await waiting, 'late');
  const pending = q.next(60_000);
  q.close();
  assert.equal(await pending, undefined);
});

test('live queue: an overflow drops the buffer and asks the reader to catch up from the database', async () => {
  const q = new LiveQueue<number>(3);
  for (let i = 0; i < 5; i++) q.push(i);
  assert.equal(await q.next(10), CATCH_UP);
});
