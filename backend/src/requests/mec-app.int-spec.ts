import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { waitFor } from '../testing/harness.js';
import { type SliceLab, startSliceLab } from '../testing/slice-lab.js';

// The slice itself on the same lab: slice.int-spec.ts.
describe('MEC applications and inventory documents on the 5G lab of three SSH sites (network namespaces)', () => {
  let lab: SliceLab;
  before(async () => {
    lab = await startSliceLab();
  });
  after(async () => {
    await lab?.stop();
  });

  test('a MEC application registers its traffic rule with the TOF (a stand-in implementing its documented API); 409 and 400 fail clearly; retiring deletes the rule', async () => {
    const mec = lab.sites.sites.find((s) => s.name === 'mec')!;
    const stub = spawn(
      'ip',
      ['netns', 'exec', mec.namespace, 'python3', join(PROJECT_ROOT, 'backend/src/testing/tof-api.py'), '--listen', mec.address, '--port', '8181'],
      {
        stdio: 'ignore',
      },
    );
    try {
      await waitFor('the TOF stand-in', async () => {
        try {
          lab.sites.hubExec(['nc', '-z', '-w', '1', mec.address, '8181']);
          return true;
        } catch {
          return false;
        }
      });
      const tofUrl = `http://${mec.address}:8181`;
      const services = () =>
        JSON.parse(lab.sites.hubExec(['curl', '-s', '-m', '5', `${tofUrl}/service`])) as {
          name: string;
          rules: Record<string, string>;
          chain: Record<string, string[]>;
        }[];
      const list = await lab.app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates(catalog: "5G") { id name } }');
      const mecApp = list.data!.serviceTemplates.find((t) => t.name === 'MEC application with a traffic-offload rule')!.id;
      const orderApp = async (name: string, nwSrc: string) => {
        const res = await lab.app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: {
            templateId: mecApp,
            dialogValues: {
              provider: lab.providers.mec,
              app_name: name,
              tof_url: tofUrl,
              priority: 200,
              nw_src: nwSrc,
              protocol: '6',
              tp_dst: 8080,
              ue_net: [],
              net_ue: [],
            },
          },
        });
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        return lab.ended(res.data!.orderService.id);
      };

      const video = await orderApp('video', '10.45.0.0/16');
      assert.equal(video.status, 'finished', video.message ?? '');
      assert.deepEqual(services(), [
        {
          name: 'video',
          rules: { priority: '200', nw_src: '10.45.0.0/16', endpoint: mec.address, protocol: '6', tp_dst: '8080' },
          chain: { ue_net: [], net_ue: [] },
        },
      ]);
      // The application answers on a port it picked, as this service's own.
      const appUrl = new URL(String(video.items[0].outputs!.app_url));
      assert.equal(appUrl.hostname, mec.address);
      const answer = JSON.parse(lab.sites.hubExec(['curl', '-s', '-m', '5', `${appUrl.origin}/health`])) as { component: string; service: string };
      assert.deepEqual([answer.component, answer.service], ['mec-app', video.service!.id]);

      const taken = await orderApp('video', '10.46.0.0/16');
      assert.equal(taken.status, 'failed');
      assert.match(taken.message ?? '', /already has a service named video \(HTTP 409\)/);
      const refused = await orderApp('audio', '999.1.1.1');
      assert.equal(refused.status, 'failed');
      assert.match(refused.message ?? '', /refused the traffic rule \(HTTP 400\).*nw_src/);
      assert.deepEqual(
        services().map((s) => s.name),
        ['video'],
        'the refused orders changed nothing in the TOF',
      );

      const retire = await lab.app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: video.service!.id });
      const retired = await lab.ended(retire.data!.retireService.id);
      assert.equal(retired.status, 'finished', retired.message ?? '');
      assert.deepEqual(services(), []);
      assert.throws(() => lab.sites.hubExec(['nc', '-z', '-w', '1', mec.address, appUrl.port]), 'the application is stopped');
    } finally {
      stub.kill();
    }
  });

  test('inventory documents: sites bound to providers and hosts, parsed by ansible-inventory when saved, refused with a reason per problem, rendered without secrets', async () => {
    const CREATE = 'mutation($i: InventoryInput!) { createInventory(input: $i) { id name sites { name providerId hosts } rendered } }';
    const made = await lab.app.gql<{
      createInventory: {
        id: string;
        rendered: { all: { children: Record<string, { hosts: Record<string, { ansible_host: string }>; vars: Record<string, unknown> }> } };
      };
    }>(CREATE, {
      i: {
        name: 'lab',
        sites: [
          { name: 'epc', providerId: lab.providers.epc, hosts: ['epc1'], variables: { role: 'core' } },
          { name: 'mec', providerId: lab.providers.mec },
          { name: 'cran', providerId: lab.providers.cran },
        ],
      },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const groups = made.data!.createInventory.rendered.all.children;
    assert.deepEqual(Object.keys(groups), ['epc', 'mec', 'cran']);
    assert.equal(groups.epc.hosts.epc1.ansible_host, lab.address('epc'));
    assert.equal(groups.epc.vars.role, 'core');
    const rendered = JSON.stringify(made.data!.createInventory.rendered);
    for (const line of lab.sites.privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')))
      assert.ok(!rendered.includes(line), 'no key material');

    const bad = await lab.app.gql(CREATE, {
      i: {
        name: 'bad',
        sites: [
          { name: 'epc', providerId: lab.providers.epc, hosts: ['nope'] },
          { name: 'epc', providerId: lab.providers.mec },
          { name: 'all', providerId: lab.providers.cran },
          { name: 'x', providerId: '00000000-0000-0000-0000-000000000000' },
        ],
      },
    });
    assert.equal(bad.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    const why = bad.errors![0].extensions!.fields!.sites;
    assert.match(why, /has no host "nope"/);
    assert.match(why, /listed twice/);
    assert.match(why, /"all" is a group Ansible makes itself/);
    assert.match(why, /does not exist/);
    assert.equal((await lab.app.sql('SELECT 1 FROM inventories WHERE name = $1', ['bad'])).length, 0);
  });
});
