// End to end through a real browser: the job options an item lets an order set are on its order
// form ("Advanced"), and "Order again" on an ended request opens the form filled with its values.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/order-again.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, idFromUrl, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { openOrderForm } from '../support/screens.mjs';

let product;
let api;
const browsers = new Browsers();

describe('job options on the order form, and Order again', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('"Run a playbook" in check mode from Advanced; Order again starts from its values', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openOrderForm(page, 'Run a playbook');
    await choose(page, 'Playbook', 'hello.yml');
    await page.getByTestId('job-options').getByText('Advanced').click();
    await page.getByLabel('Check mode (--check): report what would change, change nothing').check();
    await page.getByLabel('Tags (--tags)').fill('greet, always');
    await screenshot(page, 'order-advanced');
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    const first = idFromUrl(page);
    const { request } = await waitForRequestEnd(api, first);
    assert.equal(request.status, 'finished', request.message ?? '');
    const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { dialogValues jobs { command } } }', { id: first });
    const command = serviceRequest.jobs[0].command.join(' ');
    assert.match(command, /--check/);
    assert.match(command, /--tags greet,always|--tags=greet,always/);

    // Order again: the same item's form, with this request's playbook chosen; Advanced starts empty.
    await page.getByTestId('order-again').click();
    await page.waitForURL(/\/catalog\/[^/]+\/order\?from=/);
    await page.getByRole('button', { name: 'Order', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Playbook' }).filter({ hasText: 'hello.yml' }).waitFor();
    await screenshot(page, 'order-again');
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL((url) => /\/serviceRequests\/[^/]+\/show$/.test(url.href) && !url.href.includes(first));
    const second = idFromUrl(page);
    const again = await waitForRequestEnd(api, second);
    assert.equal(again.request.status, 'finished', again.request.message ?? '');
    const { serviceRequest: ordered } = await api('query($id: ID!) { serviceRequest(id: $id) { dialogValues jobs { command } } }', { id: second });
    assert.equal(ordered.dialogValues.playbook, 'hello.yml');
    assert.doesNotMatch(ordered.jobs[0].command.join(' '), /--check/, 'the options are not carried over: the form starts without them');
  });
});
