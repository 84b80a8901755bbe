import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

/**
 * A bundle step that fails until a file named after the deployment exists: a cause to fix, then
 * resume. The playbook runs in its sandbox, which sees no file of the test's: it asks the test's
 * HTTP server, which answers 200 when the file exists.
 */
const GATE = `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.uri: { url: "{{ gate_url }}/{{ deployment }}", status_code: [200, 404] }
      register: gate
    - ansible.builtin.assert:
        that: gate.status == 200
        fail_msg: "the gate file {{ gate_dir }}/{{ deployment }} is missing"
    - ansible.builtin.set_stats: { data: { gate: open }, per_host: false }
`;
const GATED = () => `kind: ServiceTemplate
name: Gated bundle
type: bundle
dialog: demo-bundle
items:
  - name: network
    index: 0
    provision: { repo: playbooks, playbook: bundle/network.yml, provider: { field: provider }, vars: { deployment: deployment } }
  - name: gate
    index: 1
    provision:
      repo: playbooks
      playbook: bundle/gate.yml
      provider: { field: provider }
      vars: { deployment: deployment }
      options: {}
    inputs: { net_id: network.net_id }
  - name: after-gate
    index: 2
    provision: { repo: playbooks, playbook: bundle/summary.yml, provider: { field: provider } }
    inputs: { url_a: network.net_id, url_b: gate.gate }

`;

interface Item {
  name: string;
  index: number;
  status: string;
  jobId: string | null;
  outputs: Record<string, unknown> | null;
  message: string | null;
  startedAt: string;
  finishedAt: string;
}
interface Request {
  id: string;
  status: string;
  state: string | null;
  message: string | null;
  items: Item[];
  transitions: { state: string; event: string; message: string | null }[];
  jobs: { id: string; status: string }[];
  service: { id: string; status: string; outputs: Record<string, unknown> } | null;
}
const REQUEST = `query($id: ID!) { serviceRequest(id: $id) { id status state message
  items { name index status jobId outputs message startedAt finishedAt }
  transitions { state event message } jobs { id status } service { id status outputs } } }`;

