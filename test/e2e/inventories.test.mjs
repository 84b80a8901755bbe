// Inventory documents through a real browser (the real product, headless Chromium): an inventory
// with two sites on the local provider is created in the form and its rendered groups are seen on
// the show page; a site naming a host the provider does not have is refused, with the server's
// reason under the sites and nothing stored.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/inventories.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi } from '../support/api.mjs';
import { Browsers, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

// A waiting limit only: saving runs ansible-inventory on the server.
const UI_TIMEOUT = 30_000;

let product;
let api;
const browsers = new Browsers();
const newPage = () => browsers.newPage({ viewport: { width: 1400, height: 1000 }, timeout: UI_TIMEOUT });

const openCreateForm = async (page) => {
  await page.getByRole('menuitem', { name: 'Inventories' }).click();
  // "New inventory" in the toolbar, or "Create" on the empty list.
  await page.locator('a[href$="/inventories/create"]').first().click();
  await page.locator('input[name="name"]').waitFor();
};

/** Fills site `index` of the form (adding a row when it is not there yet). */
const fillSite = async (page, index, { name, provider, hosts = [] }) => {
  const field = (f) => page.locator(`[name="sites.${index}.${f}"]`);
  if ((await field('name').count()) === 0) {
    await page.getByTestId('inventory-sites').getByRole('button', { name: 'Add' }).click();
  }
  await field('name').fill(name);
  // The provider picker: the select's button next to its hidden input.
  await field('providerId').locator('xpath=preceding-sibling::*[@role="combobox"]').click();
  await page.getByRole('option', { name: provider, exact: true }).click();
  for (const host of hosts) {
    await field('hosts').fill(host);
    await page
      .getByRole('option', { name: new RegExp(`^(Add host )?${host}$`) })
      .first()
      .click();
  }
};

const inventoryNames = async () => (await api('{ inventories { name } }')).inventories.map((i) => i.name).sort();

/** The helper text (under an input) that says exactly `text`. */
const helperText = (scope, text) => scope.locator('.MuiFormHelperText-root', { hasText: new RegExp(`^${text}$`) });
/** What a page must never show: zod's own words or a definition's raw path. */
const RAW = /Invalid input|expected string|received undefined|tabs\.\d+\./;

describe('inventory documents in the web UI', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('an inventory with two sites on the local provider is created and its rendered groups are shown', async () => {
    const page = await newPage();
    await signIn(page, product);
    await openCreateForm(page);

    await page.locator('input[name="name"]').fill('lab');
    await page.locator('textarea[name="description"]').fill('EPC and MEC on the portal’s host');
    await fillSite(page, 0, { name: 'epc', provider: 'local' });
    await page.locator('textarea[name="sites.0.variables"]').fill('role: core\nreplicas: 2');
    await fillSite(page, 1, { name: 'mec', provider: 'local', hosts: ['localhost'] });
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await page.waitForURL(/\/inventories\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
    const rendered = JSON.parse(await page.getByTestId('inventory-rendered').innerText());
    const groups = rendered.all.children;
    assert.deepEqual(Object.keys(groups), ['epc', 'mec']);
    assert.ok(groups.epc.hosts.localhost, 'epc has the local host');
    assert.ok(groups.mec.hosts.localhost, 'mec has the local host');
    assert.equal(groups.epc.vars.role, 'core');
    assert.equal(groups.epc.vars.replicas, 2, 'a value that reads as JSON is a number');
    await page.locator('[data-testid="site-row"][data-site="epc"]').waitFor();
    await page.locator('[data-testid="site-row"][data-site="mec"]').getByText('localhost').waitFor();

    const { inventories } = await api('{ inventories { name description sites { name hosts variables } } }');
    assert.equal(inventories.length, 1);
    assert.deepEqual(
      inventories[0].sites.map((s) => [s.name, s.hosts ?? [], s.variables]),
      [
        ['epc', [], { role: 'core', replicas: 2 }],
        ['mec', ['localhost'], null],
      ],
    );

    // The list shows the sites as "site → provider".
    await page.getByRole('menuitem', { name: 'Inventories' }).click();
    await page.getByTestId('site-chip').filter({ hasText: 'epc → local' }).waitFor();
    await page.getByTestId('site-chip').filter({ hasText: 'mec → local' }).waitFor();
  });

  test('a host the provider does not have is refused: the reason is under the sites, nothing is stored', async () => {
    const page = await newPage();
    await signIn(page, product);
    await openCreateForm(page);

    await page.locator('input[name="name"]').fill('broken');
    await fillSite(page, 0, { name: 'epc', provider: 'local', hosts: ['nope'] });
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const error = page.getByTestId('sites-error');
    await error.waitFor();
    assert.match(await error.innerText(), /site 1 \(epc\): provider "local" has no host "nope"/);
    assert.match(page.url(), /\/inventories\/create$/, 'the form stays open');
    // It stays visible while the form is looked at.
    await page.waitForTimeout(1_000);
    assert.ok(await error.isVisible(), 'the reason stays under the sites');
    assert.deepEqual(await inventoryNames(), ['lab'], 'nothing was stored');
  });

  test('an empty inventory form marks its required inputs in plain words and sends nothing', async () => {
    const page = await newPage();
    await signIn(page, product);
    await openCreateForm(page);
    const sent = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('createInventory')) sent.push(request);
    });
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const form = page.locator('form');
    await helperText(form, 'Name is required').waitFor();
    await helperText(form, 'Site is required').waitFor();
    await helperText(form, 'Provider is required').waitFor();
    assert.equal(await page.locator('input[name="name"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('input[name="sites.0.name"]').getAttribute('aria-invalid'), 'true');
    assert.equal(sent.length, 0, 'nothing was sent');
    assert.doesNotMatch(await page.locator('body').innerText(), RAW);
    await screenshot(page, 'inv-missing');
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, 'inv-missing-390');
  });
});
