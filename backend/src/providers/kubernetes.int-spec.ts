import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { newEnv, orderService, providerIdByName, requestEnded, startTestApp, type TestApp, templateIdByName, waitFor } from '../testing/harness.js';
import { type KubeApiSubset, startKubeApiSubset } from '../testing/kube-api-subset.js';

/**
 * Kubernetes providers against a local server implementing only the documented subset of
 * the Kubernetes API the portal uses (no real API server can run here).
 */
describe('a Kubernetes provider, against a local server implementing the subset of the Kubernetes API the portal uses', () => {
  let app: TestApp;
  let kube: KubeApiSubset;
  let providerId: string;
  const token = `canary-k8s-${randomBytes(8).toString('hex')}`;

  before(async () => {
    kube = await startKubeApiSubset(token);
    app = await startTestApp(await newEnv());
    const cred = await app.gql<{ createCredential: { id: string } }>('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'cluster-token', type: 'kubernetes_token', inputs: { api_url: kube.url }, secrets: { token } },
    });
    assert.equal(cred.errors, undefined, JSON.stringify(cred.errors));
    const made = await app.gql<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'cluster', type: 'kubernetes', credentialId: cred.data!.createCredential.id, config: { namespace: 'shop' } },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    providerId = made.data!.createProvider.id;
  });
  after(async () => {
    await app?.stop();
    await kube?.stop();
  });

  const check = async () =>
    (
      await app.gql<{ checkProviderHealth: { healthStatus: string; healthMessage: string } }>(
        'mutation($id: ID!) { checkProviderHealth(id: $id) { healthStatus healthMessage } }',
        { id: providerId },
      )
    ).data!.checkProviderHealth;
  type Ended = {
    status: string;
    message: string;
    jobs: { stdout: string; events: { stdout: string }[] }[];
    service: { id: string; outputs: Record<string, string> } | null;
  };
  const ended = (id: string) => requestEnded<Ended>(app, id, 'status message jobs { stdout events { stdout } } service { id outputs }');

  test('health: /version and /readyz answer, so it is up; the API server gone, down; back, up', async () => {
    assert.deepEqual(await check(), { healthStatus: 'up', healthMessage: 'Kubernetes v1.30.0-superfluid-test-subset ready' });
    await kube.stop();
    assert.equal((await check()).healthStatus, 'down');
    await kube.start();
    assert.equal((await check()).healthStatus, 'up');
  });

  test("a provider's own performance job reads a Deployment's ready replicas; its threshold raises an alarm about the provider; a requester may neither make nor see it", async () => {
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${kube.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    const dns = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns' }, spec: { replicas: 2, template: { spec: {} } } };
    assert.equal((await api('POST', '/apis/apps/v1/namespaces/kube-system/deployments', dns)).status, 201);

    const JOB = 'mutation($i: CreateProviderPerformanceJobInput!) { createProviderPerformanceJob(input: $i) { id serviceId providerId deployment } }';
    const wrong = await app.gql(JOB, { i: { providerId, name: 'DNS', metric: 'heat_stack_complete', stack: 'x', intervalSeconds: 5 } });
    assert.equal(wrong.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.deepEqual(wrong.errors![0].extensions!.fields, { providerId: 'is not a openstack provider' });
    const made = await app.gql<{ createProviderPerformanceJob: { id: string; serviceId: string | null; providerId: string } }>(JOB, {
      i: { providerId, name: 'DNS', metric: 'k8s_ready_replicas', namespace: 'kube-system', deployment: 'coredns', intervalSeconds: 5 },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const job = made.data!.createProviderPerformanceJob;
    assert.deepEqual([job.serviceId, job.providerId], [null, providerId]);
    const threshold = await app.gql('mutation($i: CreatePerformanceThresholdInput!) { createPerformanceThreshold(input: $i) { id } }', {
      i: { jobId: job.id, operator: '<', value: 2, severity: 'minor' },
    });
    assert.equal(threshold.errors, undefined, JSON.stringify(threshold.errors));
    const listed = await app.gql<{ providerPerformanceJobs: { id: string; samples: { value: number | null }[] }[] }>(
      'query($p: ID!) { providerPerformanceJobs(providerId: $p) { id samples { value } } }',
      { p: providerId },
    );
    assert.deepEqual(
      listed.data!.providerPerformanceJobs.map((j) => j.id),
      [job.id],
    );
    await waitFor('a sample of 2 ready replicas', async () => {
      const r = await app.gql<{ performanceJob: { samples: { value: number | null }[] } }>(
        'query($id: ID!) { performanceJob(id: $id) { samples { value } } }',
        {
          id: job.id,
        },
      );
      return r.data!.performanceJob.samples.some((x) => x.value === 2);
    });

    // Scaled down to one behind the portal's back: the alarm is about the provider.
    assert.equal((await api('PUT', '/apis/apps/v1/namespaces/kube-system/deployments/coredns', { ...dns, spec: { ...dns.spec, replicas: 1 } })).status, 200);
    const raised = await waitFor('the alarm', async () => {
      const r = await app.gql<{ alarms: { objectType: string; objectId: string; message: string; clearedAt: string | null }[] }>(
        '{ alarms(filter: { kinds: [threshold_crossed], open: true }) { objectType objectId message clearedAt } }',
      );
      return r.data!.alarms.find((a) => a.objectId === providerId);
    });
    assert.equal(raised.objectType, 'provider');
    assert.match(raised.message, /^DNS \(ready replicas\) of provider cluster is 1 \(threshold < 2\)\.$/);

    // A requester may not make a provider's job, nor see one.
    const group = await app.gql<{ createGroup: { id: string } }>('mutation($i: GroupInput!) { createGroup(input: $i) { id } }', {
      i: { name: 'k8s requesters', roles: ['requester'] },
    });
    await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'k8s-requester', password: 'First-password-77', groupIds: [group.data!.createGroup.id] },
    });
    const login = async (p: string) =>
      (
        await app.gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
          u: 'k8s-requester',
          p,
        })
      ).data!.login.token;
    await app.gql(
      'mutation { changePassword(currentPassword: "First-password-77", newPassword: "Second-password-88") { id } }',
      {},
      await login('First-password-77'),
    );
    const requester = await login('Second-password-88');
    const refused = await app.gql(JOB, { i: { providerId, name: 'Mine', metric: 'k8s_ready_replicas', deployment: 'coredns', intervalSeconds: 5 } }, requester);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const hidden = await app.gql('query($id: ID!) { performanceJob(id: $id) { id } }', { id: job.id }, requester);
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await app.gql('mutation($id: ID!) { deletePerformanceJob(id: $id) }', { id: job.id }, requester)).errors?.[0]?.extensions?.code, 'NOT_FOUND');

    assert.equal((await app.gql('mutation($id: ID!) { deletePerformanceJob(id: $id) }', { id: job.id })).errors, undefined);
    assert.equal((await api('DELETE', '/apis/apps/v1/namespaces/kube-system/deployments/coredns')).status, 200);
  });

  test('the catalog item deploys a Deployment and a LoadBalancer Service, returns the address, shows on the provider; reconfiguring scales it; a performance job on its ready replicas raises and clears an alarm; retiring removes both', async () => {
    const templateId = await templateIdByName(app, 'Kubernetes application with a load balancer');
    const done = await ended(await orderService(app, templateId, { provider: providerId, app_name: 'web', image: 'nginx:1.27', replicas: 3, port: 8080 }));
    assert.equal(done.status, 'finished', `${done.message}\n${done.jobs[0]?.stdout}`);
    assert.match(done.service!.outputs.app_url, /^http:\/\/203\.0\.113\.\d+:8080$/);
    const deployments = kube.objects('deployments') as { metadata: { name: string; namespace: string }; spec: { replicas: number } }[];
    assert.deepEqual(
      deployments.map((d) => [d.metadata.namespace, d.metadata.name, d.spec.replicas]),
      [['shop', 'web', 3]],
    );
    assert.ok(!JSON.stringify(done).includes(token), 'the token is not in the job output or events');

    const refreshed = await app.gql<{
      refreshProviderResources: { resources: { deployments: unknown[]; services: { name: string; type: string; address: string }[] } };
    }>(
      `mutation($id: ID!) { refreshProviderResources(id: $id) { resources { ... on KubernetesResources {
        deployments { namespace name replicas ready } services { namespace name type address ports } } } } }`,
      { id: providerId },
    );
    assert.equal(refreshed.errors, undefined, JSON.stringify(refreshed.errors));
    assert.deepEqual(refreshed.data!.refreshProviderResources.resources.deployments, [{ namespace: 'shop', name: 'web', replicas: 3, ready: 3 }]);
    const svc = refreshed.data!.refreshProviderResources.resources.services[0];
    assert.equal(svc.type, 'LoadBalancer');
    assert.equal(`http://${svc.address}:8080`, done.service!.outputs.app_url);

    // Reconfigured: the same playbook replaces the Deployment with the new replica count; the address stays.
    const scaled = await app.gql<{ reconfigureService: { id: string } }>(
      'mutation($id: ID!, $v: JSON!) { reconfigureService(id: $id, dialogValues: $v) { id } }',
      {
        id: done.service!.id,
        v: { replicas: 5 },
      },
    );
    assert.equal(scaled.errors, undefined, JSON.stringify(scaled.errors));
    const rescaled = await ended(scaled.data!.reconfigureService.id);
    assert.equal(rescaled.status, 'finished', `${rescaled.message}\n${rescaled.jobs[0]?.stdout}`);
    const now = kube.objects('deployments') as { metadata: { name: string }; spec: { replicas: number } }[];
    assert.deepEqual(
      now.map((d) => [d.metadata.name, d.spec.replicas]),
      [['web', 5]],
    );
    const service = await app.gql<{ service: { outputs: Record<string, string> } }>('query($id: ID!) { service(id: $id) { outputs } }', {
      id: done.service!.id,
    });
    assert.equal(service.data!.service.outputs.app_url, done.service!.outputs.app_url);

    // A performance job reads the Deployment's ready replicas from the cluster's API; a threshold
    // raises an alarm when the Deployment is gone (0 ready) and clears it when it is back.
    const JOB = 'mutation($i: CreatePerformanceJobInput!) { createPerformanceJob(input: $i) { id metric url providerId namespace deployment } }';
    const serviceId = done.service!.id;
    const refused = await app.gql(JOB, {
      i: { serviceId, name: 'Ready', metric: 'k8s_ready_replicas', providerId: await providerIdByName(app, 'local'), deployment: 'Web!', intervalSeconds: 5 },
    });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.deepEqual(refused.errors![0].extensions!.fields, {
      providerId: 'is not a provider of this service',
      deployment: 'is a Kubernetes name (lower-case letters, digits and -)',
    });
    const made = await app.gql<{ createPerformanceJob: { id: string; url: string | null; providerId: string } }>(JOB, {
      i: { serviceId, name: 'Ready replicas', metric: 'k8s_ready_replicas', providerId, namespace: 'shop', deployment: 'web', intervalSeconds: 5 },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const job = made.data!.createPerformanceJob;
    assert.deepEqual([job.url, job.providerId], [null, providerId]);
    const threshold = await app.gql('mutation($i: CreatePerformanceThresholdInput!) { createPerformanceThreshold(input: $i) { id } }', {
      i: { jobId: job.id, operator: '<', value: 1, severity: 'major' },
    });
    assert.equal(threshold.errors, undefined, JSON.stringify(threshold.errors));
    const samples = async () =>
      (
        await app.gql<{ performanceJob: { samples: { value: number | null; error: string | null }[] } }>(
          'query($id: ID!) { performanceJob(id: $id) { samples(minutes: 60) { value error } } }',
          { id: job.id },
        )
      ).data!.performanceJob.samples;
    await waitFor('a sample of 5 ready replicas', async () => (await samples()).some((x) => x.value === 5), 60_000);
    const alarm = async () =>
      (
        await app.gql<{ alarms: { id: string; message: string; clearedAt: string | null; clearReason: string | null }[] }>(
          '{ alarms(filter: { kinds: [threshold_crossed], open: null }) { id message clearedAt clearReason } }',
        )
      ).data!.alarms[0];
    const saved = kube.objects('deployments')[0];
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${kube.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    assert.equal((await api('DELETE', '/apis/apps/v1/namespaces/shop/deployments/web')).status, 200);
    const raised = await waitFor('the alarm', async () => ((await alarm())?.clearedAt === null ? await alarm() : undefined), 60_000);
    assert.match(raised.message, /^Ready replicas \(ready replicas\) of service .* is 0 \(threshold < 1\): Deployment "web" is not in namespace "shop"\.$/);
    assert.equal((await api('POST', '/apis/apps/v1/namespaces/shop/deployments', saved)).status, 201);
    const cleared = await waitFor('the alarm cleared', async () => ((await alarm())?.clearedAt ? await alarm() : undefined), 60_000);
    assert.match(cleared.clearReason ?? '', /is back at 5/);

    const retire = await app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: done.service!.id });
    const retired = await ended(retire.data!.retireService.id);
    assert.equal(retired.status, 'finished', retired.message);
    assert.deepEqual(kube.objects('deployments'), []);
    assert.deepEqual(kube.objects('services'), []);
  });
});
