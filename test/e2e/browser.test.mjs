// End to end through a real browser: the real product (api + worker, Postgres, Redis, git,
// ansible) started by test/support/product.mjs, driven by headless Chromium via playwright-core.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/browser.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the main screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startProduct } from '../support/product.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Waiting limits only (never asserted on): a playbook run includes ansible's own start-up.
const RUN_TIMEOUT = 90_000;
const UI_TIMEOUT = 20_000;

let product;
let apiToken;
const browserDirs = [];
const contexts = [];

const screenshotDir = process.env.SCREENSHOT_DIR;
const screenshot = async (page, name) => {
  if (!screenshotDir) return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
};

/** GraphQL through the product helper; returns `data`, failing on GraphQL errors. */
const api = async (query, variables = {}) => {
  const body = await product.graphql(query, variables, apiToken);
  assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
};

const requestCount = async () => (await api('{ serviceRequests(take: 1000) { id } }')).serviceRequests.length;

/** A fresh browser profile per test, so no login or storage leaks between tests. */
const newPage = async () => {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'superfluid-chromium-'));
  browserDirs.push(userDataDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
  return page;
};

const logIn = async (page) => {
  await page.goto(product.url);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill(product.adminPassword);
  await screenshot(page, '01-login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Catalog' }).waitFor();
};

const openOrderForm = async (page, label) => {
  await page.getByRole('menuitem', { name: 'Catalog' }).click();
  await page.getByRole('link', { name: `Order ${label}` }).waitFor();
  await screenshot(page, '02-catalog');
  await page.getByRole('link', { name: `Order ${label}` }).click();
  await page.getByRole('button', { name: 'Order', exact: true }).waitFor();
};

const choose = async (page, fieldLabel, optionLabel) => {
  await page.getByRole('combobox', { name: fieldLabel }).click();
  await page.getByRole('option', { name: optionLabel, exact: true }).click();
};

const fieldOf = (page, name) => page.getByTestId(`dialog-field-${name}`);

/** Records the data of graphql-ws `next` messages the page receives, by subscription field. */
const recordSubscriptionData = (page) => {
  const received = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      let message;
      try {
        message = JSON.parse(typeof payload === 'string' ? payload : payload.toString());
      } catch {
        return;
      }
      if (message.type === 'next' && message.payload?.data) received.push(message.payload.data);
    });
  });
  return received;
};

const orderPlaybook = async (page, playbook, extraVars) => {
  await openOrderForm(page, 'Run a playbook');
  await choose(page, 'Playbook', playbook);
  if (extraVars !== undefined) await page.getByLabel('Extra variables').fill(extraVars);
  await page.getByRole('button', { name: 'Order', exact: true }).click();
  await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
  return decodeURIComponent(page.url().match(/\/serviceRequests\/([^/]+)\/show$/)[1]);
};

