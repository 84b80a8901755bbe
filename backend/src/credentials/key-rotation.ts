import type { DataSource } from 'typeorm';
import { ciphertextKeyId, credentialAad, endpointSecretAad, SecretBox, SecretBoxError, type SecretKey, webhookAad } from './secret-box.js';

export interface RotationResult {
  credentials: number;
  /** Secrets re-encrypted from the old key to the new one. */
  reencrypted: number;
  /** Secrets already under the new key (a rotation run again after a crash), left as they are. */
  alreadyCurrent: number;
}

/**
 * Re-encrypts every credential secret from `from` to `to` in one transaction, holding the
 * rows' locks: either all of them move to the new key, or none does. Secrets already under
 * `to` are left alone, so running it again is safe. A secret neither key opens aborts all.
 */
export async function reencryptCredentials(db: DataSource, from: SecretKey, to: SecretKey): Promise<RotationResult> {
  if (from.id === to.id) throw new SecretBoxError(`the old key (${from.source}) and the new key (${to.source}) are the same key ${to.id}`, 'wrong-key');
  const reader = new SecretBox(to, [from]);
  const writer = new SecretBox(to);
  return db.transaction(async (tx) => {
    const result: RotationResult = { credentials: 0, reencrypted: 0, alreadyCurrent: 0 };
    const [{ exists }] = (await tx.query(`SELECT to_regclass('credentials') IS NOT NULL AS exists`)) as { exists: boolean }[];
    if (!exists) return result;
    const rows = (await tx.query('SELECT id, name, secrets FROM credentials ORDER BY id FOR UPDATE')) as {
      id: string;
      name: string;
      secrets: Record<string, string>;
    }[];
    for (const row of rows) {
      result.credentials += 1;
      const next: Record<string, string> = {};
      let changed = false;
      for (const [field, ciphertext] of Object.entries(row.secrets)) {
        if (ciphertextKeyId(ciphertext) === to.id) {
          next[field] = ciphertext;
          result.alreadyCurrent += 1;
          continue;
        }
        const aad = credentialAad(row.id, field);
        let plaintext: string;
        try {
          plaintext = reader.decrypt(ciphertext, aad);
        } catch (err) {
          if (!(err instanceof SecretBoxError)) throw err;
          throw new SecretBoxError(`secret "${field}" of credential "${row.name}": ${err.message}. Nothing was changed.`, err.reason);
        }
        next[field] = writer.encrypt(plaintext, aad);
        result.reencrypted += 1;
        changed = true;
      }
      if (changed) await tx.query('UPDATE credentials SET secrets = $2 WHERE id = $1', [row.id, JSON.stringify(next)]);
    }
    // Other encrypted values: the webhook secrets of git repositories.
    const [{ hooks }] = (await tx.query(`SELECT to_regclass('git_repos') IS NOT NULL AS hooks`)) as { hooks: boolean }[];
    if (hooks) {
      const repos = (await tx.query('SELECT id, name, webhook_secret FROM git_repos WHERE webhook_secret IS NOT NULL ORDER BY id FOR UPDATE')) as {
        id: string;
        name: string;
        webhook_secret: string;
      }[];
      for (const repo of repos) {
        if (ciphertextKeyId(repo.webhook_secret) === to.id) {
          result.alreadyCurrent += 1;
          continue;
        }
        const aad = webhookAad(repo.id);
        let plaintext: string;
        try {
          plaintext = reader.decrypt(repo.webhook_secret, aad);
        } catch (err) {
          if (!(err instanceof SecretBoxError)) throw err;
          throw new SecretBoxError(`webhook secret of git repository "${repo.name}": ${err.message}. Nothing was changed.`, err.reason);
        }
        await tx.query('UPDATE git_repos SET webhook_secret = $2 WHERE id = $1', [repo.id, writer.encrypt(plaintext, aad)]);
        result.reencrypted += 1;
      }
    }
    // And the signing secrets of outbound webhook endpoints.
    const [{ endpoints }] = (await tx.query(`SELECT to_regclass('webhook_endpoints') IS NOT NULL AS endpoints`)) as { endpoints: boolean }[];
    if (endpoints) {
      const rows = (await tx.query('SELECT id, name, secret FROM webhook_endpoints ORDER BY id FOR UPDATE')) as { id: string; name: string; secret: string }[];
      for (const row of rows) {
        if (ciphertextKeyId(row.secret) === to.id) {
          result.alreadyCurrent += 1;
          continue;
        }
        const aad = endpointSecretAad(row.id);
        let plaintext: string;
        try {
          plaintext = reader.decrypt(row.secret, aad);
        } catch (err) {
          if (!(err instanceof SecretBoxError)) throw err;
          throw new SecretBoxError(`signing secret of webhook endpoint "${row.name}": ${err.message}. Nothing was changed.`, err.reason);
        }
        await tx.query('UPDATE webhook_endpoints SET secret = $2 WHERE id = $1', [row.id, writer.encrypt(plaintext, aad)]);
        result.reencrypted += 1;
      }
    }
    return result;
  });
}
