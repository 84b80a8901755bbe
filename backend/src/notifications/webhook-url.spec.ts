import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forbiddenAddress, guardedLookup, webhookUrlProblem } from './webhook-url.js';

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

test('forbidden addresses in every spelling: IPv4 inside IPv6 (mapped, compatible, NAT64), all of fe80::/10, the metadata addresses', () => {
  for (const a of [
    '169.254.169.254',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    'fe81::1',
    'febf::1',
    'fd00:ec2::254',
    '100.100.100.200',
    '0.1.2.3',
  ]) {
    assert.ok(forbiddenAddress(a, true), a);
  }
  for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1']) {
    assert.ok(forbiddenAddress(a, false), `${a} without WEBHOOK_ALLOW_LOOPBACK`);
    assert.ok(!forbiddenAddress(a, true), `${a} with it`);
  }
  for (const a of ['203.0.113.7', '10.1.2.3', '2001:db8::1', 'fd12::1', 'fec0::1']) assert.ok(!forbiddenAddress(a, false), a);
});

test('the lookup a webhook connects through refuses a name that resolves to a forbidden address, at the connection', async () => {
  const refused = await new Promise<Error | null>((resolve) => guardedLookup(false)('localhost', {}, (err) => resolve(err)));
  assert.match(String(refused?.message), /localhost resolves to .*may not reach/);
  const allowed = await new Promise<Error | null>((resolve) => guardedLookup(true)('localhost', {}, (err) => resolve(err)));
  assert.equal(allowed, null);
});
