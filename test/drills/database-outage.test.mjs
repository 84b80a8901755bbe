// End-to-end: a database outage answers SERVICE_UNAVAILABLE (retryable, saying to try
// again), never an internal error, over HTTP, WebSocket and /healthz — tested by stopping
// the real PostgreSQL of a product started for this test (a server of its own, so no other
// test loses its database), then starting it again.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { freePort, startPostgres } from '../../scripts/lib/services.mjs';
import { startProduct } from '../support/product.mjs';

const PROVIDERS = '{ providers { id name } }';

async function until(what, check, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Opens a graphql-ws socket with `token`; resolves with the close code, or 'ack' once accepted. */
function wsConnect(url, token) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    ws.once('message', (data) => {
      if (String(data).includes('connection_ack')) {
        ws.close();
        resolve('ack');
      }
    });
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
}

describe('a database outage answers SERVICE_UNAVAILABLE, then the portal recovers', () => {
  let pgDir;
  let pg;
  let port;
  let product;
  let token;

  before(async () => {
    pgDir = await mkdtemp(join(tmpdir(), 'outage-pg-'));
    await chmod(pgDir, 0o755); // PostgreSQL runs as the postgres user, which must reach its data folder
    port = await freePort();
    pg = await startPostgres({ dir: join(pgDir, 'data'), port });
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = pg.adminUrl;
    try {
      product = await startProduct({ timeoutMs: 180_000 });
    } finally {
      process.env.DATABASE_URL = saved;
    }
    token = await product.login();
  });
  after(async () => {
    await product?.stop();
    await pg?.stop();
    await rm(pgDir, { recursive: true, force: true });
  });

  it('answers while PostgreSQL is up', async () => {
    const { data, errors } = await product.graphql(PROVIDERS, {}, token);
    assert.equal(errors, undefined);
    assert.ok(data.providers.some((p) => p.name === 'local'));
  });

  it('PostgreSQL stopped: GraphQL over HTTP and WebSocket and /healthz say so, retryable, with no driver text', async () => {
    await pg.stop();
    try {
      const answer = await product.graphql(PROVIDERS, {}, token);
      assert.equal(answer.data?.providers ?? null, null);
      const [error] = answer.errors;
      assert.equal(error.extensions.code, 'SERVICE_UNAVAILABLE', JSON.stringify(answer.errors));
      assert.equal(error.extensions.retryable, true);
      assert.match(error.message, /try again/);
      assert.doesNotMatch(JSON.stringify(answer), /ECONNREFUSED|127\.0\.0\.1|Internal error|postgres/i);

      // A sign-in needs the database too.
      const login = await product.graphql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: 'admin',
        p: product.adminPassword,
      });
      assert.equal(login.errors?.[0].extensions.code, 'SERVICE_UNAVAILABLE', JSON.stringify(login.errors));

      // A mutation fails the same way, and stores nothing half.
      const made = await product.graphql(
        'mutation { createCredential(input: { name: "during-outage", type: "vault_password", secrets: { password: "p" } }) { id } }',
        {},
        token,
      );
      assert.equal(made.errors?.[0].extensions.code, 'SERVICE_UNAVAILABLE', JSON.stringify(made.errors));

      // A WebSocket whose token cannot be checked now is told to try again later (1013), not refused as unauthorized.
      const closed = await wsConnect(product.url, 'sft_not-cached-so-the-database-is-asked');
      assert.equal(closed.code, 1013, JSON.stringify(closed));
      assert.match(closed.reason, /try again/);

      const health = await fetch(`${product.url}/healthz`);
      assert.equal(health.status, 503);
      assert.equal(health.headers.get('retry-after'), '5');
      assert.deepEqual(await health.json(), { status: 'unavailable', postgres: 'down', redis: 'ok' });
    } finally {
      pg = await startPostgres({ dir: join(pgDir, 'data'), port });
    }
  });

  it('PostgreSQL back: the same requests answer again, with no restart of the portal', async () => {
    const back = await until('the API to answer again', async () => {
      const answer = await product.graphql(PROVIDERS, {}, token);
      return answer.data?.providers && answer;
    });
    assert.ok(back.data.providers.some((p) => p.name === 'local'));
    assert.equal((await fetch(`${product.url}/healthz`)).status, 200);
    assert.equal(await wsConnect(product.url, token), 'ack');
    const missing = await product.graphql('{ credentials { name } }', {}, token);
    assert.ok(!missing.data.credentials.some((c) => c.name === 'during-outage'), 'nothing was stored during the outage');
  });
});
