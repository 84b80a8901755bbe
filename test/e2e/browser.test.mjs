// End to end through a real browser: the real product (api + worker, Postgres, Redis, git,
// ansible) started by test/support/product.mjs, driven by headless Chromium via playwright-core.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/browser.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the main screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { signInApi, until } from '../support/api.mjs';
import { Browsers, UI_TIMEOUT, choose, idFromUrl, recordSubscriptionData, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

// Waiting limits only (never asserted on): a playbook run includes ansible's own start-up.
const RUN_TIMEOUT = 90_000;

// The product the current describe block drives, and a client of its API.
let product;
let api;
const browsers = new Browsers();

const requestCount = async () => (await api('{ serviceRequests(take: 1000) { id } }')).serviceRequests.length;

const openOrderForm = async (page, label) => {
  await page.getByRole('menuitem', { name: 'Catalog' }).click();
  await page.getByRole('link', { name: `Order ${label}` }).waitFor();
  await screenshot(page, '02-catalog');
  await page.getByRole('link', { name: `Order ${label}` }).click();
  await page.getByRole('button', { name: 'Order', exact: true }).waitFor();
};

const fieldOf = (page, name) => page.getByTestId(`dialog-field-${name}`);

// CSI sequences (colours), OSC sequences (titles) and two-character escapes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** The numbers of a host's row in the job card's host table, by column test id. */
const hostRow = async (page, host) => {
  const row = page.locator(`[data-testid="host-summary"] [data-testid="host-row"][data-host="${host}"]`);
  await row.waitFor();
  const cells = await row.locator('td[data-testid^="host-"]').evaluateAll((tds) =>
    Object.fromEntries(tds.map((td) => [td.dataset.testid.replace(/^host-/, ''), Number(td.textContent)])),
  );
  return cells;
};

const orderPlaybook = async (page, playbook, extraVars) => {
  await openOrderForm(page, 'Run a playbook');
  await choose(page, 'Playbook', playbook);
  if (extraVars !== undefined) await page.getByLabel('Extra variables').fill(extraVars);
  await page.getByRole('button', { name: 'Order', exact: true }).click();
  await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
  return idFromUrl(page);
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

    // Per host, Ansible's recap once the run has ended: localhost ran both tasks, none failed.
    const { job } = await api(
      'query($id: ID!) { job(id: $id) { stdout eventCount eventsEmitted eventsComplete hostSummaries { host ok failures } } }',
      { id: serviceRequest.jobs[0].id },
    );
    assert.deepEqual(job.hostSummaries.map((h) => h.host), ['localhost']);
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
    await page.getByTestId('request-service').getByText('Hello, polling!', { exact: false }).waitFor();
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
    const all = (await api('{ serviceRequests(take: 1000) { id } }')).serviceRequests.map((r) => r.id);

    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/serviceRequests?page=1&perPage=2`);
    const seen = [];
    const next = page.getByRole('button', { name: 'Go to next page' });
    const firstId = () => page.evaluate(() => document.querySelector('tbody tr [data-id]')?.getAttribute('data-id') ?? null);
    await page.locator('tbody tr [data-id]').first().waitFor();
    for (let pageNumber = 1; pageNumber <= all.length; pageNumber++) {
      const ids = await page
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-id]')?.getAttribute('data-id')));
      assert.ok(ids.length >= 1 && ids.length <= 2, `page ${pageNumber} shows one or two rows`);
      seen.push(...ids);
      if (await next.isDisabled()) break;
      const shown = await firstId();
      await next.click();
      await page.waitForFunction(
        (previous) => {
          const current = document.querySelector('tbody tr [data-id]')?.getAttribute('data-id');
          return current && current !== previous;
        },
        shown,
      );
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
    await page.getByTestId('request-service').getByText('Hello, tester!', { exact: false }).waitFor();

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

// A playbook of the test's own that waits five minutes: long enough to be canceled mid-run.
const SLOW_PLAYBOOK = `
- name: Slow
  hosts: all
  gather_facts: false
  tasks:
    - name: Pause for five minutes
      ansible.builtin.pause:
        seconds: 300

    - name: Return outputs
      ansible.builtin.set_stats:
        data: { slept: 300 }
`;
const PAUSE_TASK = 'TASK [Pause for five minutes]';

const REQUEST_WITH_JOBS =
  'query($id: ID!) { serviceRequest(id: $id) { status message jobs { id status cancelRequestedAt stdout } service { id } } }';

describe('canceling a running job', () => {
  let playbooksDir;

  before(async () => {
    playbooksDir = await mkdtemp(path.join(tmpdir(), 'superfluid-playbooks-'));
    await writeFile(path.join(playbooksDir, 'slow.yml'), SLOW_PLAYBOOK);
    product = await startProduct({ env: { PLAYBOOKS_DIR: playbooksDir } });
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await rm(playbooksDir, { recursive: true, force: true });
  });

  test('Cancel job stops the run: the job and the request end canceled, the output is kept, no service', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    const requestId = await orderPlaybook(page, 'slow.yml');

    // The pause task has started: ansible is running and printing.
    const log = page.getByTestId('job-log');
    await log.getByText(PAUSE_TASK, { exact: false }).waitFor({ timeout: RUN_TIMEOUT });
    const cancel = page.getByRole('button', { name: 'Cancel job' });
    assert.equal(await cancel.getAttribute('data-testid'), 'cancel-job');
    assert.ok(await cancel.isEnabled(), 'a running job can be canceled');

    // Asking first: closing the dialog cancels nothing.
    await cancel.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Cancel job slow.yml?').waitFor();
    await screenshot(page, '15-cancel-confirm');
    await dialog.getByRole('button', { name: 'Keep running' }).click();
    await dialog.waitFor({ state: 'detached' });
    const still = (await api(REQUEST_WITH_JOBS, { id: requestId })).serviceRequest;
    assert.equal(still.jobs[0].cancelRequestedAt, null, 'keeping it running sends no cancel');

    await cancel.click();
    const answered = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('cancelJob'),
    );
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    const { data, errors } = await (await answered).json();
    assert.equal(errors, undefined);
    assert.ok(data.cancelJob.cancelRequestedAt, 'the server records when the cancel was asked for');

    // The run stops; the page follows without a reload.
    await page.locator('[data-testid="job-status"][data-status="canceled"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="request-status"][data-status="canceled"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.getByTestId('request-message').getByText('Canceled by admin', { exact: false }).waitFor();
    await log.getByText(PAUSE_TASK, { exact: false }).waitFor();
    assert.equal(await page.getByTestId('cancel-job').count(), 0, 'an ended job has no Cancel button');
    assert.equal(await page.getByTestId('request-service').count(), 0, 'a canceled request leaves no service');
    assert.notEqual((await page.getByTestId('request-finished').innerText()).trim(), '—', 'the request has ended');
    await screenshot(page, '16-request-canceled');

    const { serviceRequest } = await api(REQUEST_WITH_JOBS, { id: requestId });
    assert.equal(serviceRequest.status, 'canceled');
    assert.match(serviceRequest.message, /^Playbook slow\.yml: Canceled by admin while it ran; its output so far is kept\.$/);
    assert.equal(serviceRequest.service, null);
    assert.equal(serviceRequest.jobs.length, 1);
    assert.equal(serviceRequest.jobs[0].status, 'canceled');
    assert.ok(serviceRequest.jobs[0].stdout.includes(PAUSE_TASK), 'the stored output is kept');

    // A job that has ended cannot be canceled again.
    const again = await api.raw('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: serviceRequest.jobs[0].id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');

    // The requests list shows it canceled.
    await page.getByRole('menuitem', { name: 'Requests' }).click();
    await page.locator(`tbody tr:has([data-id="${requestId}"]) [data-status="canceled"]`).waitFor();
    await screenshot(page, '17-requests-canceled');
  });

  test('a cancel that comes too late shows the server\'s CONFLICT message', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    const requestId = await orderPlaybook(page, 'slow.yml');
    await page.getByTestId('job-log').getByText(PAUSE_TASK, { exact: false }).waitFor({ timeout: RUN_TIMEOUT });
    const { jobs } = (await api(REQUEST_WITH_JOBS, { id: requestId })).serviceRequest;

    // Hold the page's cancelJob (meanwhile the button shows the cancel on its way), then cancel
    // the job through the API and let it end, so that the server itself answers CONFLICT.
    let release;
    const released = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(/\/graphql$/, async (route) => {
      if (!(route.request().postData() ?? '').includes('cancelJob')) return route.fallback();
      await released;
      await api('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobs[0].id });
      await until('the job to end', async () => {
        const { job } = await api('query($id: ID!) { job(id: $id) { status } }', { id: jobs[0].id });
        return job.status === 'canceled';
      });
      return route.continue();
    });
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel it' }).click();
    const button = page.getByTestId('cancel-job');
    await button.getByText('Canceling…').waitFor();
    assert.ok(await button.isDisabled(), 'a cancel on its way cannot be sent again');
    release();

    const notice = page.getByText("This job has already ended (canceled): there is nothing to cancel.");
    await notice.waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="request-status"][data-status="canceled"]').waitFor({ timeout: RUN_TIMEOUT });
    assert.equal(await page.getByTestId('cancel-job').count(), 0, 'the ended job has no Cancel button');
  });

  test('Cancel request on a request still queued (its provider is busy): it ends canceled and never runs', async () => {
    const { createProvider } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', { i: { name: 'one_slot', type: 'local', maxConcurrentJobs: 1 } });
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const templateId = serviceTemplates.find((t) => t.name === 'Run a playbook').id;
    const orderSlow = async () =>
      (await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId, dialogValues: { playbook: 'slow.yml', provider: createProvider.id } } }))
        .orderService.id;
    const busy = await orderSlow();
    await until('the first run to hold the slot', async () => (await api(REQUEST_WITH_JOBS, { id: busy })).serviceRequest.status === 'running');
    const waiting = await orderSlow();
    await until('the second to wait for the slot', async () => {
      const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { status message } }', { id: waiting });
      return serviceRequest.status === 'queued' && (serviceRequest.message ?? '').includes('free slot');
    });

    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/serviceRequests/${encodeURIComponent(waiting)}/show`);
    await page.locator('[data-testid="request-status"][data-status="queued"]').waitFor();
    const cancel = page.getByRole('button', { name: 'Cancel request' });
    await cancel.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Cancel this request?').waitFor();
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.locator('[data-testid="request-status"][data-status="canceled"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.getByTestId('request-message').getByText('Canceled by admin before it started: nothing ran.').waitFor();
    assert.equal(await page.getByTestId('cancel-request').count(), 0, 'an ended request has no Cancel request button');
    await page.getByTestId('no-jobs').getByText('No job ran for this request.').waitFor();

    // The slot comes free: the canceled request still does not run.
    const { serviceRequest: first } = await api(REQUEST_WITH_JOBS, { id: busy });
    await api('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: first.jobs[0].id });
    await until('the first run to end', async () => (await api(REQUEST_WITH_JOBS, { id: busy })).serviceRequest.status === 'canceled');
    const after = await orderSlow();
    await until('a later order to get the slot', async () => (await api(REQUEST_WITH_JOBS, { id: after })).serviceRequest.status === 'running');
    const { serviceRequest } = await api(REQUEST_WITH_JOBS, { id: waiting });
    assert.equal(serviceRequest.status, 'canceled');
    assert.deepEqual(serviceRequest.jobs, []);
    const { serviceRequest: last } = await api(REQUEST_WITH_JOBS, { id: after });
    await api('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: last.jobs[0].id });
  });
});

