// End to end through a real browser: the requests and services lists filtered, sorted and counted
// by the server — a user filters the requests list by status and type, sorts it by creation date,
// reads the real total, and opens a service's page to follow every request that changed it. The
// real product is started by test/support/product.mjs and driven by headless Chromium via
// playwright-core, as in the other browser tests.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/lists.test.mjs
// Set SCREENSHOT_DIR=/some/dir (and SCREENSHOT_WIDTHS=390) to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, idFromUrl, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

let product;
let api;
const browsers = new Browsers();
/** The requests made for the test, by what they are; the bundle's service. */
const made = { hello: [], failed: null, bundle: null, reconfigure: null, retire: null, service: null };

const ended = async (id, status = 'finished') => {
  const { request } = await waitForRequestEnd(api, id);
  assert.equal(request.status, status, request.message ?? '');
};

/** The request ids the list shows, top to bottom, once it shows `count` rows. */
const rowIds = async (page, count) => {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="request-list"] tbody tr [data-id]').length === n, count);
  return page.locator('[data-testid="request-list"] tbody tr [data-id]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-id')));
};

describe('lists people can work with, in the web UI', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const { providers } = await api('{ providers { id name } }');
    const provider = providers.find((p) => p.name === 'local').id;
    const order = async (name, dialogValues) =>
      (
        await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: { templateId: serviceTemplates.find((t) => t.name === name).id, dialogValues: { provider, ...dialogValues } },
        })
      ).orderService.id;
    for (const name of ['first', 'second']) {
      const id = await order('Run a playbook', { playbook: 'hello.yml', extra_vars: `name: ${name}` });
      await ended(id);
      made.hello.push(id);
    }
    made.failed = await order('Run a playbook', { playbook: 'fail.yml' });
    await ended(made.failed, 'failed');
    made.bundle = await order('Demo bundle', { deployment: 'lists' });
    await ended(made.bundle);
    made.service = (await api('query($id: ID!) { serviceRequest(id: $id) { service { id } } }', { id: made.bundle })).serviceRequest.service.id;
    made.reconfigure = (
      await api('mutation($id: ID!) { reconfigureService(id: $id, dialogValues: { size: "large" }) { id } }', { id: made.service })
    ).reconfigureService.id;
    await ended(made.reconfigure);
    made.retire = (await api('mutation($id: ID!) { retireService(id: $id) { id } }', { id: made.service })).retireService.id;
    await ended(made.retire);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('the requests list filters by status and type, sorts by date, and shows the real total', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Requests', exact: true }).click();
    assert.deepEqual(await rowIds(page, 6), [made.retire, made.reconfigure, made.bundle, made.failed, ...made.hello.toReversed()], 'newest first');
    assert.deepEqual(
      await page.getByTestId('request-action').allInnerTexts(),
      ['Retire', 'Reconfigure', 'Provision', 'Provision', 'Provision', 'Provision'],
      'a Type column',
    );
    await screenshot(page, 'lists-01-requests');

    await choose(page, 'Status', 'Failed', { exact: true });
    assert.deepEqual(await rowIds(page, 1), [made.failed]);
    await page.getByText('1-1 of 1').waitFor();

    await choose(page, 'Status', 'Finished', { exact: true });
    await choose(page, 'Type', 'Provision', { exact: true });
    assert.deepEqual(await rowIds(page, 3), [made.bundle, ...made.hello.toReversed()]);
    await page.getByText('1-3 of 3').waitFor();
    assert.match(page.url(), /filter=.*status.*finished/, 'the filter is in the address, as react-admin keeps it');
    await screenshot(page, 'lists-02-requests-filtered');

    // Sorted by the server: oldest first, then newest first again.
    await page.getByRole('button', { name: 'Created' }).click();
    await page.waitForURL(/order=ASC/);
    await page.waitForFunction(
      (first) => document.querySelector('[data-testid="request-list"] tbody tr [data-id]')?.getAttribute('data-id') === first,
      made.hello[0],
    );
    assert.deepEqual(await rowIds(page, 3), [...made.hello, made.bundle]);
    await screenshot(page, 'lists-03-requests-sorted');

    await choose(page, 'Type', 'Retire', { exact: true });
    assert.deepEqual(await rowIds(page, 1), [made.retire]);

    // The other filters come from "Add filter"; one tenant only: no tenant filter.
    await page.getByRole('button', { name: 'Add filter' }).click();
    const offered = await page.getByRole('menuitemcheckbox').allInnerTexts();
    for (const name of ['Catalog item', 'Requester', 'Created from', 'Created to']) assert.ok(offered.includes(name), `${name} in ${offered}`);
    assert.ok(!offered.includes('Tenant'), 'no tenant filter for who sees one tenant');
    await screenshot(page, 'lists-04-requests-add-filter');
    await page.getByRole('menuitemcheckbox', { name: 'Requester' }).click();
    await page.getByRole('combobox', { name: 'Requester' }).fill('adm');
    await page.getByRole('option', { name: 'admin', exact: true }).click();
    await page.waitForURL(/requesterId/);
    assert.deepEqual(await rowIds(page, 1), [made.retire]);
  });

  test("a service's page lists every request that changed it, each a link to the request", async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Services' }).click();
    await page.getByTestId('service-list').locator('tbody tr').first().waitFor();
    await choose(page, 'Status', 'Retired', { exact: true });
    await page.getByText('1-1 of 1').waitFor();
    await screenshot(page, 'lists-05-services-retired');
    await page.getByTestId('service-list').locator('tbody tr').first().click();
    await page.waitForURL(new RegExp(`/services/${made.service}/show$`));
    const rows = page.getByTestId('service-requests').getByTestId('service-request');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="service-request"]').length === 3);
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id'))), [made.retire, made.reconfigure, made.bundle]);
    assert.deepEqual(await page.getByTestId('service-request-action').allInnerTexts(), ['Retire', 'Reconfigure', 'Provision']);
    await screenshot(page, 'lists-06-service-requests');
    await rows.nth(1).getByRole('link').click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    assert.equal(idFromUrl(page), made.reconfigure);
  });
});
