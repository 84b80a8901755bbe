import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../config/config.js';
import { newEnv, startTestApp, type GqlResult, type TestApp, type TestEnv } from '../testing/harness.js';
import { CredentialsService } from './credentials.service.js';
import { scrubber } from './scrubber.js';

const run = promisify(execFile);

/** Only base64 letters, so it can sit inside a key body too. */
const CANARY = `CANARYx${randomBytes(6).toString('hex')}`;
const wrap = (b64: string) => b64.match(/.{1,70}/g)!.join('\n');
/** An OpenSSH-shaped key whose body holds the canary. */
const CANARY_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(`b3BlbnNzaC1rZXktdjEAAAAA${CANARY}${randomBytes(120).toString('base64')}`)}\n-----END OPENSSH PRIVATE KEY-----\n`;
const KUBECONFIG = `apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster: { server: "https://k8s.example.com:6443" }\ncontexts:\n- name: prod-admin\n  context: { cluster: prod, user: admin }\ncurrent-context: prod-admin\nusers:\n- name: admin\n  user: { token: ${CANARY} }\n`;
const CLOUDS = `clouds:\n  mycloud:\n    auth:\n      auth_url: https://keystone.example.com:5000/v3\n      username: demo\n      password: ${CANARY}\n`;

/** One credential of every type (OpenStack three ways), each secret holding the canary. */
const CASES: { name: string; type: string; inputs: Record<string, string>; secrets: Record<string, string> }[] = [
  { name: 'ssh', type: 'ssh_key', inputs: { username: 'deploy' }, secrets: { private_key: CANARY_KEY, passphrase: `pp-${CANARY}` } },
  { name: 'userpass', type: 'username_password', inputs: { username: 'admin' }, secrets: { password: `pw-${CANARY}` } },
  { name: 'become', type: 'become_password', inputs: { become_user: 'root' }, secrets: { password: `become-${CANARY}` } },
  { name: 'vault', type: 'vault_password', inputs: { vault_id: 'prod' }, secrets: { password: `vault-${CANARY}` } },
  { name: 'kube', type: 'kubeconfig', inputs: { context: 'prod-admin' }, secrets: { kubeconfig: KUBECONFIG } },
  { name: 'kubetoken', type: 'kubernetes_token', inputs: { api_url: 'https://k8s.example.com:6443' }, secrets: { token: `tok-${CANARY}` } },
  {
    name: 'os-password',
    type: 'openstack',
    inputs: { auth_url: 'https://keystone.example.com:5000/v3', region: 'RegionOne', project_name: 'demo', domain: 'Default', username: 'demo' },
    secrets: { password: `os-${CANARY}` },
  },
  {
    name: 'os-appcred',
    type: 'openstack',
    inputs: { auth_url: 'https://keystone.example.com:5000/v3', application_credential_id: 'f00' },
    secrets: { application_credential_secret: `ac-${CANARY}` },
  },
  { name: 'os-clouds', type: 'openstack', inputs: { cloud: 'mycloud' }, secrets: { clouds_yaml: CLOUDS } },
  { name: 'gittoken', type: 'git_token', inputs: { username: 'bot' }, secrets: { token: `ghp_${CANARY}` } },
  { name: 'gitssh', type: 'git_ssh_key', inputs: {}, secrets: { private_key: CANARY_KEY } },
];

const FIELDS = 'id name type inputs secretFields createdAt updatedAt';
interface Credential {
  id: string;
  name: string;
  type: string;
  inputs: Record<string, string>;
  secretFields: string[];
  createdAt: string;
  updatedAt: string;
}

