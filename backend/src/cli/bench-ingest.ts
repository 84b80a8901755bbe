/**
 * Ingestion capacity: feeds a recorded stream of real Ansible events (JSON lines, as the
 * callback plugin writes them) through the same path a run uses — JobOutputWriter:
 * batched inserts into Postgres, then publication on Redis — as fast as it accepts them.
 *
 *   DATABASE_URL=... REDIS_URL=... node backend/dist/cli/bench-ingest.js events.jsonl [repeat]
 *
 * Needs a migrated database with at least one user and one git repo (a started product's).
 * Prints one JSON document: { events, seconds, eventsPerSecond, cpuSeconds } (cpuSeconds: this process's
 * CPU time over the same span, which a busy machine inflates less than the wall time). The job it writes is deleted.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { JobOutputWriter, type RawEvent } from '../jobs/job-output.writer.js';
import { PubSubService } from '../pubsub/pubsub.service.js';

const [file, repeatArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: bench-ingest.js <events.jsonl> [repeat]\n');
  process.exit(2);
}
const repeat = Number(repeatArg ?? 1);
const config = loadConfig();
const recorded = (await readFile(file, 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((line) => ({ event: JSON.parse(line) as RawEvent, bytes: line.length }));
const db = createDataSource(config.databaseUrl);
await db.initialize();
const pubsub = new PubSubService(config);
try {
  const [{ user_id, repo_id }] = (await db.query('SELECT (SELECT id FROM users LIMIT 1) AS user_id, (SELECT id FROM git_repos LIMIT 1) AS repo_id')) as {
    user_id: string;
    repo_id: string;
  }[];
  const [{ id: jobId }] = (await db.query(
    `INSERT INTO jobs (created_by, status, repo_id, commit, playbook) VALUES ($1, 'running', $2, 'bench', 'bench.yml') RETURNING id`,
    [user_id, repo_id],
  )) as { id: string }[];
  // The run's own path, with room for every event fed (the limits are not what is measured).
  const writer = new JobOutputWriter(jobId, db, pubsub, {
    ...config.jobOutputLimits,
    maxEvents: Number.MAX_SAFE_INTEGER,
    maxEventBytes: Number.MAX_SAFE_INTEGER,
    maxStdoutChars: Number.MAX_SAFE_INTEGER,
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let round = 0; round < repeat; round++) {
    for (const { event, bytes } of recorded) {
      writer.addEvent(event, bytes);
      if (typeof event.stdout === 'string') writer.addText(`${event.stdout}\n`);
    }
    // Yield to the event loop between rounds, as a stream arriving from a pipe would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writer.close();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = Math.round((used.user + used.system) / 1000) / 1000;
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM job_events WHERE job_id = $1', [jobId])) as { n: number }[];
  await db.query('DELETE FROM jobs WHERE id = $1', [jobId]);
  if (n !== writer.eventCount) throw new Error(`stored ${n} events of ${writer.eventCount}`);
  process.stdout.write(`${JSON.stringify({ events: n, seconds: Math.round(seconds * 1000) / 1000, eventsPerSecond: Math.round(n / seconds), cpuSeconds })}\n`);
} finally {
  await pubsub.onApplicationShutdown();
  await db.destroy();
}
