// Quotas through a real browser: the real product (test/support/product.mjs) driven by headless
// Chromium. The administrator limits the root tenant to one service on its page; a requester's
// first order goes through, her second is refused with the quota's words, and "My quotas" shows
// her the bar full. The tenant's page shows the same use.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/quotas.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { openOrderForm, orderPlaybook } from '../support/screens.mjs';

const FIRST_PASSWORD = 'Temporary-first-42';
const PASSWORD = 'Quotas-own-pass-42';

describe('quotas in the web UI', () => {
  let product;
  let api;
  const browsers = new Browsers();

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
    const { createGroup } = await api('mutation { createGroup(input: { name: "requesters", roles: ["requester"] }) { id } }');
    await api('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'quinn', password: FIRST_PASSWORD, groupIds: [createGroup.id] },
    });
    const first = await signInApi(product, 'quinn', FIRST_PASSWORD);
    await first('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', { c: FIRST_PASSWORD, n: PASSWORD });
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('the administrator limits a tenant to one service; a second order is refused naming the quota; both see the bar full', async () => {
    const admin = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(admin, product, { menu: 'Tenants' });
    await admin.getByRole('menuitem', { name: 'Tenants' }).click();
    await admin.locator('tbody tr', { hasText: 'Root' }).first().getByRole('link', { name: 'Edit' }).click();
    const card = admin.getByTestId('tenant-quotas');
    await card.getByTestId('quotas-empty').waitFor();
    await card.getByLabel('Dimension').fill('services');
    await card.getByLabel('Limit').fill('1');
    await card.getByRole('button', { name: 'Set limit' }).click();
    await card.locator('[data-testid="quota-bar"][data-dimension="services"][data-used="0"][data-limit="1"]').waitFor();
    await screenshot(admin, 'quotas-01-tenant');

    const quinn = await browsers.newPage();
    await signIn(quinn, product, { username: 'quinn', password: PASSWORD });
    const id = await orderPlaybook(quinn, 'hello.yml');
    await openOrderForm(quinn, 'Run a playbook');
    await choose(quinn, 'Playbook', 'hello.yml');
    await quinn.getByRole('button', { name: 'Order', exact: true }).click();
    await quinn.getByText('Quota exceeded: services of tenant Root — limit 1, in use 1, this order asks 1.').waitFor({ timeout: UI_TIMEOUT });
    assert.match(quinn.url(), /\/catalog\/[^/]+\/order$/, 'the form stays open, its values kept');
    await screenshot(quinn, 'quotas-02-refused');

    await quinn.getByRole('button', { name: 'Profile' }).click();
    await quinn.getByRole('menuitem', { name: 'My quotas' }).click();
    const bar = quinn.getByTestId('my-quotas').getByTestId('quota-bar');
    await bar.waitFor();
    assert.deepEqual(
      [await bar.getAttribute('data-dimension'), await bar.getAttribute('data-used'), await bar.getAttribute('data-limit')],
      ['services', '1', '1'],
    );
    assert.match(await bar.innerText(), /services · tenant Root\s+1 of 1/);
    await screenshot(quinn, 'quotas-03-mine');

    // The order goes through to its end; the tenant's page counts its service.
    const { request } = await waitForRequestEnd(api, id);
    assert.equal(request.status, 'finished', request.message ?? '');
    await admin.reload();
    await admin.getByTestId('tenant-quotas').locator('[data-testid="quota-bar"][data-used="1"][data-limit="1"]').waitFor();
    const { serviceRequests } = await api('{ serviceRequests(take: 100) { id } }');
    assert.deepEqual(
      serviceRequests.map((r) => r.id),
      [id],
      'the refused order left nothing behind',
    );

    for (const page of [admin, quinn]) {
      assert.deepEqual(
        consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
        [],
        'no errors in the console',
      );
    }
  });
});
