// End to end through a real browser against a real OpenStack: Debian's Keystone and Heat, started
// for this file by backend/dist/testing/openstack-site.js. An OpenStack provider is made through the
// API; in the browser the "OpenStack Heat stack" item is ordered on it (its Cloud dropdown offers
// OpenStack providers only), the request is followed to its outputs, the provider's page reads the
// stack, the service is retired, and the provider's page reads no stack. Then, Keystone stopped,
// "Read now" shows the server's reason and keeps what was read before. With a Kubernetes provider
// on the subset of the Kubernetes API the tests use, the "Web pod on a VM (VNF package)" item is
// ordered in the browser: the VNF package's VM (a Heat stack) first, then its pod placed on it;
// the package's page names the service that uses it.
//
// Needs the Debian packages keystone heat-api heat-engine python3-openstackclient python3-heatclient
// sqlite3 (see backend/src/testing/openstack-site.ts), and backend/dist built.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/openstack.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startOpenStackSite } from '../../backend/dist/testing/openstack-site.js';
import { startKubeApiSubset } from '../../backend/dist/testing/kube-api-subset.js';
import { signInApi } from '../support/api.mjs';
import { Browsers, idFromUrl, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { readNow } from '../support/screens.mjs';

// Waiting limits only (never asserted on): a run starts ansible, asks Keystone for a token and waits
// for Heat to build or delete the stack.
const RUN_TIMEOUT = 180_000;

const CLOUD = 'e2e_cloud';
const STACK = 'e2e-shop-stack';

let product;
let api;
let cloud;
let providerId;
const browsers = new Browsers();

/** Waits on the request page until the request has ended; it must have finished (else its message says why). */
const assertFinished = async (page) => {
  const id = idFromUrl(page);
  const status = page.locator('[data-testid="request-status"]:is([data-status="finished"], [data-status="failed"], [data-status="canceled"])');
  await status.waitFor({ timeout: RUN_TIMEOUT });
  const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { status message jobs { stdout } } }', { id });
  assert.equal(await status.getAttribute('data-status'), 'finished', `${serviceRequest.message}\n${serviceRequest.jobs.at(-1)?.stdout ?? ''}`);
  assert.equal(serviceRequest.status, 'finished');
  return id;
};

/** The catalog's search has reached the list: only the cards that match `text` are left. */
const searched = async (page, text) => {
  await page.locator('[data-testid^="catalog-item-"]', { hasNotText: text }).first().waitFor({ state: 'detached' });
};

const openProvider = async (page) => {
  await page.getByRole('menuitem', { name: 'Providers' }).click();
  // The list's row, not an alarm row of the panel below it (a health check slow under load may have
  // raised one for this cloud, and the panel can render before the list).
  await page.locator('.RaList-main').getByRole('row').filter({ hasText: CLOUD }).click();
  await page.waitForURL(new RegExp(`/providers/${providerId}/show$`));
  // data-read-at once the provider read by id is shown (not the list's record, which has no resources).
  await page.locator('[data-testid="provider-resources"][data-read-at]').waitFor();
};

