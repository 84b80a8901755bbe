// The dashboard and the queues page through a real browser: the real product (test/support/product.mjs)
// driven by headless Chromium. The administrator orders a playbook that succeeds and the built-in
// fail.yml, which fails; a requester, rita, orders one that succeeds. Signing in lands on the
// dashboard: its charts are drawn from those orders, and a chart's bar opens the requests list
// filtered to what it counts. Rita's home page counts her own order only. On the queues page a git
// refresh that failed while its repository was away shows with its error; once the repository is
// back, Retry refreshes it and the failed job leaves the page. Both pages fit a phone's width.
//
// Run: npm test -- e2e (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/dashboard.test.mjs
// SCREENSHOT_DIR=/some/dir (and SCREENSHOT_WIDTHS=1440,390) keeps PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { signInApi, until, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, consoleErrors, screenshot, signIn } from '../support/browser.mjs';
import { giveRepoToProduct, shareWithProduct, startProduct } from '../support/product.mjs';

const FIRST_PASSWORD = 'Temporary-first-42';
const PASSWORD = 'Dashboard-own-pass-42';
const PLAYBOOK = '- hosts: all\n  gather_facts: false\n  tasks: [{ansible.builtin.debug: {msg: hi}}]\n';

const run = promisify(execFile);
const gitConfig = path.join(tmpdir(), `superfluid-e2e-gitconfig-dash-${process.pid}`);
writeFileSync(gitConfig, '[safe]\n\tdirectory = *\n');
const git = (cwd, ...args) =>
  run('git', ['-c', 'user.name=E2E Test', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_GLOBAL: gitConfig },
  });

/** The bars a chart drew with a height (an empty day draws none; the legend's marks are no bars), as { x, y } points to click. */
const bars = (page, testId) =>
  page.locator(`[data-testid="${testId}"] svg rect`).evaluateAll((rects) =>
    rects
      .filter((r) => !r.closest('[class*="MuiChartsLegend"]'))
      .map((r) => ({ box: r.getBoundingClientRect(), fill: getComputedStyle(r).fill }))
      .filter(({ box, fill }) => box.width > 0 && box.height > 0 && fill !== 'none' && fill !== 'transparent' && fill !== 'rgba(0, 0, 0, 0)')
      .map(({ box, fill }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2, fill })),
  );

/**
 * The bars once the chart has settled (two reads 250 ms apart agree): a chart lays itself out again
 * after its width changed (as screenshot() does), and a click is matched to the bars as laid out.
 */
async function settledBars(page, testId) {
  let previous = null;
  for (;;) {
    const now = JSON.stringify(await bars(page, testId));
    if (now === previous && now !== '[]') return JSON.parse(now);
    previous = now;
    await page.waitForTimeout(250);
  }
}

/** True when the page is no wider than its window (nothing to scroll sideways). */
const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The requests the list shows, once it shows `count` rows. */
const rowIds = async (page, count) => {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="request-list"] tbody tr [data-id]').length === n, count);
  return page.locator('[data-testid="request-list"] tbody tr [data-id]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-id')));
};

