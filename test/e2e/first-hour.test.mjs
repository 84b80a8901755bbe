// The first hour of a new user, through a real browser, at a desktop width (1440x900) and at a
// phone's (390x844): sign in as admin with the password the first start generated (read where the
// README tells a new user to look: DATA_DIR/admin-password), then order each shipped catalog item
// the test machine can run (all six), see it finish, open its service, retire it and see it retired;
// then every page of the menu and the show pages a new user opens. At the phone's width the three
// items whose runs are long (the Heat stack, the 5G slice and the MEC application) have their forms
// filled and looked at, not sent: their request and service pages are the same pages as the others',
// which that width follows to the end. The two widths walk at once, and each walk orders all its
// items before it follows them, so that the runs overlap. At every step the walk fails on any
// console error or uncaught exception, on any horizontal overflow (of the page or of its main
// content) and on any raw validation text or schema path shown to the user.
//
// Every step leaves a full-page screenshot in test-results/first-hour/<width>/<NN-step>.png (under
// the project's root, always: they are this test's output, for a person to look at).
//
// What runs where (the same setups as the other tests): "Run a playbook" and the Demo bundle on
// the built-in local provider; the Kubernetes application on backend/dist/testing/kube-api-subset.js
// (a local server implementing the subset of the Kubernetes API the portal uses, as in
// kubernetes.test.mjs); the OpenStack Heat stack on a real Keystone and Heat
// (backend/dist/testing/openstack-site.js, as in openstack.test.mjs); the 5G slice and the MEC
// application on three SSH sites in network namespaces (backend/dist/testing/ssh-sites.js, as in
// bundles.test.mjs), the MEC application's traffic rule sent to the TOF stand-in
// (backend/src/testing/tof-api.py, as in backend/src/requests/mec-app.int-spec.ts). The providers
// and their credentials are made through the API: their forms have tests of their own.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL): TEST_FILTER=first-hour npm test -- e2e
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startKubeApiSubset } from '../../backend/dist/testing/kube-api-subset.js';
import { startOpenStackSite } from '../../backend/dist/testing/openstack-site.js';
import { startSshSites } from '../../backend/dist/testing/ssh-sites.js';
import { signInApi } from '../support/api.mjs';
import { Browsers, choose, collectConsoleErrors, screenshotTo } from '../support/browser.mjs';
import { ROOT, startProduct } from '../support/product.mjs';

/** Where the screenshots go; README.md names this folder. */
const SHOTS = path.join(ROOT, 'test-results', 'first-hour');

// Waiting limits only (never asserted on): a run includes ansible's start-up, SSH, Keystone and Heat; a
// slice on a machine busy with other tests has taken more than three minutes.
const RUN_TIMEOUT = 480_000;

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

const SLICE = '5G slice: CRAN + MEC + EPC';
const MEC_APP = 'MEC application with a traffic-offload rule';
const TOF_PORT = 8181;

/**
 * Text a user must never see: a validation library's own words, a schema path (`items.0.name`,
 * `config.hosts.1.address`) or an object printed as such.
 */
const RAW_TEXT = [/Invalid input/, /\bexpected (string|number|boolean|object|array)\b/i, /\b[A-Za-z_]\w*\.\d+\.[A-Za-z_]\w*\b/, /\[object Object\]/];

let product;
let api;
let kube;
let cloud;
let sites;
let tof;
const providers = {};
const browsers = new Browsers();

/** Starts the TOF stand-in on the MEC site; resolves with its URL once it answers. */
const startTof = async (mec) => {
  const child = spawn(
    'ip',
    ['netns', 'exec', mec.namespace, 'python3', path.join(ROOT, 'backend/src/testing/tof-api.py'), '--listen', mec.address, '--port', String(TOF_PORT)],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      sites.hubExec(['nc', '-z', '-w', '1', mec.address, String(TOF_PORT)]);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('the TOF stand-in did not answer');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url: `http://${mec.address}:${TOF_PORT}`, stop: () => child.kill('SIGTERM') };
};

