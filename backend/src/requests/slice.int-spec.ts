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

  // Ordering a slice takes most of a minute on these namespaces: the tests share two, ordered at once
  // with the same name. The first is checked, retired with its MEC folder removed by hand, while the
  // second runs on; the second is healed, migrated, retired and deleted by the next test.
  let second: SliceRequest | undefined;

  test('two slices of the same name, ordered at once: EPC, then MEC with the EPC address, then CRAN with both, each answering on its own site as its own slice; one retires (its MEC folder removed by hand) while the other runs on', async () => {
    const started = Date.now();
    const [first, other] = await Promise.all([lab.orderSlice('lab'), lab.orderSlice('lab')].map(async (id) => lab.ended(await id)));
    assert.equal(first.status, 'finished', first.message ?? '');
    assert.equal(other.status, 'finished', other.message ?? '');
    second = other;
    const t = (s: string) => new Date(s).getTime();
    for (const done of [first, other]) {
      const item = (name: string) => done.items.find((i) => i.name === name)!;
      assert.deepEqual(
        done.items.map((i) => [i.name, i.site, i.index]),
        [
          ['epc', 'epc', 0],
          ['mec', 'mec', 1],
          ['cran', 'cran', 2],
        ],
      );
      assert.ok(t(item('epc').finishedAt) <= t(item('mec').startedAt), 'the MEC started after the EPC was up');
      assert.ok(t(item('mec').finishedAt) <= t(item('cran').startedAt), 'the CRAN started after the MEC was up');
      // Each runs in its own site: the CRAN's address is the cran namespace's, not another's.
      assert.equal(item('cran').outputs!.cran_address, lab.address('cran'));
      assert.equal(new URL(urlOf(done, 'cran')).hostname, lab.address('cran'));
    }

    const ids = [first.service!.id, other.service!.id];
    assert.notEqual(ids[0], ids[1]);
    const urls = [first, other].map((slice) => SITES.map((site) => urlOf(slice, site)));
    assert.equal(new Set(urls.flat()).size, 6, `six components, six places: ${JSON.stringify(urls)}`);
    for (const [n, [epc, mec, cran]] of urls.entries()) {
      // Each answers as its own slice's component, wired to its own slice's EPC (and MEC): nothing shared.
      assert.deepEqual(health(epc), { status: 'ok', component: 'epc', name: 'lab-epc', service: ids[n], depends: {} });
      const m = health(mec);
      assert.deepEqual([m.component, m.service, m.depends], ['mec', ids[n], { epc }]);
      assert.equal(health(cran).service, ids[n]);
      assert.deepEqual(health(cran).depends, { epc, mec });
      assert.ok(existsSync(`${ROOT}/${ids[n]}/cran1-cran`), "the service's folder is named by its id");
    }

    // Someone removed the first MEC's folder on its host; its process runs on, orphaned.
    await rm(`${ROOT}/${ids[0]}/mec1-mec`, { recursive: true });
    assert.equal(health(urls[0][1]).service, ids[0]);
    const retired = await retire(ids[0]);
    assert.equal(retired.status, 'finished', retired.message ?? '');
    assert.deepEqual(retired.items.map((i) => [i.name, i.status]).sort(), [
      ['cran', 'successful'],
      ['epc', 'successful'],
      ['mec', 'successful'],
    ]);
    const r = (name: string) => retired.items.find((i) => i.name === name)!;
    assert.ok(t(r('cran').finishedAt) <= t(r('mec').startedAt) && t(r('mec').finishedAt) <= t(r('epc').startedAt), 'retired in reverse order');
    for (const url of urls[0]) assert.equal(answers(url), false, `${url} of the retired slice still answers`);
    assert.equal(existsSync(`${ROOT}/${ids[0]}`), false, 'files left behind');
    assert.equal(await serviceStatus(ids[0]), 'retired');
    // The MEC's retirement says what it found: gone already counts as removed, what still ran is stopped.
    const items = await lab.app.gql<{ serviceRequest: { items: { name: string; jobId: string }[] } }>(
      'query($id: ID!) { serviceRequest(id: $id) { items { name jobId } } }',
      { id: retired.id },
    );
    const jobId = items.data!.serviceRequest.items.find((i) => i.name === 'mec')!.jobId;
    const log = (await lab.app.gql<{ job: { stdout: string } }>('query($id: ID!) { job(id: $id) { stdout } }', { id: jobId })).data!.job.stdout;
    assert.match(log, /mec1-mec was gone already \(its process was still running, and is stopped\): counted as removed/);

    // The other slice runs on, untouched.
    for (const url of urls[1]) assert.equal(health(url).service, ids[1], `${url} of the other slice answers still`);
    assert.equal(await serviceStatus(ids[1]), 'active');
    assert.ok(existsSync(`${ROOT}/${ids[1]}/mec1-mec`));
    console.log(`# two slices ordered side by side, checked, one retired: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test('a slice whose EPC was killed by hand is healed (it answers again where it did), then migrated from one SSH host to another (the CRAN is given its new place, the old MEC retired); retired, its record can be deleted', async () => {
    assert.ok(second, 'the second slice of the test before');
    const done = second;
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
