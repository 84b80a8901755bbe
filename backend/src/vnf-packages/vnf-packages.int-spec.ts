import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { parse, stringify } from 'yaml';
import { gitIn, pushClient, upstreamIn } from '../git-repos/git-test-fixtures.js';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';
import { VnfPackageUsageQuery } from './vnf-package.events.js';

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'playbooks', 'vnf-packages', 'web-pod-on-vm');
const PKG = 'id name repoName path vnfdId productName operationalState usageState usedBy deletionState deleted commit artifacts { path size sha256 }';

interface Pkg {
  id: string;
  name: string;
  repoName: string;
  path: string;
  vnfdId: string;
  productName: string;
  operationalState: string;
  usageState: string;
  usedBy: string[];
  deletionState: string | null;
  deleted: boolean;
  commit: string;
  artifacts: { path: string; size: number; sha256: string }[];
}

/** The shipped example's files, by path inside the package (`folder/` prefixed when given). */
async function example(folder = ''): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files[`${folder}${relative(EXAMPLE, full)}`] = await readFile(full, 'utf8');
    }
  };
  await walk(EXAMPLE);
  return files;
}

/** A change to a YAML document: the value at a dotted path (list indexes as numbers), or undefined to remove it. */
type Edit = [path: string, value: unknown];

function applyEdits(doc: unknown, edits: Edit[]): void {
  for (const [path, value] of edits) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc) as Record<string, unknown>;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
}

/** The example's descriptor with `edits` applied, as YAML. */
async function editedVnfd(...edits: Edit[]): Promise<string> {
  const vnfd: unknown = parse(await readFile(join(EXAMPLE, 'vnfd.yaml'), 'utf8'));
  applyEdits(vnfd, edits);
  return stringify(vnfd);
}

/**
 * VNF packages on real git: pushed to a hosted repository (the real pre-receive hook), fetched
 * from a remote one, on-boarded, managed and fetched through the API.
 */
