import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditDetails, REDACTED } from './audit-details.js';
import { csvLine } from './csv.js';

describe('audit details', () => {
  test("a webhook endpoint's URL keeps its origin only: a chat service's token in its path stays out", () => {
    assert.deepEqual(auditDetails('createWebhookEndpoint', { input: { name: 'chat', url: 'https://hooks.example.com/services/T000/B000/XXXXSECRET?x=1' } }), {
      input: { name: 'chat', url: 'https://hooks.example.com/…' },
    });
    assert.deepEqual(auditDetails('updateWebhookEndpoint', { id: 'e', input: { url: 'http://10.0.0.5:8080/' } }), {
      id: 'e',
      input: { url: 'http://10.0.0.5:8080' },
    });
    assert.deepEqual(auditDetails('updateWebhookEndpoint', { input: { url: 'not a url' } }), { input: { url: REDACTED } });
    // A performance job's probe URL too (a health URL may carry a token).
    assert.deepEqual(auditDetails('createPerformanceJob', { input: { name: 'p', url: 'https://app.example.com/health?token=XXXXSECRET' } }), {
      input: { name: 'p', url: 'https://app.example.com/…' },
    });
  });

  test('secret-looking names are redacted at any depth; long strings are cut', () => {
    const details = auditDetails('createUser', {
      input: { username: 'u', password: 'p', nested: { apiToken: 't', sshPrivate: 'k', fine: 'x'.repeat(300) }, list: [{ passphrase: 'pp' }] },
    });
    assert.deepEqual(details, {
      input: {
        username: 'u',
        password: REDACTED,
        nested: { apiToken: REDACTED, sshPrivate: REDACTED, fine: `${'x'.repeat(200)}…` },
        list: [{ passphrase: REDACTED }],
      },
    });
  });

  test('credential inputs keep their names only; dialog values keep only their keys', () => {
    assert.deepEqual(auditDetails('updateCredential', { id: 'c', input: { inputs: { username: 'root', nested: { a: 1 } } } }), {
      id: 'c',
      input: { inputs: { username: REDACTED, nested: { a: REDACTED } } },
    });
    assert.deepEqual(auditDetails('orderService', { input: { templateId: 't', dialogValues: { vm_name: 'x', admin_pass: 'y' } } }), {
      input: { templateId: 't', dialogValues: { keys: ['vm_name', 'admin_pass'] } },
    });
  });

  test('dates as ISO text; a date that did not parse is recorded as such, never a crash of the audit', () => {
    assert.deepEqual(auditDetails('extendServiceRetirement', { id: 's', retiresAt: new Date('2030-01-02T03:04:05Z') }), {
      id: 's',
      retiresAt: '2030-01-02T03:04:05.000Z',
    });
    assert.deepEqual(auditDetails('extendServiceRetirement', { id: 's', retiresAt: new Date('x') }), { id: 's', retiresAt: 'Invalid Date' });
  });
});

describe('csv', () => {
  test('quotes what needs quoting and defuses formulas', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3]), 'a,"b,c","say ""hi""","two\nlines",,3\r\n');
    assert.equal(csvLine(['=1+1', '+x', '-x', '@x', 'ok=']), "'=1+1,'+x,'-x,'@x,ok=\r\n");
    assert.equal(csvLine(['=A1,"b"']), `"'=A1,""b"""\r\n`);
  });
});
