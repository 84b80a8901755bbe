// Single sign-on through a real browser: the real product (test/support/product.mjs) and a real
// OpenID Connect provider (test/support/oidc-idp.mjs, the `oidc-provider` package, in a process of
// its own, here a confidential client: the portal sends OIDC_CLIENT_SECRET). The administrator maps
// the provider's group "east-requesters" to a portal group with the requester role; the login page
// offers "Sign in with Example SSO"; the user signs in on the provider's page and lands in the
// portal seeing what a requester may use. A user whose groups map to nothing is told so on the
// login page.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/sso.test.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from '../../scripts/lib/services.mjs';
import { stopChild } from '../../scripts/lib/process.mjs';
import { signInApi } from '../support/api.mjs';
import { Browsers, consoleErrors, screenshot, signIn } from '../support/browser.mjs';
import { ROOT, startProduct } from '../support/product.mjs';

const CLIENT_ID = 'superfluid-e2e';
const CLIENT_SECRET = 'e2e-client-secret-of-the-portal';
const USERS = [
  { sub: 'sub-erin', username: 'erin', password: 'erin-at-the-idp', name: 'Erin East', email: 'erin@example.org', groups: ['east-requesters'] },
  { sub: 'sub-nora', username: 'nora', password: 'nora-at-the-idp', name: 'Nora Nobody', groups: ['unmapped'] },
];

/** Starts the test identity provider; resolves with { issuer, stop() }. */
async function startIdp(port, redirectUri) {
  const dir = await mkdtemp(path.join(tmpdir(), 'oidc-idp-'));
  const usersFile = path.join(dir, 'users.json');
  await writeFile(usersFile, JSON.stringify(USERS));
  const child = spawn(process.execPath, [path.join(ROOT, 'test/support/oidc-idp.mjs')], {
    env: {
      PATH: process.env.PATH,
      IDP_PORT: String(port),
      IDP_REDIRECT_URI: redirectUri,
      IDP_CLIENT_ID: CLIENT_ID,
      IDP_CLIENT_SECRET: CLIENT_SECRET,
      IDP_USERS_FILE: usersFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the identity provider did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('listening ')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the identity provider exited (${code}):\n${output}`)));
  });
  return {
    issuer: `http://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child, { signal: 'SIGTERM', timeoutMs: 5_000 });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('single sign-on in the web UI', () => {
  let product;
  let idp;
  let api;
  const browsers = new Browsers();

  before(async () => {
    const [port, idpPort] = [await freePort(), await freePort()];
    const publicUrl = `http://127.0.0.1:${port}`;
    idp = await startIdp(idpPort, `${publicUrl}/auth/oidc/callback`);
    product = await startProduct({
      env: {
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_DISPLAY_NAME: 'Example SSO',
      },
    });
    api = await signInApi(product);
    const { createGroup } = await api('mutation { createGroup(input: { name: "SSO requesters", roles: ["requester"] }) { id } }');
    await api('mutation($g: ID!) { createOidcGroupMapping(claim: "east-requesters", groupId: $g) { id } }', { g: createGroup.id });
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await idp?.stop();
  });

  test('the administrator sees the mapping on the SSO group mappings screen', async () => {
    const admin = await browsers.newPage();
    await signIn(admin, product, { menu: 'SSO group mappings' });
    await admin.getByRole('menuitem', { name: 'SSO group mappings' }).click();
    const row = admin.locator('tbody tr', { hasText: 'east-requesters' });
    await row.waitFor();
    assert.match(await row.innerText(), /SSO requesters/);
    await screenshot(admin, 'sso-01-mappings');
  });

  test('a user signs in on the provider and lands in the portal with the menu of a requester', async () => {
    const page = await browsers.newPage();
    await page.goto(product.url);
    const button = page.getByRole('link', { name: 'Sign in with Example SSO' });
    await button.waitFor();
    await screenshot(page, 'sso-02-login');
    await button.click();
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    await page.locator('input[name="username"]').fill('erin');
    await page.locator('input[name="password"]').fill('erin-at-the-idp');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('menuitem', { name: 'Catalog' }).waitFor();
    assert.ok(!page.url().includes('token'), `the token stays out of the address: ${page.url()}`);
    assert.ok(await page.evaluate(() => Object.values(localStorage).some((v) => v.length > 20)), 'the session token is stored');
    for (const hidden of ['Users', 'Groups', 'SSO group mappings', 'Providers']) {
      assert.equal(await page.getByRole('menuitem', { name: hidden }).count(), 0, `${hidden} is not in a requester's menu`);
    }
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByText('Erin East').first().waitFor();
    await screenshot(page, 'sso-03-signed-in');
    assert.deepEqual(consoleErrors(page), []);

    const { users } = await api('{ users { username roles mustChangePassword } }');
    assert.deepEqual(
      users.find((u) => u.username === 'erin'),
      { username: 'erin', roles: ['requester'], mustChangePassword: false },
    );
  });

  test('a user whose groups map to nothing is told so on the login page', async () => {
    const page = await browsers.newPage();
    await page.goto(product.url);
    await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
    await page.locator('input[name="username"]').fill('nora');
    await page.locator('input[name="password"]').fill('nora-at-the-idp');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'give no access to this portal' }).waitFor();
    await screenshot(page, 'sso-04-refused');
    // The password form is still there: local accounts keep working.
    await page.locator('input[name="username"]').waitFor();
  });
});
