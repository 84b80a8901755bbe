// Headless Chromium for the browser tests (playwright-core driving the system's Chromium; never a
// browser Playwright downloads), and the steps every browser test takes: a fresh profile per page,
// signing in through the login form, screenshots, what the page's WebSockets and console received.
//
//   const browsers = new Browsers();                  // one per test file (or describe block)
//   const page = await browsers.newPage();            // fresh profile, 1280x900, 20 s for each wait
//   await signIn(page, product);                      // admin, through the login form
//   await screenshot(page, '01-catalog');             // only when SCREENSHOT_DIR is set
//   await browsers.close();                           // in after(): every browser, every profile folder
//
// SCREENSHOT_DIR=/some/dir keeps a PNG of each screenshot() call; SCREENSHOT_WIDTHS=1440,390 also
// takes each one at those widths (`<name>-1440.png`, `<name>-390.png`), the page put back as it was.
// CHROMIUM_PATH overrides /usr/bin/chromium. SHOW_BROWSER_CONSOLE=1 prints what the pages log to
// their console as it comes; the errors are kept either way (consoleErrors(page)).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that run Chromium here (shared/ENVIRONMENT.md): headless, as root, with nothing reaching out. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a page waits for an element or a navigation by default: a waiting limit, never asserted on. */
export const UI_TIMEOUT = 20_000;

const consoleErrorsOf = new WeakMap();

/**
 * The browsers a test file opens. Each page gets a browser of its own with a fresh profile folder,
 * so no login or storage leaks between tests; close() closes them all and removes their folders
 * (one left running would keep the test process alive).
 */
export class Browsers {
  #opened = [];
  #signedIn = null;

  /**
   * A page in a new browser. opts.viewport ({ width: 1280, height: 900 }), opts.timeout (UI_TIMEOUT),
   * opts.locale (the browser's language and formats: Chromium's own, en-US, when not given),
   * opts.colorScheme ('light' or 'dark': what prefers-color-scheme answers; light when not given).
   */
  async newPage({ viewport = { width: 1280, height: 900 }, timeout = UI_TIMEOUT, locale, colorScheme } = {}) {
    const dir = await mkdtemp(path.join(tmpdir(), 'superfluid-chromium-'));
    const opened = { context: null, dir };
    this.#opened.push(opened);
    opened.context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      ...(locale ? { locale } : {}),
      ...(colorScheme ? { colorScheme } : {}),
    });
    const page = opened.context.pages()[0] ?? (await opened.context.newPage());
    page.setDefaultTimeout(timeout);
    collectConsoleErrors(page);
    return page;
  }

  /**
   * One page signed in to `product` (signIn() with opts.menu), opened on the first call and the same
   * page on the next ones: for the tests of a file that go on in one browser session, in order.
   * opts.viewport and opts.timeout as for newPage().
   */
  signedInPage(product, { menu, viewport, timeout } = {}) {
    this.#signedIn ??= (async () => {
      const page = await this.newPage({ viewport, timeout });
      await signIn(page, product, { menu });
      return page;
    })();
    return this.#signedIn;
  }

  /** Closes every browser opened so far and removes their profile folders. */
  async close() {
    this.#signedIn = null;
    for (const { context, dir } of this.#opened.splice(0)) {
      await context?.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Signs in through the login form and waits for the menu. opts.username and opts.password (admin and
 * the product's ADMIN_PASSWORD), opts.menu (the menu item to wait for: 'Catalog'), opts.screenshot (a
 * name: a screenshot of the filled form before it is sent).
 */
export async function signIn(page, product, { username = 'admin', password = product.adminPassword, menu = 'Catalog', screenshot: shot } = {}) {
  await page.goto(product.url);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: menu }).waitFor();
}

const screenshotDir = process.env.SCREENSHOT_DIR;
const screenshotWidths = (process.env.SCREENSHOT_WIDTHS ?? '')
  .split(',')
  .map(Number)
  .filter((w) => Number.isInteger(w) && w > 0);

/** Waits for the page's finite animations (a dialog fading in, a chip changing colour), so a picture shows the state. */
async function settle(page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** A full-page PNG `<name>.png` in SCREENSHOT_DIR (nothing when it is unset); also at SCREENSHOT_WIDTHS. */
export async function screenshot(page, name) {
  if (!screenshotDir) return;
  await mkdir(screenshotDir, { recursive: true });
  await settle(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  if (screenshotWidths.length === 0) return;
  const original = page.viewportSize();
  try {
    for (const width of screenshotWidths) {
      await page.setViewportSize({ width, height: original?.height ?? 900 });
      await settle(page);
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}.png`), fullPage: true });
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

/** A full-page PNG at `file` (its folder made), whatever SCREENSHOT_DIR says: for tests whose pictures are their output. */
export async function screenshotTo(page, file) {
  await mkdir(path.dirname(file), { recursive: true });
  await settle(page);
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * Keeps the page's console errors and uncaught exceptions (newPage() does it for each page it opens);
 * consoleErrors(page) returns them. SHOW_BROWSER_CONSOLE=1 also prints every console message.
 */
export function collectConsoleErrors(page) {
  if (consoleErrorsOf.has(page)) return consoleErrorsOf.get(page);
  const errors = [];
  consoleErrorsOf.set(page, errors);
  const show = process.env.SHOW_BROWSER_CONSOLE === '1';
  page.on('console', (message) => {
    if (show) process.stderr.write(`[browser ${message.type()}] ${message.text()}\n`);
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (show) process.stderr.write(`[browser exception] ${error.stack ?? error.message}\n`);
    errors.push(`uncaught: ${error.message}`);
  });
  return errors;
}

/** The console errors and uncaught exceptions of a page opened by Browsers.newPage(), so far. */
export function consoleErrors(page) {
  return [...(consoleErrorsOf.get(page) ?? [])];
}

/** Records the data of the graphql-ws `next` messages the page receives, as they come. */
export function recordSubscriptionData(page) {
  const received = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      let message;
      try {
        message = JSON.parse(typeof payload === 'string' ? payload : payload.toString());
      } catch {
        return; // not a graphql-ws message
      }
      if (message.type === 'next' && message.payload?.data) received.push(message.payload.data);
    });
  });
  return received;
}

/** The id of the record the page shows: the `<id>` of `#/<resource>/<id>/show` (resource: 'serviceRequests'). */
export function idFromUrl(page, resource = 'serviceRequests') {
  const match = new RegExp(`/${resource}/([^/]+)/show$`).exec(page.url());
  if (!match) throw new Error(`the page is not a ${resource} show page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/**
 * Picks `option` in the MUI select (a combobox) named `label` inside `scope` (a page or a locator);
 * the options open in a popup of the page. opts.exact: the select's name must be `label` exactly.
 */
export async function choose(scope, label, option, { exact = false } = {}) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
