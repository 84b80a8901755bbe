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
  let approvedItemId: string;
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
    const save = async (name: string, extra: Record<string, unknown> = {}) =>
      (
        await ok<{ saveServiceTemplate: { id: string } }>('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
          i: {
            definition: {
              name,
              type: 'ansible_playbook',
              dialog: 'greeting',
              published: true,
              provision: { repo: 'previews', playbook: 'write-file.yml', provider: local, vars: { greeting: 'greeting' } },
              ...extra,
            },
          },
        })
      ).saveServiceTemplate.id;
    itemId = await save('Write a greeting');
    approvedItemId = await save('Write a greeting, approved', { approval: { mode: 'manual' } });
    adminId = (await ok<{ me: { id: string } }>('{ me { id } }')).me.id;
    // One service at most: previews use none of it.
    await ok('mutation($i: QuotaInput!) { setQuota(input: $i) { id } }', { i: { userId: adminId, dimension: 'services', limit: 1 } });
  });
  after(async () => {
    await app?.stop();
    await upstream?.remove();
  });

  test('a preview runs in check mode with --diff, shows the diff of its copy task, makes no service, uses no quota', async () => {
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
      assert.equal(done.approval, null, 'its item asks no approval');
      const [job] = done.jobs;
      assert.match(job.stdout, /--- before/);
      assert.match(job.stdout, new RegExp(`\\+greeting: ${['hello', 'bonjour'][i]}`), 'the diff of the copy task');
      assert.equal(job.hostSummaries[0].changed, 1, 'it would change the file');
    }
    const use = (await ok<{ myQuotas: { dimension: string; used: number }[] }>('{ myQuotas { dimension used } }')).myQuotas;
    assert.deepEqual(use, [{ dimension: 'services', used: 0 }], 'two previews used none of the quota of one service');
    // An order holds its share.
    await ok('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', { i: { templateId: itemId, dialogValues: { greeting: 'hello' } } });
    assert.deepEqual((await ok<{ myQuotas: { used: number }[] }>('{ myQuotas { used } }')).myQuotas, [{ used: 1 }]);
  });

  test('the preview of an item whose orders need approval waits for it too (check mode does not stop a task marked check_mode: false)', async () => {
    const r = await ok<{ previewOrder: { id: string } }>('mutation($i: OrderServiceInput!) { previewOrder(input: $i) { id } }', {
      i: { templateId: approvedItemId, dialogValues: { greeting: 'hello' } },
    });
    const waiting = await waitFor('the preview to wait for approval', async () => {
      const q = await ok<{ serviceRequest: { status: string; jobs: unknown[] } }>('query($id: ID!) { serviceRequest(id: $id) { status jobs { id } } }', {
        id: r.previewOrder.id,
      });
      return q.serviceRequest.status === 'pending_approval' && q.serviceRequest;
    });
    assert.deepEqual(waiting.jobs, [], 'nothing ran');
  });

  test('a preview is checked as an order is: bad values are refused and nothing is stored', async () => {
    const before_ = (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests'))[0].n;
    const r = await app.gql('mutation($i: OrderServiceInput!) { previewOrder(input: $i) { id } }', { i: { templateId: itemId, dialogValues: {} } });
    assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.ok('greeting' in (r.errors![0].extensions?.fields ?? {}));
    assert.equal((await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM service_requests'))[0].n, before_);
  });
});
