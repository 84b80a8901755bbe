import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';
import { type SshSites, startSshSites } from '../testing/ssh-sites.js';

/**
 * A credential goes only to the endpoint stored with it; the portal's connection variables
 * cannot be set by an order; plain http carries credentials only where allowed; SSH host keys
 * are pinned and checked strictly, whatever a provider's own ssh options say.
 */

const CREATE_CREDENTIAL = 'mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id inputs } }';
const CREATE_PROVIDER = 'mutation($i: ProviderInput!) { createProvider(input: $i) { id name } }';
const REQUEST = 'query($id: ID!) { serviceRequest(id: $id) { status message jobs { stdout } } }';

type Errors = { message: string; extensions?: { code?: string; fields?: Record<string, string> } }[] | undefined;

describe('credentials bound to their endpoints', () => {
  let app: TestApp;
  let templateId: string;
  let localId: string;

  before(async () => {
    app = await startTestApp(await newEnv());
    const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
    templateId = templates.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
    localId = (await app.gql<{ providers: { id: string; name: string }[] }>('{ providers { id name } }')).data!.providers.find((p) => p.name === 'local')!.id;
  });
  after(async () => {
    await app?.stop();
  });

  const credential = async (name: string, type: string, inputs: Record<string, string>, secrets: Record<string, string>) => {
    const res = await app.gql<{ createCredential: { id: string; inputs: Record<string, string> } }>(CREATE_CREDENTIAL, { i: { name, type, inputs, secrets } });
    return { id: res.data?.createCredential.id, inputs: res.data?.createCredential.inputs, errors: res.errors as Errors };
  };
  const provider = async (input: Record<string, unknown>) => {
    const res = await app.gql<{ createProvider: { id: string } }>(CREATE_PROVIDER, { i: input });
    return { id: res.data?.createProvider.id, errors: res.errors as Errors };
  };
  const stored = async (name: string) => (await app.sql('SELECT 1 FROM providers WHERE name = $1', [name])).length;

  test('a Kubernetes token goes only to its own API server: a provider naming another URL is refused, naming the field', async () => {
    const token = await credential('k8s-prod', 'kubernetes_token', { api_url: 'https://k8s.example.com:6443' }, { token: 'tok-1234567890' });
    assert.equal(token.errors, undefined, JSON.stringify(token.errors));
    const elsewhere = await provider({
      name: 'k8s_evil',
      type: 'kubernetes',
      credentialId: token.id,
      config: { apiUrl: 'https://collector.example.net:6443' },
    });
    assert.equal(elsewhere.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(
      elsewhere.errors![0].extensions!.fields!['config.apiUrl'],
      /differs from the URL stored with the credential \(https:\/\/k8s\.example\.com:6443\)/,
    );
    assert.equal(await stored('k8s_evil'), 0, 'nothing stored');
    // The same URL (a trailing slash aside), or none: accepted, and runs get the credential's URL.
    assert.equal(
      (await provider({ name: 'k8s_same', type: 'kubernetes', credentialId: token.id, config: { apiUrl: 'https://k8s.example.com:6443/' } })).errors,
      undefined,
    );
    const plain = await provider({ name: 'k8s_plain', type: 'kubernetes', credentialId: token.id, config: {} });
    assert.equal(plain.errors, undefined);
    const inv = await app.gql<{ provider: { inventory: { all: { children: Record<string, { vars: Record<string, unknown> }> } } } }>(
      'query($id: ID!) { provider(id: $id) { inventory } }',
      { id: plain.id },
    );
    assert.equal(inv.data!.provider.inventory.all.children.k8s_plain.vars.k8s_api_url, 'https://k8s.example.com:6443');
    // Changing the provider's URL later is refused the same way.
    const moved = await app.gql('mutation($id: ID!, $i: ProviderInput!) { updateProvider(id: $id, input: $i) { id } }', {
      id: plain.id,
      i: { config: { apiUrl: 'https://collector.example.net' } },
    });
    assert.equal((moved.errors as Errors)?.[0].extensions?.fields?.['config.apiUrl'] !== undefined, true, JSON.stringify(moved.errors));
  });

  test('OpenStack: one rule for the auth URL — the credential’s; a provider’s authUrl may only repeat it', async () => {
    const os = await credential(
      'os-prod',
      'openstack',
      { auth_url: 'https://keystone.example.com:5000/v3', username: 'demo', project_name: 'demo' },
      { password: 'pw-1234567890' },
    );
    assert.equal(os.errors, undefined, JSON.stringify(os.errors));
    const other = await provider({ name: 'os_evil', type: 'openstack', credentialId: os.id, config: { authUrl: 'https://keystone.attacker.example:5000/v3' } });
    assert.match(other.errors?.[0].extensions?.fields?.['config.authUrl'] ?? '', /differs from the URL stored with the credential/);
    assert.equal(await stored('os_evil'), 0);
    // "/v3" or not, the same endpoint.
    assert.equal(
      (await provider({ name: 'os_same', type: 'openstack', credentialId: os.id, config: { authUrl: 'https://keystone.example.com:5000' } })).errors,
      undefined,
    );
    // A clouds.yaml credential is bound to its cloud's auth URL.
    const clouds = await credential(
      'os-clouds',
      'openstack',
      { cloud: 'lab' },
      { clouds_yaml: 'clouds:\n  lab:\n    auth:\n      auth_url: https://keystone.lab.example.com/v3\n      username: u\n      password: p\n' },
    );
    assert.equal(clouds.errors, undefined, JSON.stringify(clouds.errors));
    const mismatch = await provider({
      name: 'os_clouds',
      type: 'openstack',
      credentialId: clouds.id,
      config: { authUrl: 'https://keystone.example.com:5000/v3' },
    });
    assert.match(mismatch.errors?.[0].extensions?.fields?.['config.authUrl'] ?? '', /keystone\.lab\.example\.com/);
  });

  test('URLs that carry credentials must be https, except to this machine (ALLOW_HTTP_CREDENTIAL_URLS=loopback)', async () => {
    const http = await credential('k8s-http', 'kubernetes_token', { api_url: 'http://k8s.example.com:8080' }, { token: 'tok-1234567890' });
    assert.equal(http.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(http.errors![0].extensions!.fields!.api_url, /must be https:\/\//);
    const osHttp = await credential(
      'os-http',
      'openstack',
      { auth_url: 'http://keystone.example.com:5000/v3', username: 'u', project_name: 'p' },
      { password: 'pw-1234567890' },
    );
    assert.match(osHttp.errors?.[0].extensions?.fields?.auth_url ?? '', /must be https/);
    const cloudsHttp = await credential(
      'os-clouds-http',
      'openstack',
      { cloud: 'lab' },
      { clouds_yaml: 'clouds:\n  lab:\n    auth:\n      auth_url: http://keystone.example.com/v3\n' },
    );
    assert.match(cloudsHttp.errors?.[0].extensions?.fields?.clouds_yaml ?? '', /server URL must be https/);
    assert.equal((await app.sql("SELECT 1 FROM credentials WHERE name IN ('k8s-http', 'os-http', 'os-clouds-http')")).length, 0);
    const loopback = await credential('k8s-local', 'kubernetes_token', { api_url: 'http://127.0.0.1:6443' }, { token: 'tok-1234567890' });
    assert.equal(loopback.errors, undefined, JSON.stringify(loopback.errors));
  });

  test("an order cannot set the portal's connection variables (k8s_*, openstack_*, superfluid_*), as it cannot set ansible_*", async () => {
    for (const extra of [
      'k8s_api_url: https://collector.example.net',
      'openstack_auth: { auth_url: https://x }',
      'superfluid_outputs: {}',
      'K8S_API_KEY: x',
      'ansible_host: x',
    ]) {
      const res = await app.gql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
        i: { templateId, dialogValues: { playbook: 'hello.yml', provider: localId, extra_vars: extra } },
      });
      const errors = res.errors as Errors;
      assert.equal(errors?.[0].extensions?.code, 'VALIDATION_FAILED', extra);
      assert.match(JSON.stringify(errors), /connection variables|connection or setting variable/, extra);
    }
    assert.equal((await app.sql('SELECT 1 FROM service_requests')).length, 0, 'nothing ordered');
  });

  test('a git credential is bound to its git host (on first use when it names none); a repository elsewhere is refused', async () => {
    const made = await app.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "git") { token } }');
    const apiToken = made.data!.createApiToken.token;
    const port = new URL(app.url).port;
    const git = await credential('portal-git', 'git_token', {}, { token: apiToken });
    assert.equal(git.errors, undefined, JSON.stringify(git.errors));
    const first = await app.gql<{ createGitRepo: { id: string } }>(
      'mutation($u: String!, $c: ID!) { createGitRepo(input: { name: "mirror-one", url: $u, credentialId: $c }) { id } }',
      {
        u: `http://127.0.0.1:${port}/git/playbooks.git`,
        c: git.id,
      },
    );
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const bound = await app.gql<{ credential: { inputs: Record<string, string> } }>('query($id: ID!) { credential(id: $id) { inputs } }', { id: git.id });
    assert.equal(bound.data!.credential.inputs.host, `127.0.0.1:${port}`);
    const elsewhere = await app.gql('mutation($u: String!, $c: ID!) { createGitRepo(input: { name: "mirror-two", url: $u, credentialId: $c }) { id } }', {
      u: `http://localhost:${port}/git/playbooks.git`,
      c: git.id,
    });
    assert.equal((elsewhere.errors as Errors)?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(
      (elsewhere.errors as Errors)![0].extensions!.fields!.credentialId,
      /bound to git host 127\.0\.0\.1:\d+, and this repository is on localhost:\d+/,
    );
    assert.equal((await app.sql("SELECT 1 FROM git_repos WHERE name = 'mirror-two'")).length, 0);
    // A credential made for a host is refused for any other, before anything is fetched.
    const named = await credential('github', 'git_token', { host: 'GitHub.com' }, { token: 'ghp_1234567890' });
    assert.equal(named.inputs?.host, 'github.com');
    const wrong = await app.gql('mutation($u: String!, $c: ID!) { createGitRepo(input: { name: "mirror-three", url: $u, credentialId: $c }) { id } }', {
      u: `http://127.0.0.1:${port}/git/playbooks.git`,
      c: named.id,
    });
    assert.match((wrong.errors as Errors)?.[0].extensions?.fields?.credentialId ?? '', /bound to git host github\.com/);
  });

  test('Provider.inventory and Inventory.rendered decrypt no secret to show it (they answer even when the secret cannot be decrypted)', async () => {
    const key = execFileSync('sh', ['-c', 'd=$(mktemp -d) && ssh-keygen -q -t ed25519 -N "" -f "$d/k" && cat "$d/k" && rm -rf "$d"']).toString();
    const ssh = await credential('display-key', 'ssh_key', { username: 'deploy' }, { private_key: key });
    const made = await provider({ name: 'display', type: 'ssh', credentialId: ssh.id, config: { hosts: [{ name: 'web1', address: '192.0.2.10' }] } });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const inventory = await app.gql<{ createInventory: { id: string } }>('mutation($i: InventoryInput!) { createInventory(input: $i) { id } }', {
      i: { name: 'display-inv', sites: [{ name: 'edge', providerId: made.id }] },
    });
    assert.equal(inventory.errors, undefined, JSON.stringify(inventory.errors));
    // The stored ciphertext no longer decrypts: anything that decrypts it now fails.
    await app.sql(`UPDATE credentials SET secrets = jsonb_set(secrets, '{private_key}', '"v1:000000000000:AAAA:AAAA:AAAA"') WHERE id = $1`, [ssh.id]);
    const shown = await app.gql<{
      provider: { inventory: { all: { children: Record<string, { hosts: Record<string, Record<string, string>>; vars: Record<string, string> }> } } };
    }>('query($id: ID!) { provider(id: $id) { inventory } }', { id: made.id });
    assert.equal(shown.errors, undefined, JSON.stringify(shown.errors));
    const group = shown.data!.provider.inventory.all.children.display;
    assert.equal(group.vars.ansible_ssh_private_key_file, '<run folder>/credentials/display/id_key');
    assert.equal(group.vars.ansible_user, 'deploy');
    const rendered = await app.gql<{ inventory: { rendered: { all: { children: Record<string, unknown> } } } }>(
      'query($id: ID!) { inventory(id: $id) { rendered } }',
      {
        id: inventory.data!.createInventory.id,
      },
    );
    assert.equal(rendered.errors, undefined, JSON.stringify(rendered.errors));
    assert.ok(rendered.data!.inventory.rendered.all.children.edge);
    // A run needs the secret: it cannot have it.
    const check = await app.gql<{ checkProviderHealth: { healthStatus: string; healthMessage: string } }>(
      'mutation($id: ID!) { checkProviderHealth(id: $id) { healthStatus healthMessage } }',
      { id: made.id },
    );
    assert.equal(check.data!.checkProviderHealth.healthStatus, 'down');
    assert.match(check.data!.checkProviderHealth.healthMessage, /cannot be decrypted/);
  });

  describe('SSH host keys are pinned, whatever the provider’s ssh options say', () => {
    let sites: SshSites;
    let providerId: string;
    const hostKeys = async () =>
      (
        await app.gql<{ provider: { hostKeys: { host: string; fingerprint: string; keyType: string }[] } }>(
          'query($id: ID!) { provider(id: $id) { hostKeys { host fingerprint keyType } } }',
          { id: providerId },
        )
      ).data!.provider.hostKeys;
    const health = async () =>
      (
        await app.gql<{ checkProviderHealth: { healthStatus: string; healthMessage: string } }>(
          'mutation($id: ID!) { checkProviderHealth(id: $id) { healthStatus healthMessage } }',
          { id: providerId },
        )
      ).data!.checkProviderHealth;
    const run = async () => {
      const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
        i: { templateId, dialogValues: { playbook: 'facts.yml', provider: providerId } },
      });
      assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
      return waitFor(
        'the request to end',
        async () => {
          const r = (
            await app.gql<{ serviceRequest: { status: string; message: string; jobs: { stdout: string }[] } }>(REQUEST, { id: ordered.data!.orderService.id })
          ).data!.serviceRequest;
          return ['finished', 'failed'].includes(r.status) && r;
        },
        180_000,
      );
    };
    const fingerprintOf = (file: string) => execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', file]).toString().split(' ')[1];

    before(async () => {
      sites = await startSshSites(['pinned']);
    });
    after(async () => {
      await sites?.destroy();
    });

    test('learnt when the provider is created, then checked strictly: a changed key fails the check and the run, until an operator accepts it', async () => {
      assert.match(sites.sshArgs, /StrictHostKeyChecking=no/, 'the sites ask ssh not to check: pinning must hold anyway');
      const key = await credential('site-key', 'ssh_key', { username: sites.user }, { private_key: sites.privateKey });
      const made = await provider({
        name: 'pinned',
        type: 'ssh',
        credentialId: key.id,
        config: { hosts: [{ name: 'pinned1', address: sites.sites[0].address }], sshArgs: sites.sshArgs },
      });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      providerId = made.id!;
      const learnt = await hostKeys();
      assert.equal(learnt.length, 1);
      assert.equal(learnt[0].host, 'pinned1');
      const hostKeyFile = join(sites.dir, 'host_key');
      if (existsSync(`${hostKeyFile}.pub`)) assert.equal(learnt[0].fingerprint, fingerprintOf(`${hostKeyFile}.pub`));
      const up = await health();
      assert.equal(up.healthStatus, 'up', up.healthMessage);
      const ran = await run();
      assert.equal(ran.status, 'finished', `${ran.message}\n${ran.jobs[0]?.stdout}`);

      // The host gets a new key (a reinstall, or someone in the middle).
      const before = learnt[0].fingerprint;
      if (existsSync(hostKeyFile)) {
        await rm(hostKeyFile);
        await rm(`${hostKeyFile}.pub`);
        execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKeyFile]);
        await sites.sites[0].stopSshd();
        await sites.sites[0].startSshd();
      } else {
        // The sites keep their key elsewhere: pin another key in its place, which is the same mismatch for ssh.
        const other = execFileSync('sh', ['-c', 'd=$(mktemp -d) && ssh-keygen -q -t ed25519 -N "" -f "$d/k" && cat "$d/k.pub" && rm -rf "$d"'])
          .toString()
          .trim()
          .split(' ');
        await app.sql(`UPDATE providers SET host_keys = jsonb_set(host_keys, '{pinned1,keys}', $1::jsonb) WHERE id = $2`, [
          JSON.stringify([`${other[0]} ${other[1]}`]),
          providerId,
        ]);
      }
      const refused = await health();
      assert.equal(refused.healthStatus, 'down');
      assert.match(refused.healthMessage, /pinned1 \(10\.[\d.]+\): its SSH host key has changed since it was pinned/);
      assert.match(refused.healthMessage, /acceptProviderHostKeys/);
      const failed = await run();
      assert.equal(failed.status, 'failed');
      assert.match(failed.jobs[0].stdout, /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
      assert.equal((await hostKeys())[0].fingerprint, before, 'the pin did not move on its own');

      const accepted = await app.gql<{ acceptProviderHostKeys: { hostKeys: { fingerprint: string }[] } }>(
        'mutation($id: ID!) { acceptProviderHostKeys(id: $id) { hostKeys { fingerprint } } }',
        { id: providerId },
      );
      assert.equal(accepted.errors, undefined, JSON.stringify(accepted.errors));
      const now = accepted.data!.acceptProviderHostKeys.hostKeys[0].fingerprint;
      if (existsSync(`${hostKeyFile}.pub`)) assert.equal(now, fingerprintOf(`${hostKeyFile}.pub`));
      const back = await health();
      assert.equal(back.healthStatus, 'up', back.healthMessage);
      const again = await run();
      assert.equal(again.status, 'finished', `${again.message}\n${again.jobs[0]?.stdout}`);
    });

    test('a host not pinned yet (unreachable when the provider was made) is pinned by the first check that reaches it', async () => {
      await app.sql(`UPDATE providers SET host_keys = '{}' WHERE id = $1`, [providerId]);
      assert.deepEqual(await hostKeys(), []);
      const up = await health();
      assert.equal(up.healthStatus, 'up', up.healthMessage);
      assert.equal((await hostKeys()).length, 1);
      const file = await readFile(join(sites.dir, 'host_key.pub'), 'utf8').catch(() => null);
      if (file) assert.equal((await hostKeys())[0].fingerprint, fingerprintOf(join(sites.dir, 'host_key.pub')));
    });
  });
});
