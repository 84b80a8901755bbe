import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ciphertextKeyId, credentialAad, keyFromSecret, loadKey, newRandomKey, readOrCreateKeyFile, SecretBox, SecretBoxError } from './secret-box.js';

const SECRET = 'correct horse battery staple';
const box = new SecretBox(keyFromSecret('a-secret-key-of-16+-chars'));
const aad = credentialAad('0b4f3c38-8c8e-4ad6-9d2b-0b0c6e8f3f11', 'password');

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SecretBoxError, String(err));
    assert.doesNotMatch(err.message, new RegExp(SECRET), 'the message never holds the secret');
    return err;
  }
  assert.fail('expected a SecretBoxError');
};

test('secret box: round trip, a fresh IV each time, versioned format naming the key', () => {
  const a = box.encrypt(SECRET, aad);
  const b = box.encrypt(SECRET, aad);
  assert.notEqual(a, b);
  assert.match(a, /^v1:[0-9a-f]{12}:[\w-]{16}:[\w-]{22}:[\w-]+$/);
  assert.equal(ciphertextKeyId(a), box.key.id);
  assert.doesNotMatch(a, /horse/);
  assert.equal(box.decrypt(a, aad), SECRET);
  assert.equal(box.decrypt(box.encrypt('', aad), aad), '');
  const unicode = 'pässwörd 🔑\nline two';
  assert.equal(box.decrypt(box.encrypt(unicode, aad), aad), unicode);
});

test('secret box: a tampered ciphertext is refused', () => {
  const ct = box.encrypt(SECRET, aad);
  const parts = ct.split(':');
  const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
  for (const i of [2, 3, 4]) {
    const altered = parts.map((p, j) => (j === i ? flip(p) : p)).join(':');
    const err = reason(() => box.decrypt(altered, aad));
    assert.match(err.reason, /tampered|format/);
  }
  assert.equal(reason(() => box.decrypt('v1:abc', aad)).reason, 'format');
  assert.equal(reason(() => box.decrypt(SECRET, aad)).reason, 'format');
  assert.equal(reason(() => box.decrypt(`${parts.slice(0, 4).join(':')}:not*base64`, aad)).reason, 'format');
});

test('secret box: a ciphertext moved to another credential or field is refused', () => {
  const ct = box.encrypt(SECRET, aad);
  const err = reason(() => box.decrypt(ct, credentialAad('0b4f3c38-8c8e-4ad6-9d2b-0b0c6e8f3f12', 'password')));
  assert.equal(err.reason, 'tampered');
  assert.match(err.message, /another credential or field/);
  assert.equal(reason(() => box.decrypt(ct, credentialAad('0b4f3c38-8c8e-4ad6-9d2b-0b0c6e8f3f11', 'token'))).reason, 'tampered');
});

test('secret box: the wrong key is refused with a message naming both key ids', () => {
  const ct = box.encrypt(SECRET, aad);
  const other = new SecretBox(keyFromSecret('another-secret-key-here'));
  const err = reason(() => other.decrypt(ct, aad));
  assert.equal(err.reason, 'wrong-key');
  assert.ok(err.message.includes(box.key.id) && err.message.includes(other.key.id), err.message);
  assert.match(err.message, /rotate-key/);
  // A forged key id does not help: the real key is still needed.
  const forged = ct.replace(`:${box.key.id}:`, `:${other.key.id}:`);
  assert.equal(reason(() => other.decrypt(forged, aad)).reason, 'tampered');
});

test('secret box: a previous key decrypts, the current one encrypts', () => {
  const old = box;
  const next = new SecretBox(newRandomKey('test'), [old.key]);
  const ct = old.encrypt(SECRET, aad);
  assert.equal(next.decrypt(ct, aad), SECRET);
  assert.equal(ciphertextKeyId(next.encrypt(SECRET, aad)), next.key.id);
});

test('secret box: SECRET_KEY derives the same key every time, different secrets different keys', () => {
  assert.equal(keyFromSecret('a-secret-key-of-16+-chars').id, box.key.id);
  assert.deepEqual(keyFromSecret('a-secret-key-of-16+-chars').bytes, box.key.bytes);
  assert.notEqual(keyFromSecret('a-secret-key-of-16+-chart').id, box.key.id);
  assert.equal(keyFromSecret('x'.repeat(20)).bytes.length, 32);
});

test('key file: created once with 32 random bytes and mode 0600, then read back; concurrent creators agree', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'keyfile-'));
  try {
    const path = join(dir, 'nested', 'secret.key');
    const results = await Promise.all(Array.from({ length: 8 }, () => readOrCreateKeyFile(path)));
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.key.id)).size, 1);
    const info = await stat(path);
    assert.equal(info.mode & 0o777, 0o600);
    assert.equal((await readFile(path)).length, 32);
    assert.deepEqual(await readdir(join(dir, 'nested')), ['secret.key'], 'no temporary file is left behind');
    const again = await loadKey({ dataDir: join(dir, 'nested') });
    assert.equal(again.created, false);
    assert.equal(again.key.id, results[0].key.id);
    // SECRET_KEY wins over the file.
    assert.equal((await loadKey({ dataDir: join(dir, 'nested'), secretKey: 'a-secret-key-of-16+-chars' })).key.id, box.key.id);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('key file: one readable by others, or of the wrong size, is refused with a clear error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'keyfile-'));
  try {
    const path = join(dir, 'secret.key');
    await writeFile(path, Buffer.alloc(32, 1), { mode: 0o644 });
    await chmod(path, 0o644);
    await assert.rejects(readOrCreateKeyFile(path), /readable by other users.*chmod 600/);
    await chmod(path, 0o600);
    await writeFile(path, Buffer.alloc(31, 1));
    await assert.rejects(readOrCreateKeyFile(path), /exactly 32 bytes, it holds 31/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
