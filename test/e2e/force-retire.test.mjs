// Force retire through a real browser: the real product (test/support/product.mjs) driven by
// headless Chromium. A service ordered by the administrator: an operator, who may retire it, is
// not offered "Force retire"; the administrator is, gives the reason the dialog asks for, and the
// service ends retired with a finished retirement request that says who and why. (The refusals
// over the API and the audit trail are in backend/src/lifecycle/force-retire.int-spec.ts.)
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/force-retire.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, consoleErrors, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

const FIRST_PASSWORD = 'Temporary-first-42';
const PASSWORD = 'Force-retire-own-42';
const REASON = 'The lab host was rebuilt: nothing of it is left';

describe('force retire in the web UI', () => {
  let product;
  let api;
  let serviceId;
  const browsers = new Browsers();

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
    const { createGroup } = await api('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name: 'operators', roles: ['operator'] } });
    await api('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'otto', password: FIRST_PASSWORD, groupIds: [createGroup.id] },
    });
    const first = await signInApi(product, 'otto', FIRST_PASSWORD);
    await first('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', { c: FIRST_PASSWORD, n: PASSWORD });

    const { serviceTemplates } = await api('{ serviceTemplates(search: "Run a playbook") { id name } }');
    const { providers } = await api('{ providers { id name } }');
    const { orderService } = await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: {
        templateId: serviceTemplates.find((t) => t.name === 'Run a playbook').id,
        dialogValues: { playbook: 'hello.yml', provider: providers.find((p) => p.name === 'local').id },
      },
    });
    const { request } = await waitForRequestEnd(api, orderService.id, { fields: 'service { id }' });
    assert.equal(request.status, 'finished', request.message ?? '');
    serviceId = request.service.id;
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  const openService = async (page) => {
    await page.goto(`${product.url}/#/services/${encodeURIComponent(serviceId)}/show`);
    await page.getByTestId('service-show').waitFor({ timeout: UI_TIMEOUT });
  };

  test('an operator may retire the service but is not offered Force retire', async () => {
    const page = await browsers.newPage();
    await signIn(page, product, { username: 'otto', password: PASSWORD });
    await openService(page);
    await page.getByTestId('retire-service').waitFor();
    assert.equal(await page.getByTestId('force-retire-service').count(), 0, 'no Force retire for an operator');
  });

  test('the administrator force-retires it with a reason: retired, and its retirement request says who and why', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openService(page);
    await page.getByTestId('force-retire-service').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('No playbook runs and nothing is removed', { exact: false }).waitFor();
    const confirm = dialog.getByTestId('force-retire-confirm');
    assert.equal(await confirm.isDisabled(), true, 'no reason, no force retire');
    await dialog.getByTestId('force-retire-reason').fill('   ');
    assert.equal(await confirm.isDisabled(), true, 'a blank reason is no reason');
    await dialog.getByTestId('force-retire-reason').fill(REASON);
    await screenshot(page, 'force-retire-01-reason');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="service-status"][data-status="retired"]').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.getByTestId('retire-service').count(), 0, 'nothing left to retire');
    assert.equal(await page.getByTestId('force-retire-service').count(), 0);

    // The service's history has the retirement, finished; its page says who and why.
    const row = page
      .locator('[data-testid="service-request"]')
      .filter({ has: page.getByTestId('service-request-action').getByText('Retire', { exact: true }) });
    await row.waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'force-retire-02-retired');
    await row.getByRole('link').click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    const message = page.getByTestId('request-message');
    await message.waitFor({ timeout: UI_TIMEOUT });
    assert.match(await message.innerText(), new RegExp(`^Force-retired by admin: ${REASON}\\. No retirement playbook ran`));
    await screenshot(page, 'force-retire-03-request');

    const { service } = await api('query($id: ID!) { service(id: $id) { status } }', { id: serviceId });
    assert.equal(service.status, 'retired');
    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
      'no errors in the console',
    );
  });
});