describe('the dashboard and the queues page in the web UI', () => {
  let product;
  let api;
  let rita;
  let gitDir;
  const browsers = new Browsers();
  const made = { ok: null, failed: null, ritas: null };

  before(async () => {
    gitDir = await mkdtemp(path.join(tmpdir(), 'superfluid-dash-git-'));
    shareWithProduct(gitDir);
    product = await startProduct();
    api = await signInApi(product);
    const { createGroup } = await api('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', { i: { name: 'Requesters', roles: ['requester'] } });
    await api('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'rita', password: FIRST_PASSWORD, groupIds: [createGroup.id] },
    });
    const first = await signInApi(product, 'rita', FIRST_PASSWORD);
    await first('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', { c: FIRST_PASSWORD, n: PASSWORD });
    rita = await signInApi(product, 'rita', PASSWORD);

    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const { providers } = await api('{ providers { id name } }');
    const provider = providers.find((p) => p.name === 'local').id;
    const templateId = serviceTemplates.find((t) => t.name === 'Run a playbook').id;
    const order = async (client, dialogValues) =>
      (await client('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId, dialogValues: { provider, ...dialogValues } } }))
        .orderService.id;
    made.ok = await order(api, { playbook: 'hello.yml', extra_vars: 'name: dashboard' });
    made.failed = await order(api, { playbook: 'fail.yml' });
    made.ritas = await order(rita, { playbook: 'hello.yml', extra_vars: 'name: rita' });
    for (const [id, status] of [
      [made.ok, 'finished'],
      [made.failed, 'failed'],
      [made.ritas, 'finished'],
    ]) {
      const { request } = await waitForRequestEnd(api, id);
      assert.equal(request.status, status, request.message ?? '');
    }
    await api('mutation($id: ID!) { checkProviderHealth(id: $id) { id } }', { id: provider });
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    if (gitDir) await rm(gitDir, { recursive: true, force: true });
  });

  test('signing in lands on the dashboard; its charts are drawn from the orders, and a bar opens its list', async () => {
    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);
    const dashboard = page.locator('[data-testid="dashboard"][data-broad="true"]');
    await dashboard.waitFor();
    assert.match(page.url(), /#\/$/, 'the home page is the dashboard');
    assert.equal(await page.getByTestId('figure-orders-value').innerText(), '3');
    assert.equal(await page.getByTestId('figure-success-value').innerText(), '67%');
    assert.equal(await page.getByTestId('figure-running-value').innerText(), '0');

    // Drawn: today's stacked bar (finished and failed), the run-time bars, the failing item, the provider's line.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart-orders-per-day"] svg rect').length > 0);
    const dayBars = await bars(page, 'chart-orders-per-day');
    assert.ok(dayBars.length >= 2, `today's finished and failed bars: ${JSON.stringify(dayBars)}`);
    assert.ok((await bars(page, 'chart-run-times')).length >= 2, 'p50 and p95 of Run a playbook');
    const failing = await bars(page, 'chart-failing-items');
    assert.equal(failing.length, 1, 'one failing item');
    assert.ok((await page.locator('[data-testid="chart-provider-health"] svg path').count()) > 0, 'the health chart draws');
    assert.deepEqual(await page.getByTestId('provider-health-link').allInnerTexts(), ['local: up']);
    await screenshot(page, 'dashboard-01-operator');

    // The failing item's bar opens the requests list filtered to its failed orders.
    const [failingBar] = await settledBars(page, 'chart-failing-items');
    await page.mouse.click(failingBar.x, failingBar.y);
    await page.waitForURL(/#\/serviceRequests\?/);
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter'));
    assert.equal(filter.status, 'failed');
    assert.equal(filter.action, 'provision');
    assert.ok(filter.templateId, JSON.stringify(filter));
    assert.deepEqual(await rowIds(page, 1), [made.failed]);
    await screenshot(page, 'dashboard-02-failed-list');

    // Back home, the success-rate figure opens the same list; a day's finished bar opens that day's finished orders.
    await page.goBack();
    await dashboard.waitFor();
    await page.getByTestId('figure-success').click();
    await page.waitForURL(/status%22%3A%22failed|status":"failed/);
    assert.deepEqual(await rowIds(page, 1), [made.failed]);
    await page.goBack();
    await dashboard.waitFor();
    const green = (await settledBars(page, 'chart-orders-per-day')).find((b) => b.fill === 'rgb(46, 125, 50)');
    assert.ok(green, 'a finished bar');
    await page.mouse.click(green.x, green.y);
    await page.waitForURL(/#\/serviceRequests\?/);
    const dayFilter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter'));
    assert.equal(dayFilter.status, 'finished');
    assert.equal(dayFilter.createdFrom, dayFilter.createdTo, 'one day');
    assert.deepEqual((await rowIds(page, 2)).sort(), [made.ok, made.ritas].sort());

    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
    );
  });

  test('a requester’s home page counts their own orders, and fits a phone', async () => {
    const page = await browsers.newPage();
    await signIn(page, product, { username: 'rita', password: PASSWORD });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="dashboard"][data-broad="false"]').waitFor();
    assert.equal(await page.getByTestId('figure-orders-value').innerText(), '1');
    assert.equal(await page.getByTestId('figure-success-value').innerText(), '100%');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart-orders-per-day"] svg rect').length > 0);
    assert.equal(await page.getByTestId('chart-run-times').count(), 0, 'no run times per item for a requester');
    assert.equal(await page.getByTestId('chart-failing-items').count(), 0, 'none of hers failed');
    assert.equal(await page.getByTestId('chart-provider-health').count(), 0, 'she reads no provider');
    assert.equal(await page.getByRole('menuitem', { name: 'Queues' }).count(), 0, 'no queues page for her');
    assert.ok(await fitsWidth(page), 'nothing to scroll sideways at 390 px');
    await screenshot(page, 'dashboard-03-requester-390');
  });

  test('the queues page: counts and workers; a failed refresh with its error, retried from the page', async () => {
    // A repository whose refresh fails while it is away.
    const bare = path.join(gitDir, 'away.git');
    const clone = path.join(gitDir, 'work');
    await git(gitDir, 'init', '-q', '--bare', '-b', 'main', bare);
    await git(gitDir, 'clone', '-q', bare, clone);
    await git(clone, 'checkout', '-q', '-b', 'main');
    await writeFile(path.join(clone, 'site.yml'), PLAYBOOK);
    await git(clone, 'add', '--all');
    await git(clone, 'commit', '-q', '-m', 'site');
    await git(clone, 'push', '-q', 'origin', 'HEAD:main');
    shareWithProduct(gitDir);
    giveRepoToProduct(bare);
    const { createGitRepo } = await api('mutation($u: String!) { createGitRepo(input: { name: "away", url: $u }) { id } }', { u: `file://${bare}` });
    const { enableGitWebhook } = await api('mutation($id: ID!) { enableGitWebhook(id: $id) { secret } }', { id: createGitRepo.id });
    await rename(bare, `${bare}.gone`);
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const hook = await fetch(`${product.url}/hooks/git/${createGitRepo.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-hub-signature-256': `sha256=${createHmac('sha256', enableGitWebhook.secret).update(body).digest('hex')}`,
      },
      body,
    });
    assert.equal(hook.status, 202);
    await until('the refresh to fail', async () => (await api('{ queues { name failed } }')).queues.find((q) => q.name === 'git').failed === 1);

    const page = await browsers.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Queues' }).click();
    await page.getByTestId('queues-page').waitFor();
    for (const name of ['requests', 'maintenance', 'git', 'providers', 'lifecycle', 'notify', 'monitor', 'schedules']) {
      const card = page.getByTestId(`queue-${name}`);
      await card.waitFor();
      assert.ok((await card.getByTestId('worker').count()) >= 1, `${name} has a worker`);
    }
    await page.locator('[data-testid="queue-git"] [data-testid="count-failed"][data-value="1"]').waitFor();
    const job = page.getByTestId('failed-job');
    await job.waitFor();
    assert.match(await job.getByTestId('failed-job-error').innerText(), /Refreshing git repository "away" failed/);
    assert.match(await job.innerText(), /git · refresh-git-repo/);
    await screenshot(page, 'queues-01-failed-job');

    await page.setViewportSize({ width: 390, height: 844 });
    assert.ok(await fitsWidth(page), 'nothing to scroll sideways at 390 px');
    await screenshot(page, 'queues-02-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    // The repository is back: Retry refreshes it, and the failed job leaves the page.
    await rename(`${bare}.gone`, bare);
    await job.getByTestId('retry-job').click();
    await page.getByTestId('no-failed-jobs').waitFor();
    await page.locator('[data-testid="queue-git"] [data-testid="count-failed"][data-value="0"]').waitFor();
    await until('the repository refreshed', async () => {
      const { gitRepo } = await api('query($id: ID!) { gitRepo(id: $id) { refreshStatus } }', { id: createGitRepo.id });
      return gitRepo.refreshStatus === 'successful';
    });
    await screenshot(page, 'queues-03-retried');
    assert.deepEqual(
      consoleErrors(page).filter((e) => !/Failed to load resource/.test(e)),
      [],
    );
  });
});
