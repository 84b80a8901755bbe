// An order's preview through a real browser: the real product (test/support/product.mjs) driven by
// headless Chromium. On the order form of "Run a playbook", "Preview" runs the playbook in check
// mode with --diff: the request that opens is a preview, finishes saying nothing was changed, and
// makes no service. (The diff of a copy task is checked in backend/src/requests/preview.int-spec.ts.)
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/preview.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, idFromUrl, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { openOrderForm } from '../support/screens.mjs';

describe('order preview in the web UI', () => {
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

  test('Preview on the order form runs the playbook in check mode and makes nothing', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openOrderForm(page, 'Run a playbook');
    await choose(page, 'Playbook', 'hello.yml');
    await page.getByTestId('preview-order').click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    const id = idFromUrl(page);
    await page.locator('[data-testid="request-status"][data-status="finished"]').waitFor({ timeout: UI_TIMEOUT });
    assert.match(await page.getByTestId('request-message').innerText(), /a preview: every item ran in check mode/);
    assert.equal(await page.getByTestId('request-service').count(), 0, 'no service card');
    await screenshot(page, 'preview-01-request');

    const { request } = await waitForRequestEnd(api, id, { fields: 'action service { id } jobs { stdout }' });
    assert.deepEqual([request.action, request.service], ['preview', null]);
    assert.match(request.jobs[0].stdout, /PLAY RECAP/);
    const { services } = await api('{ services { id } }');
    assert.deepEqual(services, [], 'nothing was made');
    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
      'no errors in the console',
    );
  });
});
