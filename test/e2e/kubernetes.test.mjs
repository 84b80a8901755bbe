// A Kubernetes provider's page through a real browser: "Read now" lists the cluster's namespaces,
// deployments (ready/replicas) and services (type, load balancer address, ports), and reads again
// after a deployment is deleted. The cluster is backend/dist/testing/kube-api-subset.js: a local
// server implementing only the subset of the Kubernetes API the portal uses (no real API server can
// run on the test machines), as in backend/src/providers/kubernetes.int-spec.ts.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/kubernetes.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startKubeApiSubset } from '../../backend/dist/testing/kube-api-subset.js';
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

let product;
let apiToken;
let kube;
let providerId;
const browserDirs = [];
const contexts = [];

const screenshotDir = process.env.SCREENSHOT_DIR;
const screenshot = async (page, name) => {
  if (!screenshotDir) return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
};

const api = async (query, variables = {}) => {
  const body = await product.graphql(query, variables, apiToken);
  assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
};

/** A call to the cluster's API, as kubectl would make it. */
const kubectl = async (method, apiPath, body) => {
  const res = await fetch(`${kube.url}${apiPath}`, {
    method,
    headers: { authorization: `Bearer ${kube.token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(res.ok, `${method} ${apiPath}: HTTP ${res.status} ${await res.text()}`);
};

const newPage = async () => {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'superfluid-chromium-'));
  browserDirs.push(userDataDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
  return page;
};

// Every browser this file opens is closed at the end: one left running would keep the process alive.
const closeBrowsers = async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  for (const dir of browserDirs.splice(0)) await rm(dir, { recursive: true, force: true });
};

const logIn = async (page) => {
  await page.goto(product.url);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill(product.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Catalog' }).waitFor();
};

/** Clicks "Read now" and waits until the page shows a newer read than before. */
const readNow = async (page) => {
  const card = page.getByTestId('provider-resources');
  const before = await card.getAttribute('data-read-at');
  await card.getByTestId('read-resources').click();
  await page.waitForFunction(
    (previous) => {
      const readAt = document.querySelector('[data-testid="provider-resources"]')?.getAttribute('data-read-at');
      return readAt && readAt !== previous;
    },
    before,
    { timeout: UI_TIMEOUT },
  );
};

describe("a Kubernetes provider's resources in the web UI", () => {
  before(async () => {
    const token = `e2e-k8s-${randomBytes(8).toString('hex')}`;
    [kube, product] = await Promise.all([startKubeApiSubset(token), startProduct()]);
    apiToken = await product.login();
    const { createCredential } = await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'e2e-cluster-token', type: 'kubernetes_token', inputs: { api_url: kube.url }, secrets: { token } },
    });
    const { createProvider } = await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'e2e_cluster', type: 'kubernetes', credentialId: createCredential.id, config: { namespace: 'shop' } },
    });
    providerId = createProvider.id;
  });

  after(async () => {
    await closeBrowsers();
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

    const page = await newPage();
    await logIn(page);
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
});
