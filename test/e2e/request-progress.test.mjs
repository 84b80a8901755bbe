// End to end through a real browser: one path for every run. A single playbook, ordered from the
// catalog, follows the provision state machine like a bundle: its request page shows the machine
// and each of its states advancing to done, and the transitions behind them; a failed one shows
// the state it failed in.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/request-progress.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { orderPlaybook } from '../support/screens.mjs';

const PROVISION_STATES = ['approve', 'refresh', 'validate', 'provision', 'wait', 'collect', 'finish'];

let product;
let api;
const browsers = new Browsers();

/** The state steps the page shows now: [state, status] in order. */
const steps = (page) =>
  page.getByTestId('state-step').evaluateAll((els) => els.map((el) => [el.getAttribute('data-state'), el.getAttribute('data-step-status')]));

describe('a single playbook runs as its state machine, shown on its request page', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('hello.yml: the page shows the provision machine, every state done, and the transitions behind them', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    const id = await orderPlaybook(page, 'hello.yml');
    await page.getByTestId('state-machine').waitFor();
    assert.equal(await page.getByTestId('machine-action').getAttribute('data-action'), 'provision');
    assert.match(await page.getByTestId('machine-action').innerText(), /Machine provision/);
    const { request: done } = await waitForRequestEnd(api, id);
    assert.equal(done.status, 'finished', done.message ?? '');
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="state-step"]')].every((el) => el.getAttribute('data-step-status') === 'done'),
      null,
      { timeout: 30_000 },
    );
    assert.deepEqual(
      await steps(page),
      PROVISION_STATES.map((s) => [s, 'done']),
    );
    // The job is still shown as a job (a single playbook's one item), with its log.
    await page.getByTestId('job-log').waitFor();
    await page.getByTestId('transitions-toggle').click();
    const rows = await page.getByTestId('transitions').locator('tbody tr').count();
    assert.equal(rows, PROVISION_STATES.length * 2, 'each state entered and left');
    await screenshot(page, '40-single-order-progress');
  });

  test('fail.yml: the page shows the state it failed in, with the reason, and no service', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    const id = await orderPlaybook(page, 'fail.yml');
    const { request: failed } = await waitForRequestEnd(api, id);
    assert.equal(failed.status, 'failed');
    await page.waitForFunction(() => document.querySelector('[data-testid="state-step"][data-step-status="failed"]'), null, { timeout: 30_000 });
    const shown = await steps(page);
    assert.deepEqual(
      shown.map(([state]) => state),
      PROVISION_STATES,
    );
    assert.deepEqual(
      shown.find(([, status]) => status === 'failed'),
      ['wait', 'failed'],
    );
    assert.match(await page.getByTestId('request-message').innerText(), /State "wait" failed: Playbook fail\.yml failed/);
    assert.equal(await page.getByTestId('request-service').count(), 0);
    await screenshot(page, '41-single-order-failed');
  });
});
