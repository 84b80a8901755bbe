import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { checkPackage, discoverPackages } from './vnf-package-discovery.js';
import { validateVnfd } from './vnfd-validation.js';
import { vnfdJsonSchema } from './vnfd.schema.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXAMPLE = join(ROOT, 'playbooks', 'vnf-packages', 'web-pod-on-vm');

async function exampleFiles(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(relative(EXAMPLE, full), await readFile(full));
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

/** The example's descriptor, changed by `edits`, validated with the example's files. */
async function withEdit(...edits: Edit[]): Promise<string[]> {
  const files = await exampleFiles();
  const vnfd: unknown = parse(files.get('vnfd.yaml')!.toString());
  applyEdits(vnfd, edits);
  const result = validateVnfd(stringify(vnfd), new Set(files.keys()));
  return result.ok ? [] : result.problems;
}

test('vnfd: the shipped example package (seed 4.8.10, example 1) validates, with its artifacts hashed', async () => {
  const files = await exampleFiles();
  const tree = [...files.entries()].map(([p, b]) => ({ path: `vnf-packages/web-pod-on-vm/${p}`, mode: '100644', size: b.length }));
  const found = await discoverPackages(tree, async (paths) => new Map(paths.map((p) => [p, files.get(p.replace('vnf-packages/web-pod-on-vm/', ''))!])));
  assert.deepEqual(found.problems, []);
  const [pkg] = found.packages;
  assert.equal(pkg.name, 'web-pod-on-vm');
  assert.equal(pkg.vnfd.vdu[1].vduParent, 'vmid');
  assert.deepEqual(
    pkg.artifacts.map((a) => a.path),
    ['heat/worker-vm.yaml', 'k8s/web-pod.yaml', 'k8s/web-service.yaml', 'k8s/web.env'],
  );
  assert.match(pkg.artifacts[0].sha256, /^[0-9a-f]{64}$/);
});

test('vnfd: a vduParent naming no VDU is refused, naming the VDU and the id it names', async () => {
  const problems = await withEdit(['vdu.1.vduParent', 'vm9']);
  assert.deepEqual(problems, ['vdu[1] (webpod).vduParent: "vm9" names no VDU of this descriptor']);
});

test('vnfd: a K8SServiceCpd without ports is refused, naming the connection point', async () => {
  const problems = await withEdit(['k8sServiceCpd.0.ports', undefined]);
  assert.deepEqual(problems, ['k8sServiceCpd[0] (web-svc).ports: is required']);
  const noProtocol = await withEdit(['k8sServiceCpd.0.ports.0.protocol', undefined]);
  assert.deepEqual(noProtocol, ['k8sServiceCpd[0] (web-svc).ports[0].protocol: is required']);
  const badPort = await withEdit(['k8sServiceCpd.0.ports.0.port', 70000]);
  assert.deepEqual(badPort, ['k8sServiceCpd[0] (web-svc).ports[0].port: should be 65535 or less']);
});

test('vnfd: a schema problem and a reference problem are named together', async () => {
  const problems = await withEdit(['vdu.1.vduParent', 'vm9'], ['k8sServiceCpd.0.ports', undefined]);
  assert.deepEqual(problems, ['k8sServiceCpd[0] (web-svc).ports: is required', 'vdu[1] (webpod).vduParent: "vm9" names no VDU of this descriptor']);
});

test('vnfd: parents that form a cycle, and a VDU its own parent, are refused', async () => {
  const cycle = await withEdit(['vdu.0.vduParent', 'webpod']);
  assert.deepEqual(cycle, ['vdu[0] (vmid).vduParent: the parents form a cycle: vmid → webpod → vmid']);
  const self = await withEdit(['vdu.0.vduParent', 'vmid']);
  assert.deepEqual(self, ['vdu[0] (vmid).vduParent: "vmid" is this VDU itself: a VDU cannot contain itself']);
});

test('vnfd: references to nested descriptors, images, files and pods must hold', async () => {
  const problems = await withEdit(
    ['vdu.1.vduNestedDesc', 'nope'],
    ['vdu.0.swImageDesc', 'missing-image'],
    ['vduNestedDesc.0.vduNestedDescriptor', 'k8s/missing.yaml'],
    ['swImageDesc.1.envVars', '../../secrets.env'],
    ['k8sServiceCpd.0.exposedPod', ['vmid']],
  );
  assert.deepEqual(problems, [
    'vdu[0] (vmid).swImageDesc: "missing-image" names no swImageDesc of this descriptor',
    'vdu[1] (webpod).vduNestedDesc: "nope" names no vduNestedDesc of this descriptor',
    'vduNestedDesc[0] (id_vdu_nested).vduNestedDescriptor: "k8s/missing.yaml" names no file of the package',
    'swImageDesc[1] (nginx-image).envVars: "../../secrets.env" goes outside the package (..): name a file of the package, relative to its folder',
    'k8sServiceCpd[0] (web-svc).exposedPod[0]: "vmid" is not a Kubernetes pod: its vduNestedDesc has no vduNestedDescriptorType kubernetes',
  ]);
});

test("vnfd: a VM VDU's heatTemplate names a file of the package, and a VDU is not both a VM and nested", async () => {
  const missing = await withEdit(['vdu.0.heatTemplate', 'heat/missing.yaml']);
  assert.deepEqual(missing, ['vdu[0] (vmid).heatTemplate: "heat/missing.yaml" names no file of the package']);
  const both = await withEdit(['vdu.1.heatTemplate', 'heat/worker-vm.yaml']);
  assert.deepEqual(both, ['vdu[1] (webpod).heatTemplate: a VDU is either a VM (heatTemplate) or described by a vduNestedDesc, not both']);
});

test('vnfd: missing identity, wrong types and broken YAML say where', async () => {
  const problems = await withEdit(['vnfdId', undefined], ['vdu.0.vduParentBareMetal', 'yes']);
  assert.deepEqual(problems, ['vnfdId: is required', 'vdu[0] (vmid).vduParentBareMetal: should be true or false']);
  const broken = validateVnfd('vnfdId: [unclosed\n', new Set());
  assert.equal(broken.ok, false);
  assert.match(!broken.ok ? broken.problems[0] : '', /^line \d+: not valid YAML/);
});

test('vnf packages: a folder without a descriptor, or with a symbolic link, is not a package', () => {
  const noVnfd = checkPackage('x', [{ path: 'vnf-packages/x/heat.yaml', mode: '100644', size: 10 }], new Map());
  assert.deepEqual(!noVnfd.ok && noVnfd.problems, ['vnf-packages/x: a VNF package needs a vnfd.yaml (its descriptor)']);
  const link = checkPackage(
    'x',
    [
      { path: 'vnf-packages/x/vnfd.yaml', mode: '100644', size: 10 },
      { path: 'vnf-packages/x/key', mode: '120000', size: 10 },
    ],
    new Map(),
  );
  assert.deepEqual(!link.ok && link.problems, ['vnf-packages/x/key: a package holds plain files only (this is a symbolic link)']);
});

test('vnf packages: a file name with a newline, and files over 100 MB together, are refused', () => {
  const problems = checkPackage(
    'x',
    [
      { path: 'vnf-packages/x/vnfd.yaml', mode: '100644', size: 10 },
      { path: 'vnf-packages/x/a\nb', mode: '100644', size: 60 * 1024 * 1024 },
      { path: 'vnf-packages/x/c', mode: '100644', size: 60 * 1024 * 1024 },
    ],
    new Map(),
  );
  assert.deepEqual(!problems.ok && problems.problems, [
    '"vnf-packages/x/a\\nb": a file name with a control character (a newline, a tab)',
    'vnf-packages/x: its files hold more than 100 MB: too large for a package',
  ]);
});

test('vnfd: a VDU id that would not name a Heat stack or a Kubernetes object is refused', async () => {
  const problems = await withEdit(['vdu.0.vduId', '../vm id'], ['vdu.1.vduParent', '../vm id'], ['deploymentFlavour.0.vduProfile.0.vduId', '../vm id']);
  const rule = 'is letters, digits, dots, dashes and underscores (at most 63), starting with a letter or a digit';
  assert.deepEqual(problems, [`vdu[0] (../vm id).vduId: ${rule}`, `deploymentFlavour[0] (default).vduProfile[0] (../vm id).vduId: ${rule}`]);
});

test('vnfd schema: docs/vnfd.schema.json is the current JSON Schema of the descriptor', async () => {
  const current = JSON.stringify(vnfdJsonSchema(), null, 2) + '\n';
  const docs = await readFile(join(ROOT, 'docs', 'vnfd.schema.json'), 'utf8').catch(() => '');
  assert.equal(docs, current, 'docs/vnfd.schema.json is out of date: run `node dist/cli/vnfd-schema.js` in backend/ after a build');
  const at = (path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], vnfdJsonSchema());
  assert.ok((at('properties.k8sServiceCpd.items.required') as string[]).includes('ports'));
  assert.ok(at('properties.vdu.items.properties.vduParent'));
  assert.ok(at('properties.vduNestedDesc.items.properties.vduNestedDescriptorType'));
});
