// The product's GraphQL API for end-to-end tests: a client that fails on GraphQL errors, and the
// wait for a service request to end (through the serviceRequestUpdated subscription, as the UI
// learns of it, or by polling).
//
//   const api = await signInApi(product);                      // admin, with the product's password
//   const { providers } = await api('{ providers { id name } }'); // `data`; GraphQL errors fail the test
//   const body = await api.raw('mutation { ... }');             // the whole answer, errors included
//   const { request, seen } = await waitForRequestEnd(api, id, { fields: 'status message service { outputs }' });
import assert from 'node:assert/strict';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const TERMINAL_STATUSES = ['finished', 'failed', 'canceled', 'denied'];

/**
 * A GraphQL client of `product` with `token` (none: anonymous). Called as api(query, variables) it
 * resolves with `data` and fails the test on GraphQL errors; api.raw(query, variables) resolves with
 * the whole answer ({ data, errors }). api.token and api.product are what it was made with.
 */
export function apiClient(product, token) {
  const raw = (query, variables = {}) => product.graphql(query, variables, token);
  const api = async (query, variables = {}) => {
    const body = await raw(query, variables);
    assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return Object.assign(api, { raw, token, product });
}

/** Logs in (admin with the product's ADMIN_PASSWORD unless told otherwise) and returns apiClient() with the session's token. */
export async function signInApi(product, username, password) {
  return apiClient(product, await product.login(username, password));
}

/**
 * Waits until the request `id` is finished, failed or canceled, and resolves with
 * { request, seen }: the request as the last answer gave it (its id, status and message, and
 * opts.fields when given: a selection of ServiceRequest, such as 'status message jobs { stdout }'),
 * and the statuses seen on the way, each once.
 *
 * opts.via: 'subscription' (the default: serviceRequestUpdated over graphql-ws, which sends the
 * request as it is first, then at every change) or 'polling' (the serviceRequest query every
 * opts.intervalMs, 100). opts.timeoutMs (180 s) is a waiting limit only, never a speed check: past
 * it the test fails with the statuses seen and the end of the product's output.
 */
export async function waitForRequestEnd(api, id, { fields = '', via = 'subscription', timeoutMs = 180_000, intervalMs = 100 } = {}) {
  const selection = `id status message ${fields}`;
  const seen = [];
  const note = (request) => {
    if (seen.at(-1) !== request.status) seen.push(request.status);
    return TERMINAL_STATUSES.includes(request.status);
  };
  const timedOut = () =>
    new Error(
      `request ${id} did not end within ${timeoutMs / 1000} s (seen: ${seen.join(' -> ') || 'nothing'})\n--- product output ---\n${api.product.output().slice(-4000)}`,
    );

  if (via === 'polling') {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { serviceRequest } = await api(`query($id: ID!) { serviceRequest(id: $id) { ${selection} } }`, { id });
      assert.ok(serviceRequest, `request ${id} not found`);
      if (note(serviceRequest)) return { request: serviceRequest, seen };
      if (Date.now() > deadline) throw timedOut();
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  if (via !== 'subscription') throw new Error(`waitForRequestEnd: via is 'subscription' or 'polling', not ${via}`);

  const client = createClient({
    url: `${api.product.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: api.token ? { authorization: `Bearer ${api.token}` } : {},
    // A connection closed under load (an abnormal close, a busy server) is opened again, and the
    // subscription with it: it answers the request as it is now, then its changes.
    retryAttempts: 3,
    shouldRetry: () => true,
  });
  let timer;
  try {
    return await new Promise((resolve, reject) => {
      let last;
      timer = setTimeout(() => reject(timedOut()), timeoutMs);
      client.subscribe(
        { query: `subscription($id: ID!) { serviceRequestUpdated(id: $id) { ${selection} } }`, variables: { id } },
        {
          next: (value) => {
            if (value.errors) return reject(new Error(`serviceRequestUpdated: ${JSON.stringify(value.errors)}`));
            last = value.data.serviceRequestUpdated;
            if (note(last)) resolve({ request: last, seen });
          },
          error: (e) =>
            reject(
              e instanceof Error
                ? e
                : new Error(
                    `serviceRequestUpdated: ${e?.code ? `the connection closed (${e.code} ${e.reason ?? ''})` : JSON.stringify(e)}\n--- product output ---\n${api.product.output().slice(-4000)}`,
                  ),
            ),
          complete: () =>
            last && TERMINAL_STATUSES.includes(last.status)
              ? resolve({ request: last, seen })
              : reject(new Error(`request ${id}: the subscription ended at ${last?.status}`)),
        },
      );
    });
  } finally {
    clearTimeout(timer);
    await client.dispose();
  }
}

/** Polls `fn` until it returns something truthy, and resolves with that (a waiting limit, never asserted on). */
export async function until(what, fn, { timeoutMs = 180_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
