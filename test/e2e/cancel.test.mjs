// End to end through a real browser: canceling a running job from its request page (the run stops,
// the request ends canceled), a cancel that arrives after the job ended, and canceling a request
// still queued for a busy provider. As in browser.test.mjs: the real product, headless Chromium.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/cancel.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signInApi, until } from '../support/api.mjs';
import { Browsers, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { orderPlaybook } from '../support/screens.mjs';

// Waiting limits only (never asserted on): a playbook run includes ansible's own start-up.
const RUN_TIMEOUT = 90_000;

// The product the current describe block drives, and a client of its API.
let product;
let api;
const browsers = new Browsers();

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

const REQUEST_WITH_JOBS = 'query($id: ID!) { serviceRequest(id: $id) { status message jobs { id status cancelRequestedAt stdout } service { id } } }';

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
    const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('cancelJob'));
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

  test("a cancel that comes too late shows the server's CONFLICT message", async () => {
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

    const notice = page.getByText('This job has already ended (canceled): there is nothing to cancel.');
    await notice.waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="request-status"][data-status="canceled"]').waitFor({ timeout: RUN_TIMEOUT });
    assert.equal(await page.getByTestId('cancel-job').count(), 0, 'the ended job has no Cancel button');
  });

  test('Cancel request on a request still queued (its provider is busy): it ends canceled and never runs', async () => {
    const { createProvider } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'one_slot', type: 'local', maxConcurrentJobs: 1 },
    });
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const templateId = serviceTemplates.find((t) => t.name === 'Run a playbook').id;
    const orderSlow = async () =>
      (
        await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: { templateId, dialogValues: { playbook: 'slow.yml', provider: createProvider.id } },
        })
      ).orderService.id;
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
    await until('a later order to get the slot and start its run', async () => {
      const { serviceRequest: later } = await api(REQUEST_WITH_JOBS, { id: after });
      return later.status === 'running' && later.jobs.length > 0;
    });
    const { serviceRequest } = await api(REQUEST_WITH_JOBS, { id: waiting });
    assert.equal(serviceRequest.status, 'canceled');
    assert.deepEqual(serviceRequest.jobs, []);
    const { serviceRequest: last } = await api(REQUEST_WITH_JOBS, { id: after });
    await api('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: last.jobs[0].id });
  });
});
