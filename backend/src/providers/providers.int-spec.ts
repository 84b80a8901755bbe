import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { newEnv, orderService, providerIdByName, requestEnded, startTestApp, type TestApp, templateIdByName, waitFor } from '../testing/harness.js';
import { type SshSites, startSshSites } from '../testing/ssh-sites.js';

/** Prints every secret a run can reach: the job's output must show them masked. */
const CANARY_PLAYBOOK = `- hosts: localhost
  connection: local
  gather_facts: false
  vars:
    key_file: "{{ hostvars[groups['all'][0]].ansible_ssh_private_key_file | default('') }}"
    kubeconfig: "{{ lookup('ansible.builtin.env', 'K8S_AUTH_KUBECONFIG') }}"
    clouds: "{{ lookup('ansible.builtin.env', 'OS_CLIENT_CONFIG_FILE') }}"
  tasks:
    - name: Wait, so the test can read the process list meanwhile
      ansible.builtin.pause: { seconds: 2 }
    - ansible.builtin.debug: { msg: "{{ lookup('ansible.builtin.file', key_file) }}" }
      when: key_file | length > 0
    - ansible.builtin.debug: { var: ansible_become_password }
    - ansible.builtin.debug: { var: openstack_auth }
    - ansible.builtin.debug: { var: k8s_api_key }
    - ansible.builtin.debug: { msg: "{{ lookup('ansible.builtin.env', 'K8S_AUTH_API_KEY') }}" }
    - ansible.builtin.debug: { msg: "{{ lookup('ansible.builtin.file', kubeconfig) }}" }
      when: kubeconfig | length > 0
    - ansible.builtin.debug: { msg: "{{ lookup('ansible.builtin.file', clouds) }}" }
      when: clouds | length > 0
    - ansible.builtin.set_stats: { data: { leaked: "{{ ansible_become_password | default(k8s_api_key) | default('none') }}" }, per_host: false }
`;

interface Provider {
  id: string;
  name: string;
  healthStatus: string;
  healthMessage: string | null;
}
const PROVIDER = 'id name healthStatus healthMessage';
const CREATE_PROVIDER = `mutation($i: ProviderInput!) { createProvider(input: $i) { ${PROVIDER} } }`;
const CREATE_CREDENTIAL = 'mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }';
const REQUEST_FIELDS = 'status message jobs { id status stdout events { event stdout } } service { id outputs }';

