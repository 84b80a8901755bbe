// Approvals through a real browser: the real product (test/support/product.mjs) driven by headless
// Chromium. The administrator (through the API) makes an approver "alex", a requester "rita" and
// an item "Approved hello" whose orders need one approver. Rita orders it: the form says it waits
// for an approver, her request shows "pending approval" and who may decide. Alex sees it in his
// inbox (the menu's badge counts it), approves it with a reason; rita's page follows it to the end.
// Her second order alex denies from its page, with a reason: it ends denied and no job ever ran.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/approvals.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, idFromUrl, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { openOrderForm } from '../support/screens.mjs';

const FIRST_PASSWORD = 'Temporary-first-42';
const PASSWORD = 'Approvals-own-pass-42';
const ITEM = 'Approved hello';

describe('approvals in the web UI', () => {
  let product;
  let api;
  const browsers = new Browsers();

  /** A user in a new group with `role`, who has chosen their own password already. */
  async function person(username, role) {
    const { createGroup } = await api('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name: `${username}'s group`, roles: [role] } });
    await api('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username, password: FIRST_PASSWORD, groupIds: [createGroup.id] },
    });
    const first = await signInApi(product, username, FIRST_PASSWORD);
    await first('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', { c: FIRST_PASSWORD, n: PASSWORD });
    return signInApi(product, username, PASSWORD);
  }

  /** Orders the item as rita from the catalog; resolves with the request's id once its page shows. */
  async function order(page) {
    await openOrderForm(page, ITEM);
    await page.getByTestId('approval-note').waitFor();
    await choose(page, 'Playbook', 'hello.yml');
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    return idFromUrl(page);
  }

  const status = (page, value) => page.locator(`[data-testid="request-status"][data-status="${value}"]`).waitFor({ timeout: UI_TIMEOUT });

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
    await person('alex', 'approver');
    await person('rita', 'requester');
    await api('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
      i: {
        definition: {
          name: ITEM,
          description: 'Says hello once an approver agrees',
          catalog: 'Approvals',
          type: 'ansible_playbook',
          dialog: 'run-playbook',
          published: true,
          approval: { mode: 'manual', approvals: 1, timeoutHours: 48 },
          provision: { repo: 'playbooks', playbook: { field: 'playbook' }, provider: { field: 'provider' }, extraVarsField: 'extra_vars' },
        },
      },
    });
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('a requester’s order waits in the approver’s inbox, is approved and runs; another is denied and never runs', async () => {
    const rita = await browsers.newPage();
    await signIn(rita, product, { username: 'rita', password: PASSWORD });
    assert.equal(await rita.getByRole('menuitem', { name: 'Approvals' }).count(), 0, 'a requester has no inbox');
    await openOrderForm(rita, ITEM);
    await rita.getByTestId('approval-note').waitFor();
    assert.match(
      await rita.getByTestId('approval-note').innerText(),
      /waits for an approver of your tenant before it runs; undecided after 2 days, it is denied/,
    );
    await screenshot(rita, 'approvals-01-order-form');
    const first = await order(rita);
    await status(rita, 'pending_approval');
    const panel = rita.getByTestId('request-approval');
    await panel.waitFor();
    assert.deepEqual((await panel.getByTestId('approval-approvers').innerText()).split('\n').sort(), ['admin', 'alex']);
    assert.equal(await panel.getByRole('button', { name: /^Approve/ }).count(), 0, 'the requester does not decide');
    await screenshot(rita, 'approvals-02-pending');

    // Alex: the badge counts the request; the inbox lists it; he approves it with a reason.
    const alex = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(alex, product, { username: 'alex', password: PASSWORD, menu: 'Approvals' });
    await alex.locator('[data-testid="approvals-badge"][data-count="1"]').waitFor({ timeout: UI_TIMEOUT });
    await alex.getByRole('menuitem', { name: 'Approvals' }).click();
    const row = alex.locator('tbody tr', { hasText: 'rita' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(ITEM));
    assert.match(await row.innerText(), /The item needs an approver\./);
    await screenshot(alex, 'approvals-03-inbox');
    await row.getByRole('button', { name: `Approve ${ITEM} for rita` }).click();
    const dialog = alex.getByRole('dialog');
    await dialog.getByLabel('Reason (optional)').fill('Go ahead');
    await screenshot(alex, 'approvals-04-approve-dialog');
    await dialog.getByRole('button', { name: 'Approve request' }).click();
    await alex.getByText(`Approved ${ITEM} for rita`).waitFor();
    await alex.getByTestId('approvals-empty').waitFor();
    await alex.locator('[data-testid="approvals-badge"][data-count="0"]').waitFor({ timeout: UI_TIMEOUT });

    // Rita's page follows her request to its end, with alex's decision.
    await status(rita, 'finished');
    assert.match(await panel.getByTestId('approval-decisions').innerText(), /approved\s*alex: Go ahead/);
    await screenshot(rita, 'approvals-05-finished');

    // Her second order: alex opens it from his inbox and denies it there, saying why.
    const second = await order(rita);
    await status(rita, 'pending_approval');
    await alex.locator('[data-testid="approvals-badge"][data-count="1"]').waitFor({ timeout: UI_TIMEOUT });
    await alex.locator('tbody tr', { hasText: 'rita' }).locator('td').first().click();
    await alex.waitForURL(new RegExp(`/serviceRequests/${second}/show$`));
    await alex.getByTestId('request-approval').getByRole('button', { name: /^Deny/ }).click();
    const deny = alex.getByRole('dialog');
    await deny.getByRole('button', { name: 'Deny request' }).click();
    await deny.getByText('Required to deny').waitFor();
    await deny.getByLabel('Reason').fill('One greeting a day is enough');
    await screenshot(alex, 'approvals-06-deny-dialog');
    await deny.getByRole('button', { name: 'Deny request' }).click();
    await status(alex, 'denied');

    await status(rita, 'denied');
    assert.equal(await rita.getByTestId('request-message').innerText(), 'Denied by alex: One greeting a day is enough');
    await rita.getByTestId('no-jobs').filter({ hasText: 'No job ran for this request.' }).waitFor();
    await screenshot(rita, 'approvals-07-denied');

    const { serviceRequest: approved } = await api('query($id: ID!) { serviceRequest(id: $id) { status jobs { status } } }', { id: first });
    assert.deepEqual(approved, { status: 'finished', jobs: [{ status: 'successful' }] });
    const { serviceRequest: denied } = await api('query($id: ID!) { serviceRequest(id: $id) { status jobs { id } items { status } } }', { id: second });
    assert.deepEqual(denied, { status: 'denied', jobs: [], items: [{ status: 'canceled' }] });

    // The item's policy, as the administrator's editor shows it.
    const admin = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(admin, product, { menu: 'Templates' });
    await admin.getByRole('menuitem', { name: 'Templates' }).click();
    await admin.locator('tbody tr', { hasText: ITEM }).first().click();
    await admin.getByTestId('approval-fields').waitFor();
    assert.equal(await admin.getByTestId('approval-mode').inputValue(), 'manual');
    assert.equal(await admin.getByLabel('Approvers needed').inputValue(), '1');
    assert.equal(await admin.getByLabel('Denied after (hours)').inputValue(), '48');
    await screenshot(admin, 'approvals-08-editor');

    for (const page of [rita, alex, admin]) {
      assert.deepEqual(
        consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
        [],
        'no errors in the console',
      );
    }
  });
});
