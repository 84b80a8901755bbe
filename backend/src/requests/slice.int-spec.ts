import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { waitFor } from '../testing/harness.js';
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

  test('a slice whose EPC was killed by hand is healed (it answers again where it did), then migrated from one SSH host to another (the CRAN is given its new place, the old MEC retired); retired, its record can be deleted', async () => {
    const done = await lab.ended(await lab.orderSlice('healme'));
    assert.equal(done.status, 'finished', done.message ?? '');
    const serviceId = done.service!.id;
    const urls = SITES.map((site) => urlOf(done, site));
    // Someone killed the EPC's process on its host: the slice's core is down.
    execFileSync('pkill', ['-KILL', '-f', `${ROOT}/${serviceId}/epc1-epc/service.py`]);
    await waitFor('the EPC to stop answering', async () => !answers(urls[0]), 10_000);

    const healed = await lab.app.gql<{ healService: { id: string; action: string } }>('mutation($id: ID!) { healService(id: $id) { id action } }', {
      id: serviceId,
    });
    assert.equal(healed.errors, undefined, JSON.stringify(healed.errors));
    assert.equal(healed.data!.healService.action, 'heal');
    const heal = await lab.ended(healed.data!.healService.id);
    assert.equal(heal.status, 'finished', heal.message ?? '');
    assert.deepEqual(heal.items.map((i) => [i.name, i.status]).sort(), [
      ['cran', 'successful'],
      ['epc', 'successful'],
      ['mec', 'successful'],
    ]);
    // Back where it was (its earlier port), answering as this slice's EPC; the others still find it.
    assert.equal(urlOf(heal, 'epc'), urls[0]);
    assert.equal(health(urls[0]).service, serviceId);
    assert.equal(health(urls[0]).component, 'epc');
    assert.equal(health(urls[2]).depends.epc, urls[0]);
    assert.equal(await serviceStatus(serviceId), 'active');

    // Then its MEC moves to the spare host.
    const [epcUrl, oldMec] = [urlOf(heal, 'epc'), urlOf(heal, 'mec')];
    const migrate = (placements: unknown) =>
      lab.app.gql<{ migrateService: { id: string; action: string } }>(
        'mutation($id: ID!, $p: [PlacementInput!]!) { migrateService(id: $id, placements: $p) { id action } }',
        { id: serviceId, p: placements },
      );
    const where = await lab.app.gql<{ service: { placements: { site: string; providerId: string; providerTypes: string[] }[] } }>(
      'query($id: ID!) { service(id: $id) { placements { site providerId providerTypes } } }',
      { id: serviceId },
    );
    assert.deepEqual(
      where.data!.service.placements,
      SITES.map((site) => ({ site, providerId: lab.providers[site], providerTypes: ['ssh'] })),
    );
    const wrongSite = await migrate([{ site: 'moon', providerId: lab.providers.spare }]);
    assert.equal(wrongSite.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(wrongSite.errors![0].message, /"moon" is not a site .*epc, mec, cran/);
    assert.equal((await migrate([{ site: 'mec', providerId: lab.providers.mec }])).errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', 'already there');

    const started = await migrate([{ site: 'mec', providerId: lab.providers.spare }]);
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    assert.equal(started.data!.migrateService.action, 'migrate');
    const moved = await lab.ended(started.data!.migrateService.id);
    assert.equal(moved.status, 'finished', moved.message ?? '');
    assert.deepEqual(moved.items.map((i) => [i.name, i.status]).sort(), [
      ['cran', 'successful'],
      ['epc', 'successful'],
      ['mec', 'successful'],
      ['mec@old', 'successful'],
    ]);
    const newMec = urlOf(moved, 'mec');
    assert.equal(new URL(newMec).hostname, lab.address('spare'), 'the MEC runs on the spare host now');
    assert.equal(health(newMec).service, serviceId);
    assert.equal(health(newMec).component, 'mec');
    assert.deepEqual(health(urlOf(moved, 'cran')).depends, { epc: epcUrl, mec: newMec }, 'the CRAN was given the new place');
    assert.equal(answers(oldMec), false, 'the old MEC was retired');
    assert.equal(existsSync(`${ROOT}/${serviceId}/mec1-mec`), false);
    const service = await lab.app.gql<{ service: { providerIds: string[]; outputs: { items: Record<string, Record<string, string>> } } }>(
      'query($id: ID!) { service(id: $id) { providerIds outputs } }',
      { id: serviceId },
    );
    assert.deepEqual(service.data!.service.providerIds.sort(), [lab.providers.epc, lab.providers.spare, lab.providers.cran].sort());
    assert.equal(service.data!.service.outputs.items.mec.mec_url, newMec);

    // Retired where it is now: nothing left on any site. Then its record can be deleted.
    const deleteService = (id: string) => lab.app.gql<{ deleteService: boolean }>('mutation($id: ID!) { deleteService(id: $id) }', { id });
    assert.equal((await deleteService(serviceId)).errors?.[0]?.extensions?.code, 'CONFLICT', 'an active service is retired first');
    assert.equal((await retire(serviceId)).status, 'finished');
    for (const url of [epcUrl, newMec, urlOf(moved, 'cran')]) assert.equal(answers(url), false, `${url} still answers`);
    assert.equal(existsSync(`${ROOT}/${serviceId}`), false, 'files left behind');
    const deleted = await deleteService(serviceId);
    assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
    assert.equal((await lab.app.gql('query($id: ID!) { service(id: $id) { id } }', { id: serviceId })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await deleteService(serviceId)).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    // Its requests stay: the order, the heal, the migration and the retirement.
    const order = await lab.app.gql<{ serviceRequest: { status: string } }>('query($id: ID!) { serviceRequest(id: $id) { status } }', { id: done.id });
    assert.equal(order.data?.serviceRequest.status, 'finished');
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
