// The order form runs the same validator as the server (@superfluid/dialogs), patterns on RE2JS:
// a pattern that makes a backtracking RegExp run for hours — `(a+)+$` against `aaaa…a!` — is
// answered as the person types, in the dialog preview of a real browser, at a desktop and a
// phone width; so are extra variables nested too deeply. (With RegExp, the tab would freeze on
// the first check and this test would time out.)
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/dialog-patterns.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startProduct } from '../support/product.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const UI_TIMEOUT = 20_000;
const screenshotDir = process.env.SCREENSHOT_DIR;

const HOSTILE = 'a'.repeat(40) + '!';
const DIALOG = {
  name: 'pattern-check',
  label: 'Pattern check',
  tabs: [
    {
      label: 'Main',
      boxes: [
        {
          label: 'Values',
          fields: [
            { name: 'word', label: 'Word', type: 'text', required: true, pattern: '(a+)+$', patternMessage: 'Must end in a run of a' },
            { name: 'vars', label: 'Variables', type: 'textarea', format: 'yaml_mapping' },
          ],
        },
      ],
    },
  ],
};

let product;
let browser;
const profiles = [];

const newPage = async (width) => {
  const profile = await mkdtemp(path.join(tmpdir(), 'superfluid-chromium-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height: 900 },
  });
  browser = context;
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
  return page;
};

const screenshot = async (page, name) => {
  if (!screenshotDir) return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
};

describe('dialog patterns in the order form', () => {
  let dialogId;

  before(async () => {
    product = await startProduct();
    const token = await product.login();
    const saved = await product.graphql('mutation($d: JSON!) { saveDialog(definition: $d) { id } }', { d: DIALOG }, token);
    assert.equal(saved.errors, undefined, JSON.stringify(saved.errors));
    dialogId = saved.data.saveDialog.id;
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    for (const profile of profiles) await rm(profile, { recursive: true, force: true });
    await product?.stop();
  });

  for (const width of [1440, 390]) {
    test(`at ${width} px: a value built to make (a+)+$ backtrack is refused as it is typed, and so are variables nested too deeply`, async () => {
      await browser?.close().catch(() => undefined);
      const page = await newPage(width);
      await page.goto(product.url);
      await page.locator('input[name="username"]').fill('admin');
      await page.locator('input[name="password"]').fill(product.adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('input[name="username"]').waitFor({ state: 'detached' });
      await page.goto(`${product.url}/#/dialogs/${encodeURIComponent(dialogId)}/show`);

      const preview = page.getByTestId('dialog-preview');
      const word = preview.getByTestId('dialog-field-word');
      await word.locator('input').fill(HOSTILE);
      await page.getByRole('button', { name: 'Check values' }).click();
      await word.getByText('Must end in a run of a').waitFor();
      // As the person types on: each value is checked again at once.
      await word.locator('input').fill('banana');
      await word.getByText('Must end in a run of a').waitFor({ state: 'detached' });
      await word.locator('input').fill(`${HOSTILE}${'a'.repeat(1000)}!`);
      await word.getByText('Must end in a run of a').waitFor();

      const vars = preview.getByTestId('dialog-field-vars');
      await vars
        .locator('textarea')
        .first()
        .fill(`name: x\nnested: ${'['.repeat(100)}${']'.repeat(100)}`);
      await vars.getByText('Variables is nested too deeply: line 2: collections nested more than 64 deep are refused').waitFor();
      await screenshot(page, `dialog-patterns-${width}`);

      await word.locator('input').fill('aaa');
      await vars.locator('textarea').first().fill('name: shallow');
      await vars.getByText('nested too deeply', { exact: false }).waitFor({ state: 'detached' });
      // On a phone the notice of the refused check covers the button: Enter in a field submits too.
      await word.locator('input').press('Enter');
      const sent = page.getByTestId('dialog-preview-values');
      await sent.waitFor();
      assert.match(await sent.innerText(), /"word": "aaa"/);
    });
  }
});
