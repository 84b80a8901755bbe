import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

// The state machine's own settings, each run for real: on_entry / on_exit / on_error hooks,
// max_retries with retry_interval, and max_time. Machines and items of the test's own are
// catalog files loaded at start.

const SLOW = `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.pause: { seconds: 60 }
`;

const MACHINES: Record<string, string> = {
  hooked: `kind: StateMachine
name: hooked
states:
  - { name: validate, method: validate_request, on_entry: collect_outputs }
  - { name: provision, method: run_playbook }
  - { name: wait, method: wait_for_jobs, on_error: collect_outputs }
  - { name: collect, method: collect_outputs, on_exit: validate_request }
  - { name: finish, method: create_service }
`,
  retrying: `kind: StateMachine
name: retrying
states:
  - { name: refresh, method: refresh_repositories, max_retries: 2, retry_interval: 1 }
  - { name: provision, method: run_playbook }
  - { name: wait, method: wait_for_jobs }
  - { name: finish, method: create_service }
`,
  timed: `kind: StateMachine
name: timed
states:
  - { name: provision, method: run_playbook }
  - { name: wait, method: wait_for_jobs, max_time: 2 }
  - { name: finish, method: create_service }
`,
};

const bundle = (name: string, machine: string, repo: string, playbook: string) => `kind: ServiceTemplate
name: ${name}
type: bundle
dialog: demo-bundle
stateMachine: ${machine}
items:
  - name: only
    index: 0
    provision: { repo: ${repo}, playbook: ${playbook}, provider: { field: provider } }
`;

interface Request {
  id: string;
  status: string;
  state: string | null;
  message: string | null;
  transitions: { state: string; event: string; attempt: number; message: string | null; at: string }[];
  jobs: { id: string; status: string }[];
  service: { id: string } | null;
}
const REQUEST = `query($id: ID!) { serviceRequest(id: $id) { id status state message
  transitions { state event attempt message at } jobs { id status } service { id } } }`;

