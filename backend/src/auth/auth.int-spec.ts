import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, type TestEnv } from '../testing/harness.js';

const ME = '{ me { username } }';

describe('bearer tokens: remembered briefly, yet a revoked one stops working at once', () => {
  let env: TestEnv;
  let one: TestApp;
  let two: TestApp;
  before(async () => {
    env = await newEnv();
    one = await startTestApp(env, {}, { owner: false });
    two = await startTestApp(env, {}, { owner: false });
  });
  after(async () => {
    await one?.stop();
    await two?.stop();
    await env?.destroy();
  });

  async function newToken(app: TestApp, name: string): Promise<{ token: string; id: string }> {
    const made = await app.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      'mutation($n: String!) { createApiToken(name: $n) { token apiToken { id } } }',
      { n: name },
    );
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    return { token: made.data!.createApiToken.token, id: made.data!.createApiToken.apiToken.id };
  }

  test('a revoked API token is refused by the very next request, in the process that revoked it and in another one', async () => {
    const { token, id } = await newToken(one, 'revoke me');
    // Both processes have just accepted it (and remember it).
    for (const app of [one, two]) assert.equal((await app.gql<{ me: { username: string } }>(ME, {}, token)).data?.me.username, 'admin');
    const revoked = await one.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id });
    assert.equal(revoked.errors, undefined, JSON.stringify(revoked.errors));
    const same = await one.gql(ME, {}, token);
    assert.equal(same.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    // The other process hears of it through Redis: give the message a moment, far below the cache's lifetime.
    let other = await two.gql(ME, {}, token);
    for (let i = 0; i < 50 && !other.errors; i++) {
      await new Promise((r) => setTimeout(r, 20));
      other = await two.gql(ME, {}, token);
    }
    assert.equal(other.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  test('revoking one token leaves the others working', async () => {
    const a = await newToken(one, 'a');
    const b = await newToken(one, 'b');
    for (const t of [a, b]) assert.equal((await one.gql<{ me: { username: string } }>(ME, {}, t.token)).data?.me.username, 'admin');
    await one.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: a.id });
    assert.equal((await one.gql(ME, {}, a.token)).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal((await one.gql<{ me: { username: string } }>(ME, {}, b.token)).data?.me.username, 'admin');
  });

  test('an unknown token is refused, and keeps being refused', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await one.gql(ME, {}, 'sft_not-a-token')).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });
});
