// Credentials through a real browser: the real product (test/support/product.mjs) driven by
// headless Chromium via playwright-core, as in browser.test.mjs. An SSH key made by ssh-keygen is
// stored through the form, listed, opened for edit (where the secret is not shown, not even in
// the page's data), edited without retyping it, and deleted.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/credentials.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { signInApi } from '../support/api.mjs';
import { Browsers, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';

describe('credentials in the web UI', () => {
  let product;
  let api;
  let dir;
  const browsers = new Browsers();
  let privateKey;
  const passphrase = `pp-${Math.random().toString(36).slice(2)}-canary`;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'superfluid-cred-e2e-'));
    await promisify(execFile)('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'e2e', '-f', path.join(dir, 'id')]);
    privateKey = await readFile(path.join(dir, 'id'), 'utf8');
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('create an SSH key credential, see it listed, edit it without seeing the secret, delete it', async () => {
    const page = await browsers.newPage();
    // Everything the API sends the page, to check no secret ever comes back.
    const responses = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/graphql')) responses.push(await response.text().catch(() => ''));
    });

    await signIn(page, product, { menu: 'Credentials' });
    await page.getByRole('menuitem', { name: 'Credentials' }).click();
    await page.getByRole('link', { name: 'Create' }).click();

    // The type first: its fields follow.
    await page.getByRole('textbox', { name: 'Name' }).fill('deploy-key');
    await page.getByText('Pick a type to see its fields.').waitFor();
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'SSH key', exact: true }).click();
    await page.getByLabel('Username').fill('deploy');

    // A public key pasted by mistake: the server's reason shows under the field, nothing is stored.
    const privateKeyInput = page.getByRole('textbox', { name: 'Private key' });
    await privateKeyInput.fill('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHh4 e2e');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('.ra-input-secrets\\.private_key .Mui-error').last().getByText('is a public key', { exact: false }).waitFor();
    assert.deepEqual((await api('{ credentials { name } }')).credentials, [], 'nothing stored');

    await privateKeyInput.fill(privateKey);
    const passphraseInput = page.getByRole('textbox', { name: 'Passphrase' });
    assert.equal(await passphraseInput.getAttribute('type'), 'password', 'a one-line secret is a password input');
    await passphraseInput.fill(passphrase);
    await screenshot(page, 'credentials-01-create');
    await page.getByRole('button', { name: 'Create' }).click();

    // Listed, with its non-secret field and its secrets by name only.
    await page.waitForURL(/\/credentials$/);
    const row = page.locator('tbody tr', { hasText: 'deploy-key' });
    await row.waitFor();
    assert.equal((await row.getByTestId('credential-type').innerText()).trim(), 'SSH key');
    assert.match(await row.innerText(), /username: deploy/);
    assert.deepEqual(await row.getByTestId('credential-secret').allInnerTexts(), ['private_key: stored', 'passphrase: stored']);
    await screenshot(page, 'credentials-02-list');
    const [stored] = (await api('{ credentials { id name type inputs secretFields } }')).credentials;
    assert.deepEqual(
      { name: stored.name, type: stored.type, inputs: stored.inputs, secretFields: stored.secretFields },
      { name: 'deploy-key', type: 'ssh_key', inputs: { username: 'deploy' }, secretFields: ['private_key', 'passphrase'] },
    );

    // Edit: the secret fields are empty, saying a value is stored; the page holds no secret.
    await row.getByText('deploy-key', { exact: true }).click();
    await page.waitForURL(new RegExp(`/credentials/${encodeURIComponent(stored.id)}$`));
    assert.equal(await page.getByLabel('Username').inputValue(), 'deploy');
    assert.equal(await privateKeyInput.inputValue(), '', 'the private key is not shown');
    assert.equal(await passphraseInput.inputValue(), '', 'the passphrase is not shown');
    assert.ok(await page.getByRole('combobox', { name: 'Type' }).isDisabled(), 'the type cannot change');
    assert.equal(await page.getByText('Stored — leave empty to keep').count(), 2);
    const keyBody = privateKey.split('\n')[1];
    const html = await page.content();
    assert.ok(!html.includes(keyBody) && !html.includes(passphrase), 'the page holds no secret');
    await screenshot(page, 'credentials-03-edit');

    // Saved without retyping the secrets: they are kept.
    await page.getByLabel('Username').fill('ops');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/credentials$/).catch(async (err) => {
      await screenshot(page, 'credentials-failed-save');
      throw err;
    });
    await row.getByText('username: ops', { exact: false }).waitFor();
    const { credential } = await api('query($id: ID!) { credential(id: $id) { inputs secretFields } }', { id: stored.id });
    assert.deepEqual(credential, { inputs: { username: 'ops' }, secretFields: ['private_key', 'passphrase'] });

    // Delete, after a confirmation.
    await page.getByRole('button', { name: 'Delete deploy-key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Delete credential deploy-key?').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByText('No Credentials yet', { exact: false })
      .or(page.getByText('No results', { exact: false }))
      .first()
      .waitFor();
    assert.deepEqual((await api('{ credentials { id } }')).credentials, [], 'the credential is gone');

    for (const text of responses) {
      assert.ok(!text.includes(keyBody), 'an API response held the private key');
      assert.ok(!text.includes(passphrase), 'an API response held the passphrase');
    }
    assert.ok(responses.length > 5, 'the API responses were recorded');
  });
});
