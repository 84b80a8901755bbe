import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

/** A long failure message, an event over 4 KB, a log over 1 MB, and 150 more events. */
const NOISY = `- hosts: all
  gather_facts: false
  tasks:
    - name: long message
      ansible.builtin.fail: { msg: "{{ 'm' * 500 }}" }
      ignore_errors: true
    - name: big
      ansible.builtin.debug: { msg: "{{ 'x' * 10000 }}" }
    - name: huge log
      ansible.builtin.debug: { msg: "{{ 'y' * 1100000 }}" }
    - name: many
      ansible.builtin.debug: { msg: "item {{ item }}" }
      loop: "{{ range(150) | list }}"
`;

interface Job {
  id: string;
  status: string;
  stdout: string;
  eventCount: number;
  eventsEmitted: number;
  eventsComplete: boolean;
  events: { seq: number; event: string; task: string | null; stdout: string | null; data: Record<string, unknown> }[];
}

describe('output limits: each msg, each event, the events and the log of a job are capped, with a marker', () => {
  let app: TestApp;
  let job: Job;
  before(async () => {
    const playbooks = await mkdtemp(join(tmpdir(), 'limits-playbooks-'));
    await writeFile(join(playbooks, 'noisy.yml'), NOISY);
    app = await startTestApp(await newEnv(), {
      PLAYBOOKS_DIR: playbooks,
      JOB_MAX_EVENTS: '100',
      JOB_MAX_EVENT_KB: '4',
      JOB_MAX_MSG_CHARS: '100',
      JOB_MAX_STDOUT_MB: '1',
    });
    const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
    const templateId = templates.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
    const [{ id: local }] = await app.sql<{ id: string }>(`SELECT id FROM providers WHERE name = 'local'`);
    const ordered = await app.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId, dialogValues: { playbook: 'noisy.yml', provider: local } },
    });
    assert.equal(ordered.errors, undefined, JSON.stringify(ordered.errors));
    const requestId = ordered.data!.orderService.id;
    job = await waitFor(
      'the run to end',
      async () => {
        const r = await app.gql<{ serviceRequest: { jobs: Job[] } }>(
          'query($id: ID!) { serviceRequest(id: $id) { jobs { id status stdout eventCount eventsEmitted eventsComplete events(limit: 1000) { seq event task stdout data } } } }',
          { id: requestId },
        );
        const j = r.data?.serviceRequest.jobs[0];
        return j && !['new', 'pending', 'running'].includes(j.status) ? j : undefined;
      },
      300_000,
    );
  });
  after(() => app?.stop());

  test('the run itself is not affected', () => {
    assert.equal(job.status, 'successful');
  });

  test('a msg is cut at JOB_MAX_MSG_CHARS, saying so', () => {
    const failed = job.events.find((e) => e.event === 'runner_on_failed')!;
    const msg = String(failed.data.msg);
    assert.ok(msg.startsWith('m'.repeat(100)), msg.slice(0, 120));
    assert.doesNotMatch(msg, /m{101}/);
    assert.match(msg, /message cut at 100 of 500 characters \(JOB_MAX_MSG_CHARS\)/);
  });

  test('an event over JOB_MAX_EVENT_KB keeps its names and status, and says it was cut', () => {
    const big = job.events.find((e) => e.task === 'big' && e.event === 'runner_on_ok')!;
    assert.match(String(big.data.superfluid_cut), /event of \d+ bytes cut .*JOB_MAX_EVENT_KB/);
    assert.equal(big.data.res, undefined, 'its result is not stored');
    assert.ok(JSON.stringify(big).length < 8 * 1024);
  });

  test('past JOB_MAX_EVENTS events are counted, not stored; the stats are, and a last event says how many were left out', () => {
    const names = job.events.map((e) => e.event);
    assert.equal(names.at(-1), 'superfluid_output_cut');
    assert.ok(names.includes('playbook_on_stats'), 'the recap is always stored');
    const cut = job.events.at(-1)!;
    assert.ok(Number(cut.data.eventsNotStored) > 0);
    assert.match(cut.stdout ?? '', /events .* were not stored: the job's limits are 100 events/);
    assert.equal(job.events.length, 102, '100 events, the stats and the marker');
    assert.deepEqual(
      job.events.map((e) => e.seq),
      Array.from({ length: 102 }, (_, i) => i + 1),
      'numbered without a gap',
    );
    assert.equal(job.eventCount, 102);
    assert.ok(job.eventsEmitted > 100);
    assert.equal(job.eventsComplete, false, 'eventsComplete compares what was stored with what Ansible emitted');
  });

  test('the log is cut at JOB_MAX_STDOUT_MB with a last line saying so, and is stored in chunks that jobLog reads from any offset', async () => {
    assert.match(job.stdout, /\[superfluid\] output cut at 1048576 characters \(JOB_MAX_STDOUT_MB\); the events go on\.\n$/);
    assert.ok(job.stdout.length < 1_048_576 + 200);
    const [{ n }] = await app.sql<{ n: string }>('SELECT count(*) AS n FROM job_output_chunks WHERE job_id = $1', [job.id]);
    assert.ok(Number(n) > 1, `${n} chunk(s)`);
    const columns = await app.sql(`SELECT 1 FROM information_schema.columns WHERE table_name = 'jobs' AND column_name = 'stdout'`);
    assert.equal(columns.length, 0, 'no log column rewritten at every batch');
    const from = 123_457;
    const chunks = await app.subscribe<{ offset: number; text: string }>('subscription($j: ID!, $o: Int!) { jobLog(jobId: $j, offset: $o) { offset text } }', {
      j: job.id,
      o: from,
    });
    assert.equal(chunks[0].offset, from);
    assert.equal(chunks.map((c) => c.text).join(''), job.stdout.slice(from));
  });
});
