import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { type SiteName, type SliceLab, type SliceRequest, startSliceLab } from '../testing/slice-lab.js';

// The MEC application and inventory documents on the same lab: mec-app.int-spec.ts.
const SITES = ['epc', 'mec', 'cran'] as const;
const ROOT = '/var/tmp/superfluid-5g';

interface Health {
  status: string;
  component: string;
  name: string;
  service: string;
  depends: Record<string, string>;
}

describe('the 5G slice across three SSH sites (network namespaces), through the portal', () => {
  let lab: SliceLab;
  before(async () => {
    lab = await startSliceLab();
  });
  after(async () => {
    await lab?.stop();
  });

  /** Where a finished slice's component answers: its item's `<site>_url` output. */
  const urlOf = (request: SliceRequest, site: SiteName) => String(request.items.find((i) => i.name === site)!.outputs![`${site}_url`]);
  /** What answers /health at `url`, from the hub namespace (which reaches every site). */
  const health = (url: string) => JSON.parse(lab.sites.hubExec(['curl', '-s', '-m', '5', `${url}/health`])) as Health;
  const answers = (url: string) => {
    const { hostname, port } = new URL(url);
    try {
      lab.sites.hubExec(['nc', '-z', '-w', '1', hostname, port]);
      return true;
    } catch {
      return false;
    }
  };
  const retire = async (serviceId: string) => {
    const res = await lab.app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return lab.ended(res.data!.retireService.id);
  };
  const serviceStatus = async (id: string) =>
    (await lab.app.gql<{ service: { status: string } }>('query($id: ID!) { service(id: $id) { status } }', { id })).data!.service.status;

  test('ordered: EPC, then MEC with the EPC address, then CRAN with both, each answering on its site; retired: nothing left', async () => {
    const done = await lab.ended(await lab.orderSlice('lab'));
    assert.equal(done.status, 'finished', done.message ?? '');
    const item = (name: string) => done.items.find((i) => i.name === name)!;
    assert.deepEqual(
      done.items.map((i) => [i.name, i.site, i.index]),
      [
        ['epc', 'epc', 0],
        ['mec', 'mec', 1],
        ['cran', 'cran', 2],
      ],
    );
    const t = (s: string) => new Date(s).getTime();
    assert.ok(t(item('epc').finishedAt) <= t(item('mec').startedAt), 'the MEC started after the EPC was up');
    assert.ok(t(item('mec').finishedAt) <= t(item('cran').startedAt), 'the CRAN started after the MEC was up');

    const serviceId = done.service!.id;
    const [epc, mec, cran] = SITES.map((site) => urlOf(done, site));
    // Each answers as this service's own component, with the URLs of those it depends on.
    assert.deepEqual(health(epc), { status: 'ok', component: 'epc', name: 'lab-epc', service: serviceId, depends: {} });
    assert.deepEqual(health(mec).depends, { epc });
    assert.deepEqual(health(cran).depends, { epc, mec });
    // Each runs in its own site: the CRAN's address is the cran namespace's, not another's.
    assert.equal(item('cran').outputs!.cran_address, lab.address('cran'));
    assert.equal(new URL(cran).hostname, lab.address('cran'));
    assert.ok(existsSync(`${ROOT}/${serviceId}/cran1-cran`), "the service's folder is named by its id");

    const retired = await retire(serviceId);
    assert.equal(retired.status, 'finished', retired.message ?? '');
    const r = (name: string) => retired.items.find((i) => i.name === name)!;
    assert.ok(t(r('cran').finishedAt) <= t(r('mec').startedAt) && t(r('mec').finishedAt) <= t(r('epc').startedAt), 'retired in reverse order');
    for (const url of [epc, mec, cran]) assert.equal(answers(url), false, `${url} still answers`);
    assert.equal(existsSync(`${ROOT}/${serviceId}`), false, 'files left behind');
  });

  test('two slices of the same name on the same three sites run side by side, each with its own components, and retire independently', async () => {
    const started = Date.now();
    // Ordered at once, with the default name both times: nothing of theirs is shared.
    const [first, second] = await Promise.all([lab.orderSlice('slice1'), lab.orderSlice('slice1')].map(async (id) => lab.ended(await id)));
    assert.equal(first.status, 'finished', first.message ?? '');
    assert.equal(second.status, 'finished', second.message ?? '');
    const ids = [first.service!.id, second.service!.id];
    assert.notEqual(ids[0], ids[1]);
    const urls = [first, second].map((slice) => SITES.map((site) => urlOf(slice, site)));
    assert.equal(new Set(urls.flat()).size, 6, `six components, six places: ${JSON.stringify(urls)}`);
    for (const [n, slice] of urls.entries()) {
      for (const [i, url] of slice.entries()) {
        const answer = health(url);
        assert.equal(answer.service, ids[n], `${url} answers as slice ${n + 1}'s`);
        assert.equal(answer.component, SITES[i]);
      }
      // Each MEC and CRAN was wired to its own slice's EPC (and MEC).
      assert.deepEqual(health(slice[2]).depends, { epc: slice[0], mec: slice[1] });
    }

    const retiredFirst = await retire(ids[0]);
    assert.equal(retiredFirst.status, 'finished', retiredFirst.message ?? '');
    for (const url of urls[0]) assert.equal(answers(url), false, `${url} of the retired slice still answers`);
    for (const url of urls[1]) assert.equal(health(url).service, ids[1], `${url} of the other slice answers still`);
    assert.equal(await serviceStatus(ids[0]), 'retired');
    assert.equal(await serviceStatus(ids[1]), 'active');
    assert.equal(existsSync(`${ROOT}/${ids[0]}`), false);
    assert.ok(existsSync(`${ROOT}/${ids[1]}`));

    const retiredSecond = await retire(ids[1]);
    assert.equal(retiredSecond.status, 'finished', retiredSecond.message ?? '');
    for (const url of urls[1]) assert.equal(answers(url), false, `${url} still answers`);
    assert.equal(existsSync(`${ROOT}/${ids[1]}`), false);
    console.log(`# two slices side by side, ordered, checked and retired: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test('a slice whose MEC folder was removed by hand still retires: what is gone counts as removed, what still runs is stopped', async () => {
    const done = await lab.ended(await lab.orderSlice('handmade'));
    assert.equal(done.status, 'finished', done.message ?? '');
    const serviceId = done.service!.id;
    const urls = SITES.map((site) => urlOf(done, site));
    // Someone removed the MEC's folder on its host; its process runs on, orphaned.
    await rm(`${ROOT}/${serviceId}/mec1-mec`, { recursive: true });
    assert.equal(health(urls[1]).service, serviceId);

    const retired = await retire(serviceId);
    assert.equal(retired.status, 'finished', retired.message ?? '');
    assert.deepEqual(retired.items.map((i) => [i.name, i.status]).sort(), [
      ['cran', 'successful'],
      ['epc', 'successful'],
      ['mec', 'successful'],
    ]);
    for (const url of urls) assert.equal(answers(url), false, `${url} still answers`);
    assert.equal(existsSync(`${ROOT}/${serviceId}`), false);
    assert.equal(await serviceStatus(serviceId), 'retired');
    // The MEC's retirement says what it found.
    const items = await lab.app.gql<{ serviceRequest: { items: { name: string; jobId: string }[] } }>(
      'query($id: ID!) { serviceRequest(id: $id) { items { name jobId } } }',
      { id: retired.id },
    );
    const jobId = items.data!.serviceRequest.items.find((i) => i.name === 'mec')!.jobId;
    const log = (await lab.app.gql<{ job: { stdout: string } }>('query($id: ID!) { job(id: $id) { stdout } }', { id: jobId })).data!.job.stdout;
    assert.match(log, /mec1-mec was gone already \(its process was still running, and is stopped\): counted as removed/);
  });

  test('a site that fails fails the request naming it, and what was deployed is rolled back by its retirement playbooks', async () => {
    const cran = lab.sites.sites.find((s) => s.name === 'cran')!;
    await cran.stopSshd();
    try {
      const failed = await lab.ended(await lab.orderSlice('broken'));
      assert.equal(failed.status, 'failed');
      assert.match(failed.message ?? '', /Item "cran" \(site cran\) failed/);
      assert.match(failed.message ?? '', /Already deployed, to be rolled back: epc \(site epc\), mec \(site mec\)/);
      const rollbackId = /rolled back by request ([0-9a-f-]{36})/.exec(failed.message ?? '')?.[1];
      assert.ok(rollbackId, failed.message ?? '');
      const rollback = await lab.ended(rollbackId);
      assert.equal(rollback.status, 'finished', rollback.message ?? '');
      assert.deepEqual(rollback.items.map((i) => i.name).sort(), ['epc', 'mec']);
      assert.equal(answers(urlOf(failed, 'epc')), false, 'the EPC was rolled back');
      assert.equal(answers(urlOf(failed, 'mec')), false, 'the MEC was rolled back');
    } finally {
      await cran.startSshd();
    }
  });
});
