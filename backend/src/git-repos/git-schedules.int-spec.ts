import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { newEnv, startTestApp, type TestApp, type TestEnv, waitFor } from '../testing/harness.js';
import { gitIn } from './git-test-fixtures.js';

const PLAY = `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: scheduled }\n`;

describe('refresh schedules survive a Redis FLUSHALL (real Redis, real git)', () => {
  let env: TestEnv;
  let app: TestApp;
  let root: string;
  let url: string;
  before(async () => {
    env = await newEnv();
    root = await mkdtemp(join(tmpdir(), 'scheduled-'));
    // A built-in repository of one playbook: its syntax checks are not what this test waits for.
    await mkdir(join(root, 'builtin'));
    await writeFile(join(root, 'builtin', 'hello.yml'), PLAY);
    app = await startTestApp(env, { PLAYBOOKS_DIR: join(root, 'builtin') });
    const upstream = join(root, 'upstream');
    await mkdir(upstream);
    const git = gitIn(upstream);
    await git('init', '--quiet', '--initial-branch=main');
    await writeFile(join(upstream, 'site.yml'), PLAY);
    await git('add', '--all');
    assert.ok((await git('commit', '--quiet', '-m', 'site')).ok);
    url = `file://${upstream}`;
  });
  after(async () => {
    await app?.stop();
    await env?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  test('a FLUSHALL loses the schedulers and lost syntax checks; the worker puts both back from Postgres within a tick, and the schedule refreshes', async () => {
    const made = await app.gql<{ createGitRepo: { id: string; commit: string } }>(
      'mutation($u: String!) { createGitRepo(input: { name: "scheduled", url: $u, refreshIntervalSeconds: 60 }) { id commit } }',
      { u: url },
    );
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const { id, commit } = made.data!.createGitRepo;
    const queue = app.app.get(QueueService).queue(QueueName.GIT);
    const key = `git-refresh:${id}`;
    assert.equal((await queue.getJobScheduler(key))?.every, 60_000);
    const checked = async () => (await app.sql('SELECT 1 FROM playbooks WHERE repo_id = $1 AND syntax_status = $2', [id, 'ok'])).length === 1;
    // Until its job is done (a completed job is removed), so that the FLUSHALL below cannot cut it short.
    await waitFor('the first syntax check', async () => (await checked()) && !(await queue.getJob(`syntax-${id}-${commit}`)), 180_000);

    // A syntax check that Redis will lose: the row waits for it, the queue no longer has it.
    await app.sql(`UPDATE playbooks SET syntax_status = 'pending' WHERE repo_id = $1`, [id]);
    const flushedAt = new Date();
    await app.redis.flushall();
    assert.equal(await queue.getJobScheduler(key), undefined, 'FLUSHALL removed the scheduler');

    const back = await waitFor('the scheduler to be put back', async () => queue.getJobScheduler(key), 20_000);
    assert.equal(back.every, 60_000);
    assert.equal(back.template?.data?.repoId, id);
    await waitFor('the lost syntax check to run', checked, 180_000);

    // The scheduler put back works: its next run (due now, or brought forward) refreshes the repository.
    const next = await queue.getJob(`repeat:${key}:${back.next}`);
    if (next && (await next.isDelayed())) await next.promote();
    const refreshedSince = async () => (await app.sql('SELECT 1 FROM git_refreshes WHERE repo_id = $1 AND started_at > $2', [id, flushedAt])).length > 0;
    await waitFor('a refresh by the scheduler put back', refreshedSince, 180_000);

    // A schedule no repository asks for any more (turned off while Redis missed the change) goes.
    await app.sql('UPDATE git_repos SET refresh_interval_seconds = NULL WHERE id = $1', [id]);
    await waitFor('the stale scheduler to be removed', async () => (await queue.getJobScheduler(key)) === undefined, 20_000);
  });
});
