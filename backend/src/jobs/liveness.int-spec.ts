import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ScheduleKeeper } from '../system/schedule-keeper.js';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';
import { JobsService } from './jobs.service.js';

const SLOW = '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.command: sleep 8\n';

describe('liveness of runs and schedules, on real Postgres, Redis and ansible-playbook', () => {
  let app: TestApp;
  let jobs: JobsService;
  let requestId: string | undefined;
  before(async () => {
    const playbooks = await mkdtemp(join(tmpdir(), 'liveness-playbooks-'));
    await writeFile(join(playbooks, 'slow.yml'), SLOW);
    app = await startTestApp(await newEnv(), { PLAYBOOKS_DIR: playbooks, PROVIDER_HEALTH_INTERVAL_SECONDS: '5' });
    jobs = app.app.get(JobsService);
  });
  after(() => app?.stop());

  test('a run of this process is live whatever its lease looks like (the database may have missed its renewals)', async () => {
    const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
    const templateId = templates.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
    const [{ id: local }] = await app.sql<{ id: string }>(`SELECT id FROM providers WHERE name = 'local'`);
    const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId, dialogValues: { playbook: 'slow.yml', provider: local } },
    });
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    requestId = ordered.data!.orderService.id;
    const [job] = await waitFor('the run to start', async () => {
      const rows = await app.sql<{ id: string }>(`SELECT id FROM jobs WHERE request_id = $1 AND status = 'running'`, [requestId]);
      return rows.length ? rows : null;
    });
    await app.sql(`UPDATE jobs SET heartbeat_at = now() - interval '1 hour' WHERE id = $1`, [job.id]);
    for (let look = 0; look < 3; look++) {
      assert.equal(await jobs.isLive(job.id), true);
      assert.equal(await jobs.hasLiveRun(requestId), true);
    }
    await waitFor(
      'the run to end',
      async () => (await app.sql<{ status: string }>(`SELECT status FROM jobs WHERE id = $1`, [job.id]))[0].status === 'successful',
    );
  });

  test('a lapsed lease is taken for a dead worker only when seen lapsed twice, 8 s apart (a worker back from a database outage renews it at once)', async () => {
    const [{ id: userId }] = await app.sql<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
    const [{ id: repoId }] = await app.sql<{ id: string }>(`SELECT id FROM git_repos LIMIT 1`);
    // A job row of a request that ran (the previous test's), left `running` with a lapsed lease.
    assert.ok(requestId, 'the previous test ran');
    const [{ id }] = await app.sql<{ id: string }>(
      `INSERT INTO jobs (request_id, created_by, status, repo_id, commit, playbook, heartbeat_at)
       VALUES ($1, $2, 'running', $3, 'abc', 'x.yml', now() - interval '1 minute') RETURNING id`,
      [requestId, userId, repoId],
    );
    assert.equal(await jobs.isLive(id), true, 'first look: not dead yet');
    assert.equal(await jobs.hasLiveRun(requestId), true, 'first look at the request: not dead yet');
    assert.equal(await jobs.isLive(id), true, 'a second look at once proves nothing');
    // The worker was only cut off: it renews its lease, and the lapse is forgotten.
    await app.sql(`UPDATE jobs SET heartbeat_at = now() WHERE id = $1`, [id]);
    assert.equal(await jobs.isLive(id), true);
    await app.sql(`UPDATE jobs SET heartbeat_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    assert.equal(await jobs.isLive(id), true, 'a new lapse starts again from one look');
    assert.equal(await jobs.hasLiveRun(requestId), true);
    await new Promise((r) => setTimeout(r, 8_500));
    assert.equal(await jobs.isLive(id), false, 'seen lapsed again 8 s later: the worker died');
    assert.equal(await jobs.hasLiveRun(requestId), false);
    await app.sql(`UPDATE jobs SET status = 'error', heartbeat_at = NULL WHERE id = $1`, [id]);
    assert.equal(await jobs.isLive(id), false, 'an ended job is not live');
  });

  test('after a Redis FLUSHALL, the health-check and retention schedules are put back within a reconcile tick, and monitoring goes on', async () => {
    const queues = app.app.get(QueueService);
    const scheduled = async () => ({
      health: Boolean(await queues.queue(QueueName.PROVIDERS).getJobScheduler('check-providers')),
      retention: Boolean(await queues.queue(QueueName.MAINTENANCE).getJobScheduler('purge-job-output')),
    });
    assert.deepEqual(await scheduled(), { health: true, retention: true });
    await app.redis.flushall();
    assert.deepEqual(await scheduled(), { health: false, retention: false }, 'Redis lost them');
    const flushedAt = new Date();
    await waitFor(
      'the schedules to be back',
      async () => {
        const s = await scheduled();
        return s.health && s.retention;
      },
      30_000,
    );
    // ...and they run: the local provider is checked again after the flush.
    await waitFor(
      'a health check after the flush',
      async () => Number((await app.sql<{ n: string }>(`SELECT count(*) AS n FROM provider_health WHERE checked_at > $1`, [flushedAt]))[0].n) > 0,
      60_000,
    );
    assert.equal(await app.app.get(ScheduleKeeper).check(), 0, 'nothing left to put back');
  });
});
