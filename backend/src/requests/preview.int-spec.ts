import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type GitUpstream, newEnv, newGitUpstream, providerIdByName, requestEnded, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

const PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - name: Write the greeting
      ansible.builtin.copy:
        dest: /tmp/superfluid-preview-greeting.txt
        content: "greeting: {{ greeting }}\\n"
`;

describe('previewOrder: an order’s items in check mode with --diff, on real Postgres, Redis, git and ansible-playbook', () => {
  let app: TestApp;
  let upstream: GitUpstream;
  let itemId: string;
  let adminId: string;

  async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await app.gql<T>(query, variables);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }

  before(async () => {
    app = await startTestApp(await newEnv());
    upstream = await newGitUpstream('preview-upstream-');
    await upstream.commit({ 'write-file.yml': PLAYBOOK }, 'a playbook that writes a file');
    await ok('mutation($i: CreateGitRepoInput!) { createGitRepo(input: $i) { id } }', { i: { name: 'previews', url: upstream.url, branch: 'main' } });
    await ok('mutation($d: JSON!) { saveDialog(definition: $d) { id } }', {
      d: {
        name: 'greeting',
        label: 'Greeting',
        tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [{ name: 'greeting', label: 'Greeting', type: 'text', required: true }] }] }],
      },
    });
    const local = await providerIdByName(app);
    itemId = (
      await ok<{ saveServiceTemplate: { id: string } }>('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
        i: {
          definition: {
            name: 'Write a greeting',
            type: 'ansible_playbook',
            dialog: 'greeting',
            published: true,
            // An order waits for an approver; a preview does not.
            approval: { mode: 'manual' },
            provision: { repo: 'previews', playbook: 'write-file.yml', provider: local, vars: { greeting: 'greeting' } },
          },
        },
      })
    ).saveServiceTemplate.id;
    adminId = (await ok<{ me: { id: string } }>('{ me { id } }')).me.id;
    // One service at most: previews use none of it.
    await ok('mutation($i: QuotaInput!) { setQuota(input: $i) { id } }', { i: { userId: adminId, dimension: 'services', limit: 1 } });
  });
  after(async () => {
    await app?.stop();
    await upstream?.remove();
  });

  test('a preview runs in check mode with --diff, shows the diff of its copy task, makes no service, asks no approval, uses no quota', async () => {
    const ids: string[] = [];
    for (const greeting of ['hello', 'bonjour']) {
      const r = await ok<{ previewOrder: { id: string; action: string } }>('mutation($i: OrderServiceInput!) { previewOrder(input: $i) { id action } }', {
        i: { templateId: itemId, dialogValues: { greeting } },
      });
      assert.equal(r.previewOrder.action, 'preview');
      ids.push(r.previewOrder.id);
    }
    for (const [i, id] of ids.entries()) {
      const done = await requestEnded<{
        status: string;
        message: string | null;
        service: unknown;
        approval: unknown;
        jobs: { stdout: string; hostSummaries: { changed: number }[] }[];
      }>(app, id, 'status message service { id } approval { reason } jobs { stdout hostSummaries { changed } }');
      assert.equal(done.status, 'finished', done.message ?? '');
      assert.equal(done.service, null, 'a preview makes no service');
      assert.equal(done.approval, null, 'a preview asks no approval');
      const [job] = done.jobs;
      assert.match(job.stdout, /--- before/);
      assert.match(job.stdout, new RegExp(`\\+greeting: ${['hello', 'bonjour'][i]}`), 'the diff of the copy task');
      assert.equal(job.hostSummaries[0].changed, 1, 'it would change the file');
    }
    const use = (await ok<{ myQuotas: { dimension: string; used: number }[] }>('{ myQuotas { dimension used } }')).myQuotas;
    assert.deepEqual(use, [{ dimension: 'services', used: 0 }], 'two previews used none of the quota of one service');
    // The order itself holds its share, and waits for its approver.
    const order = await ok<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: itemId, dialogValues: { greeting: 'hello' } },
    });
    await waitFor('the order to wait for approval', async () => {
      const r = await ok<{ serviceRequest: { status: string } }>('query($id: ID!) { serviceRequest(id: $id) { status } }', { id: order.orderService.id });
      return r.serviceRequest.status === 'pending_approval';
    });
    assert.deepEqual((await ok<{ myQuotas: { used: number }[] }>('{ myQuotas { used } }')).myQuotas, [{ used: 1 }]);
  });

  test('a preview is checked as an order is: bad values are refused and nothing is stored', async () => {
    const before_ = (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests'))[0].n;
    const r = await app.gql('mutation($i: OrderServiceInput!) { previewOrder(input: $i) { id } }', { i: { templateId: itemId, dialogValues: {} } });
    assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.ok('greeting' in (r.errors![0].extensions?.fields ?? {}));
    assert.equal((await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests'))[0].n, before_);
  });
});
