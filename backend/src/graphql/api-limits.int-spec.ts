import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';

/**
 * Every limit of the API, through the real GraphQL endpoint: HTTP (Apollo) and WebSocket
 * (graphql-ws), on an api process with small limits so that each is reached quickly.
 */

interface GqlError {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}
interface GqlAnswer<T = Record<string, unknown>> {
  data?: T;
  errors?: GqlError[];
}

/** POST /graphql as a client at `ip` (the app trusts X-Forwarded-For from loopback: TRUST_PROXY=loopback). */
async function post<T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string | null; ip?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as GqlAnswer<T> };
}

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
/** serviceRequests { service { request { service { … id } } } }: 14 fields deep. */
const DEEP = `{ serviceRequests(take: 1) { ${'service { request { '.repeat(6)}id${' } }'.repeat(6)} } }`;
const EXPENSIVE = '{ serviceRequests(take: 500) { id jobs { id stdout events(limit: 1000) { seq stdout } } } }';

function wsClient(app: TestApp, token: string, onClosed?: (code: number, reason: string) => void): Client {
  return createClient({
    url: `${app.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed?.((event as { code: number }).code, String((event as { reason: string }).reason)) },
  });
}

/** Runs one operation over a WebSocket; resolves with its errors (or [] after its first result). */
function wsOnce(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<GqlError[]> {
  return new Promise((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (value) => resolve((value.errors as GqlError[] | undefined) ?? []),
        error: (err) => resolve(Array.isArray(err) ? (err as GqlError[]) : [{ message: String((err as { reason?: string }).reason ?? err) }]),
        complete: () => resolve([]),
      },
    );
  });
}

describe('API limits, over HTTP and WebSocket', () => {
  let app: TestApp;
  let requestId: string;

  before(async () => {
    // An api process without a worker: an order stays queued, so its subscription stays open.
    app = await startTestApp(await newEnv(), {
      ROLE: 'api',
      TRUST_PROXY: 'loopback',
      GRAPHQL_MAX_DEPTH: '10',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_COST: '100000',
      WS_MAX_SUBSCRIPTIONS: '3',
      LOGIN_MAX_PER_IP: '6',
      LOGIN_MAX_FAILURES_PER_USER: '3',
      PASSWORD_HASH_CONCURRENCY: '1',
    });
    const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
    const templateId = templates.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
    const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId, dialogValues: { playbook: 'hello.yml' } },
    });
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    requestId = ordered.data!.orderService.id;
  });
  after(async () => {
    await app?.stop();
  });

  /** A subscription open with `token` (live: the socket answered a query); `ended` resolves when it stops. */
  const opened = async (token: string) => {
    let code = 0;
    const client = wsClient(app, token, (c) => (code = c));
    const ended = new Promise<number>((resolve) => {
      client.subscribe(
        { query: 'subscription($id: ID!) { serviceRequestUpdated(id: $id) { id } }', variables: { id: requestId } },
        { next: () => undefined, error: () => resolve(Date.now()), complete: () => resolve(Date.now()) },
      );
    });
    // The first answer (the request as it is) shows the subscription is live.
    await wsOnce(client, '{ me { username } }');
    return { client, ended, code: () => code };
  };

  test('depth: a query nested deeper than GRAPHQL_MAX_DEPTH is refused before it runs (HTTP and WebSocket)', async () => {
    const http = await post(app, DEEP, {}, { token: app.token });
    assert.equal(http.status, 400);
    assert.equal(http.body.errors?.[0].extensions?.code, 'QUERY_TOO_COMPLEX');
    assert.match(http.body.errors![0].message, /nests fields \d+ deep; at most 10/);
    assert.equal(http.body.data, undefined);
    const client = wsClient(app, app.token);
    try {
      const errors = await wsOnce(client, DEEP);
      assert.equal(errors[0]?.extensions?.code, 'QUERY_TOO_COMPLEX', JSON.stringify(errors));
    } finally {
      await client.dispose();
    }
    // Within the limit it answers.
    const fine = await post(app, '{ serviceRequests(take: 1) { service { request { id } } } }', {}, { token: app.token });
    assert.equal(fine.body.errors, undefined, JSON.stringify(fine.body.errors));
  });

  test('WebSocket: a mutation is refused (mutations go over HTTP, where the audit trail records them); queries still answer', async () => {
    const client = wsClient(app, app.token);
    try {
      const refused = await wsOnce(client, 'mutation { refreshAllGitRepos { id } }');
      assert.equal(refused[0]?.extensions?.code, 'VALIDATION_FAILED', JSON.stringify(refused));
      assert.match(refused[0].message, /POST \/graphql/);
      assert.deepEqual(await wsOnce(client, '{ me { username } }'), []);
    } finally {
      await client.dispose();
    }
  });

  test('aliases: more than GRAPHQL_MAX_ALIASES aliases are refused', async () => {
    const many = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const http = await post(app, many, {}, { token: app.token });
    assert.equal(http.body.errors?.[0].extensions?.code, 'QUERY_TOO_COMPLEX');
    assert.match(http.body.errors![0].message, /6 aliases; at most 5/);
    const client = wsClient(app, app.token);
    try {
      assert.equal((await wsOnce(client, many))[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
    } finally {
      await client.dispose();
    }
    assert.equal(
      (await post(app, `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, {}, { token: app.token })).body.errors,
      undefined,
    );
  });

  test('cost: lists count by their take, logs heavily; a query over GRAPHQL_MAX_COST is refused, a variable take included', async () => {
    const http = await post(app, EXPENSIVE, {}, { token: app.token });
    assert.equal(http.body.errors?.[0].extensions?.code, 'QUERY_TOO_COMPLEX', JSON.stringify(http.body.errors));
    assert.match(http.body.errors![0].message, /would cost \d+; at most 100000/);
    const byVariable = await post(app, 'query($n: Int!) { serviceRequests(take: $n) { id jobs { stdout } } }', { n: 500 }, { token: app.token });
    assert.equal(byVariable.body.errors?.[0].extensions?.code, 'QUERY_TOO_COMPLEX');
    const small = await post(app, 'query($n: Int!) { serviceRequests(take: $n) { id jobs { stdout } } }', { n: 2 }, { token: app.token });
    assert.equal(small.body.errors, undefined, JSON.stringify(small.body.errors));
    const client = wsClient(app, app.token);
    try {
      assert.equal((await wsOnce(client, EXPENSIVE))[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
    } finally {
      await client.dispose();
    }
  });

  test('introspection and field suggestions only for a signed-in caller', async () => {
    const schema = '{ __schema { queryType { name } } }';
    const stranger = await post(app, schema);
    assert.equal(stranger.status, 401);
    assert.equal(stranger.body.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    assert.equal(stranger.body.data, undefined);
    const typeProbe = await post(app, '{ __type(name: "Provider") { fields { name } } }');
    assert.equal(typeProbe.body.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    const member = await post<{ __schema: { queryType: { name: string } } }>(app, schema, {}, { token: app.token });
    assert.equal(member.body.data?.__schema.queryType.name, 'Query');

    const typo = '{ providerz { id } }';
    const strangerTypo = await post(app, typo);
    assert.equal(strangerTypo.body.errors?.[0].extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.doesNotMatch(strangerTypo.body.errors![0].message, /Did you mean|"providers"/);
    const memberTypo = await post(app, typo, {}, { token: app.token });
    assert.match(memberTypo.body.errors![0].message, /Did you mean .*"providers"/);
    // __typename alone is not introspection.
    assert.equal((await post(app, '{ __typename }')).body.errors, undefined);
  });

  test('login: at most one login field per operation', async () => {
    const twice = await post(
      app,
      `mutation { a: login(username: "admin", password: "x") { token } b: login(username: "admin", password: "y") { token } }`,
      {},
      { ip: '10.9.0.1' },
    );
    assert.equal(twice.body.errors?.[0].extensions?.code, 'TOO_MANY_REQUESTS');
    assert.match(twice.body.errors![0].message, /One sign-in per request/);
    const viaFragment = await post(
      app,
      `mutation { login(username: "admin", password: "x") { token } ...F } fragment F on Mutation { again: login(username: "admin", password: "y") { token } }`,
      {},
      { ip: '10.9.0.1' },
    );
    assert.equal(viaFragment.body.errors?.[0].extensions?.code, 'TOO_MANY_REQUESTS');
  });

  test('login: password hashes run PASSWORD_HASH_CONCURRENCY at a time; a burst beyond the queue is refused at once, retryable', async () => {
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => post(app, LOGIN, { u: `burst${i}`, p: 'x' }, { ip: `10.3.0.${i + 1}` })));
    const codes = burst.map((r) => r.body.errors?.[0].extensions?.code);
    const busy = burst.filter((r) => /being checked at once/.test(r.body.errors?.[0].message ?? ''));
    assert.ok(busy.length > 0, `some of 40 simultaneous sign-ins are refused (codes: ${codes.join(',')})`);
    assert.ok(
      codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS'),
      codes.join(','),
    );
    assert.ok(busy.every((r) => r.body.errors![0].extensions?.retryable === true));
    assert.ok(codes.filter((c) => c === 'UNAUTHENTICATED').length >= 8, 'the queued ones were checked');
  });

  test('WebSocket: a message larger than 64 KiB closes the socket (1009)', async () => {
    const ws = new WebSocket(`${app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${app.token}`, padding: 'x'.repeat(70 * 1024) } }));
    assert.equal(await closed, 1009);
    // Just below the limit is accepted.
    const ok = new WebSocket(`${app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => ok.once('open', resolve));
    const ack = new Promise<string>((resolve) => ok.once('message', (data) => resolve(String(data))));
    ok.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${app.token}`, padding: 'x'.repeat(60 * 1024) } }));
    assert.match(await ack, /connection_ack/);
    ok.close();
  });

  test('WebSocket: at most WS_MAX_SUBSCRIPTIONS subscriptions per connection', async () => {
    const client = wsClient(app, app.token);
    const open: (() => void)[] = [];
    try {
      const results: GqlError[][] = [];
      for (let i = 0; i < 4; i++) {
        results.push(
          await new Promise<GqlError[]>((resolve) => {
            open.push(
              client.subscribe(
                { query: 'subscription($id: ID!) { serviceRequestUpdated(id: $id) { id status } }', variables: { id: requestId } },
                { next: (v) => resolve((v.errors as GqlError[] | undefined) ?? []), error: (e) => resolve(e as GqlError[]), complete: () => undefined },
              ),
            );
          }),
        );
      }
      assert.deepEqual(results.slice(0, 3), [[], [], []], 'three subscriptions run');
      assert.equal(results[3][0]?.extensions?.code, 'TOO_MANY_REQUESTS', JSON.stringify(results[3]));
      assert.match(results[3][0].message, /at most 3 subscriptions/);
      // Ending one makes room for another.
      open[0]();
      const again = await wsOnce(client, 'subscription($id: ID!) { serviceRequestUpdated(id: $id) { id } }', { id: requestId });
      assert.deepEqual(again, []);
    } finally {
      for (const stop of open) stop();
      await client.dispose();
    }
  });

  test('logout revokes the session: its token stops working and its open subscriptions end', async () => {
    const { body } = await post<{ login: { token: string } }>(app, LOGIN, { u: 'admin', p: 'integration-admin-password' }, { ip: '10.4.0.1' });
    const token = body.data!.login.token;
    const sub = await opened(token);
    const out = await post<{ logout: boolean }>(app, 'mutation { logout }', {}, { token });
    assert.equal(out.body.data?.logout, true, JSON.stringify(out.body.errors));
    assert.equal((await post(app, '{ me { username } }', {}, { token })).body.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    await sub.ended;
    assert.equal(sub.code(), 4401);
    await sub.client.dispose();
    // An API token cannot log out (it is revoked with revokeApiToken).
    const api = await app.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "script") { token } }');
    assert.equal(
      (await post(app, 'mutation { logout }', {}, { token: api.data!.createApiToken.token })).body.errors?.[0].extensions?.code,
      'VALIDATION_FAILED',
    );
  });

  test('API tokens expire by default (API_TOKEN_TTL_DAYS, 90)', async () => {
    const made = await app.gql<{ createApiToken: { apiToken: { expiresAt: string } } }>('mutation { createApiToken(name: "ci") { apiToken { expiresAt } } }');
    const days = (Date.parse(made.data!.createApiToken.apiToken.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 89.9 && days <= 90, `expires in ${days} days`);
    const chosen = await app.gql<{ createApiToken: { apiToken: { expiresAt: string } } }>(
      'mutation { createApiToken(name: "short", expiresInDays: 7) { apiToken { expiresAt } } }',
    );
    assert.ok(Math.abs((Date.parse(chosen.data!.createApiToken.apiToken.expiresAt) - Date.now()) / 86_400_000 - 7) < 0.01);
  });

  test('an open subscription stops within 10 s of its token being revoked, expiring, or deleted behind the portal’s back', async () => {
    const newToken = async (name: string) => {
      const made = await app.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        'mutation($n: String!) { createApiToken(name: $n) { token apiToken { id } } }',
        { n: name },
      );
      return { token: made.data!.createApiToken.token, id: made.data!.createApiToken.apiToken.id };
    };

    // Revoked through the API: at once.
    const a = await newToken('revoked');
    const revokedSub = await opened(a.token);
    const t0 = Date.now();
    await app.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: a.id });
    assert.ok((await revokedSub.ended) - t0 < 10_000);
    assert.equal(revokedSub.code(), 4401);
    await revokedSub.client.dispose();

    // Expired (its expiry moved to now) and deleted by hand (no broadcast): the periodic check ends them.
    const b = await newToken('expiring');
    const c = await newToken('deleted');
    const expiringSub = await opened(b.token);
    const deletedSub = await opened(c.token);
    const t1 = Date.now();
    await app.sql(`UPDATE api_tokens SET expires_at = now() WHERE id = $1`, [b.id]);
    await app.sql(`DELETE FROM api_tokens WHERE id = $1`, [c.id]);
    const [e1, e2] = await Promise.all([expiringSub.ended, deletedSub.ended]);
    assert.ok(e1 - t1 < 10_000 && e2 - t1 < 10_000, `ended after ${e1 - t1} and ${e2 - t1} ms`);
    assert.equal(expiringSub.code(), 4401);
    await expiringSub.client.dispose();
    await deletedSub.client.dispose();
  });
  test('login: failures are limited per user name, attempts per address; each refusal says when to retry', async () => {
    // Three failures for one user name (from three addresses): the fourth attempt is refused, even with the right password.
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) {
      const wrong = await post(app, LOGIN, { u: 'admin', p: 'wrong password' }, { ip });
      assert.equal(wrong.body.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    }
    const locked = await post(app, LOGIN, { u: 'admin', p: 'integration-admin-password' }, { ip: '10.1.0.4' });
    assert.equal(locked.body.errors?.[0].extensions?.code, 'TOO_MANY_REQUESTS');
    assert.ok(Number(locked.retryAfter) > 0, 'a Retry-After header');
    assert.match(locked.body.errors![0].message, /Too many failed sign-ins for this user: try again in \d+ s/);
    assert.ok(Number(locked.body.errors![0].extensions?.retryAfterSeconds) > 0);
    // Another user name is not affected.
    assert.equal((await post(app, LOGIN, { u: 'someone', p: 'x' }, { ip: '10.1.0.5' })).body.errors?.[0].extensions?.code, 'UNAUTHENTICATED');

    // Six attempts from one address, then refused whatever the user name.
    for (let i = 0; i < 6; i++) {
      const res = await post(app, LOGIN, { u: `user${i}`, p: 'x' }, { ip: '10.2.0.1' });
      assert.equal(res.body.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    }
    const refused = await post(app, LOGIN, { u: 'other', p: 'x' }, { ip: '10.2.0.1' });
    assert.equal(refused.body.errors?.[0].extensions?.code, 'TOO_MANY_REQUESTS');
    assert.match(refused.body.errors![0].message, /from your address/);
    assert.equal((await post(app, LOGIN, { u: 'other', p: 'x' }, { ip: '10.2.0.2' })).body.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
  });
});