describe('VNF packages', () => {
  let app: TestApp;
  let root: string;
  let requester: string;
  let hosted: { id: string; cloneUrl: string };
  let token: string;

  const ok = async <T>(query: string, variables: Record<string, unknown> = {}, as?: string | null): Promise<T> => {
    const res = await app.gql<T>(query, variables, as);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!;
  };
  const codeOf = async (query: string, variables: Record<string, unknown> = {}, as?: string) =>
    (await app.gql(query, variables, as)).errors?.[0]?.extensions?.code;
  const packagesOf = async (repoId: string) =>
    (await ok<{ vnfPackages: Pkg[] }>(`query($r: ID) { vnfPackages(filter: { repoId: $r }) { ${PKG} } }`, { r: repoId })).vnfPackages;
  const pkgById = async (id: string) => (await ok<{ vnfPackage: Pkg }>(`query($id: ID!) { vnfPackage(id: $id) { ${PKG} } }`, { id })).vnfPackage;
  const act = async (mutation: string, id: string) =>
    (await ok<Record<string, Pkg>>(`mutation($id: ID!) { ${mutation}(id: $id) { ${PKG} } }`, { id }))[mutation];
  const zip = (id: string, as: string | null = app.token) =>
    fetch(`${app.url}/api/vnf-packages/${id}/package.zip`, { headers: { connection: 'close', ...(as ? { authorization: `Bearer ${as}` } : {}) } });

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'vnf-'));
    app = await startTestApp(await newEnv(), { GIT_FILE_REMOTE_DIRS: root });
    token = (await ok<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "vnf") { token } }')).createApiToken.token;
    const made = await ok<{ createGitRepo: { id: string } }>('mutation { createGitRepo(input: { name: "vnfs", hosted: true }) { id } }');
    hosted = { id: made.createGitRepo.id, cloneUrl: `${app.url}/git/vnfs.git` };

    const group = await ok<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
      i: { name: 'requesters', roles: ['requester'] },
    });
    await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'rita', password: 'First-password-77', groupIds: [group.createGroup.id] },
    });
    const signIn = async (password: string) =>
      (
        await ok<{ login: { token: string } }>(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          { u: 'rita', p: password },
          null,
        )
      ).login.token;
    await ok(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }',
      { c: 'First-password-77', n: 'Blue-kettle-sings-88' },
      await signIn('First-password-77'),
    );
    requester = await signIn('Blue-kettle-sings-88');
  });
  after(async () => {
    await app?.stop();
    await rm(root, { recursive: true, force: true });
  });

  test('the shipped example package is on-boarded at first start, its pod nested under its VM', async () => {
    const builtin = (await ok<{ vnfPackages: Pkg[] }>(`{ vnfPackages { ${PKG} repoId } }`)).vnfPackages.find((p) => p.name === 'web-pod-on-vm');
    assert.ok(builtin, 'the example is listed');
    assert.equal(builtin.repoName, 'playbooks');
    assert.equal(builtin.operationalState, 'enabled');
    // The shipped catalog item deploys it.
    assert.equal(builtin.usageState, 'in_use');
    assert.deepEqual(builtin.usedBy, ['catalog item "Web pod on a VM (VNF package)"']);
    const detail = await ok<{
      vnfPackage: {
        vdus: { vduId: string; depth: number; technology: string; vduParent: string | null }[];
        connectionPoints: { cpdId: string; kind: string; ports: { port: number; protocol: string }[] }[];
      };
    }>('query($id: ID!) { vnfPackage(id: $id) { vdus { vduId depth technology vduParent } connectionPoints { cpdId kind ports { port protocol } } } }', {
      id: builtin.id,
    });
    assert.deepEqual(detail.vnfPackage.vdus, [
      { vduId: 'vmid', depth: 0, technology: 'vm', vduParent: null },
      { vduId: 'webpod', depth: 1, technology: 'kubernetes', vduParent: 'vmid' },
    ]);
    const svc = detail.vnfPackage.connectionPoints.find((c) => c.kind === 'k8sServiceCpd');
    assert.deepEqual(svc, { cpdId: 'web-svc', kind: 'k8sServiceCpd', ports: [{ port: 80, protocol: 'TCP' }] });
    const schema = await ok<{ vnfdSchema: { properties: Record<string, unknown> } }>('{ vnfdSchema }');
    assert.ok('k8sServiceCpd' in schema.vnfdSchema.properties);
  });

  test('push: an invalid descriptor is refused naming the element, and nothing is stored', async () => {
    const client = await pushClient(root, hosted.cloneUrl, token);
    const files = await example('vnf-packages/edge/');
    files['vnf-packages/edge/vnfd.yaml'] = await editedVnfd(['vdu.1.vduParent', 'vm9'], ['k8sServiceCpd.0.ports', undefined]);
    const bad = await client.commit(files, 'a broken package');
    const refused = await client.push();
    assert.equal(refused.ok, false, 'the push must be refused');
    assert.match(refused.out, /remote: Superfluid refused this push/);
    assert.match(refused.out, /main: vnf-packages\/edge\/vnfd\.yaml: vdu\[1\] \(webpod\)\.vduParent: "vm9" names no VDU of this descriptor/);
    assert.match(refused.out, /main: vnf-packages\/edge\/vnfd\.yaml: k8sServiceCpd\[0\] \(web-svc\)\.ports: is required/);
    const inBare = await gitIn(root)('--git-dir', join(app.config.dataDir, 'git', 'vnfs.git'), 'cat-file', '-e', `${bad}^{commit}`);
    assert.equal(inBare.ok, false, 'nothing of the push landed');
    assert.deepEqual(await packagesOf(hosted.id), []);
  });

  test('push: hostile packages (a symbolic link, a file outside the package, a descriptor over 1 MB) are refused, naming each', async () => {
    const client = await pushClient(root, hosted.cloneUrl, token);
    const linked = await example('vnf-packages/linked/');
    const outside = await example('vnf-packages/outside/');
    outside['vnf-packages/outside/vnfd.yaml'] = await editedVnfd(['vduNestedDesc.0.vduNestedDescriptor', '../linked/k8s/web-pod.yaml']);
    const bad = await client.commit(
      {
        ...linked,
        'vnf-packages/linked/k8s/secret.env': { link: '../../../README.md' },
        ...outside,
        'vnf-packages/huge/vnfd.yaml': `vnfdId: huge\n# ${'x'.repeat(1024 * 1024)}\n`,
        'README.md': 'top\n',
      },
      'hostile packages',
    );
    const refused = await client.push();
    assert.equal(refused.ok, false, 'the push must be refused');
    assert.match(refused.out, /main: vnf-packages\/linked\/k8s\/secret\.env: a package holds plain files only \(this is a symbolic link\)/);
    assert.match(
      refused.out,
      /main: vnf-packages\/outside\/vnfd\.yaml: vduNestedDesc\[0\] \(id_vdu_nested\)\.vduNestedDescriptor: "\.\.\/linked\/k8s\/web-pod\.yaml" goes outside the package/,
    );
    assert.match(refused.out, /main: vnf-packages\/huge\/vnfd\.yaml: larger than 1 MB: too large for a descriptor/);
    const inBare = await gitIn(root)('--git-dir', join(app.config.dataDir, 'git', 'vnfs.git'), 'cat-file', '-e', `${bad}^{commit}`);
    assert.equal(inBare.ok, false, 'nothing of the push landed');
    assert.deepEqual(await packagesOf(hosted.id), []);
  });

  test('push: a valid package is on-boarded; its artifacts are fetched one by one and whole', async () => {
    const client = await pushClient(root, hosted.cloneUrl, token);
    const files = await example('vnf-packages/edge/');
    const commit = await client.commit({ ...files, 'vnf-packages/README.md': 'Our packages.\n' }, 'the edge package');
    const pushed = await client.push();
    assert.ok(pushed.ok, pushed.out);
    const [pkg] = await packagesOf(hosted.id);
    assert.equal(pkg.name, 'edge');
    assert.equal(pkg.commit, commit);
    assert.equal(pkg.vnfdId, '5f3a8e0c-web-pod-on-vm');
    assert.deepEqual(
      pkg.artifacts.map((a) => a.path),
      ['heat/worker-vm.yaml', 'k8s/web-pod.yaml', 'k8s/web-service.yaml', 'k8s/web.env'],
    );

    const manifest = files['vnf-packages/edge/k8s/web-pod.yaml'];
    const sha = createHash('sha256').update(manifest).digest('hex');
    const fetched = await ok<{ vnfPackageArtifact: { content: string; encoding: string; size: number; sha256: string } }>(
      'query($id: ID!, $p: String!) { vnfPackageArtifact(id: $id, path: $p) { content encoding size sha256 } }',
      { id: pkg.id, p: 'k8s/web-pod.yaml' },
    );
    assert.deepEqual(fetched.vnfPackageArtifact, { content: manifest, encoding: 'utf8', size: Buffer.byteLength(manifest), sha256: sha });
    assert.equal(pkg.artifacts.find((a) => a.path === 'k8s/web-pod.yaml')?.sha256, sha);
    for (const path of ['../../README.md', '/etc/passwd', 'k8s/../../README.md', 'nothing.yaml']) {
      assert.equal(await codeOf('query($id: ID!, $p: String!) { vnfPackageArtifact(id: $id, path: $p) { size } }', { id: pkg.id, p: path }), 'NOT_FOUND', path);
    }

    const res = await zip(pkg.id);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="edge.zip"');
    const file = join(root, 'edge.zip');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const listing = (await promisify(execFile)('unzip', ['-Z1', file])).stdout.split('\n').filter((l) => l && !l.endsWith('/'));
    assert.deepEqual(listing.sort(), ['edge/heat/worker-vm.yaml', 'edge/k8s/web-pod.yaml', 'edge/k8s/web-service.yaml', 'edge/k8s/web.env', 'edge/vnfd.yaml']);
    const inZip = (await promisify(execFile)('unzip', ['-p', file, 'edge/k8s/web-pod.yaml'])).stdout;
    assert.equal(inZip, manifest);
  });

  test('enable, disable, delete; a deleted package stays deleted until its content changes', async () => {
    let [pkg] = await packagesOf(hosted.id);
    assert.equal(await codeOf('mutation($id: ID!) { deleteVnfPackage(id: $id) { id } }', { id: pkg.id }), 'CONFLICT', 'an enabled package is not deleted');
    pkg = await act('disableVnfPackage', pkg.id);
    assert.equal(pkg.operationalState, 'disabled');
    const disabled = (await ok<{ vnfPackages: Pkg[] }>('{ vnfPackages(filter: { state: disabled }) { id } }')).vnfPackages.map((p) => p.id);
    assert.deepEqual(disabled, [pkg.id]);
    pkg = await act('enableVnfPackage', pkg.id);
    assert.equal(pkg.operationalState, 'enabled');
    await act('disableVnfPackage', pkg.id);
    // The answer is the package as it was, descriptor and VDUs included.
    const deleted = (
      await ok<{ deleteVnfPackage: Pkg & { vdus: { vduId: string }[] } }>('mutation($id: ID!) { deleteVnfPackage(id: $id) { deleted vdus { vduId } } }', {
        id: pkg.id,
      })
    ).deleteVnfPackage;
    assert.equal(deleted.deleted, true);
    assert.ok(deleted.vdus.length > 0, 'the deleted package still tells its VDUs');
    assert.deepEqual(await packagesOf(hosted.id), []);
    assert.equal(await codeOf('query($id: ID!) { vnfPackage(id: $id) { id } }', { id: pkg.id }), 'NOT_FOUND');

    // A push that leaves the package as it was does not bring it back...
    const client = await pushClient(root, hosted.cloneUrl, token);
    const unrelated = await client.commit({ 'README.md': 'unrelated\n' }, 'unrelated');
    assert.ok((await client.push()).ok);
    assert.equal((await ok<{ gitRepo: { commit: string } }>('query($id: ID!) { gitRepo(id: $id) { commit } }', { id: hosted.id })).gitRepo.commit, unrelated);
    assert.deepEqual(await packagesOf(hosted.id), []);
    // ...one that changes it on-boards it again, enabled.
    await client.commit({ 'vnf-packages/edge/k8s/web.env': 'NGINX_PORT=8081\n' }, 'a new env');
    assert.ok((await client.push()).ok);
    const [back] = await packagesOf(hosted.id);
    assert.equal(back.id, pkg.id);
    assert.equal(back.operationalState, 'enabled');
  });

  test('deleting a package in use waits, and can be aborted; it goes once nothing uses it', async () => {
    const [pkg] = await packagesOf(hosted.id);
    // What a module that uses packages answers (as the catalog does for its items): this one uses "edge".
    const events = app.app.get(EventEmitter2);
    const tenantId = (await ok<{ me: { tenant: { id: string } } }>('{ me { tenant { id } } }')).me.tenant.id;
    const user = (q: VnfPackageUsageQuery) => {
      if (q.packageId === pkg.id) q.usedBy.push({ what: 'catalog item "edge service"', tenantId });
    };
    events.on(VnfPackageUsageQuery.NAME, user);
    try {
      assert.equal((await pkgById(pkg.id)).usageState, 'in_use');
      await act('disableVnfPackage', pkg.id);
      const pending = await act('deleteVnfPackage', pkg.id);
      assert.equal(pending.deleted, false);
      assert.equal(pending.deletionState, 'pending');
      assert.deepEqual(pending.usedBy, ['catalog item "edge service"']);
      const listed = (await ok<{ vnfPackages: Pkg[] }>('{ vnfPackages(filter: { state: deletion_pending }) { id } }')).vnfPackages;
      assert.deepEqual(
        listed.map((p) => p.id),
        [pkg.id],
      );
      assert.equal(await codeOf('mutation($id: ID!) { enableVnfPackage(id: $id) { id } }', { id: pkg.id }), 'CONFLICT');
      const kept = await act('abortVnfPackageDeletion', pkg.id);
      assert.equal(kept.deletionState, null);
      assert.equal(kept.operationalState, 'disabled');
      assert.equal(await codeOf('mutation($id: ID!) { abortVnfPackageDeletion(id: $id) { id } }', { id: pkg.id }), 'CONFLICT');
      await act('deleteVnfPackage', pkg.id);
    } finally {
      events.off(VnfPackageUsageQuery.NAME, user);
    }
    // Nothing uses it any more: the pending deletion is carried out.
    assert.deepEqual(await packagesOf(hosted.id), []);
  });

  test('a remote repository: an invalid package is a problem of the refresh, shown on the repository, and not on-boarded', async () => {
    const upstream = await upstreamIn(root);
    const files = await example('vnf-packages/good/');
    const broken = await example('vnf-packages/broken/');
    broken['vnf-packages/broken/vnfd.yaml'] = await editedVnfd(['vdu.0.vduParent', 'webpod']);
    await upstream.commit({ ...files, ...broken }, 'two packages');
    const made = await ok<{ createGitRepo: { id: string } }>('mutation($u: String!) { createGitRepo(input: { name: "remote-vnfs", url: $u }) { id } }', {
      u: upstream.url,
    });
    const repo = await ok<{ gitRepo: { refreshStatus: string; refreshes: { status: string; error: string | null }[] } }>(
      'query($id: ID!) { gitRepo(id: $id) { refreshStatus refreshes(take: 1) { status error } } }',
      { id: made.createGitRepo.id },
    );
    assert.equal(repo.gitRepo.refreshStatus, 'successful');
    assert.match(
      repo.gitRepo.refreshes[0].error ?? '',
      /vnf-packages\/broken\/vnfd\.yaml: vdu\[0\] \(vmid\)\.vduParent: the parents form a cycle: vmid → webpod → vmid/,
    );
    assert.deepEqual(
      (await packagesOf(made.createGitRepo.id)).map((p) => p.name),
      ['good'],
    );
  });

  test('access: a requester sees no package and fetches nothing; no token, no zip', async () => {
    const [pkg] = (await ok<{ vnfPackages: Pkg[] }>(`{ vnfPackages { ${PKG} } }`)).vnfPackages;
    assert.equal(await codeOf('{ vnfPackages { id } }', {}, requester), 'FORBIDDEN');
    assert.equal(await codeOf('query($id: ID!) { vnfPackage(id: $id) { id } }', { id: pkg.id }, requester), 'FORBIDDEN');
    assert.equal(await codeOf('query($id: ID!) { vnfPackageArtifact(id: $id, path: "vnfd.yaml") { size } }', { id: pkg.id }, requester), 'FORBIDDEN');
    assert.equal(await codeOf('mutation($id: ID!) { disableVnfPackage(id: $id) { id } }', { id: pkg.id }, requester), 'FORBIDDEN');
    assert.equal((await zip(pkg.id, requester)).status, 404);
    assert.equal((await zip(pkg.id, null)).status, 401);
    assert.equal((await zip('00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await pkgById(pkg.id)).operationalState, 'enabled', 'nothing changed');
  });
});
