// End to end through a real browser: the dialog editor. Build a dialog of two fields — a dropdown
// with static choices, and a text field shown only for one of them — watch the live preview hide and
// show the text field, save a broken pattern and see the server's error on the field, fix it, save,
// and find the dialog listed with origin "editor"; then copy a catalog dialog into the editor and
// narrow its provider field to one provider type.
// The real product is started by test/support/product.mjs and driven by headless Chromium.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/dialog-editor.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi } from '../support/api.mjs';
import { Browsers, choose, screenshot } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

let product;
let api;
const browsers = new Browsers();
// One browser session for the whole file, signed in by the first test that needs it.
const signedInPage = () => browsers.signedInPage(product, { menu: 'Dialogs', viewport: { width: 1440, height: 1000 } });

/** The helper text (under an input) that says exactly `text`. */
const helperText = (scope, text) => scope.locator('.MuiFormHelperText-root', { hasText: new RegExp(`^${text}$`) });
/** What a page must never show: zod's own words or a definition's raw path. */
const RAW = /Invalid input|expected string|received undefined|tabs\.\d+\./;

describe('the dialog editor in the web UI', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('build a dropdown and a text field shown for one choice, preview it, see the server refuse a bad pattern, save and find it listed', async () => {
    const page = await signedInPage();
    await page.getByRole('menuitem', { name: 'Dialogs' }).click();
    await page.getByTestId('new-dialog').click();
    await page.waitForURL(/\/dialogs\/create$/);
    await page.getByTestId('dialog-editor').waitFor();
    await page.getByLabel('Dialog name').fill('e2e-editor');
    await page.getByLabel('Dialog label').fill('Made in the browser');

    // The new dialog's first field, selected, becomes a dropdown with two static choices.
    const panel = page.getByTestId('field-properties');
    await panel.getByLabel('Field name').fill('size');
    await panel.getByLabel('Field label').fill('Size');
    await choose(panel, 'Type', 'dropdown');
    await panel.getByTestId('choice-value-0').fill('s');
    await panel.getByTestId('choice-label-0').fill('Small');
    await panel.getByRole('button', { name: 'Add choice' }).click();
    await panel.getByTestId('choice-value-1').fill('custom');
    await panel.getByTestId('choice-label-1').fill('Custom');

    // A second field, shown only when the size is "custom".
    await page.getByTestId('add-field-0-0').click();
    await page.locator('[data-testid="field-properties"][data-field="field_1"]').waitFor();
    await panel.getByLabel('Field name').fill('details');
    await panel.getByLabel('Field label').fill('Details');
    await panel.getByRole('checkbox', { name: 'Required' }).check();
    await choose(panel, 'Visible when', 'Size (size)');
    await choose(panel, 'Value', 'Custom (custom)');
    const row = page.getByTestId('editor-field-details');
    assert.match(await row.innerText(), /text · required · when size/);

    // The live preview: the text field is hidden until the dropdown says "custom".
    const preview = page.getByTestId('editor-preview');
    await preview.getByTestId('dialog-field-size').waitFor();
    assert.equal(await preview.getByTestId('dialog-field-details').count(), 0, 'hidden while no size is picked');
    await choose(preview, 'Size', 'Custom');
    await preview.getByTestId('dialog-field-details').waitFor();
    await screenshot(page, 'e01-editor-preview-shown');
    await choose(preview, 'Size', 'Small');
    await preview.getByTestId('dialog-field-details').waitFor({ state: 'detached' });

    // Reordering: the text field moves above the dropdown, and back.
    await row.getByRole('button', { name: 'Move field details up' }).click();
    const order = () => page.locator('[data-testid^="editor-field-"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid));
    assert.deepEqual(await order(), ['editor-field-details', 'editor-field-size']);
    await row.getByRole('button', { name: 'Move field details down' }).click();
    assert.deepEqual(await order(), ['editor-field-size', 'editor-field-details']);

    // A pattern the server cannot compile: its error is shown, on the field too, and nothing is stored.
    await row.click();
    await panel.getByTestId('field-pattern').fill('([a-z');
    await page.getByTestId('save-dialog').click();
    const error = page.getByTestId('editor-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Tab 1 › Box 1 › Field 2 "details" \(pattern\): is not a valid regular expression/);
    assert.doesNotMatch(await page.locator('body').innerText(), RAW, "the place in the editor's words, not as a path");
    assert.match(await panel.getByTestId('field-error').innerText(), /^pattern: is not a valid regular expression/);
    assert.equal(await row.getAttribute('data-error'), 'true', 'the field is marked in the structure');
    assert.match(page.url(), /\/dialogs\/create$/, 'the editor stays open');
    await screenshot(page, 'e02-editor-server-error');
    assert.equal(
      (await api('{ dialogs { name } }')).dialogs.some((d) => d.name === 'e2e-editor'),
      false,
      'nothing stored',
    );

    // Fixed, it saves: the dialog's page, then the list after a reload, say origin "editor".
    await panel.getByTestId('field-pattern').fill('^[a-z ]+$');
    await page.getByTestId('save-dialog').click();
    await page.waitForURL(/\/dialogs\/[^/]+\/show$/);
    assert.equal(await page.getByTestId('dialog-origin').innerText(), 'editor');
    await page.reload();
    await page.getByRole('menuitem', { name: 'Dialogs' }).click();
    const listed = page.getByRole('row').filter({ hasText: 'e2e-editor' });
    await listed.waitFor();
    assert.equal(await listed.getByTestId('dialog-origin').innerText(), 'editor');
    await screenshot(page, 'e03-dialogs-list');
    const { dialogs } = await api('{ dialogs { name origin definition } }');
    const saved = dialogs.find((d) => d.name === 'e2e-editor');
    assert.equal(saved.origin, 'editor');
    assert.deepEqual(saved.definition.tabs[0].boxes[0].fields, [
      {
        name: 'size',
        label: 'Size',
        type: 'dropdown',
        choices: [
          { value: 's', label: 'Small' },
          { value: 'custom', label: 'Custom' },
        ],
      },
      { name: 'details', label: 'Details', type: 'text', required: true, pattern: '^[a-z ]+$', visibleWhen: { field: 'size', equals: 'custom' } },
    ]);
  });

  test('a catalog dialog is copied into the editor and saved under its own name; saving over the catalog name is refused', async () => {
    const page = await signedInPage();
    const { dialogs } = await api('{ dialogs { id name } }');
    const seed = dialogs.find((d) => d.name === 'run-playbook');
    await page.goto(`${product.url}/#/dialogs/${seed.id}/show`);
    await page.getByTestId('copy-dialog').click();
    await page.getByTestId('copy-note').waitFor();
    assert.equal(await page.getByLabel('Dialog name').inputValue(), 'run-playbook-copy');
    // The preview shows the copied dynamic fields with the choices the server resolved for the original.
    const preview = page.getByTestId('editor-preview');
    await preview.getByRole('combobox', { name: 'Provider' }).click();
    await page.getByRole('option', { name: 'local (local)', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'e04-editor-copy');

    await page.getByLabel('Dialog name').fill('run-playbook');
    await page.getByTestId('save-dialog').click();
    assert.match(await page.getByTestId('editor-error').innerText(), /comes from the catalog files .* copy it under another name/);

    // Its provider field (choices from Providers) is narrowed to local providers.
    await page.getByTestId('editor-field-provider').click();
    const panel = page.getByTestId('field-properties');
    await page.locator('[data-testid="field-properties"][data-field="provider"]').waitFor();
    await choose(panel, 'Provider type', 'local');

    await page.getByLabel('Dialog name').fill('run-playbook-copy');
    await page.getByTestId('save-dialog').click();
    await page.waitForURL(/\/dialogs\/[^/]+\/show$/);
    const { dialogs: after } = await api('{ dialogs { name origin definition } }');
    assert.equal(after.find((d) => d.name === 'run-playbook-copy')?.origin, 'editor');
    const provider = after.find((d) => d.name === 'run-playbook-copy').definition.tabs[0].boxes[0].fields.find((f) => f.name === 'provider');
    assert.deepEqual(provider.dataSource, { type: 'providers', providerType: 'local' });
    assert.equal(after.find((d) => d.name === 'run-playbook')?.origin, 'catalog');
  });

  test('an incomplete dialog: the empty labels and names are marked in plain words before any request, the element selected', async () => {
    const page = await signedInPage();
    const saves = [];
    const onRequest = (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('saveDialog')) saves.push(request);
    };
    page.on('request', onRequest);
    await page.goto(`${product.url}/#/dialogs/create`);
    const editor = page.getByTestId('dialog-editor');
    await editor.waitFor();
    const panel = page.getByTestId('field-properties');
    await editor.getByRole('textbox', { name: 'Dialog name' }).fill('');
    await panel.getByLabel('Field label').fill('');
    // Another element selected: the refusal brings the field back.
    await page.getByTestId('editor-tab-0').click();
    await page.getByTestId('save-dialog').click();
    const error = page.getByTestId('editor-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Fill in the marked inputs/);
    assert.match(await error.innerText(), /Dialog name is required/);
    assert.match(await error.innerText(), /Tab 1 › Box 1 › Field 1: Field label is required/);
    const dialogName = editor.getByRole('textbox', { name: 'Dialog name' });
    assert.equal(await dialogName.getAttribute('aria-invalid'), 'true');
    await helperText(editor, 'Dialog name is required').waitFor();
    await panel.waitFor();
    const label = panel.getByRole('textbox', { name: 'Field label' });
    assert.equal(await label.getAttribute('aria-invalid'), 'true');
    await helperText(panel, 'Field label is required').waitFor();
    const row = page.locator('[data-testid^="editor-field-"]').first();
    assert.equal(await row.getAttribute('data-error'), 'true', 'the field is marked in the structure');
    assert.equal(await row.getAttribute('data-selected'), 'true', 'and selected');
    assert.equal(saves.length, 0, 'nothing was sent: the editor checks required inputs itself');
    assert.doesNotMatch(await page.locator('body').innerText(), RAW);
    await screenshot(page, 'e05-editor-missing');
    await page.setViewportSize({ width: 390, height: 900 });
    await error.scrollIntoViewIfNeeded();
    await screenshot(page, 'e05b-editor-missing-390');
    await page.setViewportSize({ width: 1440, height: 1000 });

    // A name the server refuses: said in words under the name, nothing stored.
    await dialogName.fill('Not Kebab');
    await editor.getByRole('textbox', { name: 'Dialog label' }).fill('Incomplete');
    await label.fill('Anything');
    await page.getByTestId('save-dialog').click();
    await helperText(editor, 'dialog names are lower-kebab-case').waitFor();
    assert.equal(saves.length, 1);
    assert.equal(await dialogName.getAttribute('aria-invalid'), 'true');
    assert.doesNotMatch(await page.locator('body').innerText(), RAW);
    await screenshot(page, 'e06-editor-server-name');
    page.off('request', onRequest);
  });
});
