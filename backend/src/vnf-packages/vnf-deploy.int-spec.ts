import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { newEnv, orderService, requestEnded, startTestApp, type TestApp, templateIdByName } from '../testing/harness.js';
import { type KubeApiSubset, startKubeApiSubset } from '../testing/kube-api-subset.js';
import { type OpenStackSite, startOpenStackSite } from '../testing/openstack-site.js';

const ITEM = 'Web pod on a VM (VNF package)';
const TEMPLATE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'catalog', 'templates', 'vnf-web-pod-on-vm.yaml');

interface Item {
  name: string;
  index: number;
  status: string;
  outputs: Record<string, unknown> | null;
  startedAt: string | null;
  finishedAt: string | null;
}
interface Ended {
  status: string;
  message: string | null;
  items: Item[];
  jobs: { stdout: string }[];
  service: { id: string; outputs: Record<string, unknown> } | null;
}
interface Pkg {
  id: string;
  name: string;
  operationalState: string;
  usageState: string;
  usedBy: string[];
  deletionState: string | null;
  deleted: boolean;
}
interface Deployment {
  metadata: { name: string; namespace: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: { template: { spec: { nodeSelector?: Record<string, string>; containers: { image: string }[] } } };
}
interface Service {
  metadata: { name: string; namespace: string };
  spec: { selector: Record<string, string>; ports: { port: number; targetPort: number }[] };
}

/**
 * Deploying the shipped VNF package web-pod-on-vm (the seed's 4.8.10 example 1) through its
 * catalog item, against a real Keystone + Heat (no Nova: the package's "VM" is a stand-in
 * stack of Heat's own resources with a VM's outputs) and the subset of the Kubernetes API the
 * portal uses: the VM VDU first, its outputs placing the pod VDU; the package in use meanwhile.
 */
describe('deploying a VNF package: a VM VDU through Heat, then its pod on Kubernetes placed on it', () => {
  let app: TestApp;
  let cloud: OpenStackSite;
  let kube: KubeApiSubset;
  let cloudId: string;
  let clusterId: string;
  let templateId: string;
  const token = `canary-k8s-${randomBytes(8).toString('hex')}`;

  const ok = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await app.gql<T>(query, variables);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!;
  };
  const provider = async (name: string, type: string, credential: Record<string, unknown>, config: Record<string, unknown>) => {
    const cred = await ok<{ createCredential: { id: string } }>('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: `${name}-credential`, ...credential },
    });
    const made = await ok<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name, type, credentialId: cred.createCredential.id, config },
    });
    return made.createProvider.id;
  };
  const pkg = async () =>
    (await ok<{ vnfPackages: Pkg[] }>('{ vnfPackages { id name operationalState usageState usedBy deletionState deleted } }')).vnfPackages.find(
      (p) => p.name === 'web-pod-on-vm',
    );
  const act = async (mutation: string, id: string) =>
    (await ok<Record<string, Pkg>>(`mutation($id: ID!) { ${mutation}(id: $id) { id name operationalState usageState usedBy deletionState deleted } }`, { id }))[
      mutation
    ];
  const ended = (id: string) =>
    requestEnded<Ended>(app, id, 'status message items { name index status outputs startedAt finishedAt } jobs { stdout } service { id outputs }', 300_000);
  const stacks = async () =>
    (
      await ok<{ refreshProviderResources: { resources: { stacks: { id: string; name: string; status: string }[] } } }>(
        'mutation($id: ID!) { refreshProviderResources(id: $id) { resources { ... on OpenStackResources { stacks { id name status } } } } }',
        { id: cloudId },
      )
    ).refreshProviderResources.resources.stacks;
  const setPublished = async (published: boolean) => {
    const text = await readFile(TEMPLATE_FILE, 'utf8');
    await ok('mutation($f: [CatalogFileInput!]!) { importCatalog(files: $f) { templates } }', {
      f: [{ path: 'templates/vnf-web-pod-on-vm.yaml', content: `${text}published: ${published}\n` }],
    });
  };

  before(async () => {
    [cloud, kube, app] = await Promise.all([startOpenStackSite(), startKubeApiSubset(token), newEnv().then((env) => startTestApp(env))]);
    cloudId = await provider(
      'cloud',
      'openstack',
      { type: 'openstack', inputs: { auth_url: cloud.authUrl, username: cloud.username, project_name: cloud.project }, secrets: { password: cloud.password } },
      { region: cloud.region },
    );
    clusterId = await provider('cluster', 'kubernetes', { type: 'kubernetes_token', inputs: { api_url: kube.url }, secrets: { token } }, { namespace: 'web' });
    templateId = await templateIdByName(app, ITEM);
  });
  after(async () => {
    await app?.stop();
    await kube?.stop();
    await cloud?.destroy();
  });

  test('a VDU that needs another kind of provider is refused, naming the field', async () => {
    const res = await app.gql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId, dialogValues: { vm_provider: cloudId, k8s_provider: cloudId } },
    });
    const error = res.errors?.[0] as { message: string; extensions: { code: string; fields?: Record<string, string> } } | undefined;
    assert.equal(error?.extensions.code, 'VALIDATION_FAILED', JSON.stringify(res.errors));
    assert.ok(error.extensions.fields?.k8s_provider, JSON.stringify(error));
  });

  test('the VM VDU becomes a Heat stack, then the pod and its service are placed on it; the package is in use; disabled, it cannot be ordered and its deletion waits; retiring removes the pod, then the stack, and the deletion completes', async () => {
    const before = await pkg();
    assert.equal(before?.usageState, 'in_use');
    assert.deepEqual(before.usedBy, [`catalog item "${ITEM}"`]);

    const done = await ended(await orderService(app, templateId, { vm_provider: cloudId, k8s_provider: clusterId }));
    assert.equal(done.status, 'finished', `${done.message}\n${done.jobs.map((j) => j.stdout).join('\n')}`);
    const serviceId = done.service!.id;
    const short = serviceId.replace(/-/g, '').slice(0, 8);

    // The VM first: its stack is on the cloud, with the outputs a worker VM would publish.
    const [vm, pod] = ['vmid', 'webpod'].map((name) => done.items.find((i) => i.name === name)!);
    assert.ok(vm.index < pod.index && vm.finishedAt! <= pod.startedAt!, 'the VM VDU is deployed before the pod');
    assert.deepEqual(
      (await stacks()).map((s) => [s.name, s.status]),
      [[`vnf-vmid-${short}`, 'CREATE_COMPLETE']],
    );
    const node = String(vm.outputs!.node_name);
    assert.match(node, /^vmid-[a-z]{6}$/);
    assert.match(String(vm.outputs!.address), /^10\.0\.1\.1\d\d$/);

    // Then the pod: a Deployment from the package's manifest, placed on the VM's node, and the service exposing it.
    const deployments = kube.objects('deployments') as unknown as Deployment[];
    assert.equal(deployments.length, 1);
    const [deployment] = deployments;
    assert.equal(deployment.metadata.name, `webpod-${short}`);
    assert.equal(deployment.metadata.namespace, 'web');
    assert.deepEqual(deployment.spec.template.spec.nodeSelector, { 'kubernetes.io/hostname': node });
    assert.equal(deployment.metadata.annotations?.['superfluid.io/vdu-parent-address'], vm.outputs!.address);
    assert.equal(deployment.spec.template.spec.containers[0].image, 'nginx:1.27');
    const services = kube.objects('services') as unknown as Service[];
    assert.deepEqual(
      services.map((s) => [s.metadata.name, s.spec.ports.map((p) => [p.port, p.targetPort])]),
      [[`web-svc-webpod-${short}`, [[80, 8080]]]],
    );
    assert.equal(services[0].spec.selector['superfluid-service'], serviceId);

    // The service's outputs hold both VDUs'.
    const outputs = done.service!.outputs;
    assert.equal(outputs.node_name, node);
    assert.equal(outputs.deployment, `webpod-${short}`);
    assert.equal(outputs.placed_on, node);
    assert.deepEqual(Object.keys(outputs.items as object).sort(), ['vmid', 'webpod']);
    assert.ok(!JSON.stringify(done).includes(token) && !JSON.stringify(done).includes(cloud.password), 'no secret in the outputs or the job output');

    // The package is in use by the item and the service; disabled, it cannot be ordered, and its deletion waits.
    const service = (await ok<{ service: { name: string } }>('query($id: ID!) { service(id: $id) { name } }', { id: serviceId })).service;
    assert.deepEqual((await pkg())!.usedBy, [`catalog item "${ITEM}"`, `service "${service.name}"`]);
    await act('disableVnfPackage', before.id);
    const refused = await app.gql('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId, dialogValues: { vm_provider: cloudId, k8s_provider: clusterId } },
    });
    const error = refused.errors?.[0] as { message: string; extensions: { code: string } } | undefined;
    assert.equal(error?.extensions.code, 'CONFLICT', JSON.stringify(refused));
    assert.equal(error.message, 'VNF package "web-pod-on-vm" is disabled: it cannot be ordered until an operator enables it again.');
    const pending = await act('deleteVnfPackage', before.id);
    assert.equal(pending.deletionState, 'pending');
    assert.equal(pending.deleted, false);

    // Unpublished, the item no longer uses it; the active service still does.
    await setPublished(false);
    assert.deepEqual((await pkg())!.usedBy, [`service "${service.name}"`]);

    // Retiring: the pod and its service go first, then the VM's stack.
    const retiring = await ok<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId });
    const retired = await ended(retiring.retireService.id);
    assert.equal(retired.status, 'finished', `${retired.message}\n${retired.jobs.map((j) => j.stdout).join('\n')}`);
    const [vmGone, podGone] = ['vmid', 'webpod'].map((name) => retired.items.find((i) => i.name === name)!);
    assert.ok(podGone.finishedAt! <= vmGone.startedAt!, 'the pod is removed before its VM');
    assert.deepEqual(kube.objects('deployments'), []);
    assert.deepEqual(kube.objects('services'), []);
    assert.deepEqual(await stacks(), []);

    // Nothing uses the package any more: its pending deletion is carried out.
    assert.equal(await pkg(), undefined);
  });
});