// A git repository of the test's own: a bare repo in a temp folder, fed through a clone with real
// git, added through the UI with a file:// URL.
const SITE_PLAYBOOK = '- hosts: all\n  gather_facts: false\n  tasks: [{ansible.builtin.debug: {msg: hi}}]\n';
const HOSTILE_URL = 'ext::sh -c touch% /tmp/pwned';

const run = promisify(execFile);
const git = (cwd, ...args) =>
  run('git', ['-c', 'user.name=E2E Test', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });

/** Commits `files` ({ path: content }) in the clone and pushes them to the bare repo's main. */
const pushFiles = async (clone, files, message) => {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(clone, name), content);
  await git(clone, 'add', '--', ...Object.keys(files));
  await git(clone, 'commit', '-q', '-m', message);
  await git(clone, 'push', '-q', 'origin', 'HEAD:main');
  return (await git(clone, 'rev-parse', 'HEAD')).stdout.trim();
};

const REPOS_QUERY = '{ gitRepos { id name url } }';

describe('git repositories', () => {
  let gitDir;
  let bare;
  let clone;

  before(async () => {
    gitDir = await mkdtemp(path.join(tmpdir(), 'superfluid-git-'));
    bare = path.join(gitDir, 'site.git');
    clone = path.join(gitDir, 'work');
    await git(gitDir, 'init', '-q', '--bare', '-b', 'main', bare);
    await git(gitDir, 'clone', '-q', bare, clone);
    await git(clone, 'checkout', '-q', '-b', 'main');
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await rm(gitDir, { recursive: true, force: true });
  });

  test('add a repo by file:// URL, refresh it after a push, refuse a bad branch and a hostile URL, delete it', async () => {
    const first = await pushFiles(clone, { 'site.yml': SITE_PLAYBOOK }, 'site playbook');
    const url = `file://${bare}`;
    const page = await browsers.newPage();
    await signIn(page, product);

    // Create: the server clones it and reads its playbooks at once.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('Name').fill('site');
    await page.getByLabel('URL').fill(url);
    assert.equal(await page.getByLabel('Branch').inputValue(), 'main', 'the branch defaults to main');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    const repoId = idFromUrl(page, 'gitRepos');

    assert.equal((await page.getByTestId('repo-url').innerText()).trim(), url);
    assert.equal((await page.getByTestId('repo-branch').innerText()).trim(), 'main');
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), first.slice(0, 10));
    await page.locator('[data-testid="repo-refresh-status"][data-status="successful"]').waitFor();
    await page.getByTestId('repo-playbooks').getByText('site.yml', { exact: true }).waitFor();
    const rows = page.getByTestId('refresh-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, 'one refresh so far');
    assert.equal(await rows.first().getAttribute('data-status'), 'successful');
    assert.equal((await rows.first().getByTestId('refresh-commit').innerText()).trim(), first.slice(0, 10));
    assert.match(await rows.first().getByTestId('refresh-added').innerText(), /site\.yml/);

    // The list shows it with its playbook.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    const listRow = page.locator('tbody tr', { hasText: url });
    await listRow.getByText('site.yml', { exact: true }).waitFor();

    // A second commit; Refresh records a new refresh that added deploy.yml.
    const second = await pushFiles(clone, { 'deploy.yml': SITE_PLAYBOOK }, 'deploy playbook');
    await listRow.getByText('site', { exact: true }).click();
    await page.waitForURL(new RegExp(`/gitRepos/${encodeURIComponent(repoId)}/show$`));
    await rows.first().waitFor();
    await page.getByRole('button', { name: 'Refresh site' }).click();
    await page.getByText('Refreshed site', { exact: false }).waitFor();
    await rows.filter({ has: page.getByTestId('refresh-commit').getByText(second.slice(0, 10), { exact: true }) }).waitFor();
    assert.equal(await rows.count(), 2, 'a new row in the history');
    const newest = rows.first();
    assert.equal(await newest.getAttribute('data-status'), 'successful');
    assert.equal((await newest.getByTestId('refresh-previous-commit').innerText()).trim(), first.slice(0, 10));
    assert.match(await newest.getByTestId('refresh-added').innerText(), /deploy\.yml/);
    assert.doesNotMatch(await newest.getByTestId('refresh-added').innerText(), /site\.yml/, 'site.yml was there already');
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), second.slice(0, 10));
    await page.getByTestId('repo-playbooks').getByText('deploy.yml', { exact: true }).waitFor();
    await screenshot(page, '18-git-repo-show');

    // Edit: a bad branch name is refused under the Branch field and nothing changes.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(new RegExp(`/gitRepos/${encodeURIComponent(repoId)}$`));
    assert.equal(await page.getByLabel('URL').inputValue(), url);
    await page.getByLabel('Branch').fill('bad..branch');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ra-input-branch .Mui-error').last().getByText('not a valid', { exact: false }).waitFor();
    const { gitRepo: unchanged } = await api('query($id: ID!) { gitRepo(id: $id) { branch commit } }', { id: repoId });
    assert.deepEqual(unchanged, { branch: 'main', commit: second }, 'the refused edit changed nothing');

    // A URL that would run a command: refused under the URL field, nothing created.
    const pwnedBefore = existsSync('/tmp/pwned');
    const reposBefore = (await api(REPOS_QUERY)).gitRepos.length;
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('Name').fill('hostile');
    await page.getByLabel('URL').fill(HOSTILE_URL);
    await page.getByRole('button', { name: 'Create' }).click();
    const urlError = page.locator('.ra-input-url .Mui-error').last();
    await urlError.getByText('not allowed', { exact: false }).waitFor();
    await screenshot(page, '19-git-repo-hostile-url');
    assert.match(page.url(), /\/gitRepos\/create$/, 'the form stays open');
    const reposAfter = (await api(REPOS_QUERY)).gitRepos;
    assert.equal(reposAfter.length, reposBefore, 'no repo was created');
    assert.ok(!reposAfter.some((r) => r.name === 'hostile'));
    if (!pwnedBefore) assert.ok(!existsSync('/tmp/pwned'), 'git ran no command');

    // Delete, after a confirmation.
    await page.goto(`${product.url}/#/gitRepos/${encodeURIComponent(repoId)}/show`);
    await page.getByRole('button', { name: 'Delete site' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Delete git repository site?').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/gitRepos$/);
    await page.locator('tbody tr', { hasText: 'playbooks' }).first().waitFor();
    assert.equal(await page.locator('tbody tr', { hasText: url }).count(), 0, 'the list no longer shows it');
    assert.ok(!(await api(REPOS_QUERY)).gitRepos.some((r) => r.id === repoId), 'the repo is gone');
  });

  test('the built-in repo has no Edit or Delete, and cannot be changed', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.locator('tbody tr', { hasText: 'built-in' }).getByText('playbooks', { exact: true }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    await page.getByTestId('repo-playbooks').getByText('hello.yml', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Refresh playbooks' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0, 'no Edit for the built-in repo');
    assert.equal(await page.getByRole('button', { name: /^Delete/ }).count(), 0, 'no Delete for the built-in repo');
    const id = idFromUrl(page, 'gitRepos');
    const refused = await api.raw('mutation($id: ID!) { deleteGitRepo(id: $id) }', { id });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'CONFLICT');
  });
});

