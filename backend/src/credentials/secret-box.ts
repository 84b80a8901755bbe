import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Encryption at rest for credential secrets: AES-256-GCM (node:crypto), one random 96-bit IV
 * per value, and associated data binding each ciphertext to its credential and field, so a
 * ciphertext copied to another row or field does not decrypt.
 *
 * Ciphertext format (ASCII, fits a JSON string):
 *
 *     v1:<key id>:<iv, base64url>:<tag, base64url>:<ciphertext, base64url>
 *
 * The key id names the key without revealing it, so a wrong key gives a clear error
 * instead of a bare authentication failure, and key rotation can tell old from new.
 */

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Fixed salt: SECRET_KEY must derive the same key in every process. */
const SCRYPT_SALT = 'superfluid/credentials/secret-key/v1';
const SCRYPT_OPTIONS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export const KEY_FILE_NAME = 'secret.key';

export interface SecretKey {
  /** Public name of the key: 12 hex digits of a hash of it. */
  readonly id: string;
  /** Where it came from, for messages: "SECRET_KEY", "/data/secret.key"... Never the key. */
  readonly source: string;
  readonly bytes: Buffer;
}

/** Something went wrong decrypting or with a key. The message never holds a secret. */
export class SecretBoxError extends Error {
  constructor(
    message: string,
    readonly reason: 'format' | 'wrong-key' | 'tampered' | 'key-file',
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const keyId = (bytes: Buffer) => createHash('sha256').update('superfluid/key-id\0').update(bytes).digest('hex').slice(0, 12);

export function keyFromBytes(bytes: Buffer, source: string): SecretKey {
  if (bytes.length !== KEY_BYTES) throw new SecretBoxError(`${source} must hold exactly ${KEY_BYTES} bytes, it holds ${bytes.length}`, 'key-file');
  return { id: keyId(bytes), source, bytes };
}

/** A 256-bit key derived from a passphrase (SECRET_KEY) with scrypt and a fixed salt. */
export function keyFromSecret(secret: string, source = 'SECRET_KEY'): SecretKey {
  return keyFromBytes(scryptSync(secret.normalize('NFC'), SCRYPT_SALT, KEY_BYTES, SCRYPT_OPTIONS), source);
}

export function newRandomKey(source: string): SecretKey {
  return keyFromBytes(randomBytes(KEY_BYTES), source);
}

/** Reads a key file: exactly 32 bytes. Refuses one that others than its owner can read. */
export async function readKeyFile(path: string): Promise<SecretKey> {
  const info = await stat(path);
  if ((info.mode & 0o077) !== 0) {
    throw new SecretBoxError(`${path} is readable by other users (mode ${(info.mode & 0o777).toString(8)}): run "chmod 600 ${path}"`, 'key-file');
  }
  return keyFromBytes(await readFile(path), path);
}

/**
 * Writes `key` to `path` (mode 0600) unless the file exists. Atomic: the bytes go to a
 * temporary file first, which is then hard-linked into place — link() fails when the
 * target exists, so two processes starting at once agree on one key and nobody ever reads
 * a half-written file. Returns the key now in the file.
 */
export async function writeKeyFileExclusive(path: string, key: SecretKey): Promise<{ key: SecretKey; created: boolean }> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${KEY_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(key.bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(tmp, 0o600); // the umask cannot widen it, but be explicit
  try {
    await link(tmp, path);
    return { key: { ...key, source: path }, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { key: await readKeyFile(path), created: false };
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** The key file's key, creating the file with 32 random bytes when it does not exist. */
export async function readOrCreateKeyFile(path: string): Promise<{ key: SecretKey; created: boolean }> {
  try {
    return { key: await readKeyFile(path), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return writeKeyFileExclusive(path, newRandomKey(path));
}

/** The key of a process: from SECRET_KEY when set, otherwise DATA_DIR/secret.key (created on first use). */
export async function loadKey(config: { secretKey?: string; dataDir: string }): Promise<{ key: SecretKey; created: boolean }> {
  if (config.secretKey) return { key: keyFromSecret(config.secretKey), created: false };
  return readOrCreateKeyFile(join(config.dataDir, KEY_FILE_NAME));
}

/** The key id a ciphertext names, or null when it is not in a known format. */
export function ciphertextKeyId(ciphertext: string): string | null {
  const parts = ciphertext.split(':');
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : null;
}

const b64 = (buf: Buffer) => buf.toString('base64url');
const unb64 = (text: string) => (/^[A-Za-z0-9_-]*$/.test(text) ? Buffer.from(text, 'base64url') : null);

/** Associated data for a credential's secret field: a ciphertext decrypts only in its own row and field. */
export const credentialAad = (credentialId: string, field: string) => `superfluid/credential/${credentialId}/${field}`;

/** Associated data of a git repository's webhook secret. */
export const webhookAad = (repoId: string) => `superfluid/git-repo/${repoId}/webhook`;

/** Associated data of an outbound webhook endpoint's signing secret. */
export const endpointSecretAad = (endpointId: string) => `superfluid/webhook-endpoint/${endpointId}/secret`;

export class SecretBox {
  /**
   * @param key encrypts, and decrypts what names its id;
   * @param previous decrypt only (key rotation reads with the old key, writes with the new).
   */
  constructor(
    readonly key: SecretKey,
    private readonly previous: SecretKey[] = [],
  ) {}

  encrypt(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key.bytes, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.key.id, b64(iv), b64(cipher.getAuthTag()), b64(ct)].join(':');
  }

  decrypt(ciphertext: string, aad: string): string {
    const parts = ciphertext.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new SecretBoxError(`not a ${VERSION} ciphertext (expected ${VERSION}:<key id>:<iv>:<tag>:<ciphertext>)`, 'format');
    }
    const [, id, ivText, tagText, ctText] = parts;
    const key = [this.key, ...this.previous].find((k) => k.id === id);
    if (!key) {
      const known = [this.key, ...this.previous].map((k) => `${k.id} (${k.source})`).join(', ');
      throw new SecretBoxError(
        `encrypted with key ${id}, but this process has key ${known}: start it with the key the secrets were encrypted with, or re-encrypt them with "npm run rotate-key"`,
        'wrong-key',
      );
    }
    const iv = unb64(ivText);
    const tag = unb64(tagText);
    const ct = unb64(ctText);
    if (!iv || !tag || !ct || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('malformed ciphertext', 'format');
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the ciphertext failed authentication: it was altered, or belongs to another credential or field', 'tampered');
    }
  }
}
