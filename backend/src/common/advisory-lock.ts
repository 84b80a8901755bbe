import type { DataSource } from 'typeorm';

/**
 * Postgres advisory locks, in one place. A key is a number (used as is, a `bigint`) or a
 * string (hashed by Postgres's `hashtext`, e.g. `git-repo:<id>`): the same key always
 * takes the same lock, whichever process or copy of the code takes it.
 *
 * Session locks (`tryAdvisoryLock`, `withAdvisoryLock`) are held on a connection of their
 * own for as long as `work` runs, and released (and the connection returned) however
 * `work` ends. A transaction lock (`advisoryXactLock`) ends with its transaction.
 */
export type LockKey = string | number;

/** Anything that runs SQL: a transaction's EntityManager, a QueryRunner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** How a lock's SQL names its key: numbers as they are, strings hashed. */
const keySql = (key: LockKey) => (typeof key === 'number' ? '$1::bigint' : 'hashtext($1)');

/** How often a waiter that does not block tries again. */
const POLL_MS = 100;

export type TryLockResult<T> = { held: true; value: T } | { held: false };

/**
 * Runs `work` when the lock is free, at once; `{ held: false }` (and nothing run) when
 * another session holds it. Never waits.
 */
export async function tryAdvisoryLock<T>(db: DataSource, key: LockKey, work: () => Promise<T>): Promise<TryLockResult<T>> {
  const session = db.createQueryRunner();
  await session.connect();
  let held = false;
  try {
    const [row] = (await session.query(`SELECT pg_try_advisory_lock(${keySql(key)}) AS ok`, [key])) as { ok: boolean }[];
    held = row.ok;
    if (!held) return { held: false };
    return { held: true, value: await work() };
  } finally {
    if (held) await session.query(`SELECT pg_advisory_unlock(${keySql(key)})`, [key]).catch(() => undefined);
    await session.release();
  }
}

export interface WaitOptions {
  /**
   * Unset: wait in Postgres (`pg_advisory_lock`) as long as it takes, holding a pooled
   * connection meanwhile — for start-up work that few processes do at once. Set: try,
   * let go of the connection, and try again every 100 ms until this many milliseconds
   * have passed, so that many waiters cannot starve the pool that `work` itself needs;
   * then throw what `timedOut` returns.
   */
  waitMs?: number;
  timedOut?: () => Error;
}

/** Runs `work` holding the lock, waiting for it first as `options` say. */
export async function withAdvisoryLock<T>(db: DataSource, key: LockKey, work: () => Promise<T>, options: WaitOptions = {}): Promise<T> {
  if (options.waitMs === undefined) {
    const session = db.createQueryRunner();
    await session.connect();
    try {
      await session.query(`SELECT pg_advisory_lock(${keySql(key)})`, [key]);
      try {
        return await work();
      } finally {
        await session.query(`SELECT pg_advisory_unlock(${keySql(key)})`, [key]).catch(() => undefined);
      }
    } finally {
      await session.release();
    }
  }
  const until = Date.now() + options.waitMs;
  for (;;) {
    const attempt = await tryAdvisoryLock(db, key, work);
    if (attempt.held) return attempt.value;
    if (Date.now() >= until) throw options.timedOut?.() ?? new Error(`the lock ${String(key)} stayed taken for ${options.waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Takes the lock for the rest of the transaction `tx` runs (waiting for it in Postgres). */
export async function advisoryXactLock(tx: Queryable, key: LockKey): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${keySql(key)})`, [key]);
}
