/**
 * Key rotation: re-encrypts every credential secret from the old key to the new one, in one
 * transaction. Stop the api and the workers first; start them with the new key afterwards.
 *
 *   old key: OLD_SECRET_KEY, or else DATA_DIR/secret.key
 *   new key: SECRET_KEY, or else a new random key that replaces DATA_DIR/secret.key (the
 *            old file is kept as secret.key.<old key id>.retired)
 *
 *   DATABASE_URL=... [DATA_DIR=...] [OLD_SECRET_KEY=...] [SECRET_KEY=...] node backend/dist/cli/rotate-key.js
 *
 * (`npm run rotate-key` at the project root runs it, starting `npm start`'s PostgreSQL when
 * DATABASE_URL is unset.)
 *
 * The new key file is written as secret.key.new before the transaction and moved into place
 * after it: a crash in between leaves it there, and the next run picks it up again.
 */
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config/config.js';
import { reencryptCredentials } from '../credentials/key-rotation.js';
import { KEY_FILE_NAME, keyFromSecret, readKeyFile, readOrCreateKeyFile, SecretBoxError, type SecretKey } from '../credentials/secret-box.js';
import { createDataSource } from '../database/data-source.js';

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DATA_DIR: z.string().min(1).optional(),
  OLD_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
});

const say = (line: string) => process.stdout.write(`rotate-key: ${line}\n`);

class UsageError extends Error {}

async function main(): Promise<void> {
  const present = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${present[String(i.path[0])] === undefined ? 'is required' : i.message}`).join('\n'),
    );
  }
  const env = parsed.data;
  // Unset, it is the project's .data, as for `npm start`.
  const dataDir = env.DATA_DIR ? resolve(env.DATA_DIR) : resolve(PROJECT_ROOT, '.data');
  const keyFile = join(dataDir, KEY_FILE_NAME);
  const pendingFile = `${keyFile}.new`;

  let from: SecretKey;
  if (env.OLD_SECRET_KEY) from = keyFromSecret(env.OLD_SECRET_KEY, 'OLD_SECRET_KEY');
  else if (existsSync(keyFile)) from = await readKeyFile(keyFile);
  else throw new UsageError(`no old key: set OLD_SECRET_KEY to the SECRET_KEY the processes ran with, or keep ${keyFile}`);

  const to = env.SECRET_KEY ? keyFromSecret(env.SECRET_KEY, 'SECRET_KEY') : (await readOrCreateKeyFile(pendingFile)).key;
  say(`re-encrypting credential secrets from key ${from.id} (${from.source}) to key ${to.id} (${to.source})`);

  const db = createDataSource(env.DATABASE_URL);
  await db.initialize();
  try {
    const result = await reencryptCredentials(db, from, to);
    say(
      `${result.reencrypted} secrets of ${result.credentials} credentials re-encrypted${result.alreadyCurrent ? `, ${result.alreadyCurrent} already under the new key` : ''}`,
    );
  } finally {
    await db.destroy();
  }

  if (!env.SECRET_KEY) {
    // The new key becomes DATA_DIR/secret.key; the previous file, if any, is kept aside.
    if (existsSync(keyFile)) {
      const previous = await readKeyFile(keyFile);
      await rename(keyFile, `${keyFile}.${previous.id}.retired`);
      say(`kept the previous key file as ${keyFile}.${previous.id}.retired (needed only for backups made before now)`);
    }
    await rename(pendingFile, keyFile);
    say(`the new key is in ${keyFile}: start every process without SECRET_KEY, with this DATA_DIR (or a copy of this file)`);
  } else {
    if (!env.OLD_SECRET_KEY && existsSync(keyFile)) {
      await rename(keyFile, `${keyFile}.${from.id}.retired`);
      say(`kept the previous key file as ${keyFile}.${from.id}.retired (needed only for backups made before now)`);
    }
    say('start every process with the new SECRET_KEY');
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof SecretBoxError) {
    process.stderr.write(`rotate-key: ${err.message}\nNothing was changed. See README.md, "Credentials".\n`);
    process.exit(2);
  }
  process.stderr.write(`rotate-key: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
