import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricsAccess } from './metrics-access.js';

const token = 'a-metrics-token-of-some-length';

test('metrics access: off without a token, whatever is sent', () => {
  assert.equal(metricsAccess({ metricsToken: null, metricsPort: null }, `Bearer ${token}`, false), 'off');
  assert.equal(metricsAccess({ metricsToken: null, metricsPort: 9464 }, `Bearer ${token}`, true), 'off');
});

test('metrics access: on the port metrics are served on, the bearer of the token only', () => {
  const onApi = { metricsToken: token, metricsPort: null };
  assert.equal(metricsAccess(onApi, `Bearer ${token}`, false), 'allowed');
  assert.equal(metricsAccess(onApi, `bearer   ${token} `, false), 'allowed');
  assert.equal(metricsAccess(onApi, undefined, false), 'refused');
  assert.equal(metricsAccess(onApi, `Bearer ${token}x`, false), 'refused');
  assert.equal(metricsAccess(onApi, token, false), 'refused');
  assert.equal(metricsAccess(onApi, [`Bearer ${token}`], false), 'allowed');
});

test('metrics access: with METRICS_PORT, the api port answers as if there were none', () => {
  const ownPort = { metricsToken: token, metricsPort: 9464 };
  assert.equal(metricsAccess(ownPort, `Bearer ${token}`, false), 'off');
  assert.equal(metricsAccess(ownPort, `Bearer ${token}`, true), 'allowed');
});