/** One walk at one width: its page, its step counter and the checks every step makes. */
class Walk {
  constructor(page, width) {
    this.page = page;
    this.width = width;
    this.step = 0;
    this.errors = collectConsoleErrors(page);
    this.seenErrors = 0;
  }

  /** The checks of a step, then its screenshot `<NN>-<name>.png`. */
  async check(name) {
    const { page } = this;
    this.step += 1;
    const label = `${String(this.step).padStart(2, '0')}-${name}`;
    await screenshotTo(page, path.join(SHOTS, String(this.width), `${label}.png`));
    const errors = this.errors.slice(this.seenErrors);
    this.seenErrors = this.errors.length;
    assert.deepEqual(errors, [], `${this.width}px, ${label}: no console error nor uncaught exception`);
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      const main = document.getElementById('main-content');
      const wide = (el) => el && el.scrollWidth > el.clientWidth + 1;
      // What sticks out, to say which element does it.
      const culprits = [];
      if (wide(doc) || wide(main)) {
        const limit = (main ?? doc).getBoundingClientRect().right + 1;
        for (const el of document.querySelectorAll('#main-content *')) {
          const box = el.getBoundingClientRect();
          if (box.right > limit && box.width > 0) {
            let inner = false;
            for (let p = el.parentElement; p && p.id !== 'main-content'; p = p.parentElement) {
              const style = getComputedStyle(p);
              if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) inner = true;
            }
            if (!inner)
              culprits.push(
                `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}.${[...el.classList].slice(0, 2).join('.')} right=${Math.round(box.right)}`,
              );
          }
          if (culprits.length >= 5) break;
        }
      }
      return {
        page: [doc.scrollWidth, doc.clientWidth],
        main: main ? [main.scrollWidth, main.clientWidth] : null,
        culprits,
      };
    });
    assert.ok(overflow.page[0] <= overflow.page[1] + 1, `${this.width}px, ${label}: the page is wider than the window ${JSON.stringify(overflow)}`);
    if (overflow.main)
      assert.ok(overflow.main[0] <= overflow.main[1] + 1, `${this.width}px, ${label}: the main content overflows sideways ${JSON.stringify(overflow)}`);
    const text = await page.evaluate(() => document.body.innerText);
    for (const raw of RAW_TEXT) {
      const found = raw.exec(text);
      assert.equal(
        found,
        null,
        `${this.width}px, ${label}: raw text shown to the user: "${found?.[0]}" in …${found ? text.slice(Math.max(0, found.index - 80), found.index + 80) : ''}…`,
      );
    }
  }

  /** Opens a page of the menu; on a narrow screen the menu is behind the app bar's button. */
  async open(menu) {
    const { page } = this;
    // Its name, then perhaps a count (Approvals): the name must start the item's.
    const item = page.getByRole('menuitem', { name: new RegExp(`^${menu.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`) });
    if (!(await item.isVisible())) await page.getByRole('button', { name: 'Open menu' }).click();
    await item.click();
  }

  /** Where the menu's items lead (`#/approvals`...), in order. */
  async menuLinks() {
    const { page } = this;
    const narrow = !(await page.getByRole('menuitem', { name: /^Catalog/ }).isVisible());
    if (narrow) await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('menuitem', { name: /^Catalog/ }).waitFor();
    const links = await page.locator('[role="menuitem"][href]').evaluateAll((items) => items.map((a) => a.getAttribute('href')));
    if (narrow) await page.keyboard.press('Escape');
    return links;
  }

  /** From the catalog, searched, the order form of `item`. */
  async openOrderForm(item, search) {
    const { page } = this;
    await this.open('Catalog');
    await page.getByPlaceholder('Search the catalog').fill(search);
    // Order at once, as a quick user does, while the search is still on its way (it once undid the click).
    await page
      .getByTestId(`catalog-item-${item}`)
      .getByRole('link', { name: `Order ${item}` })
      .click();
    await page.waitForURL(/\/catalog\/[^/]+\/order$/);
    await page.getByRole('button', { name: 'Order', exact: true }).waitFor();
  }

  /** Sends the filled order form (after its screenshot); waits for the request's page. */
  async order(name) {
    const { page } = this;
    await this.check(`${name}-order`);
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    await page.getByTestId('request-show').waitFor();
    await this.check(`${name}-ordered`);
    return decodeURIComponent(/\/serviceRequests\/([^/]+)\/show$/.exec(page.url())[1]);
  }

  /** Waits on the request page until the request has ended: it must have finished (else its message says why). */
  async finished(name) {
    const { page } = this;
    const status = page.locator(
      '[data-testid="request-status"]:is([data-status="finished"], [data-status="failed"], [data-status="canceled"], [data-status="denied"])',
    );
    await status.waitFor({ timeout: RUN_TIMEOUT });
    const id = decodeURIComponent(/\/serviceRequests\/([^/]+)\/show$/.exec(page.url())[1]);
    if ((await status.getAttribute('data-status')) !== 'finished') {
      const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { status message jobs { stdout } } }', { id });
      assert.fail(`${this.width}px, ${name}: the request ${serviceRequest.status}: ${serviceRequest.message}\n${serviceRequest.jobs.at(-1)?.stdout ?? ''}`);
    }
    await this.check(name);
  }

  /** Opens the page of request `id`. */
  async openRequest(id) {
    await this.page.goto(`${product.url}/#/serviceRequests/${encodeURIComponent(id)}/show`);
    await this.page.getByTestId('request-show').waitFor();
  }

  /** From a finished request's page: its service, and its retirement asked for there; resolves with the retirement's id. */
  async retire(name) {
    const { page } = this;
    await page.getByTestId('request-service').getByTestId('service-link').click();
    await page.waitForURL(/\/services\/[^/]+\/show$/);
    await page.locator('[data-testid="service-status"][data-status="active"]').waitFor();
    await this.check(`${name}-service`);
    const serviceName = await page.getByTestId('service-name').innerText();
    await page.getByTestId('service-show').getByTestId('retire-service').click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`Retire ${serviceName}?`).waitFor();
    await confirm.getByRole('button', { name: 'Retire' }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    await page.locator('[data-testid="machine-action"][data-action="retire"]').waitFor();
    return decodeURIComponent(/\/serviceRequests\/([^/]+)\/show$/.exec(page.url())[1]);
  }

  /** On a retirement's page: it finishes, and the service it names is retired. */
  async retired(name) {
    const { page } = this;
    await this.finished(`${name}-retirement`);
    await page.getByTestId('machine-target').click();
    await page.locator('[data-testid="service-status"][data-status="retired"]').waitFor();
    await this.check(`${name}-retired`);
  }
}

