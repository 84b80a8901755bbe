// A Kubernetes provider's page through a real browser: "Read now" lists the cluster's namespaces,
// deployments (ready/replicas) and services (type, load balancer address, ports), and reads again
// after a deployment is deleted; a service's page gets a performance job on its Deployment's ready
// replicas, read from the cluster, and so does the provider's own Performance tab. The cluster is
// backend/dist/testing/kube-api-subset.js: a local server implementing only the subset of the
// Kubernetes API the portal uses (no real API server can run on the test machines), as in
// backend/src/providers/kubernetes.int-spec.ts.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/kubernetes.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startKubeApiSubset } from '../../backend/dist/testing/kube-api-subset.js';
import { signInApi, waitForRequestEnd } from '../support/api.mjs';
import { Browsers, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { readNow } from '../support/screens.mjs';

let product;
let api;
let kube;
let providerId;
const browsers = new Browsers();

/** A call to the cluster's API, as kubectl would make it. */
const kubectl = async (method, apiPath, body) => {
  const res = await fetch(`${kube.url}${apiPath}`, {
    method,
    headers: { authorization: `Bearer ${kube.token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(res.ok, `${method} ${apiPath}: HTTP ${res.status} ${await res.text()}`);
};

describe("a Kubernetes provider's resources in the web UI", () => {
  before(async () => {
    const token = `e2e-k8s-${randomBytes(8).toString('hex')}`;
    [kube, product] = await Promise.all([startKubeApiSubset(token), startProduct()]);
    api = await signInApi(product);
    const { createCredential } = await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'e2e-cluster-token', type: 'kubernetes_token', inputs: { api_url: kube.url }, secrets: { token } },
    });
    const { createProvider } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'e2e_cluster', type: 'kubernetes', credentialId: createCredential.id, config: { namespace: 'shop' } },
    });
    providerId = createProvider.id;
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await kube?.stop();
  });

  test('Read now lists namespaces, deployments and services; a deleted deployment is gone on the next read', async () => {
    await kubectl('POST', '/apis/apps/v1/namespaces/shop/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    await kubectl('POST', '/api/v1/namespaces/shop/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'LoadBalancer', ports: [{ port: 8080 }, { port: 8443 }] },
    });

    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/providers/${encodeURIComponent(providerId)}/show`);
    await page.locator('[data-testid="provider-resources"][data-read-at]').waitFor();
    await readNow(page);

    const namespaces = await page.getByTestId('resource-namespace').evaluateAll((chips) => chips.map((c) => c.dataset.name).sort());
    assert.deepEqual(namespaces, ['default', 'kube-system', 'shop']);
    const deployment = page.locator('[data-testid="resource-deployment"][data-namespace="shop"][data-name="web"]');
    assert.equal(await deployment.getAttribute('data-ready'), '3/3');
    assert.deepEqual(await deployment.locator('td').allInnerTexts(), ['shop', 'web', '3/3']);
    const service = page.locator('[data-testid="resource-service"][data-namespace="shop"][data-name="web"]');
    const [ns, name, type, address, ports] = await service.locator('td').allInnerTexts();
    assert.deepEqual([ns, name, type, ports], ['shop', 'web', 'LoadBalancer', '8080, 8443']);
    assert.match(address, /^203\.0\.113\.\d+$/);
    assert.match(await page.getByTestId('resources-read-at').innerText(), /^Last read /);
    await screenshot(page, 'k01-kubernetes-resources');

    await kubectl('DELETE', '/apis/apps/v1/namespaces/shop/deployments/web');
    await readNow(page);
    assert.equal(await page.getByTestId('resource-deployments-empty').innerText(), 'No deployments.');
    assert.equal(await page.getByTestId('resource-service').count(), 1, 'the service is still there');
  });

  test("a performance job reads the ready replicas of the service's Deployment from the cluster: its chart shows them", async () => {
    const { serviceTemplates } = await api('{ serviceTemplates { id name } }');
    const templateId = serviceTemplates.find((t) => t.name === 'Kubernetes application with a load balancer').id;
    const { orderService } = await api('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId, dialogValues: { provider: providerId, app_name: 'shopfront', image: 'nginx:1.27', replicas: 2, port: 8080 } },
    });
    const { request: done } = await waitForRequestEnd(api, orderService.id, { fields: 'service { id }' });
    assert.equal(done.status, 'finished', done.message);

    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/services/${encodeURIComponent(done.service.id)}/show`);
    const panel = page.getByTestId('performance-panel');
    await panel.getByLabel(/^Name\b/).fill('Ready replicas');
    await panel.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: 'Ready replicas (Kubernetes)' }).click();
    // The service's one Kubernetes provider is chosen already.
    assert.equal(await panel.getByRole('combobox', { name: 'Provider' }).innerText(), 'e2e_cluster (kubernetes)');
    await panel.getByLabel('Namespace').fill('shop');
    await panel.getByLabel('Deployment').fill('shopfront');
    await panel.getByTestId('performance-job-save').click();
    const job = panel.locator('[data-testid="performance-job"][data-name="Ready replicas"]');
    await job.getByText('Ready replicas (Kubernetes) of shop/shopfront').waitFor();
    await job.locator('[data-testid="performance-latest"][data-value="2"]').waitFor({ timeout: 60_000 });
    await screenshot(page, 'k02-performance-ready-replicas');
  });

  test("the provider's Performance tab: a job of its own reads a Deployment's ready replicas", async () => {
    await kubectl('POST', '/apis/apps/v1/namespaces/shop/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cache' },
      spec: { replicas: 4, template: { spec: { containers: [{ name: 'cache', image: 'redis' }] } } },
    });
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/providers/${encodeURIComponent(providerId)}/show`);
    await page.getByTestId('provider-tab-performance').click();
    const panel = page.getByTestId('performance-panel');
    await panel.getByLabel(/^Name\b/).fill('Cache replicas');
    // A Kubernetes provider's own job reads its API: ready replicas is the metric offered, on this provider.
    assert.equal(await panel.getByRole('combobox', { name: 'Metric' }).innerText(), 'Ready replicas (Kubernetes)');
    assert.equal(await panel.getByRole('combobox', { name: 'Provider' }).count(), 0);
    await panel.getByLabel('Namespace').fill('shop');
    await panel.getByLabel('Deployment').fill('cache');
    await panel.getByTestId('performance-job-save').click();
    const job = panel.locator('[data-testid="performance-job"][data-name="Cache replicas"]');
    await job.getByText('Ready replicas (Kubernetes) of shop/cache').waitFor();
    await job.locator('[data-testid="performance-latest"][data-value="4"]').waitFor({ timeout: 60_000 });
    await screenshot(page, 'k03-provider-performance');
  });
});
