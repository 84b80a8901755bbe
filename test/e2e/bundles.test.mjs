// End to end through a real browser: the catalog as cards, a bundle request followed state by state
// and item by item, its retirement, the 5G slice's sites (a failed site and its rollback), and the
// providers screens. The real product (api + worker,
// Postgres, Redis, git, ansible) is started by test/support/product.mjs and driven by headless
// Chromium via playwright-core, as in browser.test.mjs.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/bundles.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInApi } from '../support/api.mjs';
import { Browsers, UI_TIMEOUT, choose, idFromUrl, recordSubscriptionData, screenshot, signIn } from '../support/browser.mjs';
import { startProduct } from '../support/product.mjs';
import { startSshSites } from '../../backend/dist/testing/ssh-sites.js';

// Waiting limits only (never asserted on): a bundle runs four playbooks, each with ansible's start-up.
const RUN_TIMEOUT = 180_000;

let product;
let api;
const browsers = new Browsers();

/** The state steps the request page shows now: [{ state, status }], in order. */
const shownSteps = (page) =>
  page.locator('[data-testid="state-step"]').evaluateAll((steps) => steps.map((s) => ({ state: s.dataset.state, status: s.dataset.stepStatus })));

/**
 * Samples the state steps and the items' statuses until the request ends, and returns what was
 * seen: each distinct picture once, in order (`onChange` gets each new picture of the steps). The page is never reloaded: changes arrive live.
 */
const watchSteps = async (page, onChange = async () => undefined) => {
  const seen = [];
  const items = [];
  const deadline = Date.now() + RUN_TIMEOUT;
  for (;;) {
    // The status first: the steps and items read after it come from the same or a later picture of
    // the request, so when it has ended the last picture recorded is the final one.
    const status = await page.getByTestId('request-status').getAttribute('data-status');
    const shownItems = Object.fromEntries(
      await page.locator('[data-testid="bundle-item"]').evaluateAll((els) => els.map((i) => [i.dataset.item, i.dataset.status])),
    );
    if (JSON.stringify(shownItems) !== JSON.stringify(items.at(-1))) items.push(shownItems);
    const steps = await shownSteps(page);
    const key = JSON.stringify(steps);
    if (steps.length && key !== JSON.stringify(seen.at(-1))) {
      seen.push(steps);
      await onChange(steps);
    }
    if (status === 'finished' || status === 'failed' || status === 'canceled') return { seen, items, status };
    if (Date.now() > deadline) throw new Error(`the request did not end; last steps: ${key}`);
    await page.waitForTimeout(150);
  }
};

const SLICE = '5G slice: CRAN + MEC + EPC';

const PROVISION_STATES = ['approve', 'refresh', 'validate', 'provision', 'wait', 'collect', 'finish'];
const RETIREMENT_STATES = ['refresh', 'validate', 'retire', 'wait', 'finish'];

/** The helper text (under an input) that says exactly `text`. */
const helperText = (scope, text) => scope.locator('.MuiFormHelperText-root', { hasText: new RegExp(`^${text}$`) });
/** What a page must never show: zod's own words or a definition's raw path. */
const RAW = /Invalid input|expected string|received undefined|tabs\.\d+\./;

