// Alarms, notifications and webhooks through a real browser: the real product
// (test/support/product.mjs, with WEBHOOK_ALLOW_LOOPBACK=true so that webhooks may reach this test's
// own receivers on 127.0.0.1) driven by headless Chromium.
//
// (a) The administrator adds a webhook endpoint pointing at a receiver this test starts (a URL on the
//     link-local network is refused first, on the URL field), sees its secret once, subscribes the
//     root tenant to "Request failed" through it and in the app, and orders fail.yml: the bell counts
//     one unread notification and lists it; the app bar counts one open alarm; the Alarms page shows
//     it linked to the request, acknowledged by admin, then cleared into the history; the endpoint's
//     delivery log shows the delivery delivered with HTTP 200, and the receiver verified the
//     signature with the `standardwebhooks` package.
// (b) A receiver that answers 500: the delivery log shows the delivery retrying with code 500;
//     after the receiver is switched to 200, Re-send makes it delivered.
// (c) On a phone (390 px wide) the Alarms, Webhooks, endpoint and notification settings pages and the
//     bell's list fit the screen.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/notifications-ui.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { signInApi, until, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, choose, consoleErrors, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { orderPlaybook } from '../support/screens.mjs';

/**
 * An HTTP server on 127.0.0.1 that takes webhooks: it answers `status` (200 unless set), and checks
 * each one's signature with the secret it was given, as a receiver would (standardwebhooks).
 */
async function startReceiver() {
  const received = [];
  let status = 200;
  let secret = null;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      let error = null;
      try {
        new Webhook(secret).verify(body, req.headers);
        verified = true;
      } catch (e) {
        error = e.message;
      }
      received.push({ body: JSON.parse(body), id: req.headers['webhook-id'], verified, error, answered: status });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/superfluid`,
    received,
    answer: (code) => {
      status = code;
    },
    useSecret: (value) => {
      secret = value;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * What makes the page wider than the window (a sideways scroll bar): the outermost elements that reach
 * past its right edge while their parent starts inside it; none when it fits.
 */
const overflowing = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    const past = (el) => el.getBoundingClientRect().right > width + 1;
    return [...document.querySelectorAll('body *')]
      .filter((el) => past(el) && el.parentElement && !past(el.parentElement))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}.${[...el.classList].slice(0, 2).join('.')}`);
  });

/**
 * A screenshot at the page's own size only (SCREENSHOT_DIR/<name>.png): screenshot() also takes one at
 * each SCREENSHOT_WIDTHS width, and a phone page taken wide unfolds its menu over the page.
 */
