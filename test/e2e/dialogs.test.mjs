// End to end through a real browser: import an AWX survey on the "Import dialog" page, open the
// dialog it created and use its live preview; then the seed dialog "Deploy with options" lists the
// playbooks of the preselected repository and shows fields only in advanced mode; last, a ManageIQ
// export with automate-method fields is imported and its fields bound to data sources in place.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/dialogs.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { signInApi } from '../support/api.mjs';
import { Browsers, choose, screenshot } from '../support/browser.mjs';
import { ROOT, startProduct } from '../support/product.mjs';

let product;
let api;
const browsers = new Browsers();
// One browser session for the whole file, signed in by the first test that needs it.
const signedInPage = () => browsers.signedInPage(product, { menu: 'Dialogs' });

describe('dialogs in the web UI', () => {
  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
  });

  test('import an AWX survey, then preview the dialog it created with every field', async () => {
    const survey = await readFile(path.join(ROOT, 'backend/src/dialogs/fixtures/awx-survey.json'), 'utf8');
    const page = await signedInPage();
    await page.getByRole('menuitem', { name: 'Dialogs' }).click();
    await page.getByTestId('import-dialog').click();
    await page.getByLabel('AWX survey').check();

    // A broken survey first: the page lists the server's problems, and nothing is stored.
    await page.getByTestId('import-content').fill(JSON.stringify({ name: 'Broken', spec: [{ type: 'datepicker', variable: 'when', question_name: 'When' }] }));
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-errors').getByText('question type "datepicker" is not supported').waitFor();
    assert.equal(
      (await api('{ dialogs { name } }')).dialogs.some((d) => d.name === 'broken'),
      false,
    );

    // A default that breaks its own question's rule (AWX's documented example survey has such): the
    // survey is imported without it, and the page names the field.
    await page
      .getByTestId('import-content')
      .fill(JSON.stringify({ name: 'Short default', spec: [{ type: 'text', variable: 'code', question_name: 'Code', min: 3, max: 8, default: 'ab' }] }));
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-created-short-default').waitFor();
    await page.getByTestId('import-warnings').getByText('field "code": its default was dropped — "ab": must be at least 3 characters').waitFor();
    await screenshot(page, 'dialogs-import-warnings');
    const { dialogs: afterShort } = await api('{ dialogs { name definition } }');
    assert.equal(afterShort.find((d) => d.name === 'short-default').definition.tabs[0].boxes[0].fields[0].default, undefined);

    await page.getByTestId('import-content').fill(survey);
    await page.getByTestId('import-submit').click();
    const created = page.getByTestId('import-created-deploy-web-app');
    await created.waitFor();
    assert.match(await created.innerText(), /7 fields: app_name \(text\)/);
    await created.click();

    await page.waitForURL(/\/dialogs\/[^/]+\/show$/);
    const preview = page.getByTestId('dialog-preview');
    for (const name of ['app_name', 'release_notes', 'registry_password', 'replicas', 'cpu_limit', 'environment', 'features']) {
      await page.getByTestId(`dialog-fields-row-${name}`).waitFor();
      await preview.getByTestId(`dialog-field-${name}`).waitFor();
    }
    assert.equal(await preview.getByTestId('dialog-field-app_name').locator('input').inputValue(), 'shop');
    assert.equal(await preview.getByTestId('dialog-field-registry_password').locator('input').getAttribute('type'), 'password');

    // Live validation in the preview: the form's rules, before anything reaches the server.
    await preview.getByTestId('dialog-field-app_name').locator('input').fill('ab');
    await preview.getByTestId('dialog-field-registry_password').locator('input').fill('correct-horse');
    await page.getByRole('button', { name: 'Check values' }).click();
    await preview.getByTestId('dialog-field-app_name').getByText('Must be at least 3 characters').waitFor();
    await preview.getByTestId('dialog-field-app_name').locator('input').fill('shop-2');
    await page.getByRole('button', { name: 'Check values' }).click();
    const sent = page.getByTestId('dialog-preview-values');
    await sent.waitFor();
    const text = await sent.innerText();
    assert.match(text, /"app_name": "shop-2"/);
    assert.match(text, /"features": \[/);
  });

  test('the seed dialog preview lists the playbooks of its repository and shows advanced fields only in advanced mode', async () => {
    const page = await signedInPage();
    const { dialogs } = await api('{ dialogs { id name } }');
    const seed = dialogs.find((d) => d.name === 'deploy-options');
    await page.goto(`${product.url}/#/dialogs/${seed.id}/show`);
    const preview = page.getByTestId('dialog-preview');
    await preview.getByTestId('dialog-field-repo').waitFor();
    await preview.getByRole('combobox', { name: 'Playbook' }).click();
    await page.getByRole('option', { name: 'hello.yml', exact: true }).waitFor();
    await page.keyboard.press('Escape');

    await preview.getByRole('tab', { name: 'When and how' }).click();
    await preview.getByTestId('dialog-field-mode').waitFor();
    assert.equal(await preview.getByTestId('dialog-field-admin_password').count(), 0, 'hidden in basic mode');
    await preview.getByLabel('Advanced').check();
    await preview.getByTestId('dialog-field-admin_password').waitFor();
    await preview.getByTestId('dialog-field-maintenance_window').waitFor();
    await preview.getByLabel('Basic').check();
    await preview.getByTestId('dialog-field-admin_password').waitFor({ state: 'detached' });
  });

  test('a ManageIQ dialog with automate-method fields is bound in place: warning gone, the preview shows the choices', async () => {
    const exported = await readFile(path.join(ROOT, 'backend/src/dialogs/fixtures/manageiq-dialogs.yml'), 'utf8');
    const page = await signedInPage();
    await page.goto(`${product.url}/#/dialogs`);
    await page.getByTestId('import-dialog').click();
    await page.getByLabel('ManageIQ service dialog').check();
    await page.getByTestId('import-content').fill(exported);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-created-private-cloud-vm').click();
    await page.waitForURL(/\/dialogs\/[^/]+\/show$/);
    const id = decodeURIComponent(page.url().match(/\/dialogs\/([^/]+)\/show$/)[1]);

    const warning = page.getByTestId('dialog-pending-warning');
    assert.match(await warning.innerText(), /tenant, network_zone take their values from a ManageIQ automate method/);
    await page.getByTestId('dialog-fields-row-tenant').getByText('needs binding').waitFor();
    assert.equal(await page.getByTestId('bind-field-flavor').count(), 0, 'only automate-method fields are bound');

    // tenant: the providers.
    await page.getByTestId('bind-field-tenant').click();
    const bind = page.getByTestId('bind-field-dialog');
    assert.match(await bind.innerText(), /\/Cloud\/Orchestration\/Operations\/Methods\/Available_Tenants/);
    await choose(bind, 'Choices from', 'Providers');
    await bind.getByTestId('bind-field-save').click();
    await bind.waitFor({ state: 'detached' });
    await page.getByTestId('bound-from-tenant').waitFor();
    assert.match(await warning.innerText(), /Cannot be ordered yet: network_zone take/);

    // network_zone: a list; an empty one is refused by the server, and its message shown.
    await page.getByTestId('bind-field-network_zone').click();
    await bind.getByTestId('bind-field-save').click();
    assert.match(await bind.getByTestId('bind-field-error').innerText(), /\("network_zone"\)\.dataSource\.choices/);
    await bind.getByRole('button', { name: 'Add choice' }).click();
    await bind.getByTestId('choice-value-0').fill('z1');
    await bind.getByTestId('choice-label-0').fill('Zone 1');
    await bind.getByTestId('bind-field-save').click();
    await bind.waitFor({ state: 'detached' });

    await warning.waitFor({ state: 'detached' });
    assert.equal(await page.getByText('needs binding').count(), 0);
    const preview = page.getByTestId('dialog-preview');
    await preview.getByRole('tab', { name: 'Basic Information' }).click();
    await preview.getByLabel('Zone 1').waitFor();
    await preview.getByRole('combobox', { name: 'Tenant' }).click();
    await page.getByRole('option', { name: 'local (local)', exact: true }).waitFor();
    await page.keyboard.press('Escape');

    // Bound in place: the same dialog, still imported, and the server resolves its choices.
    const { dialog } = await api('query($id: ID!) { dialog(id: $id) { name origin fields { name pending } } }', { id });
    assert.deepEqual([dialog.name, dialog.origin, dialog.fields.filter((f) => f.pending).length], ['private-cloud-vm', 'imported', 0]);
    const { refreshDialogField } = await api(
      'query { refreshDialogField(dialog: "private-cloud-vm", field: "network_zone", values: {}) { choices { value label } } }',
    );
    assert.deepEqual(refreshDialogField.choices, [{ value: 'z1', label: 'Zone 1' }]);
  });
});
