import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { verifyWebhook } from './webhook-signature.js';

const secret = 'a-webhook-secret';
const body = Buffer.from('{"ref":"refs/heads/main"}');
const hmac = (key: string, data: Buffer) => createHmac('sha256', key).update(data).digest('hex');

test('GitHub, Gitea, GitLab and generic signatures are accepted with the right secret', () => {
  assert.equal(verifyWebhook({ 'x-hub-signature-256': `sha256=${hmac(secret, body)}` }, body, secret), 'github');
  assert.equal(verifyWebhook({ 'x-gitea-signature': hmac(secret, body) }, body, secret), 'gitea');
  assert.equal(verifyWebhook({ 'x-gitlab-token': secret }, body, secret), 'gitlab');
  assert.equal(verifyWebhook({ 'x-superfluid-signature': `sha256=${hmac(secret, body)}` }, body, secret), 'generic');
});

test('a wrong secret, an altered body, a missing or malformed signature are all refused', () => {
  assert.equal(verifyWebhook({ 'x-hub-signature-256': `sha256=${hmac('other', body)}` }, body, secret), null);
  assert.equal(verifyWebhook({ 'x-hub-signature-256': `sha256=${hmac(secret, body)}` }, Buffer.from('{"ref":"x"}'), secret), null);
  assert.equal(verifyWebhook({ 'x-hub-signature-256': hmac(secret, body) }, body, secret), null, 'without the sha256= prefix');
  assert.equal(verifyWebhook({ 'x-gitlab-token': `${secret}x` }, body, secret), null);
  assert.equal(verifyWebhook({}, body, secret), null);
  // A forged header of one kind is not rescued by a valid one of another.
  assert.equal(verifyWebhook({ 'x-hub-signature-256': 'sha256=00', 'x-gitlab-token': secret }, body, secret), null);
});