describe('an OpenStack cloud in the web UI, against a real Keystone and Heat', () => {
  before(async () => {
    [cloud, product] = await Promise.all([startOpenStackSite(), startProduct()]);
    api = await signInApi(product);
    const { createCredential } = await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: {
        name: 'e2e-cloud-password',
        type: 'openstack',
        inputs: { auth_url: cloud.authUrl, username: cloud.username, project_name: cloud.project },
        secrets: { password: cloud.password },
      },
    });
    const { createProvider } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: CLOUD, type: 'openstack', credentialId: createCredential.id, config: { region: cloud.region } },
    });
    providerId = createProvider.id;
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await cloud?.destroy();
  });

  test('order a Heat stack on the cloud, see its outputs and the stack on the provider; retire it and the stack is gone', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);

    // The catalog, searched: the item, then its order form.
    await page.getByRole('menuitem', { name: 'Catalog' }).click();
    await page.getByPlaceholder('Search the catalog').fill('Heat');
    await searched(page, 'Heat');
    const card = page.getByTestId('catalog-item-OpenStack Heat stack');
    await card.getByRole('link', { name: 'Order OpenStack Heat stack' }).click();

    // The Cloud dropdown offers the OpenStack provider only: not the built-in local one.
    await page.getByRole('combobox', { name: 'Cloud' }).click();
    const offered = page.getByRole('listbox').getByRole('option');
    await offered.first().waitFor();
    assert.deepEqual(await offered.allInnerTexts(), [`${CLOUD} (openstack)`]);
    await page.getByRole('option', { name: `${CLOUD} (openstack)`, exact: true }).click();
    await page.getByLabel('Stack name').fill(STACK);
    await page.getByLabel('Application name').fill('shop');
    await page.getByRole('radio', { name: 'Premium' }).check();
    await screenshot(page, 'o01-order-heat-stack');
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);

    // Followed to the end: the stack's outputs become the service's.
    const requestId = await assertFinished(page);
    const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { message service { id name outputs } } }', {
      id: requestId,
    });
    const service = serviceRequest.service;
    assert.ok(service, `the request made a service (${serviceRequest.message})`);
    assert.match(service.outputs.app_url, /^https:\/\/shop-[a-z]{6}\.apps\.example\.net\/$/);
    assert.equal(service.outputs.tier, 'premium');
    assert.equal(service.outputs.stack_status, 'CREATE_COMPLETE');
    const outputs = page.getByTestId('request-outputs');
    await outputs.getByText(service.outputs.app_url, { exact: false }).waitFor();
    await outputs.getByTestId('outputs-json-toggle').click();
    const shown = JSON.parse(await page.getByTestId('request-outputs-json').innerText());
    assert.equal(shown.app_url, service.outputs.app_url);
    assert.equal(shown.stack_id, service.outputs.stack_id);
    assert.equal(shown.stack_name, STACK);
    await screenshot(page, 'o02-request-finished');

    // The provider's page reads the stack from Heat; this cloud has no Nova, and says so.
    await openProvider(page);
    await readNow(page);
    const row = page.locator(`[data-testid="resource-stack"][data-name="${STACK}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'CREATE_COMPLETE');
    assert.equal(await row.getByTestId('resource-status').innerText(), 'CREATE_COMPLETE');
    assert.equal(await page.getByTestId('resource-stack').count(), 1);
    assert.equal(await page.getByTestId('resources-missing').innerText(), 'This cloud has no compute (Nova) service: no servers to list.');
    assert.match(await page.getByTestId('resources-read-at').innerText(), /^Last read /);
    await screenshot(page, 'o03-provider-resources');

    // Retired from its page: the retirement deletes the stack.
    await page.getByRole('menuitem', { name: 'Services' }).click();
    await page.getByRole('row').filter({ hasText: service.name }).click();
    await page.waitForURL(new RegExp(`/services/${service.id}/show$`));
    await page.getByTestId('service-show').getByTestId('retire-service').click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`Retire ${service.name}?`).waitFor();
    await confirm.getByRole('button', { name: 'Retire' }).click();
    await page.waitForURL((url) => /\/serviceRequests\/[^/]+\/show$/.test(url.href) && !url.href.includes(requestId));
    await assertFinished(page);
    const { service: retired } = await api('query($id: ID!) { service(id: $id) { status } }', { id: service.id });
    assert.equal(retired.status, 'retired');

    // Read again: no stacks, in words.
    await openProvider(page);
    await readNow(page);
    await page.getByTestId('resource-stacks-empty').waitFor();
    assert.equal(await page.getByTestId('resource-stacks-empty').innerText(), 'No stacks in this project.');
    assert.equal(await page.getByTestId('resource-stack').count(), 0);
    await screenshot(page, 'o04-provider-no-stacks');
  });

  test('order the VNF package item: the VM on the cloud, then its pod on the cluster placed on it; the package is in use by the service', async () => {
    const kube = await startKubeApiSubset(`e2e-k8s-${Date.now()}`);
    try {
      const { createCredential } = await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
        i: { name: 'e2e-cluster-token', type: 'kubernetes_token', inputs: { api_url: kube.url }, secrets: { token: kube.token } },
      });
      await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
        i: { name: 'e2e_cluster', type: 'kubernetes', credentialId: createCredential.id, config: { namespace: 'web' } },
      });
      const page = await browsers.newPage();
      await signIn(page, product);
      await page.getByRole('menuitem', { name: 'Catalog' }).click();
      await page.getByPlaceholder('Search the catalog').fill('VNF package');
      await searched(page, 'VNF package');
      await page.getByTestId('catalog-item-Web pod on a VM (VNF package)').getByRole('link', { name: 'Order Web pod on a VM (VNF package)' }).click();
      await page.waitForURL(/\/catalog\/[^/]+\/order$/);
      // The form's provider fields load their choices (a wait under a busy machine, not asserted on).
      const vmField = page.getByRole('combobox', { name: 'Cloud for the worker VM (VDU vmid)' });
      await vmField.waitFor({ timeout: RUN_TIMEOUT });
      await vmField.click();
      await page.getByRole('option', { name: `${CLOUD} (openstack)`, exact: true }).click();
      await page.getByRole('combobox', { name: 'Cluster for the web pod (VDU webpod)' }).click();
      await page.getByRole('option', { name: 'e2e_cluster (kubernetes)', exact: true }).click();
      await screenshot(page, 'o06-order-vnf-package');
      await page.getByRole('button', { name: 'Order', exact: true }).click();
      await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
      const requestId = await assertFinished(page);
      const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { service { id name outputs } } }', { id: requestId });
      const service = serviceRequest.service;
      // The pod is placed on the VM the stack stands for.
      assert.match(service.outputs.node_name, /^vmid-[a-z]{6}$/);
      assert.equal(service.outputs.placed_on, service.outputs.node_name);
      const [deployment] = kube.objects('deployments');
      assert.deepEqual(deployment.spec.template.spec.nodeSelector, { 'kubernetes.io/hostname': service.outputs.node_name });
      // Each VDU's item shows its outputs: the VM its node name, the pod where it was placed.
      const output = (item, key) => page.locator(`[data-testid="bundle-item"][data-item="${item}"] [data-testid="output"][data-key="${key}"]`).innerText();
      assert.match(await output('vmid', 'node_name'), new RegExp(service.outputs.node_name));
      assert.match(await output('webpod', 'placed_on'), new RegExp(service.outputs.node_name));
      await screenshot(page, 'o07-vnf-package-deployed');

      // The package's page: in use, by the catalog item and by the service.
      await page.getByRole('menuitem', { name: 'VNF packages' }).click();
      await page.locator('tbody tr', { hasText: 'Web pod on a VM' }).click();
      await page.getByText(`service "${service.name}"`, { exact: false }).waitFor();
      await screenshot(page, 'o08-vnf-package-in-use');

      // Retired (through the API): the pod, then the stack, go.
      const { retireService } = await api('mutation($id: ID!) { retireService(id: $id) { id } }', { id: service.id });
      for (;;) {
        const { serviceRequest: r } = await api('query($id: ID!) { serviceRequest(id: $id) { status message } }', { id: retireService.id });
        if (['finished', 'failed', 'canceled'].includes(r.status)) {
          assert.equal(r.status, 'finished', r.message);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      assert.deepEqual(kube.objects('deployments'), []);
      // The cloud read again holds no stack (the next test keeps its last read).
      const { refreshProviderResources } = await api(
        'mutation($id: ID!) { refreshProviderResources(id: $id) { resources { ... on OpenStackResources { stacks { name } } } } }',
        { id: providerId },
      );
      assert.deepEqual(refreshProviderResources.resources.stacks, []);
    } finally {
      await kube.stop();
    }
  });

  test('Keystone down: "Read now" shows the server\'s reason and keeps what was read; the local provider has no Resources', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await cloud.stopKeystone();
    await openProvider(page);
    const readAt = await page.getByTestId('provider-resources').getAttribute('data-read-at');
    assert.notEqual(readAt, '', 'read before');
    await page.getByTestId('read-resources').click();
    const notice = page.getByRole('alert').filter({ hasText: `Could not read the resources of "${CLOUD}"` });
    await notice.waitFor({ timeout: RUN_TIMEOUT });
    assert.match(await notice.innerText(), /Keystone|ECONNREFUSED|fetch failed/i);
    await screenshot(page, 'o05-read-failed');
    await page.locator('[data-testid="read-resources"]:not([disabled])').waitFor();
    assert.equal(await page.getByTestId('provider-resources').getAttribute('data-read-at'), readAt, 'the last read stays');
    await page.getByTestId('resource-stacks-empty').waitFor();

    // The built-in local provider holds nothing to read: no Resources card.
    await page.getByRole('menuitem', { name: 'Providers' }).click();
    await page.locator('.RaList-main').getByRole('row').filter({ hasText: 'local' }).filter({ hasNotText: CLOUD }).first().click();
    await page.getByTestId('provider-show').waitFor();
    assert.equal(await page.getByTestId('provider-resources').count(), 0);
  });
});