describe('providers on real SSH hosts (network namespaces), credentials injected into runs and never leaked', () => {
  let app: TestApp;
  let sites: SshSites;
  let work: string;
  let templateId: string;
  const passphrase = `canary-passphrase-${randomBytes(6).toString('hex')}`;
  const vaultPassword = `canary-vault-${randomBytes(6).toString('hex')}`;
  const dialogPassword = `canary-dialog-${randomBytes(6).toString('hex')}`;
  let keyWithPassphrase: string;

  before(async () => {
    sites = await startSshSites(['alpha']);
    work = await mkdtemp(join(tmpdir(), 'providers-'));
    // A second key, with a passphrase: runs must give it through the askpass program.
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', join(work, 'key')]);
    keyWithPassphrase = await readFile(join(work, 'key'), 'utf8');
    await appendFile(join(sites.dir, 'authorized_keys'), await readFile(join(work, 'key.pub')));
    await cp(join(PROJECT_ROOT, 'playbooks'), join(work, 'playbooks'), { recursive: true });
    await writeFile(join(work, 'playbooks', 'canary.yml'), CANARY_PLAYBOOK);
    await writeFile(join(work, 'playbooks', 'slow.yml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.pause: { seconds: 2 }\n');
    // A playbook with vault-encrypted data, and a catalog item that decrypts it with a vault credential.
    await writeFile(join(work, 'vault-pass'), vaultPassword);
    const encrypted = execFileSync('ansible-vault', [
      'encrypt_string',
      '--vault-password-file',
      join(work, 'vault-pass'),
      'decrypted-by-the-run',
      '--name',
      'secret_value',
    ]).toString();
    await writeFile(
      join(work, 'playbooks', 'vaulted.yml'),
      `- hosts: all\n  gather_facts: false\n  vars:\n${encrypted.replace(/^/gm, '    ')}\n  tasks:\n    - ansible.builtin.pause: { seconds: 2 }\n    - ansible.builtin.assert: { that: secret_value == 'decrypted-by-the-run' }\n`,
    );
    await cp(join(PROJECT_ROOT, 'catalog'), join(work, 'catalog'), { recursive: true });
    await writeFile(
      join(work, 'catalog', 'templates', 'vaulted.yaml'),
      'kind: ServiceTemplate\nname: Vaulted\ntype: ansible_playbook\ndialog: run-playbook\nprovision: { repo: playbooks, playbook: { field: playbook }, provider: { field: provider }, vaultCredential: vault }\n',
    );
    // A password field of an order form, passed to a playbook that checks it got the real value.
    await writeFile(
      join(work, 'catalog', 'dialogs', 'with-password.yaml'),
      'kind: Dialog\nname: with-password\nlabel: With a password\ntabs: [{ label: T, boxes: [{ label: B, fields: [{ name: provider, label: Provider, type: dropdown, required: true, dataSource: { type: providers } }, { name: db_password, label: DB password, type: password, required: true }] }] }]\n',
    );
    await writeFile(
      join(work, 'catalog', 'templates', 'with-password.yaml'),
      'kind: ServiceTemplate\nname: With a password\ntype: ansible_playbook\ndialog: with-password\nprovision: { repo: playbooks, playbook: secret.yml, provider: { field: provider }, vars: { db_password: db_password } }\n',
    );
    await writeFile(
      join(work, 'playbooks', 'secret.yml'),
      `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.pause: { seconds: 2 }\n    - ansible.builtin.assert: { that: "db_password == '${dialogPassword}'" }\n    - ansible.builtin.debug: { var: db_password }\n`,
    );
    // Returns the variables a provider, a host or an inventory site gave it, as the run saw them.
    await writeFile(
      join(work, 'playbooks', 'jinja.yml'),
      `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { var: probe }\n    - ansible.builtin.set_stats: { data: { probe: "{{ probe | default('none') }}", host_probe: "{{ host_probe | default('none') }}" }, per_host: false }\n`,
    );
    await writeFile(
      join(work, 'catalog', 'templates', 'inventory-probe.yaml'),
      'kind: ServiceTemplate\nname: Inventory probe\ntype: bundle\ndialog: demo-bundle\ninventory: probe\nitems:\n  - { name: run, site: probe, provision: { repo: playbooks, playbook: jinja.yml, provider: { field: provider } } }\n',
    );
    // The monitor checks every hour only: the health test counts its own checks (a sandboxed SSH check
    // takes seconds on a loaded machine, and the monitor's would land among them).
    app = await startTestApp(await newEnv(), {
      PLAYBOOKS_DIR: join(work, 'playbooks'),
      CATALOG_DIR: join(work, 'catalog'),
      PROVIDER_HEALTH_INTERVAL_SECONDS: '3600',
    });
    templateId = await templateIdByName(app, 'Run a playbook');
  });
  after(async () => {
    await app?.stop();
    await sites?.destroy();
    await rm(work, { recursive: true, force: true });
  });

  const credential = async (name: string, type: string, inputs: Record<string, string>, secrets: Record<string, string>) => {
    const res = await app.gql<{ createCredential: { id: string } }>(CREATE_CREDENTIAL, { i: { name, type, inputs, secrets } });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.createCredential.id;
  };
  const order = (provider: string, playbook: string) => orderService(app, templateId, { provider, playbook });
  type Request = {
    status: string;
    message: string | null;
    jobs: { id: string; status: string; stdout: string; events: { event: string; stdout: string }[] }[];
    service: { id: string; outputs: Record<string, unknown> } | null;
  };
  const ended = (id: string) => requestEnded<Request>(app, id, REQUEST_FIELDS, 60_000);

  let sshProvider: Provider;

  test('an ssh provider runs playbooks on its hosts over SSH, with a key whose passphrase is given by askpass', async () => {
    const key = await credential('site-key', 'ssh_key', { username: 'root' }, { private_key: keyWithPassphrase, passphrase });
    const made = await app.gql<{ createProvider: Provider }>(CREATE_PROVIDER, {
      i: { name: 'alpha', type: 'ssh', credentialId: key, config: { hosts: [{ name: 'alpha1', address: sites.sites[0].address }], sshArgs: sites.sshArgs } },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    sshProvider = made.data!.createProvider;
    const done = await ended(await order(sshProvider.id, 'facts.yml'));
    assert.equal(done.status, 'finished', `${done.message}\n${done.jobs[0]?.stdout}`);
    const facts = (done.service!.outputs.hosts as Record<string, { addresses: string; user: string }>).alpha1;
    assert.match(facts.addresses, new RegExp(sites.sites[0].address.replace(/\./g, '\\.')), 'the command ran inside the site namespace');
    assert.equal(facts.user, 'root');
  });

  test("Jinja in a provider's, a host's or an inventory site's variables reaches the playbook as text and runs nothing", async () => {
    const marker = join(work, 'templated');
    const jinja = `{{ lookup('pipe', 'touch ${marker}; echo ran') }}`;
    const key = (await app.sql<{ id: string }>(`SELECT id FROM credentials WHERE name = 'site-key'`))[0].id;
    const providers = [
      {
        name: 'jinja_ssh',
        type: 'ssh',
        credentialId: key,
        config: {
          hosts: [{ name: 'alpha1', address: sites.sites[0].address, variables: { host_probe: jinja } }],
          sshArgs: sites.sshArgs,
          variables: { probe: jinja },
        },
      },
      { name: 'jinja_local', type: 'local', config: { variables: { probe: jinja } } },
    ];
    for (const p of providers) {
      const made = await app.gql<{ createProvider: Provider }>(CREATE_PROVIDER, { i: p });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      const done = await ended(await order(made.data!.createProvider.id, 'jinja.yml'));
      assert.equal(done.status, 'finished', `${p.name}: ${done.message}\n${done.jobs[0]?.stdout}`);
      assert.equal(done.service!.outputs.probe, jinja, p.name);
      if (p.type === 'ssh') assert.equal(done.service!.outputs.host_probe, jinja, p.name);
    }

    const local = await providerIdByName(app, 'local');
    const inventory = await app.gql('mutation($i: InventoryInput!) { createInventory(input: $i) { id } }', {
      i: { name: 'probe', sites: [{ name: 'probe', providerId: local, variables: { probe: jinja } }] },
    });
    assert.equal(inventory.errors, undefined, JSON.stringify(inventory.errors));
    const bundle = await templateIdByName(app, 'Inventory probe');
    const done = await ended(await orderService(app, bundle, { provider: local, deployment: 'probe' }));
    assert.equal(done.status, 'finished', done.message ?? '');
    assert.equal((done.service!.outputs.items as Record<string, { probe: string }>).run.probe, jinja, 'inventory document');
    assert.equal(existsSync(marker), false, 'a variable was templated: its command ran');
  });

  test('health: a real SSH login says up; sshd stopped, the check says down and raises an alarm; back, up again', async () => {
    const controlDirs = async () => (await readdir('/tmp')).filter((n) => n.startsWith('sfhc-'));
    const existing = new Set(await controlDirs());
    const check = async () =>
      (await app.gql<{ checkProviderHealth: Provider }>(`mutation($id: ID!) { checkProviderHealth(id: $id) { ${PROVIDER} } }`, { id: sshProvider.id })).data!
        .checkProviderHealth;
    const up = await check();
    assert.equal(up.healthStatus, 'up', up.healthMessage ?? '');
    await sites.sites[0].stopSshd();
    const down = await check();
    assert.equal(down.healthStatus, 'down');
    assert.match(down.healthMessage ?? '', /alpha1/);
    await sites.sites[0].startSshd();
    const back = await check();
    assert.equal(back.healthStatus, 'up', back.healthMessage ?? '');
    const alarms = await app.gql<{ providerAlarms: { providerId: string; status: string }[] }>('{ providerAlarms { providerId status } }');
    assert.deepEqual(
      alarms.data!.providerAlarms.filter((a) => a.providerId === sshProvider.id).map((a) => a.status),
      ['up', 'down'],
    );
    const history = await app.gql<{ provider: { healthHistory: { status: string }[] } }>('query($id: ID!) { provider(id: $id) { healthHistory { status } } }', {
      id: sshProvider.id,
    });
    assert.deepEqual(
      history.data!.provider.healthHistory.map((h) => h.status),
      ['up', 'down', 'up'],
    );
    // Each check's SSH control folder goes with it (a check the monitor has under way may still hold one).
    await waitFor("the health checks' SSH control folders removed", async () => (await controlDirs()).every((n) => existing.has(n)), 10_000);
  });

  test('bad input: a clear error per field, nothing stored; a credential or provider in use cannot be deleted', async () => {
    const before = await app.sql<{ n: string }>('SELECT count(*) AS n FROM providers');
    const noHosts = await app.gql(CREATE_PROVIDER, { i: { name: 'empty', type: 'ssh', config: { hosts: [] } } });
    assert.equal(noHosts.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(noHosts.errors![0].extensions!.fields!.config, /at least one host/);
    const token = await credential('not-ssh', 'kubernetes_token', { api_url: 'https://k8s.example:6443' }, { token: 'x'.repeat(20) });
    const wrongType = await app.gql(CREATE_PROVIDER, {
      i: { name: 'wrong', type: 'ssh', credentialId: token, config: { hosts: [{ name: 'h', address: '10.0.0.1' }] } },
    });
    assert.match(wrongType.errors?.[0].extensions?.fields?.credentialId ?? '', /connects with ssh_key or username_password/);
    const badName = await app.gql(CREATE_PROVIDER, { i: { name: 'Bad Name', type: 'local' } });
    assert.ok(badName.errors?.[0].extensions?.fields?.name);
    assert.deepEqual(await app.sql<{ n: string }>('SELECT count(*) AS n FROM providers'), before);

    const keyInUse = await app.sql<{ id: string }>(`SELECT id FROM credentials WHERE name = 'site-key'`);
    const refused = await app.gql('mutation($id: ID!) { deleteCredential(id: $id) }', { id: keyInUse[0].id });
    assert.equal(refused.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(refused.errors![0].message, /provider "alpha"/);
    const inUse = await app.gql('mutation($id: ID!) { deleteProvider(id: $id) }', { id: sshProvider.id });
    assert.equal(inUse.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(inUse.errors![0].message, /service/);
  });

  test('canaries of every credential a run uses never reach its output, events, process list, errors or the database in clear', async () => {
    const canary = (type: string) => `canary-${type}-${randomBytes(8).toString('hex')}`;
    const c = {
      become: canary('become'),
      k8sToken: canary('k8stoken'),
      kubeconfig: canary('kubeconfig'),
      openstack: canary('openstack'),
      appCredential: canary('appcred'),
      cloudsYaml: canary('cloudsyaml'),
    };
    const become = await credential('become', 'become_password', {}, { password: c.become });
    const k8sToken = await credential('k8s-token', 'kubernetes_token', { api_url: 'https://k8s.example:6443' }, { token: c.k8sToken });
    const kubeconfig = await credential(
      'k8s-config',
      'kubeconfig',
      {},
      {
        kubeconfig: [
          'apiVersion: v1',
          'kind: Config',
          'current-context: c',
          'clusters: [{ name: k, cluster: { server: "https://k8s.example:6443" } }]',
          'contexts: [{ name: c, context: { cluster: k, user: u } }]',
          `users: [{ name: u, user: { token: ${c.kubeconfig} } }]`,
          '',
        ].join('\n'),
      },
    );
    const openstack = await credential(
      'cloud',
      'openstack',
      { auth_url: 'https://keystone.example:5000/v3', project_name: 'demo', username: 'demo' },
      { password: c.openstack },
    );
    const appCredential = await credential(
      'cloud-app',
      'openstack',
      { auth_url: 'https://keystone.example:5000/v3', application_credential_id: 'a1b2c3' },
      { application_credential_secret: c.appCredential },
    );
    const cloudsYaml = await credential(
      'cloud-yaml',
      'openstack',
      { cloud: 'lab' },
      {
        clouds_yaml: `clouds:\n  lab:\n    auth_type: password\n    auth: { auth_url: "https://keystone.example:5000/v3", username: demo, password: ${c.cloudsYaml}, project_name: demo }\n`,
      },
    );
    const providers = [
      { name: 'local_become', type: 'local', becomeCredentialId: become },
      {
        name: 'ssh_key_run',
        type: 'ssh',
        credentialId: (await app.sql<{ id: string }>(`SELECT id FROM credentials WHERE name = 'site-key'`))[0].id,
        config: { hosts: [{ name: 'alpha1', address: sites.sites[0].address }], sshArgs: sites.sshArgs },
      },
      { name: 'k8s_token', type: 'kubernetes', credentialId: k8sToken, config: { namespace: 'demo' } },
      { name: 'k8s_config', type: 'kubernetes', credentialId: kubeconfig, config: { namespace: 'demo' } },
      { name: 'cloud', type: 'openstack', credentialId: openstack, config: {} },
      { name: 'cloud_app', type: 'openstack', credentialId: appCredential, config: {} },
      { name: 'cloud_yaml', type: 'openstack', credentialId: cloudsYaml, config: {} },
    ];
    const secrets = [...Object.values(c), passphrase, ...keyWithPassphrase.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))];
    const seen: string[] = [];
    for (const p of providers) {
      const made = await app.gql<{ createProvider: Provider }>(CREATE_PROVIDER, { i: p });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      const id = await order(made.data!.createProvider.id, 'canary.yml');
      // While it runs: no secret in any process's arguments.
      const watching = (async () => {
        for (let i = 0; i < 40; i++) {
          const ps = execFileSync('ps', ['-eo', 'args'], { maxBuffer: 16 * 1024 * 1024 }).toString();
          for (const s of secrets) if (ps.includes(s)) seen.push(`ps during ${p.name}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const done = await ended(id);
      await watching;
      assert.equal(done.status, 'finished', `${p.name}: ${done.message}\n${done.jobs[0]?.stdout}`);
      const text = JSON.stringify(done);
      for (const s of secrets) assert.ok(!text.includes(s), `${p.name}: a secret is in the API's answer`);
      assert.match(done.jobs[0].stdout, /\*\*\*\*\*\*\*\*/, `${p.name}: the secret was printed, masked`);
    }
    assert.deepEqual(seen, []);
    const dump = await app.sql<{ t: string }>(
      `SELECT concat_ws(' ', (SELECT string_agg(j::text, ' ') FROM jobs j), (SELECT string_agg(e::text, ' ') FROM job_events e),
        (SELECT string_agg(p::text, ' ') FROM providers p), (SELECT string_agg(c::text, ' ') FROM credentials c),
        (SELECT string_agg(s::text, ' ') FROM services s), (SELECT string_agg(r::text, ' ') FROM service_requests r)) AS t`,
    );
    for (const s of secrets) assert.ok(!dump[0].t.includes(s), 'a secret is in the database in clear');
  });

  test('a username and password credential: the password goes to ssh through sshpass — never an argument, the output, an event, the error or the database — and the site, which takes keys only, refuses it', async () => {
    const password = `canary-password-${randomBytes(8).toString('hex')}`;
    const userpass = await credential('site-password', 'username_password', { username: 'root' }, { password });
    const made = await app.gql<{ createProvider: Provider }>(CREATE_PROVIDER, {
      i: {
        name: 'ssh_password',
        type: 'ssh',
        credentialId: userpass,
        config: { hosts: [{ name: 'alpha1', address: sites.sites[0].address }], sshArgs: sites.sshArgs },
      },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    // facts.yml runs a command on the host, so it has to log in (debug and set_stats alone run on the controller).
    const id = await order(made.data!.createProvider.id, 'facts.yml');
    const seen: string[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        if (
          execFileSync('ps', ['-eo', 'args'], { maxBuffer: 16 * 1024 * 1024 })
            .toString()
            .includes(password)
        )
          seen.push('ps');
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const done = await ended(id);
    watching = false;
    await watcher;
    assert.equal(done.status, 'failed', `the site takes keys only: ${done.jobs[0]?.stdout}`);
    assert.match(`${done.message}\n${done.jobs[0]?.stdout}`, /Permission denied|UNREACHABLE/, 'the failure says the login was refused');
    assert.doesNotMatch(done.jobs[0]?.stdout ?? '', /install the sshpass program/, 'sshpass was there to give ssh the password');
    assert.deepEqual(seen, [], 'never in a process list');
    assert.ok(!JSON.stringify(done).includes(password), 'not in the message, output or events');
    const dump = await app.sql<{ t: string }>(
      `SELECT concat_ws(' ', (SELECT string_agg(j::text, ' ') FROM jobs j), (SELECT string_agg(e::text, ' ') FROM job_events e),
        (SELECT string_agg(c::text, ' ') FROM credentials c), (SELECT string_agg(r::text, ' ') FROM service_requests r)) AS t`,
    );
    assert.ok(!dump[0].t.includes(password), 'not in the database in clear');
  });

  test('a provider that allows one job at a time runs two orders one after the other; the waiting one says why', async () => {
    const made = await app.gql<{ createProvider: Provider }>(CREATE_PROVIDER, { i: { name: 'one_at_a_time', type: 'local', maxConcurrentJobs: 1 } });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const provider = made.data!.createProvider.id;
    const first = await order(provider, 'slow.yml');
    const second = await order(provider, 'slow.yml');
    const waiting = await waitFor('the second to wait for a slot', async () => {
      const r = (
        await app.gql<{ serviceRequest: { status: string; message: string | null } }>('query($id: ID!) { serviceRequest(id: $id) { status message } }', {
          id: second,
        })
      ).data!.serviceRequest;
      return (r.message ?? '').includes('free slot') && r;
    });
    assert.equal(waiting.status, 'queued');
    const a = await ended(first);
    const b = await ended(second);
    assert.equal(a.status, 'finished');
    assert.equal(b.status, 'finished');
    const times = async (id: string) =>
      (
        await app.gql<{ serviceRequest: { jobs: { startedAt: string; finishedAt: string }[] } }>(
          'query($id: ID!) { serviceRequest(id: $id) { jobs { startedAt finishedAt } } }',
          { id },
        )
      ).data!.serviceRequest.jobs[0];
    const [ja, jb] = [await times(first), await times(second)];
    const t = (s: string) => new Date(s).getTime();
    assert.ok(t(ja.finishedAt) <= t(jb.startedAt) || t(jb.finishedAt) <= t(ja.startedAt), 'the two runs did not overlap');
  });

  test("a vault credential decrypts the playbook's vault data through a 0600 file (--vault-id), and its password is nowhere in clear", async () => {
    const vaulted = await templateIdByName(app, 'Vaulted');
    const local = await providerIdByName(app, 'local');
    const orderVaulted = () =>
      app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
        i: { templateId: vaulted, dialogValues: { provider: local, playbook: 'vaulted.yml' } },
      });
    const missing = await orderVaulted();
    assert.equal(missing.errors?.[0].extensions?.code, 'UNAVAILABLE');
    assert.match(missing.errors![0].message, /vault credential "vault"/);
    await credential('vault', 'vault_password', {}, { password: vaultPassword });
    const ordered = await orderVaulted();
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    const seen: string[] = [];
    const watching = (async () => {
      for (let i = 0; i < 30; i++) {
        if (
          execFileSync('ps', ['-eo', 'args'], { maxBuffer: 16 * 1024 * 1024 })
            .toString()
            .includes(vaultPassword)
        )
          seen.push('ps');
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const done = await ended(ordered.data!.orderService.id);
    await watching;
    assert.equal(done.status, 'finished', `${done.message}\n${done.jobs[0]?.stdout}`);
    assert.deepEqual(seen, []);
    const job = await app.gql<{ job: { command: string[] } }>('query($id: ID!) { job(id: $id) { command } }', { id: done.jobs[0].id });
    assert.ok(
      job.data!.job.command.some((a) => a.startsWith('--vault-id=default@')),
      job.data!.job.command.join(' '),
    );
    assert.ok(!JSON.stringify(job.data).includes(vaultPassword));
    const dump = await app.sql<{ t: string }>(
      `SELECT concat_ws(' ', (SELECT string_agg(j::text, ' ') FROM jobs j), (SELECT string_agg(e::text, ' ') FROM job_events e), (SELECT string_agg(c::text, ' ') FROM credentials c)) AS t`,
    );
    assert.ok(!dump[0].t.includes(vaultPassword));
  });

  test('a password field of the order form reaches the playbook, and is never stored, shown or printed in clear', async () => {
    const templateId = await templateIdByName(app, 'With a password');
    const local = await providerIdByName(app, 'local');
    const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId, dialogValues: { provider: local, db_password: dialogPassword } },
    });
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    const seen: string[] = [];
    const watching = (async () => {
      for (let i = 0; i < 30; i++) {
        if (
          execFileSync('ps', ['-eo', 'args'], { maxBuffer: 16 * 1024 * 1024 })
            .toString()
            .includes(dialogPassword)
        )
          seen.push('ps');
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const done = await ended(ordered.data!.orderService.id);
    await watching;
    assert.equal(done.status, 'finished', `${done.message}\n${done.jobs[0]?.stdout}`);
    assert.deepEqual(seen, []);
    const shown = await app.gql<{ serviceRequest: { dialogValues: Record<string, string>; jobs: { stdout: string }[] } }>(
      'query($id: ID!) { serviceRequest(id: $id) { dialogValues jobs { stdout } } }',
      { id: ordered.data!.orderService.id },
    );
    assert.equal(shown.data!.serviceRequest.dialogValues.db_password, '********');
    assert.ok(!JSON.stringify(shown.data).includes(dialogPassword));
    assert.match(shown.data!.serviceRequest.jobs[0].stdout, /"db_password": "\*\*\*\*\*\*\*\*"/);
    const dump = await app.sql<{ t: string }>(
      `SELECT concat_ws(' ', (SELECT string_agg(r::text, ' ') FROM service_requests r), (SELECT string_agg(j::text, ' ') FROM jobs j), (SELECT string_agg(e::text, ' ') FROM job_events e)) AS t`,
    );
    assert.ok(!dump[0].t.includes(dialogPassword), 'the password is in the database in clear');
  });
});
