import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webhookUrlProblem } from './webhook-url.js';

test('webhook URLs: http(s) only, no credentials in them, never the portal’s own loopback unless allowed, never link-local', async () => {
  assert.equal(await webhookUrlProblem('https://203.0.113.7/hooks', false), null);
  assert.equal(await webhookUrlProblem('http://10.1.2.3:8080/x', false), null, 'a private network receiver is allowed');
  assert.match(String(await webhookUrlProblem('http://127.0.0.1:5432/', false)), /127\.0\.0\.1.*may not reach/);
  assert.match(String(await webhookUrlProblem('http://[::1]:3000/', false)), /::1/);
  assert.match(String(await webhookUrlProblem('http://[::ffff:127.0.0.1]/', false)), /may not reach/);
  assert.equal(await webhookUrlProblem('http://127.0.0.1:5432/', true), null, 'allowed with WEBHOOK_ALLOW_LOOPBACK');
  assert.match(String(await webhookUrlProblem('http://169.254.169.254/latest', true)), /may not reach/, 'the metadata service, even then');
  assert.match(String(await webhookUrlProblem('http://0.0.0.0/', true)), /may not reach/);
  assert.match(String(await webhookUrlProblem('ftp://example.com/x', false)), /http/);
  assert.match(String(await webhookUrlProblem('https://user:pw@example.com/x', false)), /user name or password/);
  assert.match(String(await webhookUrlProblem('nonsense', false)), /not a URL/);
});
