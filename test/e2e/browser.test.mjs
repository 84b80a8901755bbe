// End to end through a real browser: the real product (api + worker, Postgres, Redis, git,
// ansible) started by test/support/product.mjs, driven by headless Chromium via playwright-core:
// ordering "Run a playbook" and following it, the requests list, the order form's checks, and the
// dialog renderer with every field type. Canceling runs: cancel.test.mjs; git repositories:
// git-repos.test.mjs.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/browser.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the main screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signInApi } from '../support/api.mjs';
import { Browsers, UI_TIMEOUT, choose, idFromUrl, recordSubscriptionData, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { openOrderForm, orderPlaybook } from '../support/screens.mjs';

// Waiting limits only (never asserted on): a playbook run includes ansible's own start-up.
const RUN_TIMEOUT = 90_000;

// The product the current describe block drives, and a client of its API.
let product;
let api;
const browsers = new Browsers();

const requestCount = async () => (await api('{ serviceRequests(take: 500) { id } }')).serviceRequests.length;

const fieldOf = (page, name) => page.getByTestId(`dialog-field-${name}`);

// CSI sequences (colours), OSC sequences (titles) and two-character escapes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** The numbers of a host's row in the job card's host table, by column test id. */
const hostRow = async (page, host) => {
  const row = page.locator(`[data-testid="host-summary"] [data-testid="host-row"][data-host="${host}"]`);
  await row.waitFor();
  const cells = await row
    .locator('td[data-testid^="host-"]')
    .evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.dataset.testid.replace(/^host-/, ''), Number(td.textContent)])));
  return cells;
};

