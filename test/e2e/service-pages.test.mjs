// A service's page and its requests' pages through a real browser, and how every page reads times
// and follows the system's colours. A Demo bundle service is ordered, reconfigured (size small →
// large) and retired; an item with a password field is ordered once.
// - The service's page shows its outputs as a key/value table (nested values inside their row, URLs
//   as links, the raw JSON on demand) and its history: the three requests, newest first, each a link.
// - Each request's page shows the values it ran with — the order's "small", the reconfiguration's
//   "large" — not the service's current ones; a single playbook's page shows its run's own outputs;
//   a password is never shown.
// - Timestamps read "… ago", in the browser's locale (en-US and fr-FR), with the exact time in the
//   title; a browser whose system prefers dark colours gets the dark theme, and follows a change.
// - At 390 px wide, neither page overflows sideways.
// The real product is started by test/support/product.mjs and driven by headless Chromium.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/service-pages.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, consoleErrors, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

// A waiting limit only (never asserted on).
const RUN_TIMEOUT = 180_000;
const SECRET = 'never-shown-s3cret';

const SECRET_DIALOG = {
  name: 'hello-with-token',
  label: 'Hello with a token',
  tabs: [
    {
      label: 'Main',
      boxes: [
        {
          label: 'Greeting',
          fields: [
            { name: 'provider', label: 'Provider', type: 'dropdown', required: true, dataSource: { type: 'providers' } },
            { name: 'who', label: 'Who', type: 'text', required: true },
            { name: 'token', label: 'Token', type: 'password', required: true },
          ],
        },
      ],
    },
  ],
};

/** What a relative time may read in English, a moment after the fact. */
const RECENT_EN = /^(now|\d+ seconds? ago|\d+ minutes? ago)$/;

/** Each `<time>` inside `scope`: its text, title and dateTime, and the exact time the page's own Intl writes for it. */
const timesIn = (scope) =>
  scope.locator('time').evaluateAll((times) =>
    times.map((t) => ({
      text: t.textContent,
      title: t.getAttribute('title'),
      dateTime: t.getAttribute('datetime'),
      exact: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(t.getAttribute('datetime'))),
    })),
  );

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

/** Whether an element's own content is wider than it (it would scroll or spill sideways). */
const spills = (locator) => locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

/** The relative luminance (0 black … 1 white) of a colour of an element (its `property`, or its card's with `card`). */
const luminance = (locator, property, { card = false } = {}) =>
  locator.evaluate(
    (el, [prop, ofCard]) => {
      const target = ofCard ? el.closest('.MuiPaper-root') : el;
      const colour = getComputedStyle(target).getPropertyValue(prop);
      const [r, g, b] = colour
        .match(/\d+(\.\d+)?/g)
        .slice(0, 3)
        .map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    },
    [property, card],
  );