// Hosted repositories: the portal is the git remote. An API token made in the UI is the password
// of a real `git push` over smart HTTP; the push is syntax-checked before it is accepted.
const PUSHED_PLAYBOOK = '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: pushed }\n';
/** Two actions in one task: valid YAML, refused by `ansible-playbook --syntax-check` (line 3). */
const BROKEN_PLAYBOOK = '- hosts: all\n  tasks:\n    - ansible.builtin.debug: { msg: x }\n      ansible.builtin.command: echo\n';

/**
 * Real git with an API token as the HTTP password. The token travels in the environment
 * (GIT_CONFIG_*), never in git's arguments. Asynchronous, and never rejects: resolves with
 * whether git succeeded and everything it printed (the "remote:" lines of a refusal included).
 */
const gitWithToken = (cwd, token, ...args) =>
  new Promise((resolve, reject) => {
    const auth = `Authorization: Basic ${Buffer.from(`e2e:${token}`).toString('base64')}`;
    const child = spawn(
      'git',
      ['-c', 'user.name=E2E Test', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'http.extraHeader',
          GIT_CONFIG_VALUE_0: auth,
        },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, out }));
  });

const commitFile = async (cwd, name, content, message) => {
  await writeFile(path.join(cwd, name), content);
  await git(cwd, 'add', '--', name);
  await git(cwd, 'commit', '-q', '-m', message);
  return (await git(cwd, 'rev-parse', 'HEAD')).stdout.trim();
};

