import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type SiteName, type SliceLab, startSliceLab } from '../testing/slice-lab.js';

// The MEC application and inventory documents on the same lab: mec-app.int-spec.ts.
const PORTS = { epc: 18001, mec: 18002, cran: 18003 } as const;

describe('the 5G slice across three SSH sites (network namespaces), through the portal', () => {
  let lab: SliceLab;
  before(async () => {
    lab = await startSliceLab();
  });
  after(async () => {
    await lab?.stop();
  });

  const health = (site: SiteName) =>
    JSON.parse(lab.sites.hubExec(['curl', '-s', '-m', '5', `http://${lab.address(site)}:${PORTS[site]}/health`])) as {
      status: string;
      name: string;
      depends: Record<string, string>;
    };
  const answers = (site: SiteName) => {
    try {
      lab.sites.hubExec(['nc', '-z', '-w', '1', lab.address(site), String(PORTS[site])]);
      return true;
    } catch {
      return false;
    }
  };

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

    assert.deepEqual(health('epc'), { status: 'ok', component: 'epc', name: 'lab-epc', depends: {} });
    assert.deepEqual(health('mec').depends, { epc: lab.address('epc') });
    assert.deepEqual(health('cran').depends, { epc: lab.address('epc'), mec: lab.address('mec') });
    // Each runs in its own site: the CRAN's address is the cran namespace's, not another's.
    assert.equal(item('cran').outputs!.cran_address, lab.address('cran'));

    const retire = await lab.app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service!.id });
    const retired = await lab.ended(retire.data!.retireService.id);
    assert.equal(retired.status, 'finished', retired.message ?? '');
    const r = (name: string) => retired.items.find((i) => i.name === name)!;
    assert.ok(t(r('cran').finishedAt) <= t(r('mec').startedAt) && t(r('mec').finishedAt) <= t(r('epc').startedAt), 'retired in reverse order');
    for (const site of ['epc', 'mec', 'cran'] as const) assert.equal(answers(site), false, `${site} still answers`);
    assert.equal(existsSync('/var/tmp/superfluid-5g/lab'), false, 'files left behind');
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
      assert.equal(answers('epc'), false, 'the EPC was rolled back');
      assert.equal(answers('mec'), false, 'the MEC was rolled back');
    } finally {
      await cran.startSshd();
    }
  });
});
