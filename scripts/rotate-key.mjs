#!/usr/bin/env node
// `npm run rotate-key`: re-encrypts every stored credential from the old key to the new one
// (backend/dist/cli/rotate-key.js; README.md, "Credentials"). With DATABASE_URL unset it runs
// against the PostgreSQL that `npm start` keeps under DATA_DIR, started for the occasion:
// stop `npm start` first. As root, it runs PostgreSQL and the key rotation as the system user
// `npm start` runs the backend as (the new key file is that user's, in its DATA_DIR).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { waitForExit } from './lib/process.mjs';
import { ROOT, ensureBuilt, say } from './lib/setup.mjs';
import { startPostgres } from './lib/services.mjs';
import { ensureServiceUser } from './lib/user.mjs';

const env = process.env;
const dataDir = path.resolve(ROOT, env.DATA_DIR || '.data');

/** Where `npm start` keeps PostgreSQL's data for this DATA_DIR (the same rule as scripts/start.mjs). */
function postgresDataDir() {
  const wanted = path.join(dataDir, 'postgres');
  const legacy = path.join('/var/lib/superfluid', `postgres-${createHash('sha1').update(dataDir).digest('hex').slice(0, 12)}`);
  return fs.existsSync(path.join(wanted, 'PG_VERSION')) || !fs.existsSync(path.join(legacy, 'PG_VERSION')) ? wanted : legacy;
}

async function main() {
  await ensureBuilt('backend');
  const user = process.getuid?.() === 0 ? ensureServiceUser() : null;
  let pg = null;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dir = postgresDataDir();
    if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
      say(`No PostgreSQL data in ${dir}: set DATABASE_URL to the database that holds the credentials.`);
      return 2;
    }
    say(`Starting PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT || 54329} (data in ${dir})...`);
    pg = await startPostgres({
      dir,
      port: Number(env.EMBEDDED_PG_PORT || 54329),
      database: 'superfluid',
      persistent: true,
      logFile: path.join(dataDir, 'postgres.log'),
      user: user ?? undefined,
    });
    databaseUrl = pg.url;
  }
  try {
    const child = spawn(process.execPath, [path.join(ROOT, 'backend', 'dist', 'cli', 'rotate-key.js')], {
      cwd: ROOT,
      stdio: 'inherit',
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    });
    const { code } = await waitForExit(child);
    return code ?? 1;
  } finally {
    if (pg) {
      say('Stopping PostgreSQL...');
      await pg.stop();
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`rotate-key failed: ${error.message}`);
    process.exit(1);
  },
);
