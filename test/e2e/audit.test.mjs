// The audit trail through a real browser: the real product (test/support/product.mjs) driven by
// headless Chromium, as in credentials.test.mjs. The admin changes something (a git repository
// made over the API with the admin's own session), opens the Audit page, filters it by action,
// sees the row, and exports the filtered trail as CSV.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/audit.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { signInApi } from '../support/api.mjs';
import { Browsers, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

describe('the audit trail in the web UI', () => {
  let product;
  let api;
  const browsers = new Browsers();

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('the admin changes something, opens Audit, filters by action, sees the row and exports it', async () => {
    const { createGitRepo } = await api('mutation { createGitRepo(input: { name: "audited-in-the-ui", hosted: true }) { id } }');

    const page = await browsers.newPage();
    await signIn(page, product, { menu: 'Audit' });
    await page.getByRole('menuitem', { name: 'Audit' }).click();
    await page.waitForURL(/\/auditEvents/);
    // Newest first: at least the sign-ins are there before any filter.
    await page.getByTestId('audit-action').first().waitFor();

    await page.getByLabel('Action').fill('createGitRepo');
    const row = page.locator('tbody tr', { hasText: createGitRepo.id });
    await row.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="audit-action"]')].every((e) => e.textContent === 'createGitRepo'));
    assert.equal(await page.getByTestId('audit-action').count(), 1);
    const text = await row.innerText();
    assert.match(text, /admin/);
    assert.match(text, /GitRepo/);
    assert.equal(await row.getByTestId('audit-outcome').getAttribute('data-outcome'), 'success');
    await screenshot(page, 'audit-01-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    assert.match(download.suggestedFilename(), /^audit-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'at,actor,actor_id,action,object_type,object_id,outcome,error_code,message,ip,details');
    assert.equal(lines.length, 2, csv);
    assert.ok(lines[1].includes(`,createGitRepo,GitRepo,${createGitRepo.id},success,`), lines[1]);
  });
});