const CREATE = `mutation($i: CreateCredentialInput!) { createCredential(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateCredentialInput!) { updateCredential(id: $id, input: $i) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteCredential(id: $id) }';

/** Every response is checked for the canary, in clear and base64. */
function clean<T>(res: GqlResult<T>, what: string): GqlResult<T> {
  const text = JSON.stringify(res);
  assert.ok(!text.includes(CANARY), `${what}: the response holds the canary: ${text.slice(0, 400)}`);
  assert.ok(!text.includes(Buffer.from(CANARY).toString('base64').slice(0, 12)), `${what}: the response holds the canary in base64`);
  return res;
}

/** Captures what the process writes to stdout and stderr (Nest's logger) from now on. */
function captureOutput() {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const tap =
    (original: typeof process.stdout.write) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = tap(originals.out) as typeof process.stdout.write;
  process.stderr.write = tap(originals.err) as typeof process.stderr.write;
  return {
    text: () => chunks.join(''),
    stop() {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    },
  };
}

const KEY_A = 'integration-key-A-0123456789';
const KEY_B = 'integration-key-B-9876543210';

describe('credentials on real PostgreSQL: write-only secrets, encrypted at rest', () => {
  let env: TestEnv;
  let app: TestApp;
  let output: ReturnType<typeof captureOutput>;
  const ids = new Map<string, string>();
  const service = () => app.app.get(CredentialsService);

  before(async () => {
    env = await newEnv();
    output = captureOutput();
    app = await startTestApp(env, { SECRET_KEY: KEY_A, LOG_LEVEL: 'verbose' }, { owner: false });
  });
  after(async () => {
    output?.stop();
    await app?.stop();
    await env?.destroy();
  });

  test('credentialTypes lists every type with its fields', async () => {
    const res = await app.gql<{ credentialTypes: { name: string; fields: { name: string; secret: boolean; required: boolean; multiline: boolean }[] }[] }>(
      '{ credentialTypes { name label description fields { name label secret required multiline help } } }',
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const types = res.data!.credentialTypes;
    assert.deepEqual(
      types.map((t) => t.name),
      ['ssh_key', 'username_password', 'become_password', 'vault_password', 'kubeconfig', 'kubernetes_token', 'openstack', 'git_token', 'git_ssh_key'],
    );
    const key = types.find((t) => t.name === 'ssh_key')!.fields.find((f) => f.name === 'private_key')!;
    assert.deepEqual({ secret: key.secret, required: key.required, multiline: key.multiline }, { secret: true, required: true, multiline: true });
  });

  test('every type: created with a canary secret, which no response carries and no column holds in clear', async () => {
    for (const c of CASES) {
      const res = clean(await app.gql<{ createCredential: Credential }>(CREATE, { i: c }), `create ${c.name}`);
      assert.equal(res.errors, undefined, `${c.name}: ${JSON.stringify(res.errors)}`);
      const created = res.data!.createCredential;
      assert.equal(created.type, c.type);
      assert.deepEqual(created.inputs, c.inputs);
      assert.deepEqual(created.secretFields.sort(), Object.keys(c.secrets).sort());
      ids.set(c.name, created.id);
    }
    const list = clean(await app.gql<{ credentials: Credential[] }>(`{ credentials { ${FIELDS} } }`), 'list');
    assert.deepEqual(
      list.data!.credentials.map((c) => c.name),
      CASES.map((c) => c.name).sort(),
    );
    const openstack = clean(await app.gql<{ credentials: Credential[] }>(`{ credentials(type: "openstack") { ${FIELDS} } }`), 'list by type');
    assert.deepEqual(
      openstack.data!.credentials.map((c) => c.name),
      ['os-appcred', 'os-clouds', 'os-password'],
    );
    for (const [name, id] of ids) {
      const one = clean(await app.gql<{ credential: Credential }>(`query($id: ID!) { credential(id: $id) { ${FIELDS} } }`, { id }), `get ${name}`);
      assert.equal(one.data!.credential.name, name);
    }

    const rows = await app.sql<{ row: string; secrets: Record<string, string> }>('SELECT c::text AS row, secrets FROM credentials c');
    assert.equal(rows.length, CASES.length);
    for (const { row, secrets } of rows) {
      assert.ok(!row.includes(CANARY), `a credentials row holds the canary in clear: ${row.slice(0, 200)}`);
      for (const ciphertext of Object.values(secrets)) assert.match(ciphertext, /^v1:[0-9a-f]{12}:/);
    }
    // Nowhere else in the database either.
    const tables = await app.sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    for (const { table_name } of tables) {
      const [{ hits }] = await app.sql<{ hits: number }>(`SELECT count(*)::int AS hits FROM "${table_name}" t WHERE t::text LIKE $1`, [`%${CANARY}%`]);
      assert.equal(hits, 0, `table ${table_name} holds the canary`);
    }
  });

  test('reveal gives the secrets back in-process; the scrubber masks them', async () => {
    for (const c of CASES) {
      const revealed = await service().reveal(ids.get(c.name)!);
      assert.deepEqual({ type: revealed.type, inputs: revealed.inputs, secrets: revealed.secrets }, { type: c.type, inputs: c.inputs, secrets: c.secrets });
    }
    const ssh = await service().reveal(ids.get('ssh')!);
    const scrub = scrubber(Object.values(ssh.secrets));
    assert.equal(scrub(`ok: pp-${CANARY} and ${Buffer.from(`pp-${CANARY}`).toString('base64')}`), 'ok: ******** and ********');
  });

  test('invalid input is refused per field, quoting no value, storing nothing', async () => {
    const count = async () => (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM credentials'))[0].n;
    const before = await count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'x1', type: 'ssh_key', secrets: { private_key: `ssh-ed25519 AAAA ${CANARY}` } }, 'private_key', /public key/],
      [
        { name: 'x2', type: 'ssh_key', secrets: { private_key: `-----BEGIN OPENSSH PRIVATE KEY-----\n${CANARY}!\n-----END OPENSSH PRIVATE KEY-----` } },
        'private_key',
        /not a private key/,
      ],
      [{ name: 'x3', type: 'kubeconfig', secrets: { kubeconfig: `token: ${CANARY}: [broken\n` } }, 'kubeconfig', /not valid YAML \(line 1/],
      [{ name: 'x4', type: 'username_password', inputs: { username: 'u', password: CANARY } }, 'password', /is secret: send it in secrets/],
      [{ name: 'x5', type: 'username_password', inputs: { username: 'u' }, secrets: { username: CANARY, password: CANARY } }, 'username', /not secret/],
      [{ name: 'x6', type: 'git_token', secrets: { token: CANARY, extra: CANARY } }, 'extra', /not a field of git_token/],
      [{ name: 'x7', type: 'git_token', secrets: { token: { nested: CANARY } } }, 'token', /must be text/],
      [{ name: 'x8', type: 'git_token', secrets: CANARY }, 'secrets', /must be an object/],
      [{ name: 'x9', type: 'nope', secrets: { token: CANARY } }, 'type', /must be one of ssh_key/],
      [{ name: '../x10', type: 'git_token', secrets: { token: CANARY } }, 'name', /letters, digits/],
      [{ name: 'ssh', type: 'git_token', secrets: { token: CANARY } }, 'name', /is taken/],
      [{ name: 'x11', type: 'username_password', inputs: { username: 'u' }, secrets: { password: `${CANARY}\nsecond line` } }, 'password', /one line/],
      [
        { name: 'x12', type: 'openstack', inputs: { region: 'r' }, secrets: { password: CANARY, application_credential_secret: CANARY } },
        'application_credential_secret',
        /authenticate one way/,
      ],
      [{ name: 'x13', type: 'openstack', inputs: { cloud: 'elsewhere' }, secrets: { clouds_yaml: CLOUDS } }, 'cloud', /not a cloud of the clouds.yaml/],
    ];
    for (const [input, field, reason] of cases) {
      const res = clean(await app.gql(CREATE, { i: input }), `refused ${String(input.name)}`);
      assert.equal(res.errors?.[0].extensions?.code, 'VALIDATION_FAILED', JSON.stringify(res.errors));
      assert.match(res.errors?.[0].extensions?.fields?.[field] ?? '', reason, `${String(input.name)}: ${JSON.stringify(res.errors?.[0].extensions)}`);
    }
    // GraphQL's own input errors quote the values they refuse: those are redacted too.
    const graphqlErrors: [string, Record<string, unknown>][] = [
      [CREATE, { i: { name: { secret: CANARY }, type: 'git_token', secrets: { token: CANARY } } }],
      [CREATE, { i: { type: 'git_token', secrets: { token: CANARY } } }],
      [CREATE, { i: { name: 'y', type: 'git_token', secrets: { token: CANARY }, bogus: CANARY } }],
      [CREATE, { i: [CANARY] }],
      [UPDATE, { id: { x: CANARY }, i: {} }],
    ];
    for (const [query, variables] of graphqlErrors) {
      const res = clean(await app.gql(query, variables), `GraphQL input error ${JSON.stringify(Object.keys(variables))}`);
      assert.equal(res.errors?.[0].extensions?.code, 'BAD_USER_INPUT', JSON.stringify(res.errors));
      assert.match(res.errors![0].message, /^Variable "\$\w+" got an invalid value/);
    }
    const inline = clean(
      await app.gql(`mutation { createCredential(input: { name: 1, type: "git_token", secrets: { token: "${CANARY}" } }) { id } }`),
      'inline',
    );
    assert.ok(inline.errors?.length);
    const inlineName = clean(await app.gql(`mutation { createCredential(input: { name: { s: "${CANARY}" }, type: "git_token" }) { id } }`), 'inline object');
    assert.ok(inlineName.errors?.length);
    assert.equal(await count(), before);
  });

  test('update: an omitted or empty secret is kept, a new one replaces it, null removes an optional one', async () => {
    const id = ids.get('ssh')!;
    const before = (await service().reveal(id)).secrets;
    const renamed = clean(await app.gql<{ updateCredential: Credential }>(UPDATE, { id, i: { name: 'ssh-renamed', inputs: { username: 'ops' } } }), 'rename');
    assert.equal(renamed.errors, undefined, JSON.stringify(renamed.errors));
    assert.equal(renamed.data!.updateCredential.name, 'ssh-renamed');
    assert.deepEqual(renamed.data!.updateCredential.inputs, { username: 'ops' });
    assert.deepEqual(renamed.data!.updateCredential.secretFields, ['private_key', 'passphrase']);
    assert.ok(renamed.data!.updateCredential.updatedAt > renamed.data!.updateCredential.createdAt);
    assert.deepEqual((await service().reveal(id)).secrets, before);

    const kept = clean(
      await app.gql<{ updateCredential: Credential }>(UPDATE, { id, i: { secrets: { private_key: '', passphrase: `new-${CANARY}` } } }),
      'new passphrase',
    );
    assert.equal(kept.errors, undefined, JSON.stringify(kept.errors));
    assert.deepEqual((await service().reveal(id)).secrets, { private_key: before.private_key, passphrase: `new-${CANARY}` });

    const removed = clean(await app.gql<{ updateCredential: Credential }>(UPDATE, { id, i: { secrets: { passphrase: null } } }), 'remove passphrase');
    assert.deepEqual(removed.data!.updateCredential.secretFields, ['private_key']);
    assert.deepEqual((await service().reveal(id)).secrets, { private_key: before.private_key });

    const required = clean(await app.gql(UPDATE, { id, i: { secrets: { private_key: null } } }), 'remove required');
    assert.deepEqual(required.errors?.[0].extensions?.fields, { private_key: 'is required' });
    const bad = clean(await app.gql(UPDATE, { id, i: { name: 'x', secrets: { private_key: `nope ${CANARY}` } } }), 'bad key on update');
    assert.match(bad.errors?.[0].extensions?.fields?.private_key ?? '', /not a private key/);
    const taken = clean(await app.gql(UPDATE, { id, i: { name: 'vault' } }), 'name taken');
    assert.equal(taken.errors?.[0].extensions?.fields?.name, 'is taken by another credential');
    assert.deepEqual((await service().reveal(id)).secrets, { private_key: before.private_key }, 'a refused update changes nothing');
    assert.equal((await service().reveal(id)).name, 'ssh-renamed');
    ids.set('ssh-renamed', id);
    ids.delete('ssh');

    const missing = await app.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', i: {} });
    assert.equal(missing.errors?.[0].extensions?.code, 'NOT_FOUND');
  });

  test('delete: refused with the list of users while something uses it', async () => {
    const id = ids.get('gittoken')!;
    // What uses a credential holds it through a foreign key: the database refuses the delete and names them.
    await app.sql(`INSERT INTO git_repos (name, url, credential_id) VALUES ('site', 'https://git.example.com/site.git', $1)`, [id]);
    await app.sql(`INSERT INTO providers (name, type, credential_id) VALUES ('cloud', 'openstack', $1)`, [id]);
    try {
      const refused = clean(await app.gql(DELETE, { id }), 'delete in use');
      assert.equal(refused.errors?.[0].extensions?.code, 'CONFLICT');
      assert.match(refused.errors![0].message, /Credential "gittoken" is in use by git repo "site", provider "cloud"/);
      assert.deepEqual((refused.errors![0].extensions as { usedBy?: string[] }).usedBy, ['git repo "site"', 'provider "cloud"']);
    } finally {
      await app.sql(`DELETE FROM git_repos WHERE name = 'site'`);
      await app.sql(`DELETE FROM providers WHERE name = 'cloud'`);
    }

    const other = ids.get('become')!;
    const ok = clean(await app.gql<{ deleteCredential: boolean }>(DELETE, { id: other }), 'delete');
    assert.equal(ok.data?.deleteCredential, true);
    ids.delete('become');
    const gone = await app.gql(`query($id: ID!) { credential(id: $id) { id } }`, { id: other });
    assert.equal(gone.errors?.[0].extensions?.code, 'NOT_FOUND');
  });

  test('a ciphertext moved to another row is refused', async () => {
    const [a, b] = [ids.get('userpass')!, ids.get('vault')!];
    await app.sql(`UPDATE credentials SET secrets = (SELECT secrets FROM credentials WHERE id = $2) WHERE id = $1`, [a, b]);
    await assert.rejects(service().reveal(a), (err: Error) => {
      assert.match(
        err.message,
        /secret "password" of credential "userpass" cannot be decrypted: the ciphertext failed authentication: it was altered, or belongs to another credential/,
      );
      assert.ok(!err.message.includes(CANARY));
      return true;
    });
    const res = clean(await app.gql(UPDATE, { id: a, i: { name: 'userpass2' } }), 'update of a tampered row');
    assert.equal(res.errors?.[0].extensions?.code, 'UNAVAILABLE');
    // Giving the secret again repairs it.
    const fixed = clean(await app.gql(UPDATE, { id: a, i: { secrets: { password: `pw-${CANARY}` } } }), 'repair');
    assert.equal(fixed.errors, undefined, JSON.stringify(fixed.errors));
    assert.equal((await service().reveal(a)).secrets.password, `pw-${CANARY}`);
  });

  test('the logs never held a secret', () => {
    // Only the application's log lines (JSON lines, logging/): the test runner's own report goes through stdout too.
    const logs = output
      .text()
      .split('\n')
      .filter((line) => line.startsWith('{"level":'))
      .join('\n');
    assert.match(logs, /credential \\"ssh\\" \(ssh_key\) created/, 'the verbose logs were captured');
    assert.ok(!logs.includes(CANARY), 'a log line holds the canary');
  });

  test('the wrong key is refused with a clear error; rotate-key moves every secret to a new key in one go', async () => {
    const expected = new Map<string, Awaited<ReturnType<CredentialsService['reveal']>>>();
    for (const id of ids.values()) expected.set(id, await service().reveal(id));
    await app.stop();

    app = await startTestApp(env, { SECRET_KEY: KEY_B }, { owner: false });
    const someId = ids.get('kube')!;
    await assert.rejects(
      service().reveal(someId),
      /cannot be decrypted: encrypted with key [0-9a-f]{12}, but this process has key [0-9a-f]{12} \(SECRET_KEY\).*rotate-key/,
    );
    const res = clean(await app.gql(UPDATE, { id: someId, i: { name: 'kube2' } }), 'update with the wrong key');
    assert.equal(res.errors?.[0].extensions?.code, 'UNAVAILABLE');
    await app.stop();

    const cli = resolve(PROJECT_ROOT, 'backend/dist/cli/rotate-key.js');
    const rotate = (extra: Record<string, string>) =>
      run(process.execPath, [cli], { env: { PATH: process.env.PATH, DATABASE_URL: env.databaseUrl, DATA_DIR: env.dataDir, ...extra } });
    // The wrong old key: refused, nothing changed.
    await assert.rejects(rotate({ OLD_SECRET_KEY: 'not-the-right-old-key', SECRET_KEY: KEY_B }), (err: Error & { code?: number; stderr?: string }) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr ?? '', /encrypted with key .*Nothing was changed/s);
      return true;
    });
    const { stdout } = await rotate({ OLD_SECRET_KEY: KEY_A, SECRET_KEY: KEY_B });
    const secretCount = [...expected.values()].reduce((n, c) => n + Object.keys(c.secrets).length, 0);
    assert.match(stdout, new RegExp(`${secretCount} secrets of ${expected.size} credentials re-encrypted`));
    assert.ok(!stdout.includes(CANARY));
    // Run again: everything is already under the new key.
    assert.match((await rotate({ OLD_SECRET_KEY: KEY_A, SECRET_KEY: KEY_B })).stdout, new RegExp(`0 secrets .* ${secretCount} already under the new key`));

    app = await startTestApp(env, { SECRET_KEY: KEY_B }, { owner: false });
    for (const [id, before] of expected) assert.deepEqual(await service().reveal(id), before);
    const rows = await app.sql<{ row: string }>('SELECT c::text AS row FROM credentials c');
    for (const { row } of rows) assert.ok(!row.includes(CANARY));
    await app.stop();

    // SECRET_KEY to a key file: unset SECRET_KEY, the new key lands in DATA_DIR/secret.key.
    assert.equal(existsSync(join(env.dataDir, 'secret.key')), false);
    const toFile = await rotate({ OLD_SECRET_KEY: KEY_B });
    assert.match(toFile.stdout, /re-encrypted/);
    const keyFile = join(env.dataDir, 'secret.key');
    assert.equal((await readFile(keyFile)).length, 32);
    app = await startTestApp(env, {}, { owner: false });
    for (const [id, before] of expected) assert.deepEqual(await service().reveal(id), before);
    await app.stop();

    // Key file to a new key file: the old one is kept aside as *.retired.
    const oldFile = await readFile(keyFile);
    await rotate({});
    const files = (await readdir(env.dataDir)).filter((f) => f.startsWith('secret.key')).sort();
    assert.equal(files.length, 2, files.join(', '));
    assert.match(files[1], /^secret\.key\.[0-9a-f]{12}\.retired$/);
    assert.deepEqual(await readFile(join(env.dataDir, files[1])), oldFile);
    assert.notDeepEqual(await readFile(keyFile), oldFile);
    app = await startTestApp(env, {}, { owner: false });
    for (const [id, before] of expected) assert.deepEqual(await service().reveal(id), before);
  });

  test('a real ssh-keygen key with a passphrase is stored as given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sshkey-'));
    try {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', `pp-${CANARY}`, '-C', 'test', '-f', join(dir, 'id')]);
      const key = await readFile(join(dir, 'id'), 'utf8');
      const res = clean(
        await app.gql<{ createCredential: Credential }>(CREATE, {
          i: { name: 'real-key', type: 'ssh_key', secrets: { private_key: key, passphrase: `pp-${CANARY}` } },
        }),
        'real key',
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const body = key.split('\n')[1];
      assert.ok(!JSON.stringify(res).includes(body));
      const revealed = await service().reveal(res.data!.createCredential.id);
      assert.equal(revealed.secrets.private_key, key);
      // The stored key still opens with its passphrase.
      await rm(join(dir, 'id'));
      const { writeFile } = await import('node:fs/promises');
      await writeFile(join(dir, 'id'), revealed.secrets.private_key, { mode: 0o600 });
      const pub = execFileSync('ssh-keygen', ['-y', '-P', revealed.secrets.passphrase, '-f', join(dir, 'id')]).toString();
      assert.match(pub, /^ssh-ed25519 /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