describe('bundles and state machines, on real Postgres, Redis, git and ansible-playbook', () => {
  let app: TestApp;
  let work: string;
  let gateDir: string;
  let gates: Server;
  const templates: Record<string, string> = {};
  let provider: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'bundles-'));
    gateDir = join(work, 'gates');
    gates = createServer((req, res) => {
      res.statusCode = existsSync(join(gateDir, basename(req.url ?? '/'))) ? 200 : 404;
      res.end();
    });
    await new Promise<void>((resolve) => gates.listen(0, '127.0.0.1', resolve));
    const gateUrl = `http://127.0.0.1:${(gates.address() as { port: number }).port}`;
    await cp(join(PROJECT_ROOT, 'playbooks'), join(work, 'playbooks'), { recursive: true });
    await cp(join(PROJECT_ROOT, 'catalog'), join(work, 'catalog'), { recursive: true });
    await writeFile(join(work, 'playbooks', 'bundle', 'gate.yml'), GATE.replaceAll('{{ gate_dir }}', gateDir).replaceAll('{{ gate_url }}', gateUrl));
    await writeFile(join(work, 'catalog', 'templates', 'gated-bundle.yaml'), GATED());
    await writeFile(
      join(work, 'catalog', 'templates', 'upstream-bundle.yaml'),
      'kind: ServiceTemplate\nname: Upstream bundle\ntype: bundle\ndialog: demo-bundle\nitems:\n  - name: only\n    index: 0\n    provision: { repo: upstream, playbook: site.yml, provider: { field: provider } }\n',
    );
    // Three sites, each on a provider of its own (local ones: the same host, the same connection),
    // with a form like the 5G slice's whose dropdowns offer every provider (the slice's offer ssh ones only).
    await writeFile(
      join(work, 'catalog', 'dialogs', 'three-sites.yaml'),
      (await readFile(join(work, 'catalog', 'dialogs', '5g-slice.yaml'), 'utf8'))
        .replace('name: 5g-slice', 'name: three-sites')
        .replaceAll('{ type: providers, providerType: ssh }', '{ type: providers }'),
    );
    await writeFile(
      join(work, 'catalog', 'templates', 'three-sites.yaml'),
      [
        'kind: ServiceTemplate\nname: Three sites\ntype: bundle\ndialog: three-sites',
        'sites: { epc: { provider: { field: epc_provider } }, mec: { provider: { field: mec_provider } }, cran: { provider: { field: cran_provider } } }',
        'items:',
        ...['epc', 'mec', 'cran'].map(
          (site, index) =>
            `  - { name: ${site}, site: ${site}, index: ${index}, provision: { repo: playbooks, playbook: hello.yml, provider: { field: ${site}_provider } } }`,
        ),
        '',
      ].join('\n'),
    );
    await mkdir(gateDir, { recursive: true });
    app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: join(work, 'playbooks'), CATALOG_DIR: join(work, 'catalog') });
    const list = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
    for (const t of list.data!.serviceTemplates) templates[t.name] = t.id;
    provider = (await app.gql<{ providers: { id: string }[] }>('{ providers { id } }')).data!.providers[0].id;
  });
  after(async () => {
    await app?.stop();
    await new Promise((resolve) => gates?.close(resolve));
    await rm(work, { recursive: true, force: true });
  });

  const order = async (template: string, deployment: string) => {
    const res = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: templates[template], dialogValues: { provider, deployment } },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.orderService.id;
  };
  const ended = (id: string) =>
    waitFor(`request ${id} to end`, async () => {
      const r = (await app.gql<{ serviceRequest: Request }>(REQUEST, { id })).data!.serviceRequest;
      return ['finished', 'failed', 'canceled'].includes(r.status) && r;
    });

  test('the demo bundle: indexes in order, the same index in parallel, each step fed by the outputs of the ones before', async () => {
    const done = await ended(await order('Demo bundle', 'alpha'));
    assert.equal(done.status, 'finished', done.message ?? '');
    const item = (name: string) => done.items.find((i) => i.name === name)!;
    const t = (s: string) => new Date(s).getTime();
    assert.deepEqual(
      done.items.map((i) => [i.name, i.status]),
      [
        ['network', 'successful'],
        ['app-a', 'successful'],
        ['app-b', 'successful'],
        ['summary', 'successful'],
      ],
    );
    // Dependency order, from the recorded timestamps.
    for (const app of ['app-a', 'app-b']) {
      assert.ok(t(item('network').finishedAt) <= t(item(app).startedAt), `${app} started after the network finished`);
      assert.ok(t(item(app).finishedAt) <= t(item('summary').startedAt), `summary started after ${app} finished`);
    }
    // Parallel within index 1: each application started before the other finished.
    assert.ok(
      t(item('app-a').startedAt) < t(item('app-b').finishedAt) && t(item('app-b').startedAt) < t(item('app-a').finishedAt),
      'app-a and app-b overlapped',
    );
    // Output passing.
    const netId = item('network').outputs!.net_id as string;
    assert.match(netId, /^net-alpha-/);
    assert.ok(String(item('app-a').outputs!.app_url).includes(netId));
    assert.equal(item('summary').outputs!.summary, `${item('app-a').outputs!.app_url} and ${item('app-b').outputs!.app_url}`);
    assert.deepEqual(Object.keys(done.service!.outputs.items as object).sort(), ['app-a', 'app-b', 'network', 'summary']);
    // Every state entered and left, in the machine's order.
    const oks = done.transitions.filter((x) => x.event === 'ok').map((x) => x.state);
    assert.deepEqual(oks, ['approve', 'refresh', 'validate', 'provision', 'wait', 'collect', 'finish']);
    assert.equal(done.jobs.length, 4);

    // Retirement: the applications first (in parallel), then the network, each given what it returned.
    const retire = await app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service!.id });
    assert.equal(retire.errors, undefined, JSON.stringify(retire.errors));
    const twice = await app.gql('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service!.id });
    assert.equal(twice.errors?.[0].extensions?.code, 'CONFLICT');
    const retired = await ended(retire.data!.retireService.id);
    assert.equal(retired.status, 'finished', retired.message ?? '');
    const r = (name: string) => retired.items.find((i) => i.name === name)!;
    assert.deepEqual(retired.items.map((i) => [i.name, i.index, i.status]).sort(), [
      ['app-a', 0, 'successful'],
      ['app-b', 0, 'successful'],
      ['network', 1, 'successful'],
    ]);
    for (const app of ['app-a', 'app-b']) assert.ok(t(r(app).finishedAt) <= t(r('network').startedAt), `${app} was removed before the network`);
    const networkJob = await app.gql<{ job: { stdout: string } }>('query($id: ID!) { job(id: $id) { stdout } }', { id: r('network').jobId });
    assert.match(networkJob.data!.job.stdout, new RegExp(`removing ${netId}`));
    const service = await app.gql<{ service: { status: string } }>('query($id: ID!) { service(id: $id) { status } }', { id: done.service!.id });
    assert.equal(service.data!.service.status, 'retired');
  });

  test('a failed item fails the request in its state, naming the item and keeping what was deployed; resumed after the fix, only what failed runs again', async () => {
    const deployment = `g${randomBytes(4).toString('hex')}`;
    const failed = await ended(await order('Gated bundle', deployment));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.state, 'wait');
    assert.match(failed.message ?? '', /Item "gate" failed: .*gate file .* is missing/s);
    assert.match(failed.message ?? '', /Already deployed and kept: network/);
    assert.deepEqual(
      failed.items.map((i) => i.status),
      ['successful', 'failed', 'canceled'],
      'what had not started will not start',
    );
    const networkJob = failed.items[0].jobId;

    // Fix the cause, then resume.
    await writeFile(join(gateDir, deployment), 'open');
    const resumed = await app.gql<{ resumeServiceRequest: { status: string } }>('mutation($id: ID!) { resumeServiceRequest(id: $id) { status } }', {
      id: failed.id,
    });
    assert.equal(resumed.errors, undefined, JSON.stringify(resumed.errors));
    const done = await ended(failed.id);
    assert.equal(done.status, 'finished', done.message ?? '');
    assert.deepEqual(
      done.items.map((i) => i.status),
      ['successful', 'successful', 'successful'],
    );
    assert.equal(done.items[0].jobId, networkJob, 'the network was not run again');
    assert.equal(done.jobs.length, 4, 'network once, gate twice, after-gate once');
    assert.ok(done.transitions.some((x) => x.event === 'resumed' && x.state === 'wait'));

    const again = await app.gql('mutation($id: ID!) { resumeServiceRequest(id: $id) { status } }', { id: failed.id });
    assert.equal(again.errors?.[0].extensions?.code, 'CONFLICT');
  });

  test('refresh_repositories, first in the machine, fetches the commit pushed since the last refresh and runs it', async () => {
    const upstream = join(work, 'upstream');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@localhost', ...args], { cwd: upstream })
        .toString()
        .trim();
    await mkdir(upstream);
    git('init', '--quiet', '--initial-branch=main');
    const play = (word: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "${word}" }\n`;
    await writeFile(join(upstream, 'site.yml'), play('first'));
    git('add', '--all');
    git('commit', '--quiet', '-m', 'one');
    const made = await app.gql<{ createGitRepo: { commit: string } }>(
      'mutation($u: String!) { createGitRepo(input: { name: "upstream", url: $u }) { commit } }',
      {
        u: `file://${upstream}`,
      },
    );
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    await writeFile(join(upstream, 'site.yml'), play('second'));
    git('commit', '--quiet', '-am', 'two');
    const second = git('rev-parse', 'HEAD');
    assert.notEqual(made.data!.createGitRepo.commit, second);
    const done = await ended(await order('Upstream bundle', 'up'));
    assert.equal(done.status, 'finished', done.message ?? '');
    const job = await app.gql<{ job: { commit: string; stdout: string } }>('query($id: ID!) { job(id: $id) { commit stdout } }', { id: done.items[0].jobId });
    assert.equal(job.data!.job.commit, second);
    assert.match(job.data!.job.stdout, /second/);
    assert.match(done.transitions.find((x) => x.state === 'refresh' && x.event === 'ok')?.message ?? '', /items moved to the new commit: only/);
  });

  test('a multi-site service records every provider it was deployed on: none of them can be deleted, while it is active nor once it is retired', async () => {
    const sites: Record<string, string> = {};
    for (const site of ['epc', 'mec', 'cran']) {
      const made = await app.gql<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
        i: { name: `three_${site}`, type: 'local' },
      });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      sites[site] = made.data!.createProvider.id;
    }
    const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: {
        templateId: templates['Three sites'],
        dialogValues: { epc_provider: sites.epc, mec_provider: sites.mec, cran_provider: sites.cran, deployment: 'three', plmn: '00101' },
      },
    });
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    const done = await ended(ordered.data!.orderService.id);
    assert.equal(done.status, 'finished', done.message ?? '');
    const service = await app.gql<{ service: { providerId: string; providerIds: string[] } }>(
      'query($id: ID!) { service(id: $id) { providerId providerIds } }',
      { id: done.service!.id },
    );
    assert.equal(service.data!.service.providerId, sites.epc);
    assert.deepEqual([...service.data!.service.providerIds].sort(), Object.values(sites).sort());

    const DELETE = 'mutation($id: ID!) { deleteProvider(id: $id) }';
    for (const site of ['epc', 'mec', 'cran']) {
      const refused = await app.gql<{ deleteProvider: boolean }>(DELETE, { id: sites[site] });
      assert.equal(refused.errors?.[0].extensions?.code, 'CONFLICT', `three_${site}: ${JSON.stringify(refused)}`);
      assert.match(refused.errors![0].message, /Provider "three_\w+" is used by service "Three sites": retire those first/);
      assert.deepEqual((refused.errors![0].extensions as { usedBy?: string[] }).usedBy, ['service "Three sites"']);
    }
    const retire = await app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service!.id });
    assert.equal(retire.errors, undefined, JSON.stringify(retire.errors));
    assert.equal((await ended(retire.data!.retireService.id)).status, 'finished');
    // Retired, it keeps every site's provider for its history: the first as the others (no dangling ids).
    for (const site of ['epc', 'mec', 'cran']) {
      const kept = await app.gql<{ deleteProvider: boolean }>(DELETE, { id: sites[site] });
      assert.equal(kept.errors?.[0].extensions?.code, 'CONFLICT', `three_${site}: ${JSON.stringify(kept)}`);
      assert.match(kept.errors![0].message, /Provider "three_\w+" is kept for the history of service "Three sites" \(retired\), deployed on it/);
      assert.deepEqual((kept.errors![0].extensions as { keptBy?: string[] }).keptBy, ['service "Three sites"']);
    }
    const after = await app.gql<{ service: { providerIds: string[] } }>('query($id: ID!) { service(id: $id) { providerIds } }', { id: done.service!.id });
    const names = await app.gql<{ providers: { id: string }[] }>('{ providers { id } }');
    for (const id of after.data!.service.providerIds)
      assert.ok(
        names.data!.providers.some((p) => p.id === id),
        `provider ${id} is still there`,
      );
    // A provider no service ran on goes.
    const unused = await app.gql<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'three_unused', type: 'local' },
    });
    const freed = await app.gql<{ deleteProvider: boolean }>(DELETE, { id: unused.data!.createProvider.id });
    assert.equal(freed.data?.deleteProvider, true, JSON.stringify(freed.errors));
  });

  test('a site takes only the provider types its items can use: the 5G slice refuses a local provider, naming each site field, and offers ssh ones only', async () => {
    const local = (await app.gql<{ providers: { id: string; name: string }[] }>('{ providers { id name } }')).data!.providers.find(
      (p) => p.name === 'local',
    )!.id;
    const refused = await app.gql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: {
        templateId: templates['5G slice: CRAN + MEC + EPC'],
        dialogValues: { epc_provider: local, mec_provider: local, cran_provider: local, deployment: 'wrong', plmn: '00101' },
      },
    });
    assert.equal(refused.errors?.[0].extensions?.code, 'VALIDATION_FAILED', JSON.stringify(refused.errors));
    assert.deepEqual(refused.errors![0].extensions!.fields, {
      epc_provider: 'must be a ssh provider (this one is local)',
      mec_provider: 'must be a ssh provider (this one is local)',
      cran_provider: 'must be a ssh provider (this one is local)',
    });
    assert.match(refused.errors![0].message, /Site "epc" takes a provider of type ssh: a local provider cannot run its items/);
    const requests = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM service_requests WHERE dialog_values->>'deployment' = 'wrong'`);
    assert.equal(requests[0].n, 0, 'nothing was stored');

    // The dropdowns offer ssh providers only: here, none (the local provider is not offered, nor pre-selected).
    const field = await app.gql<{ refreshDialogField: { choices: { value: string }[]; default: unknown } }>(
      'query($t: ID!) { refreshDialogField(field: "epc_provider", templateId: $t, values: {}) { choices { value } default } }',
      { t: templates['5G slice: CRAN + MEC + EPC'] },
    );
    assert.equal(field.errors, undefined, JSON.stringify(field.errors));
    assert.deepEqual(field.data!.refreshDialogField.choices, []);
    assert.equal(field.data!.refreshDialogField.default ?? null, null);
  });

  test('a bundle refuses job options; a single-playbook request cannot be resumed', async () => {
    const res = await app.gql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: templates['Demo bundle'], dialogValues: { provider, deployment: 'x' }, jobOptions: { check: true } },
    });
    assert.equal(res.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    const single = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: templates['Run a playbook'], dialogValues: { provider, playbook: 'fail.yml' } },
    });
    const failed = await ended(single.data!.orderService.id);
    assert.equal(failed.status, 'failed');
    const resume = await app.gql('mutation($id: ID!) { resumeServiceRequest(id: $id) { status } }', { id: failed.id });
    assert.equal(resume.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(resume.errors![0].message, /retryServiceRequest/);
  });
});
