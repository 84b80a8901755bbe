// Steps on particular screens of the portal that more than one browser test takes.
import { UI_TIMEOUT } from './browser.mjs';

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
