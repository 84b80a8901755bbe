import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort, newEnv, startTestApp, type TestApp, type TestEnv } from '../testing/harness.js';
import { CookieBrowser, type IdpUser, startOidcIdp, type TestIdp, uiRoute } from '../testing/oidc-idp.js';

const CLIENT_ID = 'superfluid-portal';
const ALICE: IdpUser = {
  sub: 'sub-alice',
  username: 'alice',
  password: 'alice-at-the-idp',
  name: 'Alice Martin',
  email: 'alice@example.org',
  groups: ['east-requesters'],
};
const BOB: IdpUser = { sub: 'sub-bob', username: 'bob', password: 'bob-at-the-idp', name: 'Bob', groups: ['east-requesters'] };
const CAROL: IdpUser = { sub: 'sub-carol', username: 'carol', password: 'carol-at-the-idp', groups: ['nobody-maps-this'] };

describe('single sign-on (OpenID Connect) against a real provider', () => {
  let env: TestEnv;
  let app: TestApp;
  let idp: TestIdp;
  let publicUrl: string;
  const ids: Record<string, string> = {};

  /** Signs in at the provider as `user`; resolves with where the portal sent the browser in the UI. */
  async function ssoSignIn(user: IdpUser, options: { tamper?: (callback: URL) => void; cancel?: boolean } = {}) {
    const browser = new CookieBrowser(publicUrl);
    const signInPage = await browser.go(`${publicUrl}/auth/oidc/login`);
    assert.equal(signInPage.kind, 'page', JSON.stringify(signInPage));
    assert.match((signInPage as { html: string }).html, /Test identity provider/);
    const uid = signInPage.url.pathname.split('/')[2];
    const isCallback = (location: string) => location.startsWith(`${publicUrl}/auth/oidc/callback`);
    let stop = options.cancel
      ? await browser.go(new URL(`/interaction/${uid}/abort`, signInPage.url).href, { stopAt: isCallback })
      : await browser.go(new URL(`/interaction/${uid}/login`, signInPage.url).href, {
          form: { username: user.username, password: user.password },
          stopAt: isCallback,
        });
    assert.equal(stop.kind, 'stopped', JSON.stringify(stop));
    const callback = stop.url;
    options.tamper?.(callback);
    stop = await browser.go(callback.href);
    assert.equal(stop.kind, 'ui', JSON.stringify(stop));
    return { ...uiRoute(stop.url), browser, callback };
  }

  const me = async (token: string) => {
    const res = await app.gql<{
      me: {
        id: string;
        username: string;
        displayName: string;
        email: string;
        mustChangePassword: boolean;
        roles: string[];
        groups: { name: string }[];
        tenant: { name: string };
      };
      myPermissions: string[];
    }>('{ me { id username displayName email mustChangePassword roles groups { name } tenant { name } } myPermissions }', {}, token);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!;
  };

  before(async () => {
    env = await newEnv();
    const port = await freePort();
    const idpPort = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    app = await startTestApp(env, {
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_DISPLAY_NAME: 'Test IdP',
    });
    idp = await startOidcIdp({ port: idpPort, redirectUri: app.config.oidc!.redirectUri, clientId: CLIENT_ID, users: [ALICE, BOB, CAROL] });
    const east = await app.gql<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "East" }) { id } }');
    assert.equal(east.errors, undefined, JSON.stringify(east.errors));
    ids.east = east.data!.createTenant.id;
    for (const [key, name, roles] of [
      ['requesters', 'East requesters', ['requester']],
      ['designers', 'East designers', ['designer']],
      ['auditors', 'Auditors', ['auditor']],
    ] as const) {
      const res = await app.gql<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
        i: { name, roles, tenantId: key === 'auditors' ? undefined : ids.east },
      });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      ids[key] = res.data!.createGroup.id;
    }
    const mapping = await app.gql<{ createOidcGroupMapping: { id: string; claim: string; group: { name: string }; tenant: { name: string } } }>(
      'mutation($g: ID!) { createOidcGroupMapping(claim: " east-requesters ", groupId: $g) { id claim group { name } tenant { name } } }',
      { g: ids.requesters },
    );
    assert.equal(mapping.errors, undefined, JSON.stringify(mapping.errors));
    assert.deepEqual(
      {
        claim: mapping.data!.createOidcGroupMapping.claim,
        group: mapping.data!.createOidcGroupMapping.group.name,
        tenant: mapping.data!.createOidcGroupMapping.tenant.name,
      },
      { claim: 'east-requesters', group: 'East requesters', tenant: 'East' },
    );
  });

  after(async () => {
    await idp?.stop();
    await app?.stop();
  });

  test('the login page is offered the provider (anonymously), with its login URL', async () => {
    const res = await app.gql<{ ssoProviders: { name: string; loginUrl: string }[] }>('{ ssoProviders { name loginUrl } }', {}, null);
    assert.deepEqual(res.data?.ssoProviders, [{ name: 'Test IdP', loginUrl: `${publicUrl}/auth/oidc/login` }]);
  });

  test('a first sign-in creates the user in the tenant of their mapped group, with its roles and a session token', async () => {
    const { route, params, browser } = await ssoSignIn(ALICE);
    assert.equal(route, '/sso');
    const token = params.get('token')!;
    assert.ok(token);
    const { me: alice, myPermissions } = await me(token);
    assert.equal(alice.username, 'alice');
    assert.equal(alice.displayName, 'Alice Martin');
    assert.equal(alice.email, 'alice@example.org');
    assert.equal(alice.mustChangePassword, false);
    assert.deepEqual(alice.roles, ['requester']);
    assert.deepEqual(
      alice.groups.map((g) => g.name),
      ['East requesters'],
    );
    assert.equal(alice.tenant.name, 'East');
    assert.ok(myPermissions.includes('catalog:read') && !myPermissions.includes('users:read'));
    ids.alice = alice.id;
    // The same kind of token as a password sign-in gives: a session, which logout ends.
    const [row] = await app.sql<{ kind: string; expires_at: Date | null }>('SELECT "kind", "expires_at" FROM "api_tokens" WHERE "user_id" = $1', [alice.id]);
    assert.equal(row.kind, 'session');
    assert.ok(row.expires_at);
    // The pending sign-in is gone: its cookie is cleared, and Redis holds nothing of it.
    assert.deepEqual(await app.redis.keys('sso:pending:*'), []);
    assert.ok(browser);
    // The sign-in is in the audit trail, as SSO.
    const [audit] = await app.sql<{ actor_name: string; outcome: string; details: { method: string } }>(
      `SELECT "actor_name", "outcome", "details" FROM "audit_events" WHERE "action" = 'login' AND "actor_id" = $1`,
      [alice.id],
    );
    assert.deepEqual({ actor: audit.actor_name, outcome: audit.outcome, method: audit.details.method }, { actor: 'alice', outcome: 'success', method: 'sso' });
    // A password sign-in is no way in for an SSO user.
    const login = await app.gql('mutation { login(username: "alice", password: "alice-at-the-idp") { token } }', {}, null);
    assert.equal(login.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    // Mappings are for users:read only.
    const refused = await app.gql('{ oidcGroupMappings { id } }', {}, token);
    assert.equal(refused.errors?.[0].extensions?.code, 'FORBIDDEN');
  });

  test('a second sign-in finds the same user by subject', async () => {
    const { route, params } = await ssoSignIn(ALICE);
    assert.equal(route, '/sso');
    assert.equal((await me(params.get('token')!)).me.id, ids.alice);
    const [{ n }] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "users" WHERE "username" = 'alice'`);
    assert.equal(n, 1);
  });

  test('mapped memberships follow the claims at each sign-in; memberships an administrator gave are kept', async () => {
    // An administrator adds alice to Auditors (no mapping): that stays.
    const added = await app.gql('mutation($id: ID!, $g: [ID!]) { updateUser(id: $id, input: { groupIds: $g }) { id } }', {
      id: ids.alice,
      g: [ids.requesters, ids.auditors],
    });
    assert.equal(added.errors, undefined, JSON.stringify(added.errors));
    const designers = await app.gql<{ createOidcGroupMapping: { id: string } }>(
      'mutation($g: ID!) { createOidcGroupMapping(claim: "east-designers", groupId: $g) { id } }',
      {
        g: ids.designers,
      },
    );
    assert.equal(designers.errors, undefined, JSON.stringify(designers.errors));
    const duplicate = await app.gql('mutation($g: ID!) { createOidcGroupMapping(claim: "east-designers", groupId: $g) { id } }', { g: ids.designers });
    assert.equal(duplicate.errors?.[0].extensions?.code, 'CONFLICT');
    const list = await app.gql<{ oidcGroupMappings: { claim: string; group: { name: string } }[] }>('{ oidcGroupMappings { claim group { name } } }');
    assert.deepEqual(
      list.data!.oidcGroupMappings.map((m) => `${m.claim} → ${m.group.name}`),
      ['east-designers → East designers', 'east-requesters → East requesters'],
    );

    // At the provider alice moves from requesters to designers.
    await idp.setUsers([{ ...ALICE, groups: ['east-designers'] }, BOB, CAROL]);
    let { params } = await ssoSignIn(ALICE);
    let alice = (await me(params.get('token')!)).me;
    assert.deepEqual(alice.groups.map((g) => g.name).sort(), ['Auditors', 'East designers']);
    assert.deepEqual(alice.roles.sort(), ['auditor', 'designer']);

    // The designers mapping is deleted: at her next sign-in alice stays in the group (it is no longer mapped)...
    const deleted = await app.gql('mutation($id: ID!) { deleteOidcGroupMapping(id: $id) }', { id: designers.data!.createOidcGroupMapping.id });
    assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
    // ...and with both groups in her claims again, she is back in the requesters.
    await idp.setUsers([{ ...ALICE, groups: ['east-requesters', 'east-designers'] }, BOB, CAROL]);
    ({ params } = await ssoSignIn(ALICE));
    alice = (await me(params.get('token')!)).me;
    assert.deepEqual(alice.groups.map((g) => g.name).sort(), ['Auditors', 'East designers', 'East requesters']);
    await idp.setUsers([ALICE, BOB, CAROL]);
  });

  test('a changed state, a replayed callback and a cancelled sign-in end on the login page with a reason', async () => {
    const tampered = await ssoSignIn(ALICE, { tamper: (callback) => callback.searchParams.set('state', 'forged-state') });
    assert.deepEqual({ route: tampered.route, error: tampered.params.get('ssoError') }, { route: '/login', error: 'STATE_INVALID' });

    const good = await ssoSignIn(ALICE);
    assert.equal(good.route, '/sso');
    const replay = await good.browser.go(good.callback.href);
    assert.equal(replay.kind, 'ui');
    assert.deepEqual(uiRoute(replay.url).params.get('ssoError'), 'STATE_INVALID');

    // A callback with no sign-in started from this browser (no cookie): refused.
    const stranger = await new CookieBrowser(publicUrl).go(good.callback.href);
    assert.equal(uiRoute((stranger as { url: URL }).url).params.get('ssoError'), 'STATE_INVALID');

    const cancelled = await ssoSignIn(ALICE, { cancel: true });
    assert.deepEqual({ route: cancelled.route, error: cancelled.params.get('ssoError') }, { route: '/login', error: 'PROVIDER_ERROR' });

    const failures = await app.sql<{ error_code: string }>(
      `SELECT "error_code" FROM "audit_events" WHERE "action" = 'login.failed' AND "details"->>'method' = 'sso'`,
    );
    assert.ok(failures.filter((f) => f.error_code === 'STATE_INVALID').length >= 3);
    assert.ok(failures.some((f) => f.error_code === 'PROVIDER_ERROR'));
  });

  test('a local account of the same name is not taken over', async () => {
    const local = await app.gql<{ createUser: { id: string } }>(
      'mutation { createUser(input: { username: "bob", password: "Quiet-harbour-lantern-58" }) { id } }',
    );
    assert.equal(local.errors, undefined, JSON.stringify(local.errors));
    const { route, params } = await ssoSignIn(BOB);
    assert.deepEqual({ route, error: params.get('ssoError') }, { route: '/login', error: 'USERNAME_TAKEN' });
    const [row] = await app.sql<{ oidc_subject: string | null; groups: number }>(
      `SELECT u."oidc_subject", (SELECT count(*)::int FROM "group_members" gm WHERE gm."user_id" = u."id") AS "groups" FROM "users" u WHERE u."username" = 'bob'`,
    );
    assert.deepEqual(row, { oidc_subject: null, groups: 0 });
    assert.deepEqual(await app.sql(`SELECT 1 FROM "api_tokens" WHERE "user_id" = $1`, [local.data!.createUser.id]), []);
  });

  test('no mapped group, or a disabled user: refused', async () => {
    const carol = await ssoSignIn(CAROL);
    assert.deepEqual({ route: carol.route, error: carol.params.get('ssoError') }, { route: '/login', error: 'NO_MAPPING' });
    assert.deepEqual(await app.sql(`SELECT 1 FROM "users" WHERE "username" = 'carol'`), []);

    const disabled = await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }', { id: ids.alice });
    assert.equal(disabled.errors, undefined, JSON.stringify(disabled.errors));
    const alice = await ssoSignIn(ALICE);
    assert.deepEqual({ route: alice.route, error: alice.params.get('ssoError') }, { route: '/login', error: 'USER_DISABLED' });
    await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { disabled: false }) { id } }', { id: ids.alice });
  });

  test('with OIDC_ISSUER unset, SSO is off: no provider, and /auth/oidc/login says so', async () => {
    const offEnv = await newEnv();
    const off = await startTestApp(offEnv);
    try {
      const res = await off.gql<{ ssoProviders: unknown[] }>('{ ssoProviders { name } }', {}, null);
      assert.deepEqual(res.data?.ssoProviders, []);
      const stop = await new CookieBrowser(off.config.publicUrl).go(`${off.url}/auth/oidc/login`);
      assert.equal(stop.kind, 'ui');
      assert.equal(uiRoute(stop.url).params.get('ssoError'), 'SSO_OFF');
    } finally {
      await off.stop();
    }
  });
});