describe('bundles, retirement and providers in the web UI', () => {
  // The 5G slice's sites: SSH hosts in network namespaces (a component started by a run on the
  // local provider ends with that run's sandbox, so the slice needs hosts of its own).
  let sites;

  before(async () => {
    product = await startProduct();
    api = await signInApi(product);
    sites = await startSshSites(['epc', 'mec', 'cran']);
    const { createCredential } = await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'lab-key', type: 'ssh_key', inputs: { username: 'root' }, secrets: { private_key: sites.privateKey } },
    });
    for (const site of sites.sites) {
      await api('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
        i: {
          name: `lab_${site.name}`,
          type: 'ssh',
          credentialId: createCredential.id,
          config: { hosts: [{ name: `${site.name}1`, address: site.address }], sshArgs: sites.sshArgs },
        },
      });
    }
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await sites?.destroy();
  });

  test('order the Demo bundle from the catalog cards, follow its states and items, then retire its service', async () => {
    const page = await browsers.newPage();
    const live = recordSubscriptionData(page);
    await signIn(page, product);

    // The catalog as cards, searched by the API: "bundle" leaves the Demo bundle only.
    await page.getByRole('menuitem', { name: 'Catalog' }).click();
    await page.getByTestId('catalog-item-Run a playbook').waitFor();
    const { serviceCatalogs } = await api('{ serviceCatalogs { name count } }');
    for (const c of serviceCatalogs) await page.getByTestId(`catalog-tab-${c.name}`).getByText(`${c.name} (${c.count})`).waitFor();
    await screenshot(page, 'b01-catalog-cards');
    await page.getByPlaceholder('Search the catalog').fill('bundle');
    await page.getByTestId('catalog-item-Run a playbook').waitFor({ state: 'detached' });
    const card = page.getByTestId('catalog-item-Demo bundle');
    await card.waitFor();
    assert.equal(await page.locator('[data-testid^="catalog-item-"]').count(), 1, 'only the Demo bundle matches "bundle"');
    assert.equal(await card.getByTestId('catalog-chip').innerText(), 'Demos');
    await screenshot(page, 'b02-catalog-search');
    await card.getByRole('link', { name: 'Order Demo bundle' }).click();

    // The order page: the long description as markdown (bold, code, a numbered list), then the form.
    const about = page.getByTestId('long-description');
    await about.waitFor();
    assert.equal(await about.locator('strong', { hasText: 'in parallel' }).count(), 1);
    assert.equal(await about.locator('code', { hasText: 'app-a' }).count(), 1);
    assert.equal(await about.locator('ol > li').count(), 3);
    await choose(page, 'Provider', 'local (local)');
    await page.getByLabel('Deployment name').fill('e2e-bundle');
    await screenshot(page, 'b03-order-bundle');
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    const requestId = idFromUrl(page);

    // The states advance live, in the machine's order, each ending done.
    await page.getByTestId('state-machine').waitFor();
    // One picture while it runs: the first time the page shows it waiting for its items.
    let shot = false;
    const watching = watchSteps(page, async (steps) => {
      if (shot || !steps.some((st) => st.state === 'wait' && st.status === 'current')) return;
      shot = true;
      await screenshot(page, 'b04-bundle-running');
    });
    const { seen, items: itemPictures, status } = await watching;
    assert.equal(status, 'finished', `the bundle request finished (steps seen: ${JSON.stringify(seen)})`);
    const final = seen.at(-1);
    assert.deepEqual(
      final.map((s) => s.state),
      PROVISION_STATES,
      'every state of the provision machine, in order',
    );
    assert.ok(
      final.every((s) => s.status === 'done'),
      `all states done at the end: ${JSON.stringify(final)}`,
    );
    // Advancing: while it ran, the page showed it waiting for its items with fewer states entered,
    // and the current state only ever moved forward. (refresh, validate and provision take
    // milliseconds: the first picture may already show wait.)
    // Every state of the machine is shown from the start, those not entered yet as waiting.
    const waiting = seen.findIndex((steps) => steps.some((st) => st.state === 'wait' && st.status === 'current'));
    assert.ok(waiting >= 0, `the page showed the request waiting for its items: ${JSON.stringify(seen)}`);
    assert.deepEqual(
      seen[waiting].map((s) => s.state),
      PROVISION_STATES,
      'the whole machine is shown while it runs',
    );
    const entered = (steps) => steps.filter((s) => s.status !== 'waiting').length;
    assert.ok(entered(seen[waiting]) < entered(final), 'more states were entered after the page first showed it');
    assert.deepEqual(
      seen[waiting].slice(PROVISION_STATES.indexOf('wait') + 1).map((s) => s.status),
      ['waiting', 'waiting'],
      'the states after the current one are waiting',
    );
    assert.equal(await page.getByTestId('machine-action').getAttribute('data-action'), 'provision');
    assert.equal(await page.getByTestId('sites').count(), 0, 'a bundle without sites shows no site cards');
    const currents = seen.map((steps) => steps.find((st) => st.status === 'current')?.state).filter(Boolean);
    const positions = currents.map((st) => PROVISION_STATES.indexOf(st));
    assert.deepEqual(
      positions,
      [...positions].sort((x, y) => x - y),
      `the current state only moved forward: ${JSON.stringify(currents)}`,
    );
    // The items advanced live too: the page showed the network done while later items had not finished.
    assert.ok(
      itemPictures.some((items) => items.network === 'successful' && items.summary !== 'successful'),
      `the page showed the items finishing one index after another: ${JSON.stringify(itemPictures)}`,
    );

    // Item changes came over the serviceRequestUpdated subscription, not only from polling.
    const pushed = live
      .filter((d) => d.serviceRequestUpdated?.id === requestId)
      .map((d) => Object.fromEntries(d.serviceRequestUpdated.items.map((i) => [i.name, i.status])));
    assert.ok(
      pushed.some((items) => items.network === 'successful' && items.summary !== 'successful'),
      `the subscription pushed the items' progress: ${JSON.stringify(pushed)}`,
    );

    // The four items finished, grouped by index: app-a and app-b side by side in index 1.
    const items = page.locator('[data-testid="bundle-item"]');
    assert.equal(await items.count(), 4);
    assert.equal(await page.locator('[data-testid="bundle-item"][data-status="successful"]').count(), 4);
    const groups = await page.locator('[data-testid="item-group"]').evaluateAll((gs) =>
      gs.map((g) => ({
        index: Number(g.dataset.index),
        items: [...g.querySelectorAll('[data-testid="bundle-item"]')].map((i) => i.dataset.item).sort(),
      })),
    );
    assert.deepEqual(groups, [
      { index: 0, items: ['network'] },
      { index: 1, items: ['app-a', 'app-b'] },
      { index: 2, items: ['summary'] },
    ]);
    const [a, b] = await Promise.all(['app-a', 'app-b'].map((name) => page.locator(`[data-testid="bundle-item"][data-item="${name}"]`).boundingBox()));
    assert.equal(Math.round(a.y), Math.round(b.y), 'app-a and app-b are shown side by side');
    assert.ok(b.x > a.x + a.width - 1, 'app-b is to the right of app-a');

    // What the page shows agrees with the API: each item's outputs, and its job's log one click away.
    const { serviceRequest } = await api(
      `query($id: ID!) { serviceRequest(id: $id) { status state items { name index status jobId outputs }
        jobs { id stdout } service { id name status } } }`,
      { id: requestId },
    );
    assert.equal(serviceRequest.status, 'finished');
    const appB = serviceRequest.items.find((i) => i.name === 'app-b');
    const appBCard = page.locator('[data-testid="bundle-item"][data-item="app-b"]');
    const itemOutputs = appBCard.getByTestId('item-outputs');
    assert.equal(await itemOutputs.locator('[data-testid="output"][data-key="app_url"] a').getAttribute('href'), appB.outputs.app_url);
    await itemOutputs.getByTestId('outputs-json-toggle').click();
    assert.deepEqual(JSON.parse(await appBCard.getByTestId('item-outputs-json').innerText()), appB.outputs);
    await appBCard.getByTestId('item-log-link').click();
    const logs = page.getByTestId('item-logs');
    await logs.getByRole('tab', { name: 'app-b', selected: true }).waitFor();
    await logs.getByTestId('job-log').getByText('Return its URL', { exact: false }).first().waitFor();
    const appBJob = serviceRequest.jobs.find((j) => j.id === appB.jobId);
    assert.match(appBJob.stdout, /Return its URL/);
    await screenshot(page, 'b05-bundle-finished');
    // The logs have a tab of their own; the states and items are on the overview.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByTestId('transitions-toggle').click();
    await page.getByTestId('transitions').waitFor();
    await screenshot(page, 'b06-bundle-transitions');

    // Retire its service from the services page: a confirmation, then the retirement request.
    const service = serviceRequest.service;
    assert.equal(service.status, 'active');
    await page.getByRole('menuitem', { name: 'Services' }).click();
    const row = page.getByRole('row').filter({ hasText: service.name }).filter({ hasText: 'active' });
    await row.waitFor();
    await screenshot(page, 'b07-services');
    await row.getByTestId('retire-service').click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`Retire ${service.name}?`).waitFor();
    await screenshot(page, 'b08-retire-confirm');
    await confirm.getByRole('button', { name: 'Retire' }).click();
    await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
    const retirementId = idFromUrl(page);
    assert.notEqual(retirementId, requestId);
    // The retirement says what it retires, with a link to the service.
    const target = page.getByTestId('machine-action');
    assert.equal(await target.getAttribute('data-action'), 'retire');
    assert.match(await target.getByTestId('machine-target').getAttribute('href'), new RegExp(`/services/${service.id}/show$`));
    const retirement = await watchSteps(page);
    assert.equal(retirement.status, 'finished', `the retirement finished (steps seen: ${JSON.stringify(retirement.seen)})`);
    assert.deepEqual(
      retirement.seen.at(-1).map((s) => s.state),
      RETIREMENT_STATES,
      'every state of the retirement machine, in order',
    );
    await screenshot(page, 'b09-retirement-finished');

    // The service is retired: on its page, and for the API.
    await page.getByRole('menuitem', { name: 'Services' }).click();
    await page.getByRole('row').filter({ hasText: service.name }).filter({ hasText: 'retired' }).waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: service.name }).getByTestId('retire-service').count(), 0, 'no Retire on a retired service');
    await page.getByRole('row').filter({ hasText: service.name }).click();
    await page.locator('[data-testid="service-status"][data-status="retired"]').waitFor();
    const { service: after, providers } = await api('query($id: ID!) { service(id: $id) { status providerIds } providers { id name } }', { id: service.id });
    assert.equal(after.status, 'retired');
    // Every provider it was deployed on, by name, each linking to its page.
    assert.ok(after.providerIds.length > 0, 'the service records its providers');
    const shown = page.getByTestId('service-providers').getByTestId('service-provider');
    await shown.first().waitFor();
    const links = await shown.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.deepEqual(
      links,
      after.providerIds.map((id) => [providers.find((p) => p.id === id).name, `#/providers/${id}/show`]),
    );
  });

  test('the 5G slice on three SSH sites: site cards advance live; the CRAN site fails, its log is one click away, and the rollback request is linked', async () => {
    // The CRAN's site is down (its sshd stopped): the EPC and the MEC deploy, the CRAN cannot.
    const cranSite = sites.sites.find((s) => s.name === 'cran');
    await cranSite.stopSshd();
    try {
      const page = await browsers.newPage();
      await signIn(page, product);
      await page.getByRole('menuitem', { name: 'Catalog' }).click();
      await page.getByRole('link', { name: `Order ${SLICE}` }).click();
      for (const site of ['epc', 'mec', 'cran']) await choose(page, `${site.toUpperCase()} site`, `lab_${site} (ssh)`);
      await page.getByLabel('Slice name').fill('e2e-slice');
      await page.getByRole('button', { name: 'Order', exact: true }).click();
      await page.waitForURL(/\/serviceRequests\/[^/]+\/show$/);
      const requestId = idFromUrl(page);

      // One card per site, in the order they deploy, followed live.
      await page.getByTestId('sites').waitFor();
      assert.equal(await page.getByTestId('machine-action').getAttribute('data-action'), 'provision');
      const pictures = [];
      let shot = false;
      const deadline = Date.now() + RUN_TIMEOUT;
      for (;;) {
        const sites = await page.locator('[data-testid="site-card"]').evaluateAll((cards) => cards.map((c) => [c.dataset.site, c.dataset.siteStatus]));
        const key = JSON.stringify(sites);
        if (key !== JSON.stringify(pictures.at(-1))) pictures.push(sites);
        if (!shot && sites.some(([, st]) => st === 'done') && sites.some(([, st]) => st === 'running')) {
          shot = true;
          await screenshot(page, 'b14-slice-running');
        }
        const status = await page.getByTestId('request-status').getAttribute('data-status');
        if (status === 'failed' || status === 'finished' || status === 'canceled') {
          // The cards read above may predate the render that ended the request (an item's end and
          // its request's come in one update): the last picture is read once the end shows.
          const last = await page.locator('[data-testid="site-card"]').evaluateAll((cards) => cards.map((c) => [c.dataset.site, c.dataset.siteStatus]));
          if (JSON.stringify(last) !== JSON.stringify(pictures.at(-1))) pictures.push(last);
          break;
        }
        if (Date.now() > deadline) throw new Error(`the slice did not end; sites: ${key}`);
        await page.waitForTimeout(150);
      }
      assert.deepEqual(
        pictures[0].map(([site]) => site),
        ['epc', 'mec', 'cran'],
        'the sites in the order they deploy',
      );
      assert.deepEqual(Object.fromEntries(pictures.at(-1)), { epc: 'done', mec: 'done', cran: 'failed' });
      assert.ok(
        pictures.some((p) => Object.fromEntries(p).epc === 'done' && Object.fromEntries(p).cran === 'waiting'),
        `the page showed the EPC done while the CRAN waited: ${JSON.stringify(pictures)}`,
      );

      // The failed site says why; its log is one click away.
      const cran = page.locator('[data-testid="site-card"][data-site="cran"]');
      assert.match(await cran.getByTestId('site-message').innerText(), /unreachable|failed to connect/i);
      await cran.getByTestId('site-log-link').click();
      await page.getByTestId('item-logs').getByRole('tab', { name: 'cran', selected: true }).waitFor();

      // The message names the failed site and what is rolled back, and links the rollback request.
      const message = page.getByTestId('request-message');
      const text = await message.innerText();
      assert.match(text, /Item "cran" \(site cran\) failed/);
      assert.match(text, /to be rolled back: epc \(site epc\), mec \(site mec\)/);
      const { serviceRequest } = await api('query($id: ID!) { serviceRequest(id: $id) { message } }', { id: requestId });
      const rollbackId = serviceRequest.message.match(/rolled back by request ([0-9a-f-]{36})/)[1];
      const link = message.getByTestId('request-link');
      assert.equal(await link.innerText(), rollbackId);
      await screenshot(page, 'b15-slice-failed');

      // The rollback request: what it rolls back (linked), its sites undone in reverse order.
      await link.click();
      await page.waitForURL(new RegExp(`/serviceRequests/${rollbackId}/show$`));
      // The URL changes before the page has the new request: wait for the rollback's own picture.
      const action = page.locator('[data-testid="machine-action"][data-action="rollback"]');
      await action.waitFor({ timeout: UI_TIMEOUT });
      assert.match(await action.getByTestId('machine-target').getAttribute('href'), new RegExp(`/serviceRequests/${requestId}/show$`));
      const rollback = await watchSteps(page);
      assert.equal(rollback.status, 'finished', `the rollback finished: ${JSON.stringify(rollback.seen)}`);
      assert.deepEqual(
        rollback.seen.at(-1).map((s) => s.state),
        RETIREMENT_STATES,
      );
      const undone = await page.locator('[data-testid="site-card"]').evaluateAll((cards) => cards.map((c) => [c.dataset.site, c.dataset.siteStatus]));
      assert.deepEqual(
        undone,
        [
          ['mec', 'done'],
          ['epc', 'done'],
        ],
        'the MEC, then the EPC, were removed',
      );
      await screenshot(page, 'b16-slice-rolled-back');
    } finally {
      await cranSite.startSshd();
    }
  });

  test('an empty provider form marks name, type and the credential an openstack provider needs, in plain words, and sends nothing', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/providers/create`);
    await page.locator('input[name="name"]').waitFor();
    const sent = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('createProvider')) sent.push(request);
    });
    await page.getByRole('button', { name: 'Create' }).click();
    const form = page.locator('form');
    await helperText(form, 'Name is required').waitFor();
    await helperText(form, 'Type is required').waitFor();
    assert.equal(await page.locator('input[name="name"]').getAttribute('aria-invalid'), 'true');
    await choose(page, 'Type', 'OpenStack');
    await page.getByRole('button', { name: 'Create' }).click();
    await helperText(form, 'Credential is required').waitFor();
    // With no credential of those types yet, the link to add one stays beside the message, the type picked.
    await page.getByTestId('provider-credentialId-none').getByRole('link', { name: 'add one' }).waitFor();
    assert.equal(sent.length, 0, 'nothing was sent');
    assert.doesNotMatch(await page.locator('body').innerText(), RAW);
    await screenshot(page, 'b10b-provider-missing');
    await page.getByTestId('provider-credentialId-none').getByRole('link', { name: 'add one' }).click();
    await page.waitForURL(/\/credentials\/create\?source=/);
    assert.match(await page.getByRole('combobox', { name: 'Type' }).innerText(), /openstack/i);
  });

  test('create a local provider, check it now; an ssh provider without hosts shows the server error under its settings', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Providers' }).click();
    await page.getByRole('row').filter({ hasText: 'local' }).first().waitFor();
    await page.getByTestId('provider-alarms').waitFor();
    await screenshot(page, 'b10-providers');

    // A local provider, made through the form.
    await page.getByRole('link', { name: 'New provider' }).click();
    // The list's "Sort by name" header also answers to "Name": wait for the form.
    await page.waitForURL(/\/providers\/create$/);
    await page.locator('input[name="name"]').fill('edge_local');
    await choose(page, 'Type', 'Local (the portal’s host)');
    await page.getByTestId('provider-becomeCredentialId').waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/providers\/[^/]+\/show$/);
    await page.getByTestId('provider-show').waitFor();
    const { providers } = await api('{ providers { id name type healthStatus } }');
    const made = providers.find((p) => p.name === 'edge_local');
    assert.ok(made, 'the provider was stored');
    assert.equal(made.type, 'local');
    assert.match(page.url(), new RegExp(`/providers/${made.id}/show$`));

    // Check now: the status comes back, and the history chart gets a bar.
    const barsBefore = await page.locator('[data-testid="health-bar"]').count();
    await page.getByTestId('check-now').click();
    await page.locator('[data-testid="check-now"]:not([disabled])').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="provider-health"][data-status="up"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="health-bar"]').length > n, barsBefore, { timeout: UI_TIMEOUT });
    const { provider } = await api('query($id: ID!) { provider(id: $id) { healthStatus healthHistory(take: 5) { status } } }', { id: made.id });
    assert.equal(provider.healthStatus, 'up');
    assert.ok(provider.healthHistory.length >= 1);
    await page.getByTestId('provider-inventory').waitFor();
    await screenshot(page, 'b11-provider-show');

    // It is in the list, with its health.
    await page.getByRole('menuitem', { name: 'Providers' }).click();
    const row = page.getByRole('row').filter({ hasText: 'edge_local' });
    await row.locator('[data-testid="provider-health"][data-status="up"]').waitFor();

    // An ssh provider without hosts: the server refuses, and says why under the settings.
    await page.getByRole('link', { name: 'New provider' }).click();
    await page.waitForURL(/\/providers\/create$/);
    await page.locator('input[name="name"]').fill('edge_ssh');
    await choose(page, 'Type', 'SSH hosts');
    await page.getByTestId('ssh-args-warning').waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    const error = page.getByTestId('config-error');
    await error.waitFor();
    assert.match(await error.innerText(), /hosts: list at least one host/);
    const settings = await page.getByTestId('provider-settings').boundingBox();
    const errorBox = await error.boundingBox();
    assert.ok(errorBox.y > settings.y, 'the error is shown in the settings');
    assert.match(page.url(), /\/providers\/create$/, 'the form stays open');
    await screenshot(page, 'b12-provider-ssh-error');
    const { providers: afterwards } = await api('{ providers { name } }');
    assert.ok(!afterwards.some((p) => p.name === 'edge_ssh'), 'nothing was stored');

    // Adding a host and sending again clears the message and stores the provider.
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByLabel('Host name').fill('edge1');
    await page.getByLabel('Address').fill('127.0.0.1');
    await page.getByLabel('Port').fill('1'); // nothing listens there
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/providers\/[^/]+\/show$/);
    const { providers: finally_ } = await api('{ providers { name type config } }');
    const ssh = finally_.find((p) => p.name === 'edge_ssh');
    assert.deepEqual(ssh.config.hosts, [{ name: 'edge1', address: '127.0.0.1', port: 1 }]);

    // Checked now, it is down: the badge, the message and a red bar say so.
    await page.getByTestId('check-now').click();
    await page.locator('[data-testid="provider-health"][data-status="down"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="health-bar"][data-status="down"]').first().waitFor();
    assert.notEqual((await page.getByTestId('provider-health-message').innerText()).trim(), '');
    await screenshot(page, 'b13-provider-down');
  });
});
