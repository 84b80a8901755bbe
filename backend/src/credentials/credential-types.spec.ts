import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { CREDENTIAL_TYPE_NAMES, checkPrivateKey, checkValues, credentialType, credentialTypes, type CredentialValues } from './credential-types.js';

const CANARY = 'canary-7f3a9c';
const pkcs8 = String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
const pkcs1 = String(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
const wrap = (b64: string) => b64.match(/.{1,70}/g)!.join('\n');
const openssh = `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(randomBytes(300).toString('base64'))}\n-----END OPENSSH PRIVATE KEY-----\n`;

const check = (type: string, values: CredentialValues) => checkValues(credentialType(type)!, values);
const fieldsOf = (type: string, values: CredentialValues) => {
  const result = check(type, values);
  assert.equal(result.ok, false, `${type} should be refused: ${JSON.stringify(values)}`);
  const fields = (result as { fields: Record<string, string> }).fields;
  assert.doesNotMatch(JSON.stringify(fields), new RegExp(CANARY), 'no message quotes a value');
  return fields;
};

test('credential types: every type is registered, has a secret field, and lists its fields', () => {
  assert.deepEqual(
    credentialTypes().map((t) => t.name),
    [...CREDENTIAL_TYPE_NAMES],
  );
  for (const type of credentialTypes()) {
    assert.ok(
      type.fields.some((f) => f.secret),
      `${type.name} has a secret field`,
    );
    assert.ok(type.label && type.description);
  }
  const ssh = credentialType('ssh_key')!;
  assert.deepEqual(
    ssh.fields.map((f) => [f.name, f.secret, f.required, f.multiline]),
    [
      ['username', false, false, false],
      ['private_key', true, true, true],
      ['passphrase', true, false, false],
    ],
  );
  assert.equal(credentialType('nope'), undefined);
});

test('SSH private keys: OpenSSH and PEM keys pass and get LF line ends and a final newline', () => {
  for (const key of [openssh, pkcs8, pkcs1, `\r\n${pkcs1.replace(/\n/g, '\r\n')}  `, openssh.trimEnd()]) {
    const result = checkPrivateKey(key);
    assert.equal(result.ok, true, key.slice(0, 40));
    if (result.ok) {
      assert.ok(result.key.endsWith('-----\n'));
      assert.doesNotMatch(result.key, /\r/);
    }
  }
  const encryptedPem = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n${wrap(randomBytes(200).toString('base64'))}\n-----END RSA PRIVATE KEY-----\n`;
  assert.equal(checkPrivateKey(encryptedPem).ok, true);
});

test('SSH private keys: public keys, PuTTY keys, mismatched markers and garbage are refused with a reason', () => {
  const cases: [string, RegExp][] = [
    [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI ${CANARY}@host`, /public key/],
    ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /public key/],
    [`PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ${CANARY}`, /PuTTY.*puttygen/],
    [openssh.replace('END OPENSSH', 'END RSA'), /not a private key/],
    [`-----BEGIN OPENSSH PRIVATE KEY-----\n${CANARY}!\n-----END OPENSSH PRIVATE KEY-----`, /not a private key/],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\n-----END OPENSSH PRIVATE KEY-----', /not a private key/],
    [CANARY, /not a private key/],
    ['', /not a private key/],
  ];
  for (const [key, reason] of cases) {
    const result = checkPrivateKey(key);
    assert.equal(result.ok, false, key);
    if (!result.ok) {
      assert.match(result.reason, reason);
      assert.doesNotMatch(result.reason, new RegExp(CANARY));
    }
  }
  assert.match(fieldsOf('ssh_key', { private_key: `ssh-rsa AAAA ${CANARY}` }).private_key, /public key/);
});

test('checkValues splits normalized values into inputs and secrets', () => {
  const result = check('ssh_key', { username: 'deploy', private_key: openssh.trimEnd(), passphrase: CANARY });
  assert.deepEqual(result, { ok: true, inputs: { username: 'deploy' }, secrets: { private_key: openssh, passphrase: CANARY } });
  assert.deepEqual(check('git_token', { token: CANARY }), { ok: true, inputs: {}, secrets: { token: CANARY } });
});

test('checkValues: missing required fields, unknown fields, multi-line one-line fields', () => {
  assert.deepEqual(fieldsOf('username_password', {}), { username: 'is required', password: 'is required' });
  assert.deepEqual(fieldsOf('git_token', { token: CANARY, colour: 'blue' }), { colour: 'is not a field of git_token' });
  assert.deepEqual(fieldsOf('username_password', { username: `a\n${CANARY}`, password: `x\n${CANARY}` }), {
    username: 'must be one line',
    password: 'must be one line',
  });
  assert.match(fieldsOf('vault_password', { vault_id: 'a b', password: CANARY }).vault_id, /letters, digits/);
  assert.match(fieldsOf('become_password', { become_user: '-oops', password: CANARY }).become_user, /user name/);
  assert.match(fieldsOf('git_token', { token: 'x'.repeat(200_001) }).token, /too long/);
});