async function phoneShot(page, name) {
  if (!process.env.SCREENSHOT_DIR) return;
  await mkdir(process.env.SCREENSHOT_DIR, { recursive: true });
  // The popover's finite animations end first, so the picture shows where it settles.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => (a.effect?.getComputedTiming().iterations === Infinity ? null : a.finished.catch(() => null)))),
  );
  await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe('alarms, notifications and webhooks in the web UI', () => {
  let product;
  let api;
  let good;
  let flaky;
  let failedRequest;
  const browsers = new Browsers();

  before(async () => {
    good = await startReceiver();
    flaky = await startReceiver();
    product = await startProduct({ env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } });
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await good?.close();
    await flaky?.close();
  });

  /** Opens the user menu's Notifications page. */
  async function openSettings(page) {
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Notifications' }).click();
    await page.getByTestId('notification-settings').waitFor();
  }

  /** Adds a subscription of the root tenant to "Request failed" through `channel` (and `endpoint`, for a webhook). */
  async function subscribe(page, channel, endpoint) {
    const before = await page.getByTestId('subscription').count();
    await page.getByRole('button', { name: 'Add subscription' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Events' }).click();
    await page.getByRole('option', { name: 'Request failed', exact: true }).click();
    await page.keyboard.press('Escape');
    await choose(dialog, 'Channel', channel);
    await choose(dialog, 'Scope', 'Everything in tenant Root');
    if (endpoint) await choose(dialog, 'Endpoint', new RegExp(`^${endpoint} `));
    return { dialog, before };
  }

  test('a failed order: the bell, the alarm acknowledged and cleared, a signed webhook delivered', async () => {
    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);

    // The webhook endpoint: a URL on the link-local network is refused on its field; the receiver's is taken.
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.getByTestId('webhooks-empty').waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Receiver');
    await dialog.getByLabel('URL').fill('http://169.254.169.254/latest');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.getByText(/^The URL resolves to 169\.254\.169\.254, an address .* which webhooks may not reach$/).waitFor();
    assert.equal(await dialog.getByLabel('URL').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'notify-01-url-refused');
    await dialog.getByLabel('URL').fill(good.url);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    // The secret, once, with a copy button and the warning.
    await dialog.getByTestId('webhook-secret').waitFor();
    const secret = await dialog.getByTestId('webhook-secret').innerText();
    assert.match(secret, /^whsec_/);
    assert.match(await dialog.innerText(), /Copy the secret now: it won.t be shown again/);
    await dialog.getByRole('button', { name: 'Copy signing secret' }).waitFor();
    good.useSecret(secret);
    await screenshot(page, 'notify-02-secret-once');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('tbody tr', { hasText: 'Receiver' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(good.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
    await screenshot(page, 'notify-03-webhooks');

    // Subscriptions of the root tenant: by webhook to the receiver, and in the app.
    await openSettings(page);
    await page.getByTestId('subscriptions-empty').waitFor();
    let { dialog: add, before: count } = await subscribe(page, 'Webhook', 'Receiver');
    await screenshot(page, 'notify-04-add-subscription');
    await add.getByRole('button', { name: 'Subscribe' }).click();
    await until('the webhook subscription', async () => (await page.getByTestId('subscription').count()) === count + 1, { timeoutMs: UI_TIMEOUT });
    ({ dialog: add, before: count } = await subscribe(page, 'In the app (the bell)'));
    await add.getByRole('button', { name: 'Subscribe' }).click();
    await until('the in-app subscription', async () => (await page.getByTestId('subscription').count()) === count + 1, { timeoutMs: UI_TIMEOUT });
    const summaries = await page.getByTestId('subscription-summary').allInnerTexts();
    assert.deepEqual(summaries, [`Webhook to Receiver (${good.url}) · everything in tenant Root`, 'In the app (the bell) · everything in tenant Root']);
    await screenshot(page, 'notify-05-settings');

    // An order that fails.
    await page.locator('[data-testid="notification-bell"][data-count="0"]').waitFor();
    await page.locator('[data-testid="alarm-count"][data-count="0"]').waitFor();
    failedRequest = await orderPlaybook(page, 'fail.yml');
    const { request } = await waitForRequestEnd(api, failedRequest);
    assert.equal(request.status, 'failed');

    // The bell: one unread, listed, leading to the request.
    await page.locator('[data-testid="notification-bell"][data-count="1"]').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('notification-bell').click();
    const list = page.getByTestId('notification-list');
    const entry = list.getByTestId('notification');
    await entry.waitFor();
    assert.equal(await entry.count(), 1);
    assert.match(await entry.innerText(), /^Order of "Run a playbook" failed: .*\n+(now|\d+ seconds? ago)$/);
    assert.equal(await entry.getAttribute('data-unread'), 'true');
    assert.match(await entry.getAttribute('href'), new RegExp(`/serviceRequests/${failedRequest}/show$`));
    await screenshot(page, 'notify-06-bell');
    await list.getByRole('button', { name: 'Mark all read' }).click();
    await page.locator('[data-testid="notification-bell"][data-count="0"]').waitFor();
    await list.locator('[data-testid="notification"][data-unread="false"]').waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });

    // The alarm: counted in the app bar, on the Alarms page, linked to the request.
    await page.locator('[data-testid="alarm-count"][data-count="1"]').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('alarm-count').click();
    await page.waitForURL(/\/alarms/);
    const alarm = page.locator('tbody tr', { hasText: failedRequest.slice(0, 8) });
    await alarm.waitFor();
    assert.match(await alarm.getByTestId('alarm-message').innerText(), new RegExp(`^Order ${failedRequest.slice(0, 8)} failed: `));
    assert.equal(await alarm.getByTestId('alarm-kind').innerText(), 'Request failed');
    assert.equal(await alarm.getByTestId('alarm-severity').getAttribute('data-severity'), 'major');
    assert.match(await alarm.getByTestId('alarm-object').getAttribute('href'), new RegExp(`/serviceRequests/${failedRequest}/show$`));
    assert.equal(await alarm.getByTestId('alarm-state').getAttribute('data-state'), 'open');
    await screenshot(page, 'notify-07-alarms');

    // Acknowledged: who and when; still open.
    await alarm.getByRole('button', { name: /^Acknowledge/ }).click();
    await alarm.locator('[data-testid="alarm-state"][data-state="acknowledged"]').waitFor();
    assert.match(await alarm.getByTestId('alarm-acknowledged').innerText(), /^Acknowledged by admin (now|\d+ seconds? ago)$/);
    assert.equal(await alarm.getByRole('button', { name: /^Acknowledge/ }).count(), 0);
    await screenshot(page, 'notify-08-acknowledged');

    // Cleared: gone from the open alarms (and from the count), in the cleared ones with who did it.
    await alarm.getByRole('button', { name: /^Clear/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clear alarm' }).click();
    await page.getByTestId('alarms-empty').waitFor();
    await page.locator('[data-testid="alarm-count"][data-count="0"]').waitFor();
    await choose(page, 'Status', 'Cleared');
    const cleared = page.locator('tbody tr', { hasText: failedRequest.slice(0, 8) });
    await cleared.locator('[data-testid="alarm-state"][data-state="cleared"]').waitFor();
    assert.match(await cleared.getByTestId('alarm-cleared').innerText(), /^Cleared (now|\d+ seconds? ago): cleared by admin$/);
    assert.match(await cleared.getByTestId('alarm-acknowledged').innerText(), /^Acknowledged by admin/);
    assert.equal(await cleared.getByRole('button').count(), 0, 'nothing to do to a cleared alarm');
    await screenshot(page, 'notify-09-cleared');

    // The delivery log: delivered, HTTP 200; the receiver verified the signature.
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.locator('tbody tr', { hasText: 'Receiver' }).locator('td').first().click();
    await page.getByTestId('delivery-log').waitFor();
    const delivery = page.getByTestId('delivery').first();
    await delivery.locator('[data-testid="delivery-status"][data-status="delivered"]').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.getByTestId('delivery').count(), 1);
    assert.equal(await delivery.getByTestId('delivery-code').innerText(), '200');
    assert.equal(await delivery.getByTestId('delivery-attempts').innerText(), '1');
    assert.match(await delivery.innerText(), /Order of "Run a playbook" failed/);
    await screenshot(page, 'notify-10-delivery-log');

    assert.equal(good.received.length, 1);
    const [post] = good.received;
    assert.equal(post.error, null);
    assert.equal(post.verified, true);
    assert.equal(post.body.type, 'request.failed');
    assert.equal(post.body.data.request.id, failedRequest);

    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
      'no errors in the console',
    );
  });

  test('a receiver that answers 500: the log says retrying with 500; Re-send once it answers 200 delivers it', async () => {
    // Set up through the API (the UI's part was the first test): an endpoint at the failing receiver, and the subscription.
    flaky.answer(500);
    const { createWebhookEndpoint } = await api('mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id } } }', {
      i: { name: 'Flaky receiver', url: flaky.url },
    });
    flaky.useSecret(createWebhookEndpoint.secret);
    const { tenants } = await api('{ tenants { id name } }');
    const root = tenants.find((t) => t.name === 'Root');
    await api('mutation($i: NotificationSubscriptionInput!) { subscribeToNotifications(input: $i) { id } }', {
      i: { eventTypes: ['REQUEST_FAILED'], channel: 'webhook', tenantId: root.id, endpointId: createWebhookEndpoint.endpoint.id },
    });

    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);
    const id = await orderPlaybook(page, 'fail.yml');
    assert.equal((await waitForRequestEnd(api, id)).request.status, 'failed');

    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.locator('tbody tr', { hasText: 'Flaky receiver' }).locator('td').first().click();
    const delivery = page.getByTestId('delivery').first();
    // Tried, refused, and tried again with back-off (after 1 s, then 2 s more).
    await until(
      'a third try refused',
      async () =>
        Number(
          await delivery
            .getByTestId('delivery-attempts')
            .innerText()
            .catch(() => '0'),
        ) >= 3,
      {
        timeoutMs: 60_000,
      },
    );
    await delivery.locator('[data-testid="delivery-status"][data-status="retrying"]').waitFor();
    assert.equal(await delivery.getByTestId('delivery-code').innerText(), '500');
    assert.equal(await delivery.getByTestId('delivery-error').innerText(), 'the receiver answered HTTP 500');
    assert.match(await delivery.innerText(), /next try in a moment/);
    await screenshot(page, 'notify-11-retrying');

    flaky.answer(200);
    await delivery.getByRole('button', { name: /^Re-send/ }).click();
    await delivery.locator('[data-testid="delivery-status"][data-status="delivered"]').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await delivery.getByTestId('delivery-code').innerText(), '200');
    assert.equal(await delivery.getByTestId('delivery-error').innerText(), '—');
    await screenshot(page, 'notify-12-resent');

    const refused = flaky.received.filter((r) => r.answered === 500);
    const taken = flaky.received.filter((r) => r.answered === 200);
    assert.ok(refused.length >= 3, `${refused.length} tries refused`);
    assert.equal(taken.length, 1);
    assert.ok(
      flaky.received.every((r) => r.verified && r.id === taken[0].id),
      'every try is the same delivery, signed',
    );

    // Rotate secret: a new one, shown once; what is sent next is signed with it.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    const shown = page.getByTestId('webhook-secret-dialog');
    await shown.waitFor();
    const rotated = await shown.getByTestId('webhook-secret').innerText();
    assert.match(rotated, /^whsec_/);
    assert.notEqual(rotated, createWebhookEndpoint.secret);
    assert.match(await shown.innerText(), /Copy the secret now: it won.t be shown again\s+The old secret no longer signs anything/);
    await screenshot(page, 'notify-13-rotated');
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    flaky.useSecret(rotated);
    await delivery.getByRole('button', { name: /^Re-send/ }).click();
    await until('the re-sent delivery', async () => flaky.received.length === refused.length + 2, { timeoutMs: UI_TIMEOUT });
    assert.equal(flaky.received.at(-1).verified, true, 'signed with the new secret');

    // Disabled, and enabled again.
    await page.getByLabel('Flaky receiver enabled').click();
    await page.getByText('Disabled: deliveries fail until it is enabled').waitFor();
    await page.getByLabel('Flaky receiver enabled').click();
    await page.getByTestId('webhook-show').getByText('Enabled', { exact: true }).waitFor();

    // Deleting an endpoint asks first.
    await api('mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }', { i: { name: 'Old receiver', url: flaky.url } });
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    const old = page.locator('tbody tr', { hasText: 'Old receiver' });
    await old.getByRole('button', { name: 'Delete Old receiver' }).click();
    const confirm = page.getByRole('dialog');
    assert.match(await confirm.innerText(), /Delete webhook endpoint “Old receiver”\?/);
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await old.waitFor({ state: 'detached' });
    assert.deepEqual(await page.locator('tbody tr td:first-child').allInnerTexts(), ['Flaky receiver', 'Receiver']);
    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
      'no errors in the console',
    );
  });

  test('on a phone: the alarms, webhooks, an endpoint, the settings and the bell fit 390 px', async () => {
    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);
    // Read again at phone size, so the menu starts folded as on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('notification-bell').waitFor();

    await page.goto(`${product.url}/#/alarms?filter=${encodeURIComponent(JSON.stringify({ state: 'all' }))}`);
    await page.locator('[data-testid="alarm-row"]').first().waitFor();
    assert.deepEqual(await overflowing(page), [], 'the Alarms page fits');
    await phoneShot(page, 'notify-phone-01-alarms');

    await page.goto(`${product.url}/#/webhookEndpoints`);
    await page.getByText('Flaky receiver').waitFor();
    assert.deepEqual(await overflowing(page), [], 'the Webhooks page fits');
    await phoneShot(page, 'notify-phone-02-webhooks');
    await page.getByText('Flaky receiver').click();
    await page.getByTestId('delivery').first().waitFor();
    assert.deepEqual(await overflowing(page), [], 'the endpoint page fits');
    await phoneShot(page, 'notify-phone-03-endpoint');

    await openSettings(page);
    await page.getByTestId('subscription').first().waitFor();
    assert.deepEqual(await overflowing(page), [], 'the settings fit');
    await phoneShot(page, 'notify-phone-04-settings');

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification').first().waitFor();
    assert.deepEqual(await overflowing(page), [], 'the bell’s list fits');
    await phoneShot(page, 'notify-phone-05-bell');
  });
});