/** A webhook call as GitHub makes it, signed with `secret`; resolves with the HTTP status. */
const callWebhook = async (repoId, secret) => {
  const body = JSON.stringify({ ref: 'refs/heads/main' });
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const response = await fetch(`${product.url}/hooks/git/${repoId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': signature },
    body,
  });
  return response.status;
};

const HOSTED_REPO = 'id name enabled hosted cloneUrl commit webhookUrl refreshMaxAgeSeconds refreshIntervalSeconds playbooks { path syntaxStatus }';

describe('hosted git repositories, API tokens and webhooks', () => {
  let workDir;

  before(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'superfluid-push-'));
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  test('a token made in the UI pushes to a hosted repo; the playbook is syntax-checked, a broken push refused; webhook on', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);

    // An API token, shown once in a dialog.
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await page.getByTestId('api-tokens-empty').waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('e2e push');
    await dialog.getByLabel('Expires in (days)').fill('30');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const shown = dialog.getByTestId('api-token-value');
    await shown.waitFor();
    const pushToken = (await shown.innerText()).trim();
    assert.match(pushToken, /^sft_[A-Za-z0-9_-]{20,}$/);
    await screenshot(page, '20-api-token-created');
    await dialog.getByText("it won't be shown again", { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    const tokenRow = page.locator('tbody tr', { hasText: 'e2e push' });
    await tokenRow.waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /sft_/, 'the list never shows a token');
    const { apiTokens } = await api('{ apiTokens { name expiresAt lastUsedAt } }');
    assert.deepEqual(apiTokens.map((t) => t.name), ['e2e push']);
    const days = (Date.parse(apiTokens[0].expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `expires in 30 days (${days})`);

    // A hosted repository: no URL to give.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('URL').waitFor();
    await page.getByLabel('Hosted by the portal').check();
    assert.equal(await page.getByLabel('URL').count(), 0, 'a hosted repository has no URL field');
    await page.getByLabel('Name').fill('pushed');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    const repoId = idFromUrl(page, 'gitRepos');
    const { gitRepo: created } = await api(`query($id: ID!) { gitRepo(id: $id) { ${HOSTED_REPO} } }`, { id: repoId });
    assert.equal(created.hosted, true);
    assert.match(created.cloneUrl, /\/git\/pushed\.git$/);
    await page.getByTestId('badge-hosted').waitFor();
    assert.equal((await page.getByTestId('repo-clone-url').innerText()).trim(), created.cloneUrl);
    await page.getByTestId('repo-playbooks').getByText('No playbooks found', { exact: false }).waitFor();
    await page.getByTestId('webhook-panel').getByRole('button', { name: 'Enable webhook' }).waitFor();

    // Push with the commands the page gives, the token as the password.
    const commands = (await page.getByTestId('push-command').allInnerTexts()).map((c) => c.trim());
    assert.deepEqual(commands, [`git remote add portal ${created.cloneUrl}`, 'git push portal HEAD:main']);
    const clone = path.join(workDir, 'work');
    await git(workDir, 'init', '-q', '-b', 'main', clone);
    const good = await commitFile(clone, 'good.yml', PUSHED_PLAYBOOK, 'a good playbook');
    for (const command of commands) {
      const result = await gitWithToken(clone, pushToken, ...command.split(' ').slice(1));
      assert.ok(result.ok, `${command}: ${result.out}`);
    }

    // Accepted: refreshed before git push returned; the syntax check follows in the background.
    await page.reload();
    await page.getByTestId('repo-playbooks').locator('[data-testid="playbook-row"][data-path="good.yml"]').waitFor();
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), good.slice(0, 10));
    // One refresh when it was created (nothing pushed yet), one for the push.
    assert.deepEqual(
      await page.getByTestId('refresh-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="refresh-commit"]').textContent.trim())),
      [good.slice(0, 10), '—'],
    );
    await page
      .locator('[data-testid="playbook-row"][data-path="good.yml"] [data-testid="playbook-syntax"][data-status="ok"]')
      .waitFor({ timeout: RUN_TIMEOUT });
    await screenshot(page, '21-hosted-repo-pushed');

    // Refused: git reports why, and nothing of the push lands.
    const broken = await commitFile(clone, 'broken.yml', BROKEN_PLAYBOOK, 'a broken playbook');
    const refused = await gitWithToken(clone, pushToken, 'push', 'portal', 'HEAD:main');
    assert.equal(refused.ok, false, `the push must be refused: ${refused.out}`);
    assert.match(refused.out, /remote: Superfluid refused this push/);
    assert.match(refused.out, /remote: .*broken\.yml, line 3: conflicting action statements/);
    await page.reload();
    await page.locator('[data-testid="playbook-row"][data-path="good.yml"] [data-testid="playbook-syntax"][data-status="ok"]').waitFor();
    assert.deepEqual(
      await page.getByTestId('playbook-row').evaluateAll((rows) => rows.map((r) => r.dataset.path)),
      ['good.yml'],
      'the page shows only the good playbook',
    );
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), good.slice(0, 10), 'the commit did not move');
    const { gitRepo: afterRefusal } = await api(`query($id: ID!) { gitRepo(id: $id) { ${HOSTED_REPO} } }`, { id: repoId });
    assert.equal(afterRefusal.commit, good);
    assert.notEqual(afterRefusal.commit, broken);

    // Webhook: the URL and the secret, shown once; the secret is the one the server checks.
    const panel = page.getByTestId('webhook-panel');
    await panel.getByRole('button', { name: 'Enable webhook' }).click();
    const secretShown = panel.getByTestId('webhook-secret');
    await secretShown.waitFor();
    const hookUrl = (await panel.getByTestId('webhook-url').innerText()).trim();
    const secret = (await secretShown.innerText()).trim();
    assert.equal(hookUrl, `${new URL(created.cloneUrl).origin}/hooks/git/${repoId}`);
    assert.ok(secret.length >= 20, 'a secret is shown');
    await panel.getByText("the secret won't be shown again", { exact: false }).waitFor();
    await panel.getByText('X-Hub-Signature-256', { exact: false }).first().waitFor();
    await panel.getByText('X-Gitlab-Token').waitFor();
    await screenshot(page, '22-webhook-enabled');
    assert.equal(await callWebhook(repoId, secret), 202, 'a call signed with the shown secret is accepted');
    assert.equal(await callWebhook(repoId, 'not-the-secret'), 401);

    // Once left, the secret is gone; the URL stays, with Rotate and Disable.
    await page.reload();
    await page.locator('[data-testid="webhook-panel"][data-state="on"]').getByRole('button', { name: 'Rotate secret' }).waitFor();
    assert.equal((await panel.getByTestId('webhook-url').innerText()).trim(), hookUrl);
    assert.equal(await panel.getByTestId('webhook-secret').count(), 0, 'the secret is not shown again');
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(secret));

    // Rotate: a new secret, and the old one stops working.
    await panel.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    await secretShown.waitFor();
    const rotated = (await secretShown.innerText()).trim();
    assert.notEqual(rotated, secret);
    assert.equal(await callWebhook(repoId, secret), 401, 'the old secret no longer works');
    assert.equal(await callWebhook(repoId, rotated), 202);

    // Disable: back to off.
    await panel.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await panel.getByRole('button', { name: 'Enable webhook' }).waitFor();
    assert.equal(await panel.getByTestId('webhook-secret').count(), 0);
    assert.equal((await api('query($id: ID!) { gitRepo(id: $id) { webhookUrl } }', { id: repoId })).gitRepo.webhookUrl, null);
    assert.equal(await callWebhook(repoId, rotated), 404, 'calls are refused once it is off');

    // The token was used by git.
    const used = (await api('{ apiTokens { name lastUsedAt } }')).apiTokens[0];
    assert.ok(used.lastUsedAt, 'the token records its use');
  });

  test("a fetched repo's playbook that fails the syntax check shows failed with Ansible's message", async () => {
    // Only hosted repos refuse a broken playbook at push time; a fetched one records it as failed.
    const upstream = path.join(workDir, 'upstream');
    await git(workDir, 'init', '-q', '-b', 'main', upstream);
    await commitFile(upstream, 'broken.yml', BROKEN_PLAYBOOK, 'broken');
    await commitFile(upstream, 'fine.yml', PUSHED_PLAYBOOK, 'fine');
    const { createGitRepo: repo } = await api('mutation($url: String!) { createGitRepo(input: { name: "fetched", url: $url }) { id } }', {
      url: `file://${upstream}`,
    });
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/gitRepos/${encodeURIComponent(repo.id)}/show`);
    const brokenRow = page.locator('[data-testid="playbook-row"][data-path="broken.yml"]');
    await brokenRow.locator('[data-testid="playbook-syntax"][data-status="failed"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="playbook-row"][data-path="fine.yml"] [data-testid="playbook-syntax"][data-status="ok"]').waitFor();
    const shownError = (await brokenRow.getByTestId('playbook-syntax-error').innerText()).trim();
    const { gitRepo } = await api('query($id: ID!) { gitRepo(id: $id) { playbooks { path syntaxError } } }', { id: repo.id });
    const stored = gitRepo.playbooks.find((p) => p.path === 'broken.yml').syntaxError;
    assert.match(stored, /conflicting action statements/);
    assert.equal(shownError, stored.trim(), "Ansible's message is shown as is");
    assert.equal(await page.getByTestId('push-how-to').count(), 0, 'a fetched repo has no push how-to');
    await screenshot(page, '25-playbook-syntax-failed');
  });

  test('edit a hosted repo (name read-only, refresh policy, disable), Refresh all, and revoke a token', async () => {
    const { createApiToken } = await api('mutation { createApiToken(name: "to revoke") { token apiToken { id } } }');
    const { createGitRepo: repo } = await api(`mutation { createGitRepo(input: { name: "policy", hosted: true }) { ${HOSTED_REPO} } }`);
    const clone = path.join(workDir, 'policy');
    await git(workDir, 'init', '-q', '-b', 'main', clone);
    await commitFile(clone, 'site.yml', PUSHED_PLAYBOOK, 'site');
    const pushed = await gitWithToken(clone, createApiToken.token, 'push', repo.cloneUrl, 'HEAD:main');
    assert.ok(pushed.ok, pushed.out);

    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/gitRepos/${encodeURIComponent(repo.id)}`);
    const name = page.getByLabel('Name');
    await name.waitFor();
    assert.ok(await name.isDisabled(), 'a hosted repository keeps its name');
    assert.ok(await page.getByLabel('Clone URL').isDisabled());
    assert.equal(await page.getByLabel('Clone URL').inputValue(), repo.cloneUrl);
    assert.ok(await page.getByLabel('Enabled').isChecked());

    // A schedule under a minute is refused by the form itself.
    const interval = page.getByLabel('Refresh on a schedule every (seconds)');
    await interval.fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ra-input-refreshIntervalSeconds .Mui-error').last().getByText('at least 60', { exact: false }).waitFor();
    await interval.fill('120');
    await page.getByLabel('Refresh before a run when older than (seconds)').fill('0');
    await page.getByLabel('Enabled').uncheck();
    await screenshot(page, '23-git-repo-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    await page.getByTestId('badge-disabled').waitFor();
    assert.equal((await page.getByTestId('repo-interval').innerText()).trim(), 'every 2 min');
    assert.equal((await page.getByTestId('repo-max-age').innerText()).trim(), 'before every run');
    assert.ok(await page.getByRole('button', { name: 'Refresh policy' }).isDisabled(), 'a disabled repo cannot be refreshed');
    const { gitRepo: saved } = await api(`query($id: ID!) { gitRepo(id: $id) { ${HOSTED_REPO} } }`, { id: repo.id });
    assert.deepEqual(
      { name: saved.name, enabled: saved.enabled, refreshMaxAgeSeconds: saved.refreshMaxAgeSeconds, refreshIntervalSeconds: saved.refreshIntervalSeconds },
      { name: 'policy', enabled: false, refreshMaxAgeSeconds: 0, refreshIntervalSeconds: 120 },
    );

    // The list: badges per row, and Refresh all refreshes the enabled ones only.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    const row = page.locator('tbody tr', { hasText: repo.cloneUrl });
    await row.getByTestId('badge-disabled').waitFor();
    await row.getByTestId('badge-hosted').waitFor();
    await page.locator('tbody tr', { hasText: 'built-in' }).getByTestId('badge-builtin').waitFor();
    await screenshot(page, '24-git-repos-badges');
    const enabled = (await api('{ gitRepos { enabled } }')).gitRepos.filter((r) => r.enabled).length;
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await page.getByText(`Refreshed ${enabled} ${enabled === 1 ? 'repository' : 'repositories'}`).waitFor();

    // Revoke, after a confirmation: git is refused with that token from then on.
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'Revoke to revoke' }).click();
    await page.getByRole('dialog').getByText('Revoke API token “to revoke”?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('API token revoked').waitFor();
    await page.locator('tbody tr', { hasText: 'to revoke' }).waitFor({ state: 'detached' });
    assert.ok(!(await api('{ apiTokens { id } }')).apiTokens.some((t) => t.id === createApiToken.apiToken.id));
    const denied = await gitWithToken(clone, createApiToken.token, 'ls-remote', repo.cloneUrl);
    assert.equal(denied.ok, false, 'a revoked token no longer works');
  });
});
