import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { test } from 'node:test';
import { assignRequestId, validRequestId } from './request-id.js';

test('request id: a caller’s id is kept when it is at most 64 of A-Z a-z 0-9 . _ -', () => {
  assert.equal(validRequestId('order-42_A.b'), 'order-42_A.b');
  assert.equal(validRequestId('x'.repeat(64)), 'x'.repeat(64));
  assert.equal(validRequestId('x'.repeat(65)), null);
  assert.equal(validRequestId('has space'), null);
  assert.equal(validRequestId('new\nline'), null);
  assert.equal(validRequestId('{"json":1}'), null);
  assert.equal(validRequestId(''), null);
  assert.equal(validRequestId(['a', 'b']), null);
});

function exchange(header?: string) {
  const set: Record<string, string> = {};
  const req = { headers: header === undefined ? {} : { 'x-request-id': header } } as unknown as IncomingMessage & { id?: unknown };
  const res = { headersSent: false, setHeader: (k: string, v: string) => (set[k] = v) } as unknown as ServerResponse;
  return { req, res, set };
}

test('request id: assigned once per request, answered in x-request-id; an invalid one is replaced by a UUID', () => {
  const kept = exchange('trace-1');
  assert.equal(assignRequestId(kept.req, kept.res), 'trace-1');
  assert.equal(kept.set['x-request-id'], 'trace-1');
  assert.equal(assignRequestId(kept.req, kept.res), 'trace-1', 'the same id the second time');

  const bad = exchange('no good; drop table');
  const id = assignRequestId(bad.req, bad.res);
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal(bad.set['x-request-id'], id);
  assert.notEqual(assignRequestId(exchange().req, exchange().res), id, 'a new one each request');
});
