// Retirement dates through a real browser: the real product (test/support/product.mjs) driven by
// headless Chromium. An item whose services live 10 days by default and 30 at most: the order form
// offers "Retire on"; the administrator orders with a date 5 days away; the service's page shows
// the date; Extend moves it to 20 days away; a date past the item's longest lifetime is refused
// on the field. (The warning e-mail and the retirement on the date, which need the clock moved,
// are in backend/src/lifecycle/retirement-dates.int-spec.ts.)
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/retirement-dates.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, idFromUrl, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { openOrderForm } from '../support/screens.mjs';

const ITEM = 'Ten-day hello';
const DAY = 86_400_000;

/** A day `days` from now as a date input takes it (the browser's time zone is the machine's). */
const dayFromNow = (days) => {
  const d = new Date(Date.now() + days * DAY);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('retirement dates in the web UI', () => {
  let product;
  let api;
  const browsers = new Browsers();

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
    await api('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
      i: {
        definition: {
          name: ITEM,
          type: 'ansible_playbook',
          dialog: 'run-playbook',
          published: true,
          lifetime: { defaultDays: 10, maxDays: 30, warnDays: 3 },
          provision: { repo: 'playbooks', playbook: { field: 'playbook' }, provider: { field: 'provider' }, extraVarsField: 'extra_vars' },
          retirement: { playbook: 'hello.yml' },
        },
      },
    });
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('an order chooses its retirement date; the owner extends it within the longest lifetime from the service page', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openOrderForm(page, ITEM);
    const box = page.getByTestId('retire-on');
    assert.match(await box.innerText(), /Empty: 10 days from its creation\. At most 30 days .* You are warned 3 days before\./);
    await choose(page, 'Playbook', 'hello.yml');
    await box.getByLabel('Retire on').fill(dayFromNow(5));
    await screenshot(page, 'retirement-01-order');
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    const { request } = await waitForRequestEnd(api, idFromUrl(page), { fields: 'service { id retiresAt }' });
    assert.equal(request.status, 'finished', request.message ?? '');
    const chosen = new Date(request.service.retiresAt);
    assert.equal(`${chosen.getFullYear()}-${String(chosen.getMonth() + 1).padStart(2, '0')}-${String(chosen.getDate()).padStart(2, '0')}`, dayFromNow(5));

    await page.getByTestId('service-link').click();
    await page.getByTestId('service-retires-at').waitFor();
    assert.equal(await page.getByTestId('service-retires-at').getAttribute('data-retires-at'), request.service.retiresAt);
    await screenshot(page, 'retirement-02-service');

    // Past the longest lifetime: refused on the field, the date kept.
    await page.getByTestId('extend-retirement').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('extend-date').fill(dayFromNow(40));
    await dialog.getByRole('button', { name: 'Save date' }).click();
    await dialog.getByText(/may live until .* at the latest/).waitFor();
    await screenshot(page, 'retirement-03-refused');
    await dialog.getByTestId('extend-date').fill(dayFromNow(20));
    await dialog.getByRole('button', { name: 'Save date' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`now retires on ${dayFromNow(20)}`).waitFor();
    const { service } = await api('query($id: ID!) { service(id: $id) { retiresAt } }', { id: request.service.id });
    assert.equal(await page.getByTestId('service-retires-at').getAttribute('data-retires-at'), service.retiresAt, 'the page shows the new date');
    assert.ok(Date.parse(service.retiresAt) > Date.now() + 19 * DAY);

    // Retire now: the confirmation names the playbook that will run; kept.
    await page.getByTestId('retire-service').click();
    await page.getByText('Its retirement playbook runs now (hello.yml) and removes what it deployed.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Keep it' }).click();

    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
      'no errors in the console',
    );
  });
});
