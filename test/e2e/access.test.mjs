// Users, groups and roles through a real browser: the real product (test/support/product.mjs)
// driven by headless Chromium, as in browser.test.mjs. The administrator makes a group with the
// requester role and a user in it; that user signs in, is kept on the change-password page until
// they chose their own password, then sees only what a requester may use, orders "Run a playbook"
// and finds their request, and only theirs, in the requests list.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/access.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi } from '../support/api.mjs';
import { Browsers, consoleErrors, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { orderPlaybook } from '../support/screens.mjs';

// Not "Alice-first-pass-42": a password may not hold the user name, whatever its case.
const FIRST_PASSWORD = 'Wonderland-first-42';
const OWN_PASSWORD = 'Wonderland-second-42';

describe('users, groups and roles in the web UI', () => {
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

  test('a requester made by the administrator changes their password, sees only the catalog and their own requests', async () => {
    // The administrator's own request, which the requester must not see.
    const { serviceTemplates } = await api('{ serviceTemplates { id name dialog } }');
    const template = serviceTemplates.find((t) => t.name === 'Run a playbook');
    const provider = template.dialog.tabs[0].boxes[0].fields.find((f) => f.name === 'provider').default;
    const { orderService: adminRequest } = await api('mutation($input: OrderServiceInput!) { orderService(input: $input) { id } }', {
      input: { templateId: template.id, dialogValues: { playbook: 'hello.yml', provider } },
    });

    // The administrator: a group with the requester role.
    const admin = await browsers.newPage();
    await signIn(admin, product, { menu: 'Groups' });
    await admin.getByRole('menuitem', { name: 'Groups' }).click();
    await admin.getByRole('link', { name: 'New group' }).click();
    await admin.locator('input[name="name"]').fill('Requesters');
    await admin.getByRole('checkbox', { name: /^requester/ }).check();
    await screenshot(admin, 'access-01-group');
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.waitForURL(/\/groups$/);
    const groupRow = admin.locator('tbody tr', { hasText: 'Requesters' });
    await groupRow.waitFor();
    assert.deepEqual(await groupRow.getByTestId('group-role').allInnerTexts(), ['requester']);

    // A user in it. A password the server refuses: its reason shows under the field.
    await admin.getByRole('menuitem', { name: 'Users' }).click();
    await admin.getByRole('link', { name: 'New user' }).click();
    await admin.locator('input[name="username"]').fill('alice');
    await admin.locator('input[name="password"]').fill('alice-alice-alice');
    await admin.locator('input[name="displayName"]').fill('Alice Liddell');
    await admin.getByRole('combobox', { name: 'Groups' }).click();
    await admin.getByRole('option', { name: 'Requesters', exact: true }).click();
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.locator('.ra-input-password .Mui-error').last().waitFor();
    assert.equal((await api('{ users { username } }')).users.filter((u) => u.username === 'alice').length, 0, 'nothing stored');
    await admin.locator('input[name="password"]').fill(FIRST_PASSWORD);
    await screenshot(admin, 'access-02-user');
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.waitForURL(/\/users$/);
    const userRow = admin.locator('tbody tr', { hasText: 'alice' });
    await userRow.waitFor();
    assert.deepEqual(await userRow.getByTestId('user-role').allInnerTexts(), ['requester']);
    assert.deepEqual(await userRow.getByTestId('user-group').allInnerTexts(), ['Requesters']);
    await screenshot(admin, 'access-03-users');

    // The user menu names the administrator and their roles; sign out from it.
    await admin.getByRole('button', { name: 'Profile' }).click();
    const identity = admin.getByTestId('user-menu-identity');
    await identity.waitFor();
    assert.ok((await identity.getByTestId('user-menu-role').allInnerTexts()).includes('administrator'));
    await admin.getByRole('menuitem', { name: 'Logout' }).click();
    await admin.locator('input[name="username"]').waitFor();

    // Alice signs in and is kept on the change-password page until she chose her own.
    const alice = await browsers.newPage();
    await alice.goto(product.url);
    await alice.locator('input[name="username"]').fill('alice');
    await alice.locator('input[name="password"]').fill(FIRST_PASSWORD);
    await alice.getByRole('button', { name: 'Sign in' }).click();
    await alice.getByTestId('must-change-password').waitFor();
    assert.match(alice.url(), /#\/change-password$/);
    await alice.goto(`${product.url}/#/serviceRequests`);
    await alice.getByTestId('must-change-password').waitFor();
    assert.match(alice.url(), /#\/change-password$/, 'another page leads back to the change-password page');
    await alice.locator('input[name="currentPassword"]').fill(FIRST_PASSWORD);
    await alice.locator('input[name="newPassword"]').fill(OWN_PASSWORD);
    await alice.locator('input[name="confirmPassword"]').fill(OWN_PASSWORD);
    await screenshot(alice, 'access-04-change-password');
    await alice.getByRole('button', { name: 'Change password' }).click();

    // Then the menu shows what a requester may use, and nothing else.
    await alice.getByRole('menuitem', { name: 'Catalog' }).waitFor();
    for (const name of ['Requests', 'Services', 'API tokens']) await alice.getByRole('menuitem', { name }).waitFor();
    for (const name of ['Providers', 'Git repos', 'Users', 'Groups', 'Credentials', 'Inventories', 'Templates', 'Dialogs']) {
      assert.equal(await alice.getByRole('menuitem', { name, exact: true }).count(), 0, `${name} is not in a requester's menu`);
    }
    await screenshot(alice, 'access-05-requester-menu');

    // She orders "Run a playbook" and finds her request in her list, without the administrator's.
    const requestId = await orderPlaybook(alice, 'hello.yml');
    await alice.getByRole('menuitem', { name: 'Requests' }).click();
    await alice.locator(`tbody tr [data-id="${requestId}"]`).waitFor();
    const shown = await alice.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-id]')?.getAttribute('data-id')));
    assert.deepEqual(shown, [requestId], 'her list holds her request only');
    await screenshot(alice, 'access-06-requests');

    const aliceApi = await signInApi(product, 'alice', OWN_PASSWORD);
    const theirs = (await aliceApi('{ serviceRequests(take: 500) { id } }')).serviceRequests.map((r) => r.id);
    assert.deepEqual(theirs, [requestId]);
    assert.ok(!theirs.includes(adminRequest.id), "the administrator's request is not hers to see");
    const everything = (await api('{ serviceRequests(take: 500) { id } }')).serviceRequests.map((r) => r.id);
    assert.ok(everything.includes(adminRequest.id) && everything.includes(requestId), 'the administrator sees both');

    assert.deepEqual(
      consoleErrors(alice).filter((e) => !/Failed to load resource/.test(e)),
      [],
      'no errors in the console of the requester',
    );
  });
});
