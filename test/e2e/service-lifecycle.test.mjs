// Heal, migrate, measure and delete a service through a real browser: the real product
// (test/support/product.mjs) driven by headless Chromium. "Run a playbook" (hello.yml) ordered on
// the `local` provider gets a performance job (an HTTP probe of a real server of this test) with a
// threshold: the server stopped, the threshold is crossed and an alarm names the service; a second
// job takes the load measure/load.yml returns with set_stats (a measure request on its host); it is
// healed (its playbook runs again where it is), migrated to a second local
// provider (run again there; the service's provider becomes that one), retired, then its record is
// deleted: it leaves the services list, its requests stay. (The 5G slice healed after a component
// was killed by hand, and migrated from one SSH site to another, is in
// backend/src/requests/slice.int-spec.ts.)
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/service-lifecycle.test.mjs
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, idFromUrl, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

describe('heal, migrate and delete a service in the web UI', () => {
  let product;
  let api;
  let serviceId;
  let orderId;
  let second;
  let target;
  const browsers = new Browsers();

  before(async () => {
    target = createServer((_req, res) => res.end('ok'));
    await new Promise((resolve) => target.listen(0, '127.0.0.1', resolve));
    product = await startProduct({ env: { PROBE_ALLOW_LOOPBACK: 'true' } });
    api = await signInApi(product);
    const { serviceTemplates } = await api('{ serviceTemplates(search: "Run a playbook") { id name } }');
    const { providers } = await api('{ providers { id name } }');
    ({ createProvider: second } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id name } }', {
      i: { name: 'local_two', type: 'local', config: {} },
    }));
    const { orderService } = await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: {
        templateId: serviceTemplates.find((t) => t.name === 'Run a playbook').id,
        dialogValues: { playbook: 'hello.yml', provider: providers.find((p) => p.name === 'local').id },
      },
    });
    orderId = orderService.id;
    const { request } = await waitForRequestEnd(api, orderId, { fields: 'service { id }' });
    assert.equal(request.status, 'finished', request.message ?? '');
    serviceId = request.service.id;
  });

  after(async () => {
    if (target.listening) target.close();
    await browsers.close();
    await product?.stop();
  });

  const openService = async (page) => {
    await page.goto(`${product.url}/#/services/${encodeURIComponent(serviceId)}/show`);
    await page.getByTestId('service-show').waitFor({ timeout: UI_TIMEOUT });
  };
  /** Confirms in the open dialog, waits for the request page it opens, and for the request to finish. */
  const requestOpened = async (page, action) => {
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    const { request } = await waitForRequestEnd(api, idFromUrl(page), { fields: 'action' });
    assert.equal(request.action, action);
    assert.equal(request.status, 'finished', request.message ?? '');
    return request;
  };

  test('a performance job with a threshold: its target stopped, the threshold is crossed and an alarm names the service', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openService(page);
    const panel = page.getByTestId('performance-panel');
    await panel.getByLabel(/^Name\b/).fill('Front page');
    await panel.getByLabel('URL to probe').fill(`http://127.0.0.1:${target.address().port}/`);
    await panel.getByLabel('Every (seconds)').fill('5');
    await panel.getByTestId('performance-job-save').click();
    const job = panel.locator('[data-testid="performance-job"][data-name="Front page"]');
    await job.locator('[data-testid="performance-latest"][data-value="1"]').waitFor({ timeout: 60_000 });
    await job.getByTestId('threshold-save').click(); // the form's default: < 1, a major alarm
    await job.getByTestId('performance-threshold').waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'service-lifecycle-00-performance');
    target.close();
    await job.locator('[data-testid="performance-threshold"][data-crossed="true"]').waitFor({ timeout: 60_000 });
    const { alarms } = await api('{ alarms(filter: { kinds: [threshold_crossed] }) { objectType objectId severity } }');
    assert.deepEqual(alarms, [{ objectType: 'service', objectId: serviceId, severity: 'major' }]);
    await job.getByRole('button', { name: 'Delete Front page' }).click();
    await job.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  test("a playbook's set_stats as a performance job: measure/load.yml runs on the service's host and its load is the sample; the service is not changed", async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openService(page);
    const { service: before_ } = await api('query($id: ID!) { service(id: $id) { outputs } }', { id: serviceId });
    const panel = page.getByTestId('performance-panel');
    await panel.getByLabel(/^Name\b/).fill('Load');
    await choose(panel, 'Metric', 'Playbook (set_stats)');
    assert.equal(await panel.getByLabel('Every (seconds)').inputValue(), '60', 'a minute at least between two runs');
    await panel.getByLabel(/^Playbook\b/).fill('measure/nowhere.yml');
    await panel.getByLabel(/^Stat\b/).fill('load');
    await panel.getByTestId('performance-job-save').click();
    await panel.getByText("The playbook is not in the service's repository", { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await panel.getByLabel(/^Playbook\b/).fill('measure/load.yml');
    await panel.getByTestId('performance-job-save').click();
    const job = panel.locator('[data-testid="performance-job"][data-name="Load"]');
    await job.getByText('Playbook (set_stats) of load from measure/load.yml, every 60 s').waitFor({ timeout: UI_TIMEOUT });
    const latest = job.locator('[data-testid="performance-latest"]');
    await latest.waitFor({ timeout: 120_000 });
    const value = await latest.getAttribute('data-value');
    assert.ok(value !== null && value !== '' && Number.isFinite(Number(value)) && Number(value) >= 0, `a load average: ${await latest.textContent()}`);
    await screenshot(page, 'service-lifecycle-00b-performance-playbook');
    const { service: after_ } = await api('query($id: ID!) { service(id: $id) { status outputs measures: requests(actions: [measure]) { action status } } }', {
      id: serviceId,
    });
    assert.equal(after_.status, 'active');
    assert.deepEqual(after_.outputs, before_.outputs);
    assert.ok(
      after_.measures.some((r) => r.status === 'finished'),
      'the measure is a request of the service (listed when asked for)',
    );
    await job.getByRole('button', { name: 'Delete Load' }).click();
    await job.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  test('healed, then migrated to another provider, retired and deleted', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openService(page);

    await page.getByTestId('heal-service').click();
    await page.getByRole('dialog').getByText('deployed again where it is', { exact: false }).waitFor();
    await screenshot(page, 'service-lifecycle-01-heal');
    await page.getByRole('dialog').getByRole('button', { name: 'Heal' }).click();
    await requestOpened(page, 'heal');
    await page.getByTestId('machine-target').getByText('service', { exact: false }).waitFor({ timeout: UI_TIMEOUT });

    await openService(page);
    await page.getByTestId('migrate-service').click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, 'New provider', 'local_two (local)');
    await screenshot(page, 'service-lifecycle-02-migrate');
    await dialog.getByTestId('migrate-confirm').click();
    await requestOpened(page, 'migrate');
    await openService(page);
    await page.getByTestId('service-provider').getByText('local_two').waitFor({ timeout: UI_TIMEOUT });
    const { service } = await api('query($id: ID!) { service(id: $id) { providerIds } }', { id: serviceId });
    assert.deepEqual(service.providerIds, [second.id]);

    await page.getByTestId('retire-service').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retire' }).click();
    await requestOpened(page, 'retire');
    await openService(page);
    await page.locator('[data-testid="service-status"][data-status="retired"]').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('delete-service').click();
    await page.getByRole('dialog').getByText('requests that made, changed and retired it stay', { exact: false }).waitFor();
    await screenshot(page, 'service-lifecycle-03-delete');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/#\/services$/, { timeout: UI_TIMEOUT });

    const gone = await api.raw('query($id: ID!) { service(id: $id) { id } }', { id: serviceId });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { status } }', { id: orderId });
    assert.equal(serviceRequest.status, 'finished', 'the order stays');
    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
      'no errors in the console',
    );
  });
});
