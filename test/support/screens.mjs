// Steps on particular screens of the portal that more than one browser test takes.
import { UI_TIMEOUT, choose, idFromUrl, screenshot } from './browser.mjs';

/** From the Catalog menu, opens the order form of the item `label` and waits for its Order button. */
export async function openOrderForm(page, label) {
  await page.getByRole('menuitem', { name: 'Catalog' }).click();
  await page.getByRole('link', { name: `Order ${label}` }).waitFor();
  await screenshot(page, '02-catalog');
  await page.getByRole('link', { name: `Order ${label}` }).click();
  await page.getByRole('button', { name: 'Order', exact: true }).waitFor();
}

/** Orders "Run a playbook" with `playbook` (and `extraVars`, YAML) from the catalog; resolves with the request's id once its page shows. */
export async function orderPlaybook(page, playbook, extraVars) {
  await openOrderForm(page, 'Run a playbook');
  await choose(page, 'Playbook', playbook);
  if (extraVars !== undefined) await page.getByLabel('Extra variables').fill(extraVars);
  await page.getByRole('button', { name: 'Order', exact: true }).click();
  await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/, { timeout: UI_TIMEOUT });
  return idFromUrl(page);
}

/**
 * On a provider's page: clicks "Read now" and waits until the page shows a newer read than before
 * (its data-read-at changes) and the button can be clicked again.
 */
export async function readNow(page, { timeout = UI_TIMEOUT } = {}) {
  const card = page.getByTestId('provider-resources');
  const before = await card.getAttribute('data-read-at');
  await card.getByTestId('read-resources').click();
  await page.waitForFunction(
    (previous) => {
      const readAt = document.querySelector('[data-testid="provider-resources"]')?.getAttribute('data-read-at');
      return readAt && readAt !== previous;
    },
    before,
    { timeout },
  );
  await card.locator('[data-testid="read-resources"]:not([disabled])').waitFor();
}