describe('state machine settings, run on real Postgres, Redis, git and ansible-playbook', () => {
  let app: TestApp;
  let work: string;
  let upstream: string;
  const templates: Record<string, string> = {};
  let provider: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'machines-'));
    await cp(join(PROJECT_ROOT, 'playbooks'), join(work, 'playbooks'), { recursive: true });
    await cp(join(PROJECT_ROOT, 'catalog'), join(work, 'catalog'), { recursive: true });
    await writeFile(join(work, 'playbooks', 'slow.yml'), SLOW);
    for (const [name, text] of Object.entries(MACHINES)) await writeFile(join(work, 'catalog', 'state-machines', `${name}.yaml`), text);
    await writeFile(join(work, 'catalog', 'templates', 'hooked-ok.yaml'), bundle('Hooked ok', 'hooked', 'playbooks', 'hello.yml'));
    await writeFile(join(work, 'catalog', 'templates', 'hooked-fail.yaml'), bundle('Hooked fail', 'hooked', 'playbooks', 'fail.yml'));
    await writeFile(join(work, 'catalog', 'templates', 'timed.yaml'), bundle('Timed', 'timed', 'playbooks', 'slow.yml'));
    await writeFile(join(work, 'catalog', 'templates', 'retrying.yaml'), bundle('Retrying', 'retrying', 'fragile', 'site.yml'));
    app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: join(work, 'playbooks'), CATALOG_DIR: join(work, 'catalog') });

    // A repository whose remote goes away: every refresh of it fails.
    upstream = join(work, 'upstream');
    await mkdir(upstream);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@localhost', ...args], { cwd: upstream });
    git('init', '--quiet', '--initial-branch=main');
    await writeFile(join(upstream, 'site.yml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: hi }\n');
    git('add', '--all');
    git('commit', '--quiet', '-m', 'one');
    const made = await app.gql('mutation($u: String!) { createGitRepo(input: { name: "fragile", url: $u }) { commit } }', { u: `file://${upstream}` });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));

    const list = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates(take: 500) { id name } }');
    for (const t of list.data!.serviceTemplates) templates[t.name] = t.id;
    provider = (await app.gql<{ providers: { id: string }[] }>('{ providers { id } }')).data!.providers[0].id;
  });
  after(async () => {
    await app?.stop();
    await rm(work, { recursive: true, force: true });
  });

  const order = async (template: string) => {
    const res = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: templates[template], dialogValues: { provider, deployment: 'x' } },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.orderService.id;
  };
  const ended = (id: string) =>
    waitFor(`request ${id} to end`, async () => {
      const r = (await app.gql<{ serviceRequest: Request }>(REQUEST, { id })).data!.serviceRequest;
      return ['finished', 'failed', 'canceled'].includes(r.status) && r;
    });
  const steps = (r: Request) => r.transitions.map((t) => `${t.state}:${t.event}${t.event === 'hook' ? `:${t.message?.split(':')[0]}` : ''}`);

  test('on_entry runs when its state is entered, on_exit when it is left after success; each is recorded as a hook', async () => {
    const done = await ended(await order('Hooked ok'));
    assert.equal(done.status, 'finished', done.message ?? '');
    assert.deepEqual(steps(done), [
      'validate:entered',
      'validate:hook:collect_outputs',
      'validate:ok',
      'provision:entered',
      'provision:ok',
      'wait:entered',
      'wait:ok',
      'collect:entered',
      'collect:ok',
      'collect:hook:validate_request',
      'finish:entered',
      'finish:ok',
    ]);
    // The on_entry hook ran before the item: collect_outputs saw it not finished yet.
    assert.match(done.transitions[1].message ?? '', /collect_outputs: Items not finished: only \(pending\)/);
    assert.ok(done.service, 'the machine went on to its last state');
  });

  test('on_error runs when its state fails, after the error is recorded; the request fails in that state', async () => {
    const failed = await ended(await order('Hooked fail'));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.state, 'wait');
    const tail = steps(failed).slice(-2);
    assert.deepEqual(tail, ['wait:error', 'wait:hook:collect_outputs']);
    assert.match(failed.transitions.at(-1)!.message ?? '', /Items not finished: only \(failed\)/);
    assert.match(failed.message ?? '', /^State "wait" failed: Playbook fail\.yml failed/);
    assert.equal(failed.service, null);
  });

  test('max_retries and retry_interval: a state that asks for a retry is tried again that often, that far apart, then fails', async () => {
    await rm(upstream, { recursive: true, force: true });
    const failed = await ended(await order('Retrying'));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.state, 'refresh');
    const retries = failed.transitions.filter((t) => t.state === 'refresh' && t.event === 'retry');
    assert.deepEqual(
      retries.map((t) => t.attempt),
      [1, 2],
    );
    // Each retry is a delayed queue job of retry_interval (1 s) after the attempt before it.
    const errors = failed.transitions.filter((t) => t.state === 'refresh' && (t.event === 'retry' || t.event === 'error')).map((t) => new Date(t.at).getTime());
    for (let i = 1; i < errors.length; i++)
      assert.ok(errors[i] - errors[i - 1] >= 1000, `attempt ${i + 1} came ${errors[i] - errors[i - 1]} ms after attempt ${i}`);
    assert.match(failed.message ?? '', /\(gave up after 2 retries\)/);
    assert.equal(failed.jobs.length, 0, 'nothing ran');
  });

  test('max_time: a state that lasts longer fails the request, and what it was running is stopped', async () => {
    const id = await order('Timed');
    const failed = await ended(id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.state, 'wait');
    assert.match(failed.message ?? '', /State "wait" took longer than its max_time of 2 s/);
    // The 60-second pause was stopped: its job ends canceled well before it would have finished.
    const job = await waitFor('the job to end', async () => {
      const r = (await app.gql<{ serviceRequest: Request }>(REQUEST, { id })).data!.serviceRequest;
      return r.jobs[0] && !['new', 'pending', 'waiting', 'running'].includes(r.jobs[0].status) && r.jobs[0];
    });
    assert.equal(job.status, 'canceled');
  });
});
