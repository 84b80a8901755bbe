import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  subscribe<T>(query: string, variables?: Record<string, unknown>): Promise<T[]>;
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
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN_PASSWORD = 'integration-admin-password';

/** Starts the application on `env` with extra settings (ROLE, PLAYBOOKS_DIR...). */
export async function startTestApp(env: TestEnv, settings: Record<string, string> = {}, options: { owner?: boolean } = {}): Promise<TestApp> {
  const port = await freePort();
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
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
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
    subscribe<T>(query: string, variables: Record<string, unknown> = {}): Promise<T[]> {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${testApp.token}` },
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