describe('web UI', () => {
  before(async () => {
    product = await startProduct();
    apiToken = await product.login();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    for (const dir of browserDirs) await rm(dir, { recursive: true, force: true });
    await product?.stop();
  });

  test('order "Run a playbook" and watch it finish with its log and outputs', async () => {
    const page = await newPage();
    const live = recordSubscriptionData(page);
    await logIn(page);
    await openOrderForm(page, 'Run a playbook');

    await choose(page, 'Playbook', 'hello.yml');
    await page.getByLabel('Extra variables').fill('name: browser');
    await screenshot(page, '03-order-form');
    await page.getByRole('button', { name: 'Order', exact: true }).click();

    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    const requestId = decodeURIComponent(page.url().match(/\/serviceRequests\/([^/]+)\/show$/)[1]);

    // Status arrives live (subscription, or polling as the fallback) without reloading the page.
    await page.locator('[data-testid="request-status"][data-status="finished"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="job-status"][data-status="successful"]').waitFor();

    const log = page.getByTestId('job-log');
    await log.getByText('Hello', { exact: false }).first().waitFor();
    const logText = await log.innerText();
    assert.match(logText, /TASK \[/, 'the log shows ansible task headers');
    assert.match(logText, /Hello, browser!/, 'the log shows the task output');
    assert.doesNotMatch(logText, /\u001b\[/, 'ANSI escape codes are rendered, not shown raw');

    // The log is the job's stored stdout, with colours turned into HTML.
    const { serviceRequest } = await api(
      'query($id: ID!) { serviceRequest(id: $id) { status jobs { id status stdout } service { outputs } } }',
      { id: requestId },
    );
    assert.equal(serviceRequest.status, 'finished');
    assert.equal(serviceRequest.jobs.length, 1);
    const stripped = serviceRequest.jobs[0].stdout.replace(/\u001b\[[0-9;]*m/g, '');
    assert.equal(logText.trim(), stripped.trim());
    if (serviceRequest.jobs[0].stdout.includes('\u001b[')) {
      assert.match(await log.innerHTML(), /<span style="[^"]*color:/, 'coloured output becomes coloured spans');
    }

    // The log came over the WebSocket (graphql-ws jobLog subscription), not only from a query.
    const streamed = live.filter((d) => d.jobLog).map((d) => d.jobLog.text).join('');
    assert.match(streamed, /Hello, browser!/, 'the log was streamed by the jobLog subscription');
    assert.ok(live.some((d) => d.jobEvents), 'task events were streamed by the jobEvents subscription');

    // Per-task results from the job's events.
    await page.getByTestId('job-events').getByRole('row').nth(1).waitFor();
    assert.ok((await page.getByTestId('job-event').count()) >= 1);

    // The dialog values as submitted.
    const values = JSON.parse(await page.getByTestId('dialog-values').innerText());
    assert.equal(values.playbook, 'hello.yml');
    assert.equal(values.extra_vars, 'name: browser');

    // The service it left behind, with its outputs.
    const outputs = page.getByTestId('request-service').getByTestId('service-outputs');
    await outputs.getByText('Hello, browser!', { exact: false }).waitFor();
    assert.deepEqual(JSON.parse(await outputs.innerText()), serviceRequest.service.outputs);
    await screenshot(page, '04-request-finished');

    await page.getByTestId('service-link').click();
    await page.waitForURL(/\/services\/[^/]+\/show$/);
    await page.getByTestId('service-show').getByText('Hello, browser!', { exact: false }).waitFor();
    await screenshot(page, '05-service');

    // The request appears in the list with its status.
    await page.getByRole('menuitem', { name: 'Requests' }).click();
    const row = page.getByRole('row').filter({ hasText: 'finished' }).first();
    await row.waitFor();
    await screenshot(page, '06-requests');

    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByText('hello.yml').first().waitFor();
    await screenshot(page, '07-git-repos');
  });

  test('a failed playbook shows the failure, its log and no service', async () => {
    const page = await newPage();
    await logIn(page);
    await orderPlaybook(page, 'fail.yml');

    await page.locator('[data-testid="request-status"][data-status="failed"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="job-status"][data-status="failed"]').waitFor();
    await page.getByTestId('request-message').getByText('fails on purpose', { exact: false }).waitFor();
    await page.getByTestId('job-log').getByText('FAILED!', { exact: false }).waitFor();
    await page.locator('[data-testid="job-event"][data-event="runner_on_failed"]').waitFor();
    assert.equal(await page.getByTestId('request-service').count(), 0, 'a failed request leaves no service');
    await screenshot(page, '10-request-failed');
  });

  test('the Refresh button refreshes a git repo', async () => {
    const before = (await api('{ gitRepos { name lastRefreshedAt } }')).gitRepos.find((r) => r.name === 'playbooks');
    assert.ok(before, 'the built-in repo is listed');
    const page = await newPage();
    await logIn(page);
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('button', { name: 'Refresh playbooks' }).click();
    await page.getByText('Refreshed playbooks', { exact: false }).waitFor();
    const after = (await api('{ gitRepos { name lastRefreshedAt } }')).gitRepos.find((r) => r.name === 'playbooks');
    assert.ok(Date.parse(after.lastRefreshedAt) > Date.parse(before.lastRefreshedAt), 'the repo was refreshed again');
  });

  test('an expired or invalid token sends the user back to the login page', async () => {
    const page = await newPage();
    await page.goto(product.url);
    await page.evaluate(() => localStorage.setItem('superfluid.token', 'not-a-valid-token'));
    await page.goto(`${product.url}/#/serviceRequests`);
    await page.reload();
    await page.locator('input[name="username"]').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('superfluid.token')), null, 'the bad token is dropped');
  });

  test('a missing required field blocks the order and nothing is ordered', async () => {
    const before = await requestCount();
    const page = await newPage();
    await logIn(page);
    await openOrderForm(page, 'Run a playbook');

    const orders = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('orderService')) orders.push(request);
    });
    await page.getByLabel('Extra variables').fill('name: nobody');
    await page.getByRole('button', { name: 'Order', exact: true }).click();

    await fieldOf(page, 'playbook').getByText('Required', { exact: true }).waitFor();
    await page.getByText('The form is not valid', { exact: false }).waitFor();
    await screenshot(page, '08-order-invalid');
    assert.match(page.url(), /\/catalog\/[^/]+\/order$/, 'the form stays open');
    assert.equal(orders.length, 0, 'the browser did not even send the order: the client checks required fields');
    assert.equal(await requestCount(), before, 'no request was created');
  });

  test('server-side field errors are shown on the field they concern', async () => {
    const before = await requestCount();
    const page = await newPage();
    await logIn(page);
    await openOrderForm(page, 'Run a playbook');

    await choose(page, 'Playbook', 'hello.yml');
    // Valid for the client's rules, refused by the server: extra variables must be a mapping.
    await page.getByLabel('Extra variables').fill('- just\n- a list');
    await page.getByRole('button', { name: 'Order', exact: true }).click();

    const error = fieldOf(page, 'extra_vars').locator('.Mui-error').last();
    await error.waitFor();
    assert.notEqual((await error.innerText()).trim(), '', 'the field shows the server message');
    await screenshot(page, '09-order-server-error');
    assert.match(page.url(), /\/catalog\/[^/]+\/order$/, 'the form stays open');
    assert.equal(await requestCount(), before, 'no request was created');
  });
});