describe("a service's page, its requests' pages, times and themes in the web UI", () => {
  let product;
  let api;
  const browsers = new Browsers();
  const made = {};

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
    const { providers } = await api('{ providers { id name } }');
    const provider = providers.find((p) => p.name === 'local').id;
    const ended = async (id) => {
      const { request } = await waitForRequestEnd(api, id, { timeoutMs: RUN_TIMEOUT });
      assert.equal(request.status, 'finished', request.message ?? '');
    };

    await api('mutation($d: JSON!) { saveDialog(definition: $d) { id } }', { d: SECRET_DIALOG });
    await api('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
      i: {
        definition: {
          name: 'Hello with a token',
          type: 'ansible_playbook',
          dialog: SECRET_DIALOG.name,
          published: true,
          icon: 'waving_hand',
          provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'provider' }, vars: { who: 'name' } },
        },
      },
    });
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const order = async (name, dialogValues) =>
      (
        await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: { templateId: serviceTemplates.find((t) => t.name === name).id, dialogValues: { provider, ...dialogValues } },
        })
      ).orderService.id;

    made.secret = await order('Hello with a token', { who: 'pages', token: SECRET });
    made.provision = await order('Demo bundle', { deployment: 'pages', size: 'small' });
    await ended(made.secret);
    await ended(made.provision);
    made.service = (await api('query($id: ID!) { serviceRequest(id: $id) { service { id } } }', { id: made.provision })).serviceRequest.service.id;
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

  test('the service page: outputs as a table with the JSON on demand, and the requests that made, changed and retired it, each a link', async () => {
    const { service } = await api('query($id: ID!) { service(id: $id) { outputs createdAt requests { id createdAt } } }', { id: made.service });
    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);
    await page.goto(`${product.url}/#/services/${made.service}/show`);

    // Outputs: one row per key, in the document's order; nested values inside their row; URLs are links.
    const outputs = page.getByTestId('service-outputs');
    await outputs.locator('[data-testid="output"]').first().waitFor();
    const nested = (key) => typeof service.outputs[key] === 'object' && service.outputs[key] !== null;
    const keys = Object.keys(service.outputs);
    assert.deepEqual(
      await outputs.locator('[data-testid="output"]').evaluateAll((rows) => rows.map((r) => r.dataset.key)),
      [...keys.filter((k) => !nested(k)), ...keys.filter(nested)],
      'plain values first, then the nested ones',
    );
    const items = outputs.locator('[data-testid="output"][data-key="items"]');
    assert.match(await items.innerText(), /app-a\s+app_url\s+http:\/\/\S+\s+app_size\s+large/);
    const url = service.outputs.items['app-a'].app_url;
    assert.equal(await items.getByRole('link', { name: url }).getAttribute('href'), url);
    assert.equal(await outputs.locator('[data-testid="output"][data-key="app_size"] [data-testid="output-value"]').innerText(), 'large');
    await screenshot(page, 'service-01-outputs');

    // The raw JSON on demand, and back.
    await outputs.getByTestId('outputs-json-toggle').click();
    assert.deepEqual(JSON.parse(await page.getByTestId('service-outputs-json').innerText()), service.outputs);
    await outputs.getByRole('button', { name: 'Show table' }).click();
    await outputs.locator('[data-testid="output"]').first().waitFor();

    // History: newest first, each row a link to its request, with status, requester and a relative time.
    const rows = page.getByTestId('service-requests').getByTestId('service-request');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.id)), [made.retire, made.reconfigure, made.provision]);
    assert.deepEqual(await page.getByTestId('service-request-action').allInnerTexts(), ['Retire', 'Reconfigure', 'Provision']);
    for (const [i, id] of [made.retire, made.reconfigure, made.provision].entries()) {
      const row = rows.nth(i);
      assert.match(await row.getByRole('link').getAttribute('href'), new RegExp(`#/serviceRequests/${id}/show$`));
      assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'finished');
      assert.match(await row.innerText(), /admin/);
    }
    const [ordered] = await timesIn(rows.nth(2));
    assert.equal(ordered.dateTime, new Date(service.requests.at(-1).createdAt).toISOString());
    assert.match(ordered.text, RECENT_EN);
    assert.equal(ordered.title, ordered.exact, 'the exact time, as the browser writes it, on hover');
    assert.match(ordered.title, /\d{1,2}:\d{2}:\d{2}/);

    // Every timestamp on the page reads alike.
    for (const t of await timesIn(page.getByTestId('service-show'))) {
      assert.equal(t.title, t.exact);
      assert.ok(RECENT_EN.test(t.text) || /^in \d+ /.test(t.text), `${t.text} is a relative time`);
    }

    // At 390 px: no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('service-requests').waitFor();
    assert.deepEqual(await overflowing(page), [], 'the service page fits 390 px');
    await screenshot(page, 'service-02-at-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    // The reconfiguration's page: the values it changed the service with.
    await rows.nth(1).getByRole('link').click();
    await page.waitForURL(new RegExp(`/serviceRequests/${made.reconfigure}/show$`));
    const values = page.getByTestId('request-values');
    await values.getByText('Reconfigured with').waitFor();
    assert.equal(await values.getByTestId('dialog-value-size').getAttribute('data-value'), '"large"');
    assert.match(await values.getByTestId('dialog-value-size').innerText(), /Application size\s+Large/);
    await screenshot(page, 'service-03-reconfigure-request');

    // The order's page: the values it was ordered with, not the service's current ones.
    await page.goBack();
    await rows.nth(2).getByRole('link').click();
    await page.waitForURL(new RegExp(`/serviceRequests/${made.provision}/show$`));
    await values.getByText('Ordered with').waitFor();
    assert.equal(await values.getByTestId('dialog-value-size').getAttribute('data-value'), '"small"');
    assert.match(await values.getByTestId('dialog-value-deployment').innerText(), /Deployment name\s+pages/);
    assert.equal(await page.getByTestId('request-service').getByTestId('service-outputs').count(), 0, "not the service's outputs");
    assert.equal(await page.getByText('large', { exact: true }).count(), 0, 'nothing of the later reconfiguration');
    await page.getByTestId('request-service').getByText('Made by this request, now retired').waitFor();
    await screenshot(page, 'service-04-provision-request');
    // At 390 px the page fits: its wide parts (a job's tables) scroll inside their own box.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of ['request-values', 'request-service']) assert.equal(await spills(page.getByTestId(id)), false, `${id} fits 390 px`);
    assert.deepEqual(await overflowing(page), [], 'the bundle request page fits 390 px');
    await screenshot(page, 'service-05-provision-request-at-390');

    assert.deepEqual(consoleErrors(page), [], 'no errors in the console');
  });

  test("a single playbook's request page shows the values it was ordered with, the password hidden, and its run's own outputs", async () => {
    const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { dialogValues items { outputs } } }', { id: made.secret });
    assert.notEqual(serviceRequest.dialogValues.token, SECRET, 'the server keeps it masked');
    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);
    await page.goto(`${product.url}/#/serviceRequests/${made.secret}/show`);
    const values = page.getByTestId('request-values');
    await values.getByText('Ordered with').waitFor();
    assert.match(await values.getByTestId('dialog-value-who').innerText(), /Who\s+pages/);
    assert.match(await values.getByTestId('dialog-value-token').innerText(), /Token\s+•+$/);

    const outputs = page.getByTestId('request-outputs');
    await outputs.locator('[data-testid="output"][data-key="greeting"]').getByText('Hello, pages!').waitFor();
    assert.deepEqual(
      await outputs.locator('[data-testid="output"]').evaluateAll((rows) => rows.map((r) => r.dataset.key)),
      Object.keys(serviceRequest.items[0].outputs),
    );
    await outputs.getByTestId('outputs-json-toggle').click();
    assert.deepEqual(JSON.parse(await page.getByTestId('request-outputs-json').innerText()), serviceRequest.items[0].outputs);
    assert.equal((await page.content()).includes(SECRET), false, 'the password is nowhere in the page');
    await screenshot(page, 'service-06-single-request');
    assert.deepEqual(consoleErrors(page), [], 'no errors in the console');
  });

  test("times read in the browser's locale: French", async () => {
    const page = await browsers.newPage({ locale: 'fr-FR' });
    await signIn(page, product);
    await page.goto(`${product.url}/#/services`);
    const created = page.getByTestId('service-list').locator('tbody tr time').first();
    await created.waitFor();
    const [t] = await timesIn(page.getByTestId('service-list').locator('tbody tr').first());
    assert.match(t.text, /^(maintenant|il y a \d+ (secondes?|minutes?))$/);
    assert.equal(t.title, t.exact);
    assert.match(t.title, /\d{1,2}:\d{2}:\d{2}/);
    assert.doesNotMatch(t.title, /AM|PM/);
  });

  test('a system that prefers dark colours gets the dark theme, and the light one when it changes', async () => {
    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    await signIn(page, product);
    await page.goto(`${product.url}/#/services/${made.service}/show`);
    await page.getByTestId('service-outputs').locator('[data-testid="output"]').first().waitFor();
    assert.ok((await luminance(page.locator('body'), 'background-color')) < 0.2, 'a dark page');
    assert.ok((await luminance(page.getByTestId('service-show'), 'background-color', { card: true })) < 0.2, 'a dark card');
    assert.ok((await luminance(page.getByTestId('service-name'), 'color')) > 0.8, 'light text');
    await screenshot(page, 'theme-01-dark-service');
    await page.goto(`${product.url}/#/serviceRequests/${made.provision}/show`);
    await page.getByTestId('request-values').waitFor();
    await screenshot(page, 'theme-02-dark-request');

    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return r + g + b > 600;
    });
    assert.deepEqual(consoleErrors(page), [], 'no errors in the console');
  });
});
