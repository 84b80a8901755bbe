// The Instances page through a real browser: the real product (ROLE=all) and one more worker
// process (startWorker), both listed online with their capacity; the worker stopped, its row leaves
// the online state. At 1440 and 390 px the page reads without sideways scrolling.
// (Registration, heartbeats, lost instances, pruning, the worker credential and access are in
// backend/src/instances/instances.int-spec.ts.)
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/instances.test.mjs
// SCREENSHOT_DIR=/some/dir keeps PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi, until } from '../support/api.mjs';
import { Browsers, consoleErrors, screenshot, signIn, UI_TIMEOUT } from '../support/browser.mjs';
import { startProduct, startWorker } from '../support/product.mjs';

const INSTANCES = '{ instances { id role concurrency runningJobs state } }';

/** True when the page is no wider than its window (nothing to scroll sideways). */
const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const chips = (page, state) => page.locator(`[data-testid="instance-state"][data-state="${state}"]`);

describe('the Instances page in the web UI', () => {
  let product;
  let api;
  let worker;
  const browsers = new Browsers();

  before(async () => {
    product = await startProduct({ env: { WORKER_CONCURRENCY: '3' } });
    api = await signInApi(product);
    worker = await startWorker(product, { WORKER_CONCURRENCY: '2' });
    await until('the extra worker to register', async () => (await api(INSTANCES)).instances.filter((i) => i.state === 'online').length === 2, {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
  });

  after(async () => {
    await browsers.close();
    await worker?.stop();
    await product?.stop();
  });

  test('both processes are online with their capacity; the stopped worker leaves the online state', async () => {
    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Instances' }).click();
    await page.waitForURL(/\/instances$/, { timeout: UI_TIMEOUT });
    const list = page.getByTestId('instance-list');
    await list.waitFor();
    await until('two online instances on the page', async () => (await chips(page, 'online').count()) === 2, { timeoutMs: UI_TIMEOUT });
    const capacities = (await list.getByTestId('instance-capacity').allInnerTexts()).sort();
    assert.deepEqual(capacities, ['0 / 2', '0 / 3']);
    assert.match(await list.innerText(), /\bworker\b/);
    assert.match(await list.innerText(), /\ball\b/);
    assert.ok(await fitsWidth(page), 'nothing to scroll sideways at 1440 px');
    await screenshot(page, 'instances-01-online-1440');

    await page.setViewportSize({ width: 390, height: 844 });
    await until('the cards at 390 px', async () => (await page.getByTestId('instance-row').count()) === 2, { timeoutMs: UI_TIMEOUT });
    assert.ok(await fitsWidth(page), 'nothing to scroll sideways at 390 px');
    await screenshot(page, 'instances-02-online-390');

    // The worker stops: the page, read again every few seconds, shows it stopped.
    await worker.stop();
    await until('the worker to show stopped', async () => (await chips(page, 'stopped').count()) === 1, { timeoutMs: 60_000, intervalMs: 500 });
    assert.equal(await chips(page, 'online').count(), 1);
    const stopped = (await api(INSTANCES)).instances.find((i) => i.state === 'stopped');
    assert.equal(stopped.role, 'worker');
    await screenshot(page, 'instances-03-stopped-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await list.waitFor();
    await screenshot(page, 'instances-04-stopped-1440');
    assert.deepEqual(consoleErrors(page), []);
  });
});
