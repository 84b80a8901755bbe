import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';
import { type AppConfig, loadConfig } from '../config/config.js';
import { startApp } from '../main.js';

/**
 * Integration-test builders: a real api/worker process (in this process) on a fresh
 * Postgres database and Redis database, with its own data folder. Needs DATABASE_URL
 * and REDIS_URL (npm test provides throwaway servers).
 */
export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  token: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Everything the subscription sends until it completes, or its first `take` values; as the admin unless `token` is given. */
  subscribe<T>(query: string, variables?: Record<string, unknown>, options?: { token?: string; take?: number }): Promise<T[]>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  redis: Redis;
  stop(): Promise<void>;
}

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: Record<string, string> } }[];
}

export interface TestEnv {
  databaseUrl: string;
  redisUrl: string;
  dataDir: string;
  /** Drops the database and removes the data folder. */
  destroy(): Promise<void>;
}

const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for integration tests: run them with "npm test"`);
  return value;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A fresh database, a fresh Redis database index and a fresh data folder. */
export async function newEnv(): Promise<TestEnv> {
  const admin = new URL(required('DATABASE_URL'));
  const name = `sf_it_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const databaseUrl = new URL(admin.href);
  databaseUrl.pathname = `/${name}`;
  const redisUrl = new URL(required('REDIS_URL'));
  redisUrl.pathname = `/${1 + Math.floor(Math.random() * 15)}`;
  const redis = new Redis(redisUrl.href);
  await redis.flushdb();
  redis.disconnect();
  const dataDir = await mkdtemp(join(tmpdir(), 'superfluid-it-'));
  return {
    databaseUrl: databaseUrl.href,
    redisUrl: redisUrl.href,
    dataDir,
    async destroy() {
      const c = new pg.Client({ connectionString: admin.href });
      await c.connect();
      // Work an app left going when it closed (a check, a notification being told) ends first: a
      // connection the DROP terminates under a query becomes an uncaught error in this process.
      for (let i = 0; i < 50; i++) {
        const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name])).rows as { n: number }[];
        if (n === 0) break;
        if (i === 49) {
          const open = (await c.query(`SELECT state, left(query, 200) AS query FROM pg_stat_activity WHERE datname = $1`, [name])).rows;
          console.warn(`test database ${name}: connections still open 5 s after the app closed: ${JSON.stringify(open)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN_PASSWORD = 'integration-admin-password';

/** Starts the application on `env` with extra settings (ROLE, PLAYBOOKS_DIR...). */
export async function startTestApp(env: TestEnv, settings: Record<string, string> = {}, options: { owner?: boolean } = {}): Promise<TestApp> {
  // A test that must know the address first (PUBLIC_URL, a redirect URI) chooses the port.
  const port = settings.PORT ? Number(settings.PORT) : await freePort();
  const config = loadConfig({
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    DATA_DIR: env.dataDir,
    ADMIN_PASSWORD,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: '2',
    // The tests' own repositories are file:// ones in their temp folders.
    GIT_FILE_REMOTE_DIRS: tmpdir(),
    PATH: process.env.PATH,
    ...settings,
  });
  const app = await startApp(config);
  const url = `http://127.0.0.1:${port}`;
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  const redis = new Redis(env.redisUrl);

  async function gql<T>(query: string, variables: Record<string, unknown> = {}, token: string | null = testApp.token): Promise<GqlResult<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      // A connection per request: the application runs in this process, so while a test blocks it
      // (execFileSync on a loaded machine) the server's 5 s keep-alive timer can close a pooled
      // connection unseen, and the next request on it fails with "fetch failed" (ECONNRESET).
      headers: { 'content-type': 'application/json', connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  const testApp: TestApp = {
    app,
    config,
    url,
    token: '',
    gql,
    redis,
    async sql<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    subscribe<T>(query: string, variables: Record<string, unknown> = {}, { token, take }: { token?: string; take?: number } = {}): Promise<T[]> {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token ?? testApp.token}` },
        retryAttempts: 0,
      });
      const items: T[] = [];
      return new Promise<T[]>((resolve, reject) => {
        client.subscribe<Record<string, T>>(
          { query, variables },
          {
            next: (value) => {
              if (value.errors?.length) reject(new Error(JSON.stringify(value.errors)));
              else if (value.data) items.push(Object.values(value.data)[0]);
              if (take !== undefined && items.length >= take) resolve(items);
            },
            error: (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err))),
            complete: () => resolve(items),
          },
        );
      }).finally(() => client.dispose());
    },
    async stop() {
      await app.close();
      await pool.end();
      redis.disconnect();
      if (options.owner !== false) await env.destroy();
    },
  };
  if (config.role !== 'worker') {
    const login = await gql<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'admin', p: ADMIN_PASSWORD },
      null,
    );
    if (!login.data) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    testApp.token = login.data.login.token;
  }
  return testApp;
}

/** Polls until `check` returns a value, failing with `what` after `ms`. A wait, not a speed assertion. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The id of the published service template named `name` (the test fails when there is none). */
export async function templateIdByName(app: TestApp, name: string): Promise<string> {
  const res = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>(
    'query($s: String!) { serviceTemplates(search: $s, take: 500) { id name } }',
    { s: name },
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const found = res.data!.serviceTemplates.find((t) => t.name === name);
  assert.ok(found, `no service template named "${name}"`);
  return found.id;
}

/** The id of the provider named `name` ('local' is seeded). */
export async function providerIdByName(app: TestApp, name = 'local'): Promise<string> {
  const res = await app.gql<{ providers: { id: string; name: string }[] }>('{ providers { id name } }');
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const found = res.data!.providers.find((p) => p.name === name);
  assert.ok(found, `no provider named "${name}"`);
  return found.id;
}

/** Orders the template `templateId` with `dialogValues` as the app's admin (GraphQL errors fail the test); resolves with the request's id. */
export async function orderService(app: TestApp, templateId: string, dialogValues: Record<string, unknown>): Promise<string> {
  const res = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
    i: { templateId, dialogValues },
  });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.orderService.id;
}

/**
 * Waits until the request `id` is finished, failed or canceled, and resolves with it as the
 * serviceRequest query gives it with `fields` (a selection of ServiceRequest: 'status message' and
 * whatever the test reads; `T` is the shape the test expects). An answer with errors is polled again,
 * as the tests' own loops did; the timeout's message carries the last one's. A wait, not a speed
 * assertion.
 */
export async function requestEnded<T extends { status: string } = { status: string; message: string | null }>(
  app: TestApp,
  id: string,
  fields = 'status message',
  ms = 120_000,
): Promise<T> {
  let errors: GqlResult<T>['errors'];
  try {
    return await waitFor(
      `request ${id} to end`,
      async () => {
        const res = await app.gql<{ serviceRequest: T | null }>(`query($id: ID!) { serviceRequest(id: $id) { ${fields} } }`, { id });
        errors = res.errors;
        const request = res.data?.serviceRequest;
        return request && ['finished', 'failed', 'canceled', 'denied'].includes(request.status) && request;
      },
      ms,
    );
  } catch (error) {
    // The last answer's errors, if any, say more than the timeout.
    if (errors) throw new Error(`${(error as Error).message}; the last answer's errors: ${JSON.stringify(errors)}`, { cause: error });
    throw error;
  }
}

/** A git repository made by a test: a bare repository (`url`) and a working clone that `commit()` pushes from. */
const run = promisify(execFile);

export interface GitUpstream {
  url: string;
  /** Writes the files (null: removes it), commits everything and pushes to main; resolves with the commit's hash. */
  commit(files: Record<string, string | null>, message: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A real bare repository on branch main, with a working clone to push from (no commit yet). git runs
 * asynchronously: a test process blocked for seconds (execFileSync on a loaded machine) lets the
 * application's server close its idle keep-alive connections unseen, and the next app.gql() fails
 * with "fetch failed" (ECONNRESET).
 */
export async function newGitUpstream(prefix = 'upstream-'): Promise<GitUpstream> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const bare = join(dir, 'repo.git');
  const work = join(dir, 'work');
  const git = async (cwd: string, ...args: string[]) =>
    (await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], { cwd })).stdout.trim();
  await git(dir, 'init', '--bare', '--quiet', '--initial-branch=main', bare);
  await git(dir, 'clone', '--quiet', bare, work);
  return {
    url: `file://${bare}`,
    async commit(files, message) {
      for (const [path, text] of Object.entries(files)) {
        if (text === null) {
          await git(work, 'rm', '--quiet', path);
          continue;
        }
        await mkdir(dirname(join(work, path)), { recursive: true });
        await writeFile(join(work, path), text);
      }
      await git(work, 'add', '--all');
      await git(work, 'commit', '--quiet', '-m', message);
      await git(work, 'push', '--quiet', 'origin', 'HEAD:main');
      return git(work, 'rev-parse', 'HEAD');
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
