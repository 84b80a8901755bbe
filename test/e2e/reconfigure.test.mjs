// End to end through a real browser: a Demo bundle service reconfigured from its page — the form
// shows the values the service has, only the reconfigurable field can change, and the
// reconfiguration request runs the reconfigure playbooks, after which the service's outputs show
// the new size. The real product is started by test/support/product.mjs and driven by headless
// Chromium via playwright-core, as in the other browser tests.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/reconfigure.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

// Waiting limits only (never asserted on).
const RUN_TIMEOUT = 180_000;

let product;
let api;
const browsers = new Browsers();

describe('reconfiguring a service in the web UI', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('the Demo bundle is resized from its service page: only the size can change, and the outputs follow', async () => {
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const { providers } = await api('{ providers { id name } }');
    const ordered = await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: {
        templateId: serviceTemplates.find((t) => t.name === 'Demo bundle').id,
        dialogValues: { provider: providers.find((p) => p.name === 'local').id, deployment: 'resize-me' },
      },
    });
    const { request: made } = await waitForRequestEnd(api, ordered.orderService.id, { fields: 'service { id name outputs }', timeoutMs: RUN_TIMEOUT });
    assert.equal(made.status, 'finished', made.message);
    const service = made.service;
    assert.equal(service.outputs.items['app-a'].app_size, 'small');

    const page = await browsers.newPage();
    await signIn(page, product, { menu: 'Services' });
    await page.getByRole('menuitem', { name: 'Services' }).click();
    await page.getByRole('row').filter({ hasText: service.name }).filter({ hasText: 'active' }).first().click();
    await page.getByTestId('service-show').waitFor();

    // The form starts from the service's values; what may not change is read-only.
    await page.getByTestId('reconfigure-service').click();
    await page.waitForURL(/\/services\/[^/]+\/reconfigure$/);
    const deployment = page.getByLabel('Deployment name');
    await deployment.waitFor();
    assert.equal(await deployment.inputValue(), 'resize-me');
    assert.equal(await deployment.getAttribute('readonly'), '', 'the deployment name cannot be changed');
    assert.equal(await page.getByRole('radio', { name: 'Small' }).isChecked(), true);
    await page.getByRole('radio', { name: 'Large' }).check();
    await page.getByRole('button', { name: 'Reconfigure' }).click();

    // The reconfiguration request: it says what it reconfigures, and follows the reconfigure machine.
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    const target = page.getByTestId('machine-action');
    await target.waitFor();
    assert.equal(await target.getAttribute('data-action'), 'reconfigure');
    assert.match(await target.getByTestId('machine-target').getAttribute('href'), new RegExp(`/services/${service.id}/show$`));
    await page.locator('[data-testid="request-status"][data-status="finished"]').waitFor({ timeout: RUN_TIMEOUT });
    const states = await page.locator('[data-testid="state-step"]').evaluateAll((steps) => steps.map((s) => [s.dataset.state, s.dataset.stepStatus]));
    assert.deepEqual(states, [
      ['refresh', 'done'],
      ['validate', 'done'],
      ['reconfigure', 'done'],
      ['wait', 'done'],
      ['collect', 'done'],
      ['finish', 'done'],
    ]);

    // The service shows the new size; its URL stayed.
    await target.getByTestId('machine-target').click();
    const outputs = page.getByTestId('service-outputs');
    await outputs.getByText('large', { exact: false }).first().waitFor();
    const { service: now } = await api('query($id: ID!) { service(id: $id) { outputs configuration { values } } }', { id: service.id });
    assert.equal(now.outputs.items['app-a'].app_size, 'large');
    assert.equal(now.outputs.items['app-a'].app_url, service.outputs.items['app-a'].app_url);
    assert.equal(now.configuration.values.size, 'large');
  });
});
