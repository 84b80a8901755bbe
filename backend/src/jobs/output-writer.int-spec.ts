import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataSource } from 'typeorm';
import { PubSubService } from '../pubsub/pubsub.service.js';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';
import { JobOutputWriter, type RawEvent } from './job-output.writer.js';

/** Text that COPY's format must escape or could misread, and some it must leave as it is. */
const AWKWARD = ['tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash', '\\N', '\\.', 'quotes "double" \'single\'', 'ünïcödé ✓ 🚀', ''];

interface StoredEvent {
  seq: number;
  event: string;
  host: string | null;
  task: string | null;
  play: string | null;
  changed: boolean;
  failed: boolean;
  stdout: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

describe('job output writer: events stored as they came, in order, once', () => {
  let app: TestApp;
  let db: DataSource;
  let pubsub: PubSubService;
  const newJob = async () => {
    const [{ id }] = await app.sql<{ id: string }>(
      `INSERT INTO jobs (created_by, status, repo_id, commit, playbook)
       SELECT (SELECT id FROM users LIMIT 1), 'running', (SELECT id FROM git_repos LIMIT 1), 'test', 'test.yml' RETURNING id`,
    );
    return id;
  };
  const writer = (jobId: string) => new JobOutputWriter(jobId, db, pubsub, app.config.jobOutputLimits);
  const stored = (jobId: string) =>
    app.sql<StoredEvent>('SELECT seq, event, host, task, play, changed, failed, stdout, data, created_at FROM job_events WHERE job_id = $1 ORDER BY seq', [
      jobId,
    ]);

  before(async () => {
    app = await startTestApp(await newEnv());
    db = app.app.get(DataSource);
    pubsub = app.app.get(PubSubService);
  });
  after(() => app?.stop());

  test('every field comes back as it was given: escapes, nulls, unicode, nested data, the time to the millisecond', async () => {
    const jobId = await newJob();
    const out = writer(jobId);
    const given: RawEvent[] = AWKWARD.map((text, i) => ({
      event: i % 2 ? 'runner_on_ok' : `event ${text}`,
      ...(i % 3 ? { host: text } : {}),
      task: text,
      play: i % 4 ? text : undefined,
      changed: i % 2 === 0,
      failed: i % 5 === 0,
      stdout: text,
      created: 1_796_000_000.123 + i,
      counter: i + 1,
      res: { msg: text, nested: { list: [text, null, 1.5, true] } },
    }));
    for (const raw of given) out.addEvent(raw);
    await out.close();
    const rows = await stored(jobId);
    assert.equal(rows.length, given.length);
    rows.forEach((row, i) => {
      const raw = given[i];
      assert.equal(row.seq, i + 1);
      assert.equal(row.event, raw.event);
      assert.equal(row.host, raw.host ?? null);
      assert.equal(row.task, raw.task);
      assert.equal(row.play, raw.play ?? null);
      assert.equal(row.changed, raw.changed);
      assert.equal(row.failed, raw.failed);
      assert.equal(row.stdout, raw.stdout);
      assert.deepEqual(row.data, { counter: raw.counter, res: raw.res });
      assert.equal(new Date(row.created_at).getTime(), new Date((raw.created as number) * 1000).getTime());
    });
    const [{ event_count }] = await app.sql<{ event_count: number }>('SELECT event_count FROM jobs WHERE id = $1', [jobId]);
    assert.equal(event_count, given.length);
  });

  test('a batch written again after its first write did commit (its outcome unknown) stores nothing twice, and what is new in it is stored', async () => {
    const jobId = await newJob();
    const first = writer(jobId);
    for (let i = 0; i < 50; i++) first.addEvent({ event: 'runner_on_ok', task: `t${i}`, stdout: `ok ${i}` });
    first.addText('first\n');
    await first.close();
    // The same numbers again (as a retried batch carries them), and 30 past them, in one batch.
    const again = writer(jobId);
    for (let i = 0; i < 80; i++) again.addEvent({ event: 'runner_on_ok', task: `t${i}`, stdout: i < 50 ? 'written again' : `ok ${i}` });
    await again.close();
    const rows = await stored(jobId);
    assert.deepEqual(
      rows.map((r) => r.seq),
      Array.from({ length: 80 }, (_, i) => i + 1),
    );
    // The first write of each number stands.
    assert.deepEqual(
      rows.map((r) => r.stdout),
      Array.from({ length: 80 }, (_, i) => `ok ${i}`),
    );
    const [{ event_count }] = await app.sql<{ event_count: number }>('SELECT event_count FROM jobs WHERE id = $1', [jobId]);
    assert.equal(event_count, 80);
  });

  test('thousands of events in order, numbered from 1 with no gap, the log in chunks that add up to what was written', async () => {
    const jobId = await newJob();
    const out = writer(jobId);
    let log = '';
    for (let i = 0; i < 5000; i++) {
      out.addEvent({ event: 'runner_item_on_ok', host: 'localhost', task: 'Item', stdout: `ok: [localhost] => (item=${i})`, res: { item: i } });
      const line = `ok: [localhost] => (item=${i})\n`;
      out.addText(line);
      log += line;
      if (i % 700 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await out.close();
    const rows = await stored(jobId);
    assert.equal(rows.length, 5000);
    rows.forEach((row, i) => {
      assert.equal(row.seq, i + 1);
      assert.deepEqual(row.data, { res: { item: i } });
    });
    const chunks = await app.sql<{ start: number; stop: number; text: string }>(
      'SELECT start, stop, text FROM job_output_chunks WHERE job_id = $1 ORDER BY seq',
      [jobId],
    );
    assert.equal(chunks.map((c) => c.text).join(''), log);
  });
});
