// Scheduled operations through a real browser: the real product (test/support/product.mjs) driven by
// headless Chromium. The administrator fills the order form of "Run a playbook", schedules it (once,
// some seconds ahead) with Schedule…, finds it on the Schedules page, sees it fire and follows the
// link to the request it started; then schedules a nightly run on a cron expression in a time zone,
// pauses it with its switch and deletes it; and schedules a retirement from the service's page.
// (Cron times, missed runs, refusals and access are in backend/src/schedules/schedules.int-spec.ts.)
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/schedules.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, until, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, idFromUrl, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { openOrderForm } from '../support/screens.mjs';

/** A datetime-local value `ms` from now, to the second, in the browser's (the machine's) time zone. */
const localInput = (ms) => {
  const d = new Date(Date.now() + ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

const SCHEDULES = '{ scheduledOperations { id name action cron enabled nextRunAt lastRequestId lastError runCount } }';

describe('scheduled operations in the web UI', () => {
  let product;
  let api;
  const browsers = new Browsers();

  before(async () => {
    // Due schedules are looked for every 2 s (15 by default), so the one made for some seconds ahead fires soon after.
    product = await startProduct({ env: { SCHEDULE_CHECK_SECONDS: '2' } });
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  const schedules = async () => (await api(SCHEDULES)).scheduledOperations;

  test('an order scheduled from the order form is listed, fires at its time, and links to its request; a cron schedule is edited, paused and deleted', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openOrderForm(page, 'Run a playbook');
    await choose(page, 'Playbook', 'hello.yml');
    await page.getByTestId('schedule-order').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('schedule-name-input').fill('Hello soon');
    await dialog.getByTestId('schedule-at').fill(localInput(25_000));
    await screenshot(page, 'schedules-01-dialog');
    await dialog.getByTestId('schedule-confirm').click();
    await page.waitForURL(/\/scheduledOperations$/, { timeout: UI_TIMEOUT });

    const row = page.getByTestId('schedule-list').locator('tr', { hasText: 'Hello soon' });
    await row.waitFor({ timeout: UI_TIMEOUT });
    assert.match(await row.getByTestId('schedule-target').innerText(), /Order\s+Run a playbook/);
    assert.match(await row.getByTestId('schedule-when').innerText(), /once, .*\s+next /);
    await screenshot(page, 'schedules-02-listed');

    // It fires at its time: the list (read again) links to the request it started.
    const fired = await until(
      'the schedule to fire',
      async () => (await schedules()).find((s) => s.name === 'Hello soon' && (s.lastRequestId || s.lastError)),
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    assert.equal(fired.lastError, null);
    await page.reload();
    await row.getByTestId('schedule-last-request').waitFor({ timeout: UI_TIMEOUT });
    assert.match(await row.getByTestId('schedule-next').innerText(), /done/);
    await screenshot(page, 'schedules-03-fired');
    await row.getByTestId('schedule-last-request').click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    assert.equal(idFromUrl(page), fired.lastRequestId);
    assert.equal(await page.getByTestId('request-scheduled-by').innerText({ timeout: UI_TIMEOUT }), 'Schedule “Hello soon”');
    const { request } = await waitForRequestEnd(api, fired.lastRequestId, { fields: 'service { id name }' });
    assert.equal(request.status, 'finished', request.message ?? '');

    // A nightly run, on a cron expression in a time zone, said back in words.
    await openOrderForm(page, 'Run a playbook');
    await choose(page, 'Playbook', 'hello.yml');
    await page.getByTestId('schedule-order').click();
    await dialog.getByTestId('schedule-name-input').fill('Nightly hello');
    await dialog.getByTestId('schedule-repeat').click();
    // A bad expression is refused in the dialog, naming the field.
    await dialog.getByTestId('schedule-cron').fill('0 25 * * *');
    await dialog.getByTestId('schedule-timezone').fill('Europe/Paris');
    await dialog.getByTestId('schedule-confirm').click();
    await dialog
      .getByTestId('schedule-error')
      .getByText(/Cron: "0 25 \* \* \*" is not a valid cron expression/)
      .waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByTestId('schedule-cron').fill('30 3 * * *');
    assert.equal(await dialog.getByTestId('schedule-cron-words').innerText(), 'every day at 03:30 (Europe/Paris)');
    await dialog.getByTestId('schedule-confirm').click();
    await page.waitForURL(/\/scheduledOperations$/, { timeout: UI_TIMEOUT });
    const nightly = page.getByTestId('schedule-list').locator('tr', { hasText: 'Nightly hello' });
    await nightly.waitFor({ timeout: UI_TIMEOUT });
    assert.match(await nightly.getByTestId('schedule-when').innerText(), /every day at 03:30 \(Europe\/Paris\)/);

    // Edited: the dialog starts from its timing; a bad cron is refused in the dialog, a good one saved.
    await nightly.getByTestId('schedule-edit').click();
    const edit = page.getByRole('dialog', { name: 'Edit "Nightly hello"' });
    assert.equal(await edit.getByTestId('schedule-cron').inputValue(), '30 3 * * *');
    assert.equal(await edit.getByTestId('schedule-timezone').inputValue(), 'Europe/Paris');
    await edit.getByTestId('schedule-cron').fill('15 4 * * 99');
    await edit.getByTestId('schedule-confirm').click();
    await edit.getByTestId('schedule-error').waitFor({ timeout: UI_TIMEOUT });
    await edit.getByTestId('schedule-cron').fill('15 4 * * 1-5');
    await screenshot(page, 'schedules-04-edit-dialog');
    await edit.getByTestId('schedule-confirm').click();
    await edit.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await nightly.getByTestId('schedule-when').getByText(/04:15/).waitFor({ timeout: UI_TIMEOUT });
    const saved = (await schedules()).find((s) => s.name === 'Nightly hello');
    assert.equal(saved.cron, '15 4 * * 1-5');

    // Paused with its switch...
    await nightly.getByTestId('schedule-enabled').locator('input').click();
    await nightly.getByTestId('schedule-next').getByText('paused').waitFor({ timeout: UI_TIMEOUT });
    await page.getByText('Nightly hello paused').waitFor({ timeout: UI_TIMEOUT });
    assert.equal((await schedules()).find((s) => s.name === 'Nightly hello').enabled, false);
    await screenshot(page, 'schedules-04-paused');
    // ...and deleted, after a confirmation.
    await nightly.getByTestId('schedule-delete').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await nightly.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    assert.deepEqual(
      (await schedules()).map((s) => s.name),
      ['Hello soon'],
    );

    // From the service the order made: its retirement, next week.
    await page.goto(`${product.url}/#/services/${encodeURIComponent(request.service.id)}/show`);
    await page.getByTestId('schedule-service').waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'schedules-05-service');
    await page.getByTestId('schedule-service').click();
    await dialog.getByTestId('schedule-retire').click();
    await dialog.getByTestId('schedule-at').fill(localInput(7 * 86_400_000));
    await dialog.getByTestId('schedule-confirm').click();
    await page.waitForURL(/\/scheduledOperations$/, { timeout: UI_TIMEOUT });
    const retire = page.getByTestId('schedule-list').locator('tr', { hasText: `Retire ${request.service.name}` });
    await retire.waitFor({ timeout: UI_TIMEOUT });
    assert.match(await retire.getByTestId('schedule-target').innerText(), /^Retire/);
    await screenshot(page, 'schedules-06-retire');
    assert.deepEqual(consoleErrors(page), []);
  });
});
