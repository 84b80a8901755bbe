// End to end through a real browser: the template and bundle editors. Make an ansible_playbook
// item that runs hello.yml, see the server refuse a bad icon on its field (nothing stored), fix it,
// save, find it listed as "editor", order it from the catalog and watch the request finish; then
// build a bundle of two items, reorder them and save; and open a catalog-file item, which offers
// "Copy to a new item" instead of changing it.
// The real product is started by test/support/product.mjs and driven by headless Chromium.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/template-editor.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi } from '../support/api.mjs';
import { Browsers, choose as chooseIn, screenshot } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

const RUN_TIMEOUT = 120_000;

let product;
let api;
const browsers = new Browsers();
// One browser session for the whole file, signed in by the first test that needs it.
const signedInPage = () => browsers.signedInPage(product, { menu: 'Templates', viewport: { width: 1440, height: 1000 } });

const ITEMS = '{ serviceTemplates(unpublished: true, take: 500) { id name source published definition } }';

/** Picks an option of the MUI select named exactly `label` inside `scope`. */
const choose = (scope, label, option) => chooseIn(scope, label, option, { exact: true });

/** The helper text (under an input) that says exactly `text`. */
const helperText = (scope, text) => scope.locator('.MuiFormHelperText-root', { hasText: new RegExp(`^${text}$`) });
/** What a page must never show: zod's own words or a definition's raw path. */
const RAW = /Invalid input|expected string|received undefined|tabs\.\d+\.|items\.\d+\./;

