import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/config.js';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';
import { type SshSites, startSshSites } from '../testing/ssh-sites.js';

interface Item {
  name: string;
  site: string | null;
  index: number;
  status: string;
  startedAt: string;
  finishedAt: string;
  outputs: Record<string, unknown> | null;
}
interface Request {
  id: string;
  status: string;
  message: string | null;
  items: Item[];
  service: { id: string; status: string } | null;
}
const REQUEST =
  'query($id: ID!) { serviceRequest(id: $id) { id status message items { name site index status startedAt finishedAt outputs } service { id status } } }';
const PORTS = { epc: 18001, mec: 18002, cran: 18003 } as const;

describe('the 5G slice across three SSH sites (network namespaces), through the portal', () => {
  let app: TestApp;
  let sites: SshSites;
  let templateId: string;
  const providers: Record<string, string> = {};
  const address = (site: 'epc' | 'mec' | 'cran') => sites.sites.find((s) => s.name === site)!.address;

  before(async () => {
    sites = await startSshSites(['epc', 'mec', 'cran']);
    app = await startTestApp(await newEnv());
    const key = await app.gql<{ createCredential: { id: string } }>('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'lab-key', type: 'ssh_key', inputs: { username: 'root' }, secrets: { private_key: sites.privateKey } },
    });
    assert.equal(key.errors, undefined, JSON.stringify(key.errors));
    for (const site of sites.sites) {
      const made = await app.gql<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
        i: {
          name: `lab_${site.name}`,
          type: 'ssh',
          credentialId: key.data!.createCredential.id,
          config: { hosts: [{ name: `${site.name}1`, address: site.address }], sshArgs: sites.sshArgs },
        },
      });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      providers[site.name] = made.data!.createProvider.id;
    }
    const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates(catalog: "5G") { id name } }');
    templateId = templates.data!.serviceTemplates.find((t) => t.name === '5G slice: CRAN + MEC + EPC')!.id;
  });
  after(async () => {
    await app?.stop();
    await sites?.destroy();
  });

  const order = async (deployment: string) => {
    const res = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: {
        templateId,
        dialogValues: { epc_provider: providers.epc, mec_provider: providers.mec, cran_provider: providers.cran, deployment, plmn: '00101' },
      },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.orderService.id;
  };
  const ended = (id: string) =>
    waitFor(
      `request ${id}`,
      async () => {
        const r = (await app.gql<{ serviceRequest: Request }>(REQUEST, { id })).data!.serviceRequest;
        return ['finished', 'failed', 'canceled'].includes(r.status) && r;
      },
      180_000,
    );
  const health = (site: 'epc' | 'mec' | 'cran') =>
    JSON.parse(sites.hubExec(['curl', '-s', '-m', '5', `http://${address(site)}:${PORTS[site]}/health`])) as {
      status: string;
      name: string;
      depends: Record<string, string>;
    };
  const answers = (site: 'epc' | 'mec' | 'cran') => {
    try {
      sites.hubExec(['nc', '-z', '-w', '1', address(site), String(PORTS[site])]);
      return true;
    } catch {
      return false;
    }
  };

  test('ordered: EPC, then MEC with the EPC address, then CRAN with both, each answering on its site; retired: nothing left', async () => {
    const done = await ended(await order('lab'));
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
    assert.deepEqual(health('mec').depends, { epc: address('epc') });
    assert.deepEqual(health('cran').depends, { epc: address('epc'), mec: address('mec') });
    // Each runs in its own site: the CRAN's address is the cran namespace's, not another's.
    assert.equal(item('cran').outputs!.cran_address, address('cran'));

    const retire = await app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service!.id });
    const retired = await ended(retire.data!.retireService.id);
    assert.equal(retired.status, 'finished', retired.message ?? '');
    const r = (name: string) => retired.items.find((i) => i.name === name)!;
    assert.ok(t(r('cran').finishedAt) <= t(r('mec').startedAt) && t(r('mec').finishedAt) <= t(r('epc').startedAt), 'retired in reverse order');
    for (const site of ['epc', 'mec', 'cran'] as const) assert.equal(answers(site), false, `${site} still answers`);
    assert.equal(existsSync('/var/tmp/superfluid-5g/lab'), false, 'files left behind');
  });

  test('a site that fails fails the request naming it, and what was deployed is rolled back by its retirement playbooks', async () => {
    const cran = sites.sites.find((s) => s.name === 'cran')!;
    await cran.stopSshd();
    try {
      const failed = await ended(await order('broken'));
      assert.equal(failed.status, 'failed');
      assert.match(failed.message ?? '', /Item "cran" \(site cran\) failed/);
      assert.match(failed.message ?? '', /Already deployed, to be rolled back: epc \(site epc\), mec \(site mec\)/);
      const rollbackId = /rolled back by request ([0-9a-f-]{36})/.exec(failed.message ?? '')?.[1];
      assert.ok(rollbackId, failed.message ?? '');
      const rollback = await ended(rollbackId);
      assert.equal(rollback.status, 'finished', rollback.message ?? '');
      assert.deepEqual(rollback.items.map((i) => i.name).sort(), ['epc', 'mec']);
      assert.equal(answers('epc'), false, 'the EPC was rolled back');
      assert.equal(answers('mec'), false, 'the MEC was rolled back');
    } finally {
      await cran.startSshd();
    }
  });

  test('a MEC application registers its traffic rule with the TOF (a stand-in implementing its documented API); 409 and 400 fail clearly; retiring deletes the rule', async () => {
    const mec = sites.sites.find((s) => s.name === 'mec')!;
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
          sites.hubExec(['nc', '-z', '-w', '1', mec.address, '8181']);
          return true;
        } catch {
          return false;
        }
      });
      const tofUrl = `http://${mec.address}:8181`;
      const services = () =>
        JSON.parse(sites.hubExec(['curl', '-s', '-m', '5', `${tofUrl}/service`])) as {
          name: string;
          rules: Record<string, string>;
          chain: Record<string, string[]>;
        }[];
      const list = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates(catalog: "5G") { id name } }');
      const mecApp = list.data!.serviceTemplates.find((t) => t.name === 'MEC application with a traffic-offload rule')!.id;
      const orderApp = async (name: string, nwSrc: string) => {
        const res = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: {
            templateId: mecApp,
            dialogValues: {
              provider: providers.mec,
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
        return ended(res.data!.orderService.id);
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
      assert.equal(JSON.parse(sites.hubExec(['curl', '-s', '-m', '5', `http://${mec.address}:18010/health`])).component, 'mec-app');

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

      const retire = await app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: video.service!.id });
      const retired = await ended(retire.data!.retireService.id);
      assert.equal(retired.status, 'finished', retired.message ?? '');
      assert.deepEqual(services(), []);
      assert.throws(() => sites.hubExec(['nc', '-z', '-w', '1', mec.address, '18010']), 'the application is stopped');
    } finally {
      stub.kill();
    }
  });

  test('inventory documents: sites bound to providers and hosts, parsed by ansible-inventory when saved, refused with a reason per problem, rendered without secrets', async () => {
    const CREATE = 'mutation($i: InventoryInput!) { createInventory(input: $i) { id name sites { name providerId hosts } rendered } }';
    const made = await app.gql<{
      createInventory: {
        id: string;
        rendered: { all: { children: Record<string, { hosts: Record<string, { ansible_host: string }>; vars: Record<string, unknown> }> } };
      };
    }>(CREATE, {
      i: {
        name: 'lab',
        sites: [
          { name: 'epc', providerId: providers.epc, hosts: ['epc1'], variables: { role: 'core' } },
          { name: 'mec', providerId: providers.mec },
          { name: 'cran', providerId: providers.cran },
        ],
      },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const groups = made.data!.createInventory.rendered.all.children;
    assert.deepEqual(Object.keys(groups), ['epc', 'mec', 'cran']);
    assert.equal(groups.epc.hosts.epc1.ansible_host, address('epc'));
    assert.equal(groups.epc.vars.role, 'core');
    const rendered = JSON.stringify(made.data!.createInventory.rendered);
    for (const line of sites.privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')))
      assert.ok(!rendered.includes(line), 'no key material');

    const bad = await app.gql(CREATE, {
      i: {
        name: 'bad',
        sites: [
          { name: 'epc', providerId: providers.epc, hosts: ['nope'] },
          { name: 'epc', providerId: providers.mec },
          { name: 'all', providerId: providers.cran },
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
    assert.equal((await app.sql('SELECT 1 FROM inventories WHERE name = $1', ['bad'])).length, 0);
  });
});
