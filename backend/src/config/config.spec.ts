import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379' };

test('configuration: defaults apply when only the two URLs are given', () => {
  const c = loadConfig(base);
  assert.equal(c.role, 'all');
  assert.equal(c.port, 3000);
  assert.equal(c.workerConcurrency, 4);
  assert.ok(c.dataDir.endsWith('.data'));
});

test('configuration: a missing DATABASE_URL and a bad ROLE are both reported, by name', () => {
  assert.throws(
    () => loadConfig({ REDIS_URL: base.REDIS_URL, ROLE: 'boss' }),
    (err: Error) => err instanceof ConfigError && /DATABASE_URL: is required/.test(err.message) && /ROLE/.test(err.message),
  );
});

test('configuration: a URL of the wrong kind and a short ADMIN_PASSWORD are refused', () => {
  assert.throws(() => loadConfig({ ...base, REDIS_URL: 'http://x' }), /REDIS_URL: must be a URL starting with redis:/);
  assert.throws(() => loadConfig({ ...base, ADMIN_PASSWORD: 'short' }), /ADMIN_PASSWORD: must be at least 8/);
  assert.throws(() => loadConfig({ ...base, PORT: '70000' }), /PORT/);
});

test('configuration: the error message never echoes a secret value', () => {
  try {
    loadConfig({ ...base, SECRET_KEY: 'tiny-secret' });
    assert.fail('expected an error');
  } catch (err) {
    assert.match((err as Error).message, /SECRET_KEY/);
    assert.doesNotMatch((err as Error).message, /tiny-secret/);
  }
});

test('configuration: PORTAL_URL (a worker on another host) needs SECRET_KEY, and loses its trailing slash', () => {
  assert.throws(
    () => loadConfig({ ...base, ROLE: 'worker', PORTAL_URL: 'http://10.0.0.1:3000' }),
    (err: Error) => err instanceof ConfigError && /SECRET_KEY: is required when PORTAL_URL is set/.test(err.message),
  );
  assert.throws(() => loadConfig({ ...base, PORTAL_URL: 'ftp://10.0.0.1' }), /PORTAL_URL: must be a URL starting with http:/);
  assert.throws(
    () => loadConfig({ ...base, PORTAL_URL: 'http://10.0.0.1:3000', SECRET_KEY: 'a-key-of-sixteen-chars-or-more' }),
    (err: Error) => err instanceof ConfigError && /PORTAL_URL: is for ROLE=worker only/.test(err.message),
    'an api (ROLE=all, the default) is told PORTAL_URL is not for it',
  );
  const c = loadConfig({ ...base, ROLE: 'worker', PORTAL_URL: 'http://10.0.0.1:3000/', SECRET_KEY: 'a-key-of-sixteen-chars-or-more' });
  assert.equal(c.portalUrl, 'http://10.0.0.1:3000');
  assert.equal(loadConfig(base).portalUrl, null);
});
