import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';
import { AlarmsService } from './alarms.service.js';

/**
 * A threshold crossed: a queue whose oldest waiting job has waited longer than
 * ALARM_QUEUE_WAIT_SECONDS raises a queue_backlog alarm, cleared once its work is taken again. The
 * app runs as the api role only (no worker takes the queue's job) on real PostgreSQL and Redis; the
 * check is given a later "now" instead of waiting minutes.
 */
describe('threshold alarms: a queue backlog on real Postgres and Redis', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp(await newEnv(), { ROLE: 'api', ALARM_QUEUE_WAIT_SECONDS: '60' });
  });
  after(async () => {
    await app?.stop();
  });

  test('a job waiting past the threshold raises a major queue_backlog alarm; taken away, the alarm clears', async () => {
    const alarms = app.app.get(AlarmsService);
    const queues = app.app.get(QueueService);
    await queues.add(QueueName.MAINTENANCE, JobName.PURGE_JOB_OUTPUT, {}, 'threshold-test');
    // Only the maintenance queue's: with no worker, the api's own start-up work (git) waits too.
    const open = async () =>
      (
        await app.gql<{ alarms: { kind: string; severity: string; objectId: string; message: string; clearReason: string | null }[] }>(
          '{ alarms(filter: { kinds: [queue_backlog] }) { kind severity objectId message clearReason } }',
        )
      ).data!.alarms.filter((a) => a.objectId === 'maintenance');
    await alarms.checkThresholds(Date.now() + 30_000);
    assert.deepEqual(await open(), [], 'under the threshold: nothing');
    await alarms.checkThresholds(Date.now() + 120_000);
    const [raised] = await open();
    assert.equal(raised?.objectId, 'maintenance');
    assert.equal(raised.severity, 'major');
    assert.match(raised.message, /Queue "maintenance": its oldest waiting job has waited 1\d\d s \(more than 60 s\), 1 waiting/);
    await alarms.checkThresholds(Date.now() + 180_000);
    assert.equal((await open()).length, 1, 'still one alarm while it lasts');
    await queues.queue(QueueName.MAINTENANCE).remove('threshold-test');
    await alarms.checkThresholds(Date.now() + 240_000);
    const [cleared] = await open();
    assert.match(String(cleared.clearReason), /queue "maintenance" is taken care of again/);
  });
});
