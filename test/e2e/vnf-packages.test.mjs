// VNF packages through a real browser: the real product with its built-in repository, whose
// vnf-packages/web-pod-on-vm is on-boarded at first start. The admin opens "VNF packages", sees
// the example listed, opens it, sees its pod nested under its VM, downloads an artifact and the
// whole package, sees it in use by the shipped catalog item that deploys it, disables it,
// deletes it (its deletion waits, as it is in use) and aborts the deletion, then enables it
// again (each after a confirmation).
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/vnf-packages.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { signInApi } from '../support/api.mjs';
import { Browsers, screenshot, signIn } from '../support/browser.mjs';
import { ROOT, startProduct } from '../support/product.mjs';

const EXAMPLE = path.join(ROOT, 'playbooks', 'vnf-packages', 'web-pod-on-vm');

describe('VNF packages in the web UI', () => {
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

  test('the shipped example is listed, its VDU tree shown, an artifact downloaded, disabled and enabled', async () => {
    const page = await browsers.newPage();
    await signIn(page, product, { menu: 'VNF packages' });
    await page.getByRole('menuitem', { name: 'VNF packages' }).click();
    await page.waitForURL(/\/vnfPackages/);
    const row = page.locator('tbody tr', { hasText: 'Web pod on a VM' });
    await row.waitFor();
    assert.match(await row.innerText(), /Superfluid examples/);
    assert.equal(await row.getByTestId('vnf-operational-state').getAttribute('data-state'), 'enabled');
    // The shipped catalog item "Web pod on a VM (VNF package)" deploys it: it is in use.
    await row.getByTestId('vnf-package-states').getByText('in use').waitFor();
    await screenshot(page, 'vnf-packages-01-list');

    await row.click();
    const tree = page.getByTestId('vdu-tree');
    await tree.waitFor();
    const vm = tree.locator('[data-vdu="vmid"]');
    const pod = tree.locator('[data-vdu="webpod"]');
    assert.equal(await vm.getAttribute('data-depth'), '0');
    assert.equal(await pod.getAttribute('data-depth'), '1', 'the pod is nested under its VM');
    assert.equal(await pod.getByTestId('vdu-technology').innerText(), 'kubernetes');
    assert.match(await pod.innerText(), /inside vmid \(mandatory\)/);
    assert.match(await vm.innerText(), /described by heat\/worker-vm\.yaml/, "the VM's Heat template");
    assert.match(await page.getByTestId('vnf-connection-points').innerText(), /web-svc[\s\S]*80\/TCP → 8080/);
    await page.getByText('catalog item "Web pod on a VM (VNF package)"').waitFor();
    await screenshot(page, 'vnf-packages-02-show');

    // One artifact, as the repository holds it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download k8s/web-pod.yaml' }).click()]);
    assert.equal(download.suggestedFilename(), 'web-pod.yaml');
    const got = await readFile(await download.path());
    const expected = await readFile(path.join(EXAMPLE, 'k8s', 'web-pod.yaml'));
    assert.equal(createHash('sha256').update(got).digest('hex'), createHash('sha256').update(expected).digest('hex'));
    // The whole package.
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('vnf-download-zip').click()]);
    assert.equal(zip.suggestedFilename(), 'web-pod-on-vm.zip');
    assert.equal((await readFile(await zip.path())).subarray(0, 2).toString(), 'PK');

    // Disable, confirmed; then enable again.
    await page.getByTestId('vnf-disable').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await page.locator('[data-testid="vnf-operational-state"][data-state="disabled"]').first().waitFor();
    await page.getByTestId('vnf-delete').waitFor();
    await screenshot(page, 'vnf-packages-03-disabled');
    const { vnfPackages } = await api('{ vnfPackages(filter: { state: disabled }) { name } }');
    assert.deepEqual(vnfPackages, [{ name: 'web-pod-on-vm' }]);
    // Deleting it while in use: the deletion waits; it is aborted, and the package stays, disabled.
    await page.getByTestId('vnf-delete').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('vnf-package-states').getByText('deletion pending').waitFor();
    await screenshot(page, 'vnf-packages-04-deletion-pending');
    const pending = await api('{ vnfPackages(filter: { state: deletion_pending }) { name usedBy } }');
    assert.deepEqual(pending.vnfPackages, [{ name: 'web-pod-on-vm', usedBy: ['catalog item "Web pod on a VM (VNF package)"'] }]);
    await page.getByTestId('vnf-abort').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Abort deletion' }).click();
    await page.getByTestId('vnf-package-states').getByText('deletion pending').waitFor({ state: 'detached' });
    await page.getByTestId('vnf-enable').waitFor();
    await page.getByTestId('vnf-enable').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
    await page.locator('[data-testid="vnf-operational-state"][data-state="enabled"]').first().waitFor();
    const after = await api('{ vnfPackages(filter: { state: enabled }) { name } }');
    assert.ok(after.vnfPackages.some((p) => p.name === 'web-pod-on-vm'));
  });
});