/**
 * The shipped items the walk orders, each with how its form is filled at width `w` (names differ
 * per width: both walks run at once, on the same product and sites). A `long` item is ordered at the
 * desktop width only: at the phone's, its filled form is looked at.
 */
const ITEMS = [
  {
    name: 'playbook',
    item: 'Run a playbook',
    search: 'playbook',
    fill: async (page, w) => {
      await choose(page, 'Playbook', 'hello.yml');
      await page.getByLabel('Extra variables').fill(`name: walk-${w}`);
    },
  },
  {
    name: 'bundle',
    item: 'Demo bundle',
    search: 'bundle',
    fill: async (page, w) => {
      await choose(page, 'Provider', 'local (local)');
      await page.getByLabel('Deployment name').fill(`walk-${w}`);
    },
  },
  {
    name: 'k8s',
    item: 'Kubernetes application with a load balancer',
    search: 'Kubernetes',
    fill: async (page, w) => {
      await choose(page, 'Cluster', 'walk_cluster (kubernetes)');
      await page.getByLabel(/^Name/).fill(`web-${w}`);
    },
  },
  {
    name: 'heat',
    long: true,
    item: 'OpenStack Heat stack',
    search: 'Heat',
    fill: async (page, w) => {
      await choose(page, 'Cloud', 'walk_cloud (openstack)');
      await page.getByLabel('Stack name').fill(`walk-stack-${w}`);
      await page.getByLabel('Application name').fill(`shop${w}`);
    },
  },
  {
    name: 'slice',
    long: true,
    item: SLICE,
    search: 'slice',
    fill: async (page, w) => {
      for (const site of ['epc', 'mec', 'cran']) await choose(page, `${site.toUpperCase()} site`, `lab_${site} (ssh)`);
      await page.getByLabel('Slice name').fill(`walk${w}`);
    },
  },
  {
    name: 'mec-app',
    long: true,
    item: MEC_APP,
    search: 'MEC application',
    fill: async (page, w) => {
      await choose(page, 'MEC site', 'lab_mec (ssh)');
      await page.getByLabel('Application name').fill(`video${w}`);
      await page.getByLabel('TOF service API').fill(tof.url);
      await page.getByRole('tab', { name: 'Traffic rule' }).click();
      await page.getByLabel('Source (UE) network').fill(w === 1440 ? '10.45.0.0/16' : '10.46.0.0/16');
    },
  },
];