test('kubernetes_token: the API URL is an http(s) URL without credentials; a CA certificate is PEM', () => {
  assert.equal(check('kubernetes_token', { api_url: 'https://k8s.example.com:6443', token: CANARY }).ok, true);
  assert.match(fieldsOf('kubernetes_token', { api_url: `https://u:${CANARY}@k8s.example.com`, token: CANARY }).api_url, /http\(s\):\/\/ URL/);
  assert.match(fieldsOf('kubernetes_token', { api_url: 'file:///etc/passwd', token: CANARY }).api_url, /http\(s\)/);
  assert.match(fieldsOf('kubernetes_token', { api_url: 'https://k', token: CANARY, ca_cert: 'nope' }).ca_cert, /PEM certificates/);
  const cert = `-----BEGIN CERTIFICATE-----\n${wrap(randomBytes(200).toString('base64'))}\n-----END CERTIFICATE-----`;
  const ok = check('kubernetes_token', { api_url: 'https://k', token: CANARY, ca_cert: cert });
  assert.deepEqual(ok.ok && ok.inputs.ca_cert, `${cert}\n`);
});

test('kubeconfig: valid YAML with clusters; a context must be one of it; YAML errors quote no source', () => {
  const kubeconfig = `apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster: { server: "https://k" }\ncontexts:\n- name: prod-admin\n  context: { cluster: prod, user: admin }\nusers:\n- name: admin\n  user: { token: ${CANARY} }\n`;
  assert.equal(check('kubeconfig', { kubeconfig }).ok, true);
  assert.equal(check('kubeconfig', { kubeconfig, context: 'prod-admin' }).ok, true);
  assert.match(fieldsOf('kubeconfig', { kubeconfig, context: 'dev' }).context, /not a context.*prod-admin/);
  assert.match(fieldsOf('kubeconfig', { kubeconfig: `token: ${CANARY}: [oops\n` }).kubeconfig, /^is not valid YAML \(line 1/);
  assert.match(fieldsOf('kubeconfig', { kubeconfig: `- ${CANARY}\n` }).kubeconfig, /YAML mapping/);
  assert.match(fieldsOf('kubeconfig', { kubeconfig: `users: [{ name: a, user: { token: ${CANARY} } }]\n` }).kubeconfig, /no clusters/);
});

test('openstack: exactly one way to authenticate, each with what it needs', () => {
  const base = { auth_url: 'https://keystone.example.com:5000/v3', region: 'RegionOne' };
  assert.equal(check('openstack', { ...base, project_name: 'p', username: 'u', password: CANARY }).ok, true);
  assert.equal(check('openstack', { ...base, application_credential_id: 'id', application_credential_secret: CANARY }).ok, true);
  const clouds = `clouds:\n  mycloud:\n    auth:\n      auth_url: https://k\n      password: ${CANARY}\n`;
  assert.equal(check('openstack', { clouds_yaml: clouds, cloud: 'mycloud' }).ok, true);

  const none = fieldsOf('openstack', base);
  assert.deepEqual(Object.keys(none).sort(), ['application_credential_id', 'clouds_yaml', 'username']);
  assert.match(none.username, /authenticate one way/);
  const two = fieldsOf('openstack', { ...base, project_name: 'p', username: 'u', password: CANARY, application_credential_secret: CANARY });
  assert.match(two.application_credential_secret, /username and password is given already/);
  assert.deepEqual(fieldsOf('openstack', { region: 'r', username: 'u' }), {
    password: 'is required with username and password',
    auth_url: 'is required with username and password',
    project_name: 'is required with username and password',
  });
  assert.deepEqual(fieldsOf('openstack', { application_credential_secret: CANARY }), {
    application_credential_id: 'is required with application credential',
    auth_url: 'is required with application credential',
  });
  assert.match(fieldsOf('openstack', { clouds_yaml: clouds, cloud: 'other' }).cloud, /not a cloud of the clouds.yaml \(it has mycloud\)/);
  assert.match(fieldsOf('openstack', { clouds_yaml: `${CANARY}: 1\n`, cloud: 'x' }).clouds_yaml, /no "clouds:" mapping/);
  assert.deepEqual(fieldsOf('openstack', { clouds_yaml: clouds }), { cloud: 'is required with clouds.yaml' });
});