describe('the template and bundle editors in the web UI', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('make an ansible_playbook item, see a bad icon refused on its field, save it, order it from the catalog, the request finishes', async () => {
    const page = await signedInPage();
    await page.getByRole('menuitem', { name: 'Templates' }).click();
    await page.getByRole('row').filter({ hasText: 'Run a playbook' }).waitFor();
    await page.getByTestId('new-template').click();
    await page.waitForURL(/\/serviceTemplates\/create$/);
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();

    await editor.getByLabel('Item name').fill('Hello from the editor');
    await editor.getByLabel('Description', { exact: true }).fill('Runs hello.yml');
    await editor.getByLabel('Catalog', { exact: true }).fill('Editor');
    await editor.getByLabel('Icon').fill('Not An Icon');
    await choose(editor, 'Dialog', 'Run a playbook (run-playbook)');
    await choose(editor, 'Repository', 'playbooks');
    await choose(editor, 'Playbook', 'hello.yml');
    await choose(editor, 'Provider field', 'Provider (provider)');
    await choose(editor, 'Extra variables field', 'Extra variables (extra_vars)');
    await editor.getByLabel("The requester's groups see its requests and services").check();
    await screenshot(page, 't01-editor');

    // The server checks it like a catalog file: the icon's problem shows on the icon, nothing is stored.
    await page.getByTestId('save-template').click();
    const error = page.getByTestId('editor-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Icon: use a Material icon name/);
    assert.match(await editor.getByText('use a Material icon name').first().innerText(), /Material icon/);
    assert.match(page.url(), /\/serviceTemplates\/create$/, 'the editor stays open');
    assert.equal(
      (await api(ITEMS)).serviceTemplates.some((t) => t.name === 'Hello from the editor'),
      false,
      'nothing stored',
    );
    await screenshot(page, 't02-editor-error');

    // The picker offers exactly the icons the catalog draws; a name it lacks is marked before saving.
    const icon = editor.getByLabel('Icon');
    await icon.fill('rocket');
    await editor.getByText('"rocket" is not an icon the portal has').waitFor();
    await icon.fill('');
    await icon.press('ArrowDown');
    await page.getByTestId('icon-option').first().waitFor();
    const offered = await page.getByTestId('icon-option').evaluateAll((options) => options.map((o) => o.getAttribute('data-icon')));
    assert.ok(offered.length >= 50, `${offered.length} icons offered`);
    for (const name of ['account_tree', 'alt_route', 'cell_tower', 'cloud', 'play_circle', 'waving_hand']) assert.ok(offered.includes(name), name);
    await icon.fill('waving');
    await page.getByRole('option', { name: 'waving_hand' }).click();
    assert.equal(await icon.inputValue(), 'waving_hand');
    assert.equal(await editor.getByTestId('icon-preview').locator('[data-icon]').getAttribute('data-icon'), 'waving_hand');
    await screenshot(page, 't02b-icon-picked');
    await page.getByTestId('save-template').click();
    await page.waitForURL(/\/serviceTemplates$/);
    const row = page.getByRole('row').filter({ hasText: 'Hello from the editor' });
    await row.waitFor();
    assert.equal(await row.getByTestId('template-source').innerText(), 'editor');
    const saved = (await api(ITEMS)).serviceTemplates.find((t) => t.name === 'Hello from the editor');
    assert.deepEqual(saved.definition.provision, { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'provider' }, extraVarsField: 'extra_vars' });
    assert.equal(saved.definition.visibility, 'group', "the switch makes its orders seen by the requester's groups");
    await screenshot(page, 't03-items-list');

    // It is in the catalog, and orders like any item.
    await page.getByRole('menuitem', { name: 'Catalog', exact: true }).click();
    await page.getByRole('link', { name: 'Order Hello from the editor' }).click();
    await page.getByRole('button', { name: 'Order', exact: true }).waitFor();
    await choose(page, 'Playbook', 'hello.yml');
    await page.getByLabel('Extra variables').fill('name: template editor');
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    await page.locator('[data-testid="request-status"][data-status="finished"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.getByTestId('job-log').getByText('Hello, template editor!', { exact: false }).first().waitFor();
    await screenshot(page, 't04-request-finished');
  });

  test('a bundle of two items, reordered, saved with its provision indexes and inputs', async () => {
    const page = await signedInPage();
    await page.goto(`${product.url}/#/serviceTemplates`);
    await page.getByTestId('new-bundle').click();
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await editor.getByLabel('Item name').first().fill('Bundle from the editor');
    await choose(editor, 'Dialog', 'Demo bundle (demo-bundle)');

    // One site, its provider picked by the dialog's provider field; the first item deploys it.
    await page.getByRole('button', { name: 'Add site' }).click();
    const sites = page.getByTestId('bundle-sites');
    await sites.getByLabel('Site', { exact: true }).fill('apps');
    await choose(sites, 'Provider from', 'dialog field');
    await choose(sites, 'Provider field', 'Provider (provider)');

    const first = page.getByTestId('bundle-item-0');
    await first.getByLabel('Item name').fill('app');
    await choose(first, 'Site', 'apps');
    await choose(first, 'Playbook', 'bundle/app.yml');
    await first.getByTestId('items-0-inputs-add').click();
    await first.getByTestId('items-0-inputs-key-0').fill('net_id');
    await first.getByTestId('items-0-inputs-value-0').fill('network.net_id');

    await page.getByTestId('add-item').click();
    const second = page.getByTestId('bundle-item-1');
    await second.getByLabel('Item name').fill('network');
    await choose(second, 'Playbook', 'bundle/network.yml');
    await second.getByTestId('items-1-provision-vars-add').click();
    await choose(second, 'Dialog field', 'Deployment name (deployment)');
    await second.getByTestId('items-1-provision-vars-value-0').fill('deployment');

    // Saved as it is, "app" takes an input from a later item: the server says so.
    await second.getByLabel('Provision index').fill('1');
    await first.getByLabel('Provision index').fill('0');
    await page.getByTestId('save-template').click();
    assert.match(
      await page.getByTestId('editor-error').innerText(),
      /item "app" \(index 0\) takes net_id from "network" \(index 1\), which does not run before it/,
    );

    // Network first: move it up and swap the indexes.
    await second.getByRole('button', { name: 'Move item network up' }).click();
    assert.equal(await page.getByTestId('bundle-item-0').getAttribute('data-item'), 'network');
    await page.getByTestId('bundle-item-0').getByLabel('Provision index').fill('0');
    await page.getByTestId('bundle-item-1').getByLabel('Provision index').fill('1');
    assert.equal(await page.getByTestId('items-1-inputs-value-0').inputValue(), 'network.net_id', 'the moved item keeps its inputs');
    await screenshot(page, 't05-bundle-editor');
    await page.getByTestId('save-template').click();
    await page.waitForURL(/\/serviceTemplates$/);
    const bundle = (await api(ITEMS)).serviceTemplates.find((t) => t.name === 'Bundle from the editor');
    assert.equal(bundle.source, 'editor');
    assert.deepEqual(bundle.definition.sites, { apps: { provider: { field: 'provider' } } });
    assert.deepEqual(
      bundle.definition.items.map((i) => i.site ?? null),
      [null, 'apps'],
    );
    assert.deepEqual(
      bundle.definition.items.map((i) => [i.name, i.index, i.provision.playbook, i.inputs ?? null, i.provision.vars ?? null]),
      [
        ['network', 0, 'bundle/network.yml', null, { deployment: 'deployment' }],
        ['app', 1, 'bundle/app.yml', { net_id: 'network.net_id' }, null],
      ],
    );
  });

  test('an item from the catalog files is not edited in place: it offers "Copy to a new item"', async () => {
    const page = await signedInPage();
    const seed = (await api(ITEMS)).serviceTemplates.find((t) => t.name === 'Run a playbook');
    await page.goto(`${product.url}/#/serviceTemplates/${seed.id}`);
    const owned = page.getByTestId('template-owned');
    await owned.waitFor();
    assert.match(await owned.innerText(), /comes from the catalog file catalog\/templates\/run-a-playbook\.yaml/);
    await page.getByTestId('copy-template').click();
    await page.getByTestId('copy-note').waitFor();
    assert.equal(await page.getByLabel('Item name').inputValue(), 'Run a playbook (copy)');
    await page.getByTestId('save-template').click();
    await page.waitForURL(/\/serviceTemplates$/);
    const copy = (await api(ITEMS)).serviceTemplates.find((t) => t.name === 'Run a playbook (copy)');
    assert.equal(copy.source, 'editor');
    assert.deepEqual(copy.definition.provision, seed.definition.provision);
  });

  test('the Templates list pages and searches every item, published or not, beyond its first 50', async () => {
    const page = await signedInPage();
    const files = Array.from({ length: 60 }, (_, i) => ({
      path: `templates/paged-${i}.yaml`,
      content: `kind: ServiceTemplate\nname: Paged item ${String(i).padStart(2, '0')}\ncatalog: Paged\ntype: ansible_playbook\ndialog: run-playbook\npublished: ${i % 2 === 0}\nprovision: { repo: playbooks, playbook: hello.yml, provider: { field: provider } }\n`,
    }));
    await api('mutation($f: [CatalogFileInput!]!) { importCatalog(files: $f) { templates } }', { f: files });
    const total = (await api('{ serviceTemplateCount(unpublished: true) }')).serviceTemplateCount;
    assert.ok(total > 60, `${total} items`);
    await page.goto(`${product.url}/#/serviceTemplates`);
    await page.reload(); // the list may be on screen already, from before the import
    await page.getByText(`1-50 of ${total}`).waitFor();
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await page.getByText(`51-${Math.min(100, total)} of ${total}`).waitFor();
    // Search reaches an unpublished item whatever page it would be on.
    await page.getByPlaceholder('Search items').fill('Paged item 59');
    await page.getByText('1-1 of 1').waitFor();
    await page.getByRole('cell', { name: /Paged item 59/ }).waitFor();
    await screenshot(page, 'templates-search');
  });

  test('an incomplete item: each missing input is marked in plain words before any request; the server says the same in words', async () => {
    const page = await signedInPage();
    const saves = [];
    const onRequest = (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('saveServiceTemplate')) saves.push(request);
    };
    page.on('request', onRequest);
    await page.goto(`${product.url}/#/serviceTemplates`);
    await page.getByTestId('new-template').click();
    await page.waitForURL(/\/serviceTemplates\/create$/);
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await page.getByTestId('save-template').click();
    const error = page.getByTestId('editor-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Fill in the marked inputs/);
    assert.match(await error.innerText(), /Item name is required/);
    assert.match(await error.innerText(), /Provision › Playbook is required/);
    const name = editor.getByRole('textbox', { name: 'Item name' });
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator(`[id="${await name.getAttribute('aria-describedby')}"]`).innerText(), 'Item name is required');
    await helperText(editor, 'Dialog is required').waitFor();
    await helperText(editor, 'Playbook is required').waitFor();
    assert.equal(saves.length, 0, 'nothing was sent: the editor checks required inputs itself');
    assert.doesNotMatch(await page.locator('body').innerText(), RAW);
    await screenshot(page, 't06-editor-missing');
    await page.setViewportSize({ width: 390, height: 900 });
    await error.scrollIntoViewIfNeeded();
    await screenshot(page, 't06b-editor-missing-390');
    await page.setViewportSize({ width: 1440, height: 1000 });

    // The same item sent as JSON (the server checks it): its refusal reads the same, on the inputs.
    await name.fill('Incomplete item');
    await page.getByTestId('toggle-json').click();
    const json = page.getByTestId('template-json');
    const definition = JSON.parse(await json.inputValue());
    delete definition.dialog;
    await json.fill(JSON.stringify(definition, null, 2));
    await page.getByTestId('save-template').click();
    await error.getByText('The catalog item has errors:').waitFor();
    await error.getByText('Dialog is required').waitFor();
    assert.equal(saves.length, 1, 'this time the server was asked');
    assert.doesNotMatch(await page.locator('body').innerText(), RAW);
    await page.getByTestId('toggle-json').click();
    // Back in the form (the JSON lacks the dialog and the playbook: shown empty, and marked).
    await helperText(editor, 'Dialog is required').waitFor();
    await helperText(editor, 'Playbook is required').waitFor();
    await screenshot(page, 't07-editor-server-missing');
    assert.equal(
      (await api(ITEMS)).serviceTemplates.some((t) => t.name === 'Incomplete item'),
      false,
      'nothing stored',
    );
    page.off('request', onRequest);
  });
});
