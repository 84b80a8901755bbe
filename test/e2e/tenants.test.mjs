// Tenants through a real browser: the real product (test/support/product.mjs) driven by headless
// Chromium, as in access.test.mjs. The administrator makes the tenant "East" on the Tenants page, a
// group of East with the requester role and a user "erin" in East, and shares "Run a playbook", its
// dialog, the built-in repository and the `local` provider with East through their Share dialogs. Erin signs in, changes the password the
// administrator set, sees exactly "Run a playbook" in her catalog, orders it and finds her request.
// Deleting East while it has users is refused, with the server's reason shown.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/tenants.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { orderPlaybook } from '../support/screens.mjs';

const FIRST_PASSWORD = 'Eastward-first-42';
const OWN_PASSWORD = 'Eastward-second-42';

/** Picks `option` in the Share dialog of the page and saves (a screenshot `shot` first); waits until the dialog has closed. */
async function shareWith(page, option, shot) {
  const dialog = page.getByTestId('share-dialog');
  await dialog.waitFor();
  await dialog.getByRole('combobox', { name: 'Tenants' }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await screenshot(page, shot);
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('tenants in the web UI', () => {
  let product;
  let api;
  const browsers = new Browsers();

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('the administrator makes East, a requester of East, and shares an item and a provider with East; she orders it', async () => {
    const admin = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(admin, product, { menu: 'Tenants' });

    // The tenant East, under the root (the administrator's own tenant, the form's default parent).
    await admin.getByRole('menuitem', { name: 'Tenants' }).click();
    await admin.getByRole('link', { name: 'New tenant' }).click();
    await admin.waitForURL(/\/tenants\/create$/);
    await admin.locator('input[name="name"]').fill('East');
    await admin.locator('textarea[name="description"]').fill('The eastern offices');
    assert.equal(await admin.getByRole('combobox', { name: 'Parent' }).innerText(), 'Root');
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.waitForURL(/\/tenants$/);
    const eastRow = admin.locator('tbody tr', { hasText: 'East' });
    await eastRow.waitFor();
    assert.equal(await eastRow.getByTestId('tenant-name').getAttribute('data-depth'), '1', 'East is indented under the root');
    const names = await admin.getByTestId('tenant-name').allInnerTexts();
    assert.deepEqual(names, ['Root', 'East'], 'the tree: the root, then East below it');
    await screenshot(admin, 'tenants-01-list');
    const { tenants } = await api('{ tenants { id name parentId } }');
    const root = tenants.find((t) => t.parentId === null);
    const east = tenants.find((t) => t.name === 'East');
    assert.equal(east.parentId, root.id);

    // A group of East with the requester role.
    await admin.getByRole('menuitem', { name: 'Groups' }).click();
    await admin.getByRole('link', { name: 'New group' }).click();
    await admin.locator('input[name="name"]').fill('East requesters');
    await choose(admin, 'Tenant', 'Root / East');
    await admin.getByRole('checkbox', { name: /^requester/ }).check();
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.waitForURL(/\/groups$/);
    const groupRow = admin.locator('tbody tr', { hasText: 'East requesters' });
    await groupRow.waitFor();
    assert.equal(await groupRow.getByTestId('group-tenant').innerText(), 'East');

    // Erin, in East and in that group.
    await admin.getByRole('menuitem', { name: 'Users' }).click();
    await admin.getByRole('link', { name: 'New user' }).click();
    await admin.locator('input[name="username"]').fill('erin');
    await admin.locator('input[name="password"]').fill(FIRST_PASSWORD);
    await choose(admin, 'Tenant', 'Root / East');
    await admin.getByRole('combobox', { name: 'Groups' }).click();
    await admin.getByRole('option', { name: 'East requesters', exact: true }).click();
    await screenshot(admin, 'tenants-02-user');
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.waitForURL(/\/users$/);
    const userRow = admin.locator('tbody tr', { hasText: 'erin' });
    await userRow.waitFor();
    assert.equal(await userRow.getByTestId('user-tenant').innerText(), 'East');
    assert.deepEqual(await userRow.getByTestId('user-role').allInnerTexts(), ['requester']);

    // "Run a playbook" shared with East from its row of the Templates list.
    await admin.getByRole('menuitem', { name: 'Templates' }).click();
    const itemRow = admin.locator('tbody tr', { hasText: 'Run a playbook' });
    await itemRow.waitFor();
    await itemRow.getByRole('button', { name: 'Share' }).click();
    await shareWith(admin, 'Root / East', 'tenants-03-share-item');
    assert.match(admin.url(), /\/serviceTemplates$/, 'sharing from a row stays on the list');
    await itemRow.getByTestId('shared-with-tenant').filter({ hasText: 'East' }).waitFor();
    await screenshot(admin, 'tenants-04-templates');

    // The local provider shared with East from its page.
    await admin.getByRole('menuitem', { name: 'Providers' }).click();
    await admin.locator('tbody tr', { hasText: 'local' }).first().click();
    await admin.getByTestId('provider-show').waitFor();
    await admin.getByRole('button', { name: 'Share' }).click();
    await shareWith(admin, 'Root / East', 'tenants-05-share-provider');
    await admin.getByTestId('provider-show').getByTestId('shared-with-tenant').filter({ hasText: 'East' }).waitFor();
    await screenshot(admin, 'tenants-06-provider');

    // And the built-in repository, whose playbooks the item runs, from its page: until then East's
    // order form offers no playbook.
    await admin.getByRole('menuitem', { name: 'Git repos' }).click();
    await admin.locator('tbody tr', { hasText: 'built-in' }).first().locator('td').first().click();
    await admin.getByRole('button', { name: 'Share' }).click();
    await shareWith(admin, 'Root / East', 'tenants-06a-share-repo');
    await admin.getByTestId('shared-with-tenant').filter({ hasText: 'East' }).waitFor();
    await screenshot(admin, 'tenants-06b-repo');

    // And the item's dialog, from its page: East's designers may then use it in East's own items.
    await admin.getByRole('menuitem', { name: 'Dialogs' }).click();
    await admin.locator('tbody tr', { hasText: 'run-playbook' }).first().locator('td').first().click();
    await admin.getByTestId('dialog-fields').waitFor();
    await admin.getByRole('button', { name: 'Share' }).click();
    await shareWith(admin, 'Root / East', 'tenants-06c-share-dialog');
    await admin.getByTestId('shared-with-tenant').filter({ hasText: 'East' }).waitFor();
    await screenshot(admin, 'tenants-06d-dialog');

    const { serviceTemplates } = await api('{ serviceTemplates(unpublished: true, take: 500) { name sharedWith } }');
    assert.deepEqual(serviceTemplates.find((t) => t.name === 'Run a playbook').sharedWith, [east.id]);
    const { providers } = await api('{ providers { name sharedWith } }');
    assert.deepEqual(providers.find((p) => p.name === 'local').sharedWith, [east.id]);
    const { gitRepos } = await api('{ gitRepos { builtin sharedWith } }');
    assert.deepEqual(gitRepos.find((r) => r.builtin).sharedWith, [east.id]);
    const { dialogs } = await api('{ dialogs { name sharedWith } }');
    assert.deepEqual(dialogs.find((d) => d.name === 'run-playbook').sharedWith, [east.id]);

    // Deleting East while erin belongs to it: refused after the confirmation, with the server's reason.
    await admin.getByRole('menuitem', { name: 'Tenants' }).click();
    await admin.locator('tbody tr', { hasText: 'East' }).getByRole('button', { name: 'Delete East' }).click();
    await admin.getByRole('button', { name: 'Confirm' }).click();
    const refusal = admin.getByRole('alert').filter({ hasText: 'This tenant still has' });
    await refusal.waitFor();
    await screenshot(admin, 'tenants-07-delete-refused');
    assert.ok(
      (await api('{ tenants { name } }')).tenants.some((t) => t.name === 'East'),
      'East is still there',
    );

    // Erin signs in, changes her password, and finds her tenant in the user menu.
    const erin = await browsers.newPage();
    await erin.goto(product.url);
    await erin.locator('input[name="username"]').fill('erin');
    await erin.locator('input[name="password"]').fill(FIRST_PASSWORD);
    await erin.getByRole('button', { name: 'Sign in' }).click();
    await erin.getByTestId('must-change-password').waitFor();
    await erin.locator('input[name="currentPassword"]').fill(FIRST_PASSWORD);
    await erin.locator('input[name="newPassword"]').fill(OWN_PASSWORD);
    await erin.locator('input[name="confirmPassword"]').fill(OWN_PASSWORD);
    await erin.getByRole('button', { name: 'Change password' }).click();
    await erin.getByRole('menuitem', { name: 'Catalog' }).waitFor();
    await erin.getByRole('button', { name: 'Profile' }).click();
    assert.equal(await erin.getByTestId('user-menu-tenant').innerText(), 'East');
    await erin.keyboard.press('Escape');
    assert.equal(await erin.getByRole('menuitem', { name: 'Tenants' }).count(), 0, "Tenants is not in a requester's menu");

    // Her catalog holds exactly what was shared with East; she orders it and finds her request.
    await erin.getByRole('menuitem', { name: 'Catalog' }).click();
    await erin.getByTestId('catalog-item-Run a playbook').waitFor();
    const shown = await erin.locator('[data-testid^="catalog-item-"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')));
    assert.deepEqual(shown, ['catalog-item-Run a playbook']);
    await screenshot(erin, 'tenants-08-erin-catalog');
    const requestId = await orderPlaybook(erin, 'hello.yml');
    await erin.getByRole('menuitem', { name: 'Requests' }).click();
    await erin.locator(`tbody tr [data-id="${requestId}"]`).waitFor();
    await screenshot(erin, 'tenants-09-erin-requests');

    const erinApi = await signInApi(product, 'erin', OWN_PASSWORD);
    assert.deepEqual(
      (await erinApi('{ serviceRequests(take: 500) { id } }')).serviceRequests.map((r) => r.id),
      [requestId],
    );

    for (const page of [admin, erin]) {
      assert.deepEqual(
        consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
        [],
        'no errors in the console',
      );
    }
  });
});
