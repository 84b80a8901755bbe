import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, orderService, requestEnded, startTestApp, type TestApp, templateIdByName, waitFor } from '../testing/harness.js';
import { type OpenStackSite, startOpenStackSite } from '../testing/openstack-site.js';

interface Ended {
  status: string;
  message: string | null;
  jobs: { stdout: string; events: { stdout: string | null; data: unknown }[] }[];
  service: { id: string; outputs: Record<string, unknown> } | null;
}

interface Stack {
  id: string;
  name: string;
  status: string;
}

/**
 * OpenStack providers against a real Keystone and Heat from Debian's packages, started for
 * this file: health checks, the "OpenStack Heat stack" catalog item and its retirement, with
 * password and with application-credential authentication, and the provider's resources.
 */
describe('OpenStack providers, against a real Keystone and Heat', () => {
  let app: TestApp;
  let cloud: OpenStackSite;
  let passwordProvider: string;
  let appCredentialProvider: string;
  let templateId: string;

  const createProvider = async (name: string, inputs: Record<string, string>, secrets: Record<string, string>) => {
    const cred = await app.gql<{ createCredential: { id: string } }>('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: `${name}-credential`, type: 'openstack', inputs, secrets },
    });
    assert.equal(cred.errors, undefined, JSON.stringify(cred.errors));
    const made = await app.gql<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name, type: 'openstack', credentialId: cred.data!.createCredential.id, config: { region: cloud.region } },
    });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    return made.data!.createProvider.id;
  };

  before(async () => {
    [cloud, app] = await Promise.all([startOpenStackSite(), newEnv().then((env) => startTestApp(env))]);
    passwordProvider = await createProvider(
      'cloud_password',
      { auth_url: cloud.authUrl, username: cloud.username, project_name: cloud.project },
      { password: cloud.password },
    );
    appCredentialProvider = await createProvider(
      'cloud_appcred',
      { auth_url: cloud.authUrl, application_credential_id: cloud.applicationCredentialId },
      { application_credential_secret: cloud.applicationCredentialSecret },
    );
    templateId = await templateIdByName(app, 'OpenStack Heat stack');
  });
  after(async () => {
    await app?.stop();
    await cloud?.destroy();
  });

  const check = async (id: string) =>
    (
      await app.gql<{ checkProviderHealth: { healthStatus: string; healthMessage: string } }>(
        'mutation($id: ID!) { checkProviderHealth(id: $id) { healthStatus healthMessage } }',
        { id },
      )
    ).data!.checkProviderHealth;
  const ended = (id: string) => requestEnded<Ended>(app, id, 'status message jobs { stdout events { stdout data } } service { id outputs }', 180_000);
  const order = async (providerId: string, values: Record<string, unknown>) =>
    ended(await orderService(app, templateId, { provider: providerId, instances: 2, tier: 'standard', ...values }));
  const retire = async (serviceId: string) => {
    const retiring = await app.gql<{ retireService: { id: string } }>('mutation($id: ID!) { retireService(id: $id) { id } }', { id: serviceId });
    assert.equal(retiring.errors, undefined, JSON.stringify(retiring.errors));
    return ended(retiring.data!.retireService.id);
  };
  const stacks = async (providerId: string) => {
    const read = await app.gql<{ refreshProviderResources: { resources: { stacks: Stack[]; servers: unknown[]; missing: string[] } } }>(
      `mutation($id: ID!) { refreshProviderResources(id: $id) { resources { ... on OpenStackResources {
        stacks { id name status reason createdAt } servers { id name status addresses } missing } } } }`,
      { id: providerId },
    );
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    return read.data!.refreshProviderResources.resources;
  };
  /** Nothing of the credential, and no Keystone token (fernet tokens start gAAAAA), in what the run shows. */
  const assertNoSecrets = (r: Ended) => {
    const shown = JSON.stringify(r);
    for (const secret of [cloud.password, cloud.applicationCredentialSecret])
      assert.ok(!shown.includes(secret), 'no credential secret in the job output, events or messages');
    assert.doesNotMatch(shown, /gAAAAA[\w-]{20,}/, 'no Keystone token in the job output or events');
  };

  test('health: a Keystone v3 token and its catalog, with either credential; Keystone stopped, down; started again, up', async () => {
    for (const id of [passwordProvider, appCredentialProvider]) {
      const health = await check(id);
      assert.equal(health.healthStatus, 'up', health.healthMessage);
      assert.equal(health.healthMessage, 'token issued; service catalog: identity, orchestration');
    }
    await cloud.stopKeystone();
    const down = await check(passwordProvider);
    assert.equal(down.healthStatus, 'down');
    assert.match(down.healthMessage, /^Keystone did not answer: /);
    await cloud.startKeystone();
    assert.equal((await check(passwordProvider)).healthStatus, 'up');
  });

  test('the order form offers OpenStack providers only', async () => {
    const form = await app.gql<{ refreshDialogField: { choices: { value: string; label: string }[] } }>(
      'query($t: ID, $v: JSON!) { refreshDialogField(templateId: $t, field: "provider", values: $v) { choices { value label } } }',
      { t: templateId, v: {} },
    );
    assert.equal(form.errors, undefined, JSON.stringify(form.errors));
    const provider = form.data!.refreshDialogField;
    assert.deepEqual(provider.choices.map((c) => c.label).sort(), ['cloud_appcred (openstack)', 'cloud_password (openstack)']);
  });

  test('password auth: the stack is created with the form parameters, its outputs become the service outputs, it shows on the provider, a performance job reads its status; retiring deletes it', async () => {
    const done = await order(passwordProvider, { stack_name: 'shop-stack', app_name: 'shop', tier: 'premium', instances: 3 });
    assert.equal(done.status, 'finished', `${done.message}\n${done.jobs[0]?.stdout}`);
    const outputs = done.service!.outputs;
    assert.match(String(outputs.app_url), /^https:\/\/shop-[a-z]{6}\.apps\.example\.net\/$/);
    assert.equal(outputs.tier, 'premium');
    assert.equal(outputs.instances, 3);
    assert.equal(outputs.stack_name, 'shop-stack');
    assert.equal(outputs.stack_status, 'CREATE_COMPLETE');
    assertNoSecrets(done);

    const resources = await stacks(passwordProvider);
    assert.deepEqual(
      resources.stacks.map((s) => [s.name, s.status, s.id]),
      [['shop-stack', 'CREATE_COMPLETE', outputs.stack_id]],
    );
    // This cloud has Heat but no Nova: servers are listed as none, and the provider says why.
    assert.deepEqual(resources.servers, []);
    assert.deepEqual(resources.missing, ['compute (Nova)']);

    // Performance jobs read the stack's status from Heat: 1 while it is complete; a stack that is not there, 0, saying so.
    const job = async (stack: string) => {
      const made = await app.gql<{ createPerformanceJob: { id: string } }>(
        'mutation($i: CreatePerformanceJobInput!) { createPerformanceJob(input: $i) { id } }',
        { i: { serviceId: done.service!.id, name: stack, metric: 'heat_stack_complete', providerId: passwordProvider, stack, intervalSeconds: 5 } },
      );
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      const id = made.data!.createPerformanceJob.id;
      return () =>
        waitFor(`a sample of ${stack}`, async () => {
          const r = await app.gql<{ performanceJob: { samples: { value: number | null; error: string | null }[] } }>(
            'query($id: ID!) { performanceJob(id: $id) { samples { value error } } }',
            { id },
          );
          return r.data!.performanceJob.samples.find((x) => x.value !== null);
        });
    };
    const [live, gone] = await Promise.all([job('shop-stack'), job('no-such-stack')]);
    assert.deepEqual(await live(), { value: 1, error: null });
    assert.deepEqual(await gone(), { value: 0, error: 'stack "no-such-stack" is not in this project' });

    const retired = await retire(done.service!.id);
    assert.equal(retired.status, 'finished', `${retired.message}\n${retired.jobs[0]?.stdout}`);
    assertNoSecrets(retired);
    assert.deepEqual((await stacks(passwordProvider)).stacks, []);
  });

  test('application-credential auth: the same item creates and retires a stack', async () => {
    const done = await order(appCredentialProvider, { stack_name: 'api-stack', app_name: 'api' });
    assert.equal(done.status, 'finished', `${done.message}\n${done.jobs[0]?.stdout}`);
    assert.match(String(done.service!.outputs.app_url), /^https:\/\/api-[a-z]{6}\.apps\.example\.net\/$/);
    assertNoSecrets(done);
    assert.deepEqual(
      (await stacks(appCredentialProvider)).stacks.map((s) => s.name),
      ['api-stack'],
    );
    const retired = await retire(done.service!.id);
    assert.equal(retired.status, 'finished', `${retired.message}\n${retired.jobs[0]?.stdout}`);
    assert.deepEqual((await stacks(appCredentialProvider)).stacks, []);
  });

  test('Keystone down: the order fails saying Keystone could not be reached (the token task hides its output, not the reason), with no secret shown', async () => {
    await cloud.stopKeystone();
    try {
      const failed = await order(passwordProvider, { stack_name: 'unreachable', app_name: 'one' });
      assert.equal(failed.status, 'failed');
      assert.match(failed.message ?? '', /Keystone at http:\/\/127\.0\.0\.1:\d+\/v3 could not be reached: .*Connection refused/);
      assert.equal(failed.service, null);
      assertNoSecrets(failed);
    } finally {
      await cloud.startKeystone();
    }
  });

  test("a stack Heat refuses fails the request with Heat's own reason, and no service is made", async () => {
    const first = await order(passwordProvider, { stack_name: 'twice', app_name: 'one' });
    assert.equal(first.status, 'finished', first.message ?? '');
    const second = await order(passwordProvider, { stack_name: 'twice', app_name: 'two' });
    assert.equal(second.status, 'failed');
    assert.match(second.message ?? '', /Heat refused stack twice \(HTTP 409\): The Stack \(twice\) already exists/);
    assert.equal(second.service, null);
    assertNoSecrets(second);
    assert.equal((await retire(first.service!.id)).status, 'finished');
  });
});