// The two widths walk at once (each in its own browser), and each walk orders every item before it
// follows them: the runs overlap, as they would for a team, and the walk stays short.
describe('the first hour, at 1440 and at 390 px', { concurrency: true }, () => {
  before(async () => {
    const kubeToken = `walk-k8s-${randomBytes(8).toString('hex')}`;
    [product, kube, cloud, sites] = await Promise.all([
      startProduct({ generatedAdminPassword: true }),
      startKubeApiSubset(kubeToken),
      startOpenStackSite(),
      startSshSites(['epc', 'mec', 'cran']),
    ]);
    tof = await startTof(sites.sites.find((s) => s.name === 'mec'));
    await rm(SHOTS, { recursive: true, force: true });
    api = await signInApi(product);
    const credential = async (i) => (await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', { i })).createCredential.id;
    const provider = async (i) => (await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', { i })).createProvider.id;
    providers.cluster = await provider({
      name: 'walk_cluster',
      type: 'kubernetes',
      credentialId: await credential({ name: 'walk-cluster-token', type: 'kubernetes_token', inputs: { api_url: kube.url }, secrets: { token: kubeToken } }),
      config: { namespace: 'shop' },
    });
    providers.cloud = await provider({
      name: 'walk_cloud',
      type: 'openstack',
      credentialId: await credential({
        name: 'walk-cloud-password',
        type: 'openstack',
        inputs: { auth_url: cloud.authUrl, username: cloud.username, project_name: cloud.project },
        secrets: { password: cloud.password },
      }),
      config: { region: cloud.region },
    });
    const sshKey = await credential({ name: 'walk-lab-key', type: 'ssh_key', inputs: { username: 'root' }, secrets: { private_key: sites.privateKey } });
    for (const site of sites.sites) {
      providers[site.name] = await provider({
        name: `lab_${site.name}`,
        type: 'ssh',
        credentialId: sshKey,
        config: { hosts: [{ name: `${site.name}1`, address: site.address }], sshArgs: sites.sshArgs },
      });
    }
  });

  after(async () => {
    await browsers.close();
    tof?.stop();
    await product?.stop();
    // What a walk that stopped half-way left running on the sites (a slice's parts, a MEC
    // application): ended with the sites, whose sshd destroy() ends itself.
    for (const site of sites?.sites ?? []) {
      const pids = execFileSync('ip', ['netns', 'pids', site.namespace], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
      for (const pid of pids) {
        try {
          if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sshd')) process.kill(pid, 'SIGTERM');
        } catch {
          // ended meanwhile
        }
      }
    }
    await Promise.all([kube?.stop(), cloud?.destroy(), sites?.destroy()]);
  });

  for (const viewport of WIDTHS) {
    test(`${viewport.width}px: sign in, order each item, see it finish, retire it; every page`, async () => {
      // A longer wait than other tests' for each element: this walk runs beside other tests on a busy machine.
      const page = await browsers.newPage({ viewport, timeout: 60_000 });
      const walk = new Walk(page, viewport.width);
      try {
        await walkAt(walk);
      } catch (error) {
        // What the page showed when the walk stopped, beside the steps' pictures.
        await screenshotTo(page, path.join(SHOTS, String(viewport.width), 'failed.png')).catch(() => undefined);
        throw error;
      }
    });
  }
});

/** The walk itself, at one width. */
async function walkAt(walk) {
  const { page, width: w } = walk;
  // Signing in as a new user does: admin, and the password the first start left in DATA_DIR.
  await page.goto(product.url);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill(product.adminPassword);
  await walk.check('login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('figure-orders').waitFor();
  await walk.check('dashboard');
  await walk.open('Catalog');
  await page.getByTestId('catalog-item-Run a playbook').waitFor();
  await walk.check('catalog');

  // Each item ordered from the catalog; then each followed to its end, its service opened and
  // retired; then each retirement followed to its end and the service seen retired.
  const requests = [];
  for (const { name, item, search, fill, long } of ITEMS) {
    await walk.openOrderForm(item, search);
    await fill(page, w);
    if (long && w === WIDTHS[1].width) await walk.check(`${name}-order`);
    else requests.push({ name, id: await walk.order(name) });
  }
  for (const request of requests) {
    await walk.openRequest(request.id);
    await walk.finished(`${request.name}-finished`);
    if (request.name === 'bundle') {
      // A bundle's logs have a tab of their own.
      await page.getByRole('tab', { name: /^Logs/ }).click();
      await page.getByTestId('item-logs').getByTestId('job-log').waitFor();
      await walk.check('bundle-logs');
    }
    request.retirement = await walk.retire(request.name);
  }
  for (const request of requests) {
    await walk.openRequest(request.retirement);
    await walk.retired(request.name);
  }

  // Every page of the menu, as a new user looks around.
  const main = page.locator('#main-content');
  await walk.open('Requests');
  await main.getByText('Demo bundle').first().waitFor();
  await walk.check('requests');
  await walk.open('Services');
  await main.getByText('retired').first().waitFor();
  await walk.check('services');
  await walk.open('Git repos');
  await main
    .getByText(/^playbooks/)
    .first()
    .waitFor();
  await walk.check('git-repos');
  await main
    .getByText(/^playbooks/)
    .first()
    .click();
  await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
  await main.getByText('hello.yml').first().waitFor();
  await walk.check('git-repo');
  await walk.open('Providers');
  await main.getByText('lab_mec').first().waitFor();
  await walk.check('providers');
  for (const [name, id] of [
    ['cluster', providers.cluster],
    ['cloud', providers.cloud],
    ['ssh', providers.mec],
  ]) {
    await page.goto(`${product.url}/#/providers/${encodeURIComponent(id)}/show`);
    await page.getByTestId('provider-show').waitFor();
    await walk.check(`provider-${name}`);
    for (const tab of ['Settings', 'Alarms']) {
      await page.getByTestId('provider-show').getByRole('tab', { name: tab }).click();
      await walk.check(`provider-${name}-${tab.toLowerCase()}`);
    }
  }
  // The rest of the menu, whatever it holds for an administrator.
  const seen = ['#/catalog', '#/serviceRequests', '#/services', '#/gitRepos', '#/providers'];
  for (const link of await walk.menuLinks()) {
    if (seen.includes(link)) continue;
    await page.goto(`${product.url}/${link}`);
    await page.waitForLoadState('networkidle');
    await walk.check(link.replace(/^#\/?/, '').replaceAll(/[^A-Za-z0-9]+/g, '-') || 'dashboard-again');
  }
}
