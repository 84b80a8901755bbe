import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenCache } from './token-cache.js';

const alice = { id: 'u1', username: 'alice' };

function cacheAt(start = 1_000_000, ttl = 10_000) {
  const clock = { now: start };
  return { cache: new TokenCache<typeof alice>(ttl, () => clock.now), clock };
}

test('a valid token is remembered for the TTL only, then the database is asked again', () => {
  const { cache, clock } = cacheAt();
  cache.set('h1', 't1', alice, null, cache.generation);
  assert.deepEqual(cache.get('h1'), alice);
  clock.now += 9_999;
  assert.deepEqual(cache.get('h1'), alice);
  clock.now += 1;
  assert.equal(cache.get('h1'), undefined);
});

test('a cached token stops working when it expires, even within the TTL', () => {
  const { cache, clock } = cacheAt();
  cache.set('h1', 't1', alice, new Date(clock.now + 2_000), cache.generation);
  assert.deepEqual(cache.get('h1'), alice);
  clock.now += 2_000;
  assert.equal(cache.get('h1'), undefined);
});

test('a revoked token is forgotten at once; other tokens stay', () => {
  const { cache } = cacheAt();
  cache.set('h1', 't1', alice, null, cache.generation);
  cache.set('h2', 't2', alice, null, cache.generation);
  cache.forget('t1');
  assert.equal(cache.get('h1'), undefined);
  assert.deepEqual(cache.get('h2'), alice);
});

test('a lookup that began before a revocation is not cached (it may have read the row just before it was deleted)', () => {
  const { cache } = cacheAt();
  const generation = cache.generation;
  cache.forget('t1'); // the revocation lands while the lookup is in flight
  cache.set('h1', 't1', alice, null, generation);
  assert.equal(cache.get('h1'), undefined);
});