describe('web UI', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('order "Run a playbook" and watch it finish with its log and outputs', async () => {
    const page = await browsers.newPage();
    const live = recordSubscriptionData(page);
    await signIn(page, product, { screenshot: '01-login' });
    await openOrderForm(page, 'Run a playbook');

    await choose(page, 'Playbook', 'hello.yml');
    await page.getByLabel('Extra variables').fill('name: browser');
    await screenshot(page, '03-order-form');
    await page.getByRole('button', { name: 'Order', exact: true }).click();

    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    const requestId = idFromUrl(page);

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
    const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { status jobs { id status stdout } service { outputs } } }', {
      id: requestId,
    });
    assert.equal(serviceRequest.status, 'finished');
    assert.equal(serviceRequest.jobs.length, 1);
    const stripped = serviceRequest.jobs[0].stdout.replace(/\u001b\[[0-9;]*m/g, '');
    assert.equal(logText.trim(), stripped.trim());
    if (serviceRequest.jobs[0].stdout.includes('\u001b[')) {
      assert.match(await log.innerHTML(), /<span style="[^"]*color:/, 'coloured output becomes coloured spans');
    }

    // The log came over the WebSocket (graphql-ws jobLog subscription), not only from a query.
    const streamed = live
      .filter((d) => d.jobLog)
      .map((d) => d.jobLog.text)
      .join('');
    assert.match(streamed, /Hello, browser!/, 'the log was streamed by the jobLog subscription');
    assert.ok(
      live.some((d) => d.jobEvents),
      'task events were streamed by the jobEvents subscription',
    );

    // Per-task results from the job's events.
    await page.getByTestId('job-events').getByRole('row').nth(1).waitFor();
    assert.ok((await page.getByTestId('job-event').count()) >= 1);

    // Per host, Ansible's recap once the run has ended: localhost ran both tasks, none failed.
    const { job } = await api('query($id: ID!) { job(id: $id) { stdout eventCount eventsEmitted eventsComplete hostSummaries { host ok failures } } }', {
      id: serviceRequest.jobs[0].id,
    });
    assert.deepEqual(
      job.hostSummaries.map((h) => h.host),
      ['localhost'],
    );
    await page.locator('[data-testid="host-summary"][data-source="recap"]').waitFor();
    assert.equal(await page.getByTestId('host-row').count(), 1, 'one row per host');
    const localhost = await hostRow(page, 'localhost');
    assert.equal(localhost.ok, 2);
    assert.equal(localhost.failed, 0);
    assert.equal(localhost.unreachable, 0);

    // The progress bar is full once the job has ended.
    const progress = page.getByTestId('job-progress');
    assert.equal(await progress.getAttribute('role'), 'progressbar');
    assert.equal(await progress.getAttribute('aria-valuenow'), '100');

    // How many events were stored, as the API counts them; all that Ansible emitted.
    assert.equal(job.eventsComplete, true);
    assert.equal(job.eventsEmitted, job.eventCount);
    const completeness = page.getByTestId('event-completeness');
    assert.match(await completeness.innerText(), new RegExp(`^${job.eventCount} events stored\\b`));
    assert.equal(await completeness.getAttribute('data-complete'), 'true');

    // Download output: the stored stdout as a text file, without ANSI codes.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('download-output').click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), `job-${serviceRequest.jobs[0].id}.txt`);
    const downloaded = await readFile(await download.path(), 'utf8');
    assert.equal(downloaded, job.stdout.replace(ANSI, ''));
    assert.match(downloaded, /Hello, browser!/);
    assert.doesNotMatch(downloaded, /\u001b/);

    // The dialog values as submitted, labelled, with choice labels.
    const values = page.getByTestId('dialog-values');
    await values.getByTestId('dialog-value-playbook').getByText('hello.yml').waitFor();
    assert.match(await values.getByTestId('dialog-value-provider').innerText(), /Provider\s+local/);
    assert.match(await values.getByTestId('dialog-value-extra_vars').innerText(), /Extra variables\s+name: browser/);

    // The outputs its run returned (the service it left behind starts with them), as a table; the JSON on demand.
    const outputs = page.getByTestId('request-outputs');
    await outputs.getByText('Hello, browser!', { exact: false }).waitFor();
    await outputs.getByTestId('outputs-json-toggle').click();
    assert.deepEqual(JSON.parse(await page.getByTestId('request-outputs-json').innerText()), serviceRequest.service.outputs);
    await page.getByTestId('request-service').waitFor();
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
    const page = await browsers.newPage();
    await signIn(page, product);
    await orderPlaybook(page, 'fail.yml');

    await page.locator('[data-testid="request-status"][data-status="failed"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="job-status"][data-status="failed"]').waitFor();
    await page.getByTestId('request-message').getByText('fails on purpose', { exact: false }).waitFor();
    await page.getByTestId('job-log').getByText('FAILED!', { exact: false }).waitFor();
    await page.locator('[data-testid="job-event"][data-event="runner_on_failed"]').waitFor();
    assert.equal(await page.getByTestId('request-service').count(), 0, 'a failed request leaves no service');

    // The host table shows the failure from Ansible's recap; the progress bar is full.
    await page.locator('[data-testid="host-summary"][data-source="recap"]').waitFor();
    const localhost = await hostRow(page, 'localhost');
    assert.equal(localhost.failed, 1);
    assert.equal(localhost.ok, 1, 'the task before the failing one ran');
    assert.equal(await page.getByTestId('job-progress').getAttribute('aria-valuenow'), '100');
    await screenshot(page, '10-request-failed');
  });

  test('without WebSockets the request page still follows the run by polling', async () => {
    const page = await browsers.newPage();
    let refused = 0;
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      refused += 1;
      ws.close({ code: 1011, reason: 'WebSockets refused by the test' });
    });
    await signIn(page, product);
    await orderPlaybook(page, 'hello.yml', 'name: polling');

    await page.locator('[data-testid="request-status"][data-status="finished"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.getByTestId('job-log').getByText('Hello, polling!', { exact: false }).first().waitFor();
    await page.getByTestId('request-outputs').getByText('Hello, polling!', { exact: false }).waitFor();
    assert.ok(refused > 0, 'the page did try to subscribe');
  });

  test('the requests list pages through the API with partial pagination', async () => {
    // At least five requests, so that pages of two make three pages.
    const { serviceTemplates } = await api('{ serviceTemplates { id name dialog } }');
    const template = serviceTemplates.find((t) => t.name === 'Run a playbook');
    const provider = template.dialog.tabs[0].boxes[0].fields.find((f) => f.name === 'provider').default;
    while ((await requestCount()) < 5) {
      await api('mutation($input: OrderServiceInput!) { orderService(input: $input) { id } }', {
        input: { templateId: template.id, dialogValues: { playbook: 'hello.yml', provider } },
      });
    }
    const all = (await api('{ serviceRequests(take: 500) { id } }')).serviceRequests.map((r) => r.id);

    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/serviceRequests?page=1&perPage=2`);
    const seen = [];
    const next = page.getByRole('button', { name: 'Go to next page' });
    const firstId = () => page.evaluate(() => document.querySelector('tbody tr [data-id]')?.getAttribute('data-id') ?? null);
    await page.locator('tbody tr [data-id]').first().waitFor();
    for (let pageNumber = 1; pageNumber <= all.length; pageNumber++) {
      const ids = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-id]')?.getAttribute('data-id')));
      assert.ok(ids.length >= 1 && ids.length <= 2, `page ${pageNumber} shows one or two rows`);
      seen.push(...ids);
      if (await next.isDisabled()) break;
      const shown = await firstId();
      await next.click();
      await page.waitForFunction((previous) => {
        const current = document.querySelector('tbody tr [data-id]')?.getAttribute('data-id');
        return current && current !== previous;
      }, shown);
    }
    assert.deepEqual(seen, all, 'every request appears once, newest first');
    await screenshot(page, '14-requests-last-page');
  });

  test('the Refresh button refreshes a git repo', async () => {
    const before = (await api('{ gitRepos { name lastRefreshedAt } }')).gitRepos.find((r) => r.name === 'playbooks');
    assert.ok(before, 'the built-in repo is listed');
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('button', { name: 'Refresh playbooks' }).click();
    await page.getByText('Refreshed playbooks', { exact: false }).waitFor();
    const after = (await api('{ gitRepos { name lastRefreshedAt } }')).gitRepos.find((r) => r.name === 'playbooks');
    assert.ok(Date.parse(after.lastRefreshedAt) > Date.parse(before.lastRefreshedAt), 'the repo was refreshed again');
  });

  test('an expired or invalid token sends the user back to the login page', async () => {
    const page = await browsers.newPage();
    await page.goto(product.url);
    await page.evaluate(() => localStorage.setItem('superfluid.token', 'not-a-valid-token'));
    await page.goto(`${product.url}/#/serviceRequests`);
    await page.reload();
    await page.locator('input[name="username"]').waitFor();
    // The 401 that brings the login page also drops the token; under load the page may show first.
    await page.waitForFunction(() => localStorage.getItem('superfluid.token') === null, null, { timeout: UI_TIMEOUT });
    assert.equal(await page.evaluate(() => localStorage.getItem('superfluid.token')), null, 'the bad token is dropped');
  });

  test('an item whose form needs a provider of a type nobody added says so and links to where it is added', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openOrderForm(page, 'Kubernetes application with a load balancer');
    const warning = page.getByTestId('missing-choices-provider');
    await warning.waitFor();
    assert.match(await warning.innerText(), /There is no kubernetes provider you may use yet/);
    await screenshot(page, '07b-order-missing-provider');
    // Ordering without one is refused by the form itself, at the empty dropdown.
    const orders = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('orderService')) orders.push(request);
    });
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await fieldOf(page, 'provider').getByText('Required', { exact: true }).waitFor();
    assert.match(page.url(), /\/catalog\/[^/]+\/order$/, 'the form stays open');
    assert.equal(orders.length, 0, 'nothing was sent');
    // The link opens the provider form with the type the item needs picked already.
    await warning.getByRole('link', { name: 'Add a kubernetes provider on the Providers page.' }).click();
    await page.waitForURL(/\/providers\/create\?source=/);
    assert.equal(await page.getByRole('combobox', { name: 'Type' }).innerText(), 'Kubernetes');
    await page.getByTestId('provider-settings').waitFor();
  });

  test('a missing required field blocks the order and nothing is ordered', async () => {
    const before = await requestCount();
    const page = await browsers.newPage();
    await signIn(page, product);
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
    const page = await browsers.newPage();
    await signIn(page, product);
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

// A catalog of its own whose dialog has two tabs and every field type, to check the one dialog
// renderer end to end: rendering, client-side rules, and the typed values it submits.
const FIELD_TYPES_CATALOG = `
kind: Dialog
name: field-types
label: Field types
description: Every field type of a dialog.
tabs:
  - label: Basics
    boxes:
      - label: Who
        fields:
          - { name: who, label: Who, type: text, required: true, default: fields, minLength: 3, maxLength: 12,
              pattern: '^[a-z]+$', patternMessage: Lower-case letters only, help: Greeted by the playbook }
          - { name: notes, label: Notes, type: textarea, maxLength: 20 }
          - { name: count, label: Count, type: integer, min: 1, max: 5, default: 2 }
      - label: Where
        fields:
          - { name: provider, label: Provider, type: dropdown, required: true, dataSource: { type: providers } }
          - { name: region, label: Region, type: text, readOnly: true, default: eu-west }
  - label: Options
    boxes:
      - label: Choices
        fields:
          - name: size
            label: Size
            type: radio
            required: true
            default: small
            choices: [{ value: small, label: Small }, { value: large, label: Large }]
          - name: colours
            label: Colours
            type: dropdown
            multiple: true
            choices: [{ value: red, label: Red }, { value: green, label: Green }, { value: blue, label: Blue }]
          - { name: confirm, label: Confirm, type: checkbox }
---
kind: ServiceTemplate
name: Field types
description: Greets whoever is named, through every kind of field.
type: ansible_playbook
dialog: field-types
provision:
  repo: playbooks
  playbook: hello.yml
  provider: { field: provider }
  vars: { who: name }
`;

describe('dialog renderer with every field type', () => {
  let catalogDir;

  before(async () => {
    catalogDir = await mkdtemp(path.join(tmpdir(), 'superfluid-catalog-'));
    await writeFile(path.join(catalogDir, 'field-types.yaml'), FIELD_TYPES_CATALOG);
    product = await startProduct({ env: { CATALOG_DIR: catalogDir } });
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await rm(catalogDir, { recursive: true, force: true });
  });

  test('renders tabs, boxes and every field type, checks the rules and submits typed values', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await openOrderForm(page, 'Field types');

    await page.getByRole('tab', { name: 'Basics' }).waitFor();
    await page.getByRole('tab', { name: 'Options' }).waitFor();
    await page.getByRole('group', { name: 'Who' }).waitFor();
    await page.getByRole('group', { name: 'Where' }).waitFor();

    const who = page.getByLabel('Who');
    assert.equal(await who.inputValue(), 'fields', 'defaults are filled in');
    assert.equal(await page.getByLabel('Count').inputValue(), '2');
    assert.equal(await page.getByLabel('Region').getAttribute('readonly'), '', 'read-only fields cannot be edited');
    await fieldOf(page, 'who').getByText('Greeted by the playbook').waitFor();

    const order = page.getByRole('button', { name: 'Order', exact: true });
    await who.fill('ab');
    await order.click();
    await fieldOf(page, 'who').getByText('Must be at least 3 characters').waitFor();
    await who.fill('Abc');
    await fieldOf(page, 'who').getByText('Lower-case letters only').waitFor();
    await who.fill('tester');
    await page.getByLabel('Notes').fill('far more than twenty characters');
    await fieldOf(page, 'notes').getByText('Must be at most 20 characters').waitFor();
    await page.getByLabel('Notes').fill('short note');
    await page.getByLabel('Count').fill('9');
    await fieldOf(page, 'count').getByText('Must be at most 5').waitFor();
    await page.getByLabel('Count').fill('3');
    await screenshot(page, '11-field-types-basics');

    await page.getByRole('tab', { name: 'Options' }).click();
    await page.getByRole('radio', { name: 'Large' }).check();
    await page.getByRole('combobox', { name: 'Colours' }).click();
    await page.getByRole('option', { name: 'Red' }).click();
    await page.getByRole('option', { name: 'Blue' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Confirm').check();
    await screenshot(page, '12-field-types-options');
    await order.click();

    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    const requestId = idFromUrl(page);
    await page.locator('[data-testid="request-status"][data-status="finished"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.getByTestId('request-outputs').getByText('Hello, tester!', { exact: false }).waitFor();

    const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { dialogValues } }', { id: requestId });
    const { provider, ...rest } = serviceRequest.dialogValues;
    assert.ok(provider, 'the provider default was submitted');
    assert.deepEqual(rest, {
      who: 'tester',
      notes: 'short note',
      count: 3,
      region: 'eu-west',
      size: 'large',
      colours: ['red', 'blue'],
      confirm: true,
    });
    const shown = page.getByTestId('dialog-values');
    assert.match(await shown.getByTestId('dialog-value-colours').innerText(), /Colours\s+Red, Blue/);
    assert.match(await shown.getByTestId('dialog-value-confirm').innerText(), /Confirm\s+Yes/);
    assert.match(await shown.getByTestId('dialog-value-size').innerText(), /Size\s+Large/);
    await screenshot(page, '13-field-types-request');
  });
});
