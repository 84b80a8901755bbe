import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { JobOutputLimits } from '../config/config.js';
import { channels, type PubSubService } from '../pubsub/pubsub.service.js';
import type { JobEventModel } from './models/job.model.js';

/** A raw event as the callback plugin writes it. */
export interface RawEvent {
  event: string;
  host?: string;
  task?: string;
  play?: string;
  changed?: boolean;
  failed?: boolean;
  stdout?: string;
  created?: number;
  [key: string]: unknown;
}

const FLUSH_MS = 20;
const MAX_BATCH = 2000;
/** A batch that could not be stored (a database outage) is tried again, waiting longer each time... */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;
/** ...for this long; then the output is given up (the run's own result still stands). */
export const OUTPUT_RETRY_LIMIT_MS = 10 * 60_000;
/** The event that says, at the end of a job's events, how many were not stored. */
export const OUTPUT_CUT_EVENT = 'superfluid_output_cut';
/** Characters of an over-size event's stdout that are kept. */
const CUT_STDOUT_CHARS = 1000;

/** Cuts a message to `max` characters, saying so. */
export function capMessage(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)} [superfluid: message cut at ${max} of ${text.length} characters (JOB_MAX_MSG_CHARS)]`;
}

interface Batch {
  events: JobEventModel[];
  text: string;
  /** The text's chunk: its number and its offsets in the whole log. */
  chunk: { seq: number; start: number; stop: number } | null;
}

/**
 * Stores a running job's events and stdout in batches, in order, and publishes each
 * batch after it is stored — so a reader that subscribes, then reads the database,
 * misses nothing. One batch is written at a time: what arrives meanwhile waits and goes
 * in the next one, so a fast playbook makes larger batches rather than a queue of small
 * ones (each statement costs about the same, on the CPUs Ansible runs on too). The
 * stdout of a batch is one row of job_output_chunks: the log is never rewritten.
 *
 * What one job stores is capped (JobOutputLimits): each `msg`, each event (a larger one
 * keeps its names, status and message, and says it was cut), the number and bytes of its
 * events (past them, events are counted and not stored; one last event says how many), and
 * its stdout (a last line says where it was cut). `playbook_on_stats` is always stored.
 *
 * A batch the database refuses (an outage) is kept and written again, in order, until it is
 * stored (OUTPUT_RETRY_LIMIT_MS at most); what arrives meanwhile waits in memory behind it.
 * Writing a batch twice stores it once: events and chunks are keyed by their numbers.
 */
export class JobOutputWriter {
  private readonly logger = new Logger(JobOutputWriter.name);
  private events: JobEventModel[] = [];
  private text = '';
  private seq = 0;
  private chunkSeq = 0;
  private offset = 0;
  private timer?: NodeJS.Timeout;
  /** The batch being written, if any. */
  private writing?: Promise<void>;
  private failure?: Error;
  private stdoutCut = false;
  private eventBytes = 0;
  private droppedEvents = 0;
  private droppedBytes = 0;
  /** A batch that failed, written again before anything else. */
  private retry?: Batch;
  private retryTimer?: NodeJS.Timeout;
  private retryWait?: Promise<void>;
  private retryDelay = RETRY_FIRST_MS;
  private failingSince?: number;

  constructor(
    private readonly jobId: string,
    private readonly db: DataSource,
    private readonly pubsub: PubSubService,
    private readonly limits: JobOutputLimits,
    /** Told how many events each stored batch held (metrics count them as ingested). */
    private readonly onStored: (events: number) => void = () => undefined,
  ) {}

  /** Events given a sequence number (stored, or on their way). */
  get eventCount(): number {
    return this.seq;
  }

  /** Events not stored because the job's limits were reached. */
  get eventsDropped(): number {
    return this.droppedEvents;
  }

  /**
   * Takes one event (`bytes`: the size of its JSON line, when the caller has it). Returns the
   * event as stored — cut when over-size — or null when the job's limits leave it out.
   */
  addEvent(raw: RawEvent, bytes?: number): JobEventModel | null {
    const { event, host, task, play, changed, failed, stdout, created, ...data } = raw;
    if (typeof data.msg === 'string') data.msg = capMessage(data.msg, this.limits.maxMsgChars);
    let size = bytes ?? JSON.stringify(raw).length;
    let model: Omit<JobEventModel, 'seq'> = {
      event: String(event),
      host: host ?? null,
      task: task ?? null,
      play: play ?? null,
      changed: Boolean(changed),
      failed: Boolean(failed),
      stdout: stdout ?? null,
      data,
      createdAt: typeof created === 'number' ? new Date(created * 1000) : new Date(),
    };
    if (size > this.limits.maxEventSize) {
      const kept: Record<string, unknown> = { superfluid_cut: `event of ${size} bytes cut to its names, status and message (JOB_MAX_EVENT_KB)` };
      for (const key of ['counter', 'task_action', 'msg', 'duration', 'ignore_errors']) if (key in data) kept[key] = data[key];
      if (typeof kept.msg === 'string') kept.msg = capMessage(kept.msg, Math.min(this.limits.maxMsgChars, 2000));
      model = { ...model, stdout: model.stdout === null ? null : capMessage(model.stdout, CUT_STDOUT_CHARS), data: kept };
      size = JSON.stringify(model).length;
    }
    const always = model.event === 'playbook_on_stats';
    if (!always && (this.seq >= this.limits.maxEvents || this.eventBytes + size > this.limits.maxEventBytes)) {
      this.droppedEvents++;
      this.droppedBytes += size;
      return null;
    }
    this.eventBytes += size;
    const stored: JobEventModel = { seq: ++this.seq, ...model };
    this.events.push(stored);
    if (this.events.length >= MAX_BATCH) this.flushSoon(0);
    else this.flushSoon(FLUSH_MS);
    return stored;
  }

  addText(text: string): void {
    if (this.stdoutCut) return;
    const room = this.limits.maxStdoutChars - this.offset - this.text.length;
    if (text.length > room) {
      this.stdoutCut = true;
      text = `${text.slice(0, Math.max(room, 0))}\n[superfluid] output cut at ${this.limits.maxStdoutChars} characters (JOB_MAX_STDOUT_MB); the events go on.\n`;
    }
    this.text += text;
    this.flushSoon(FLUSH_MS);
  }

  /** Stores everything still buffered (retrying through an outage); rejects if part of it could not be stored. */
  async close(): Promise<void> {
    if (this.droppedEvents) {
      // The marker: stored last, past every limit, saying what was left out.
      const note = `[superfluid] ${this.droppedEvents} events (${this.droppedBytes} bytes) were not stored: the job's limits are ${this.limits.maxEvents} events and ${this.limits.maxEventBytes} bytes (JOB_MAX_EVENTS, JOB_MAX_EVENTS_MB).`;
      this.events.push({
        seq: ++this.seq,
        event: OUTPUT_CUT_EVENT,
        host: null,
        task: null,
        play: null,
        changed: false,
        failed: false,
        stdout: note,
        data: { eventsNotStored: this.droppedEvents, bytesNotStored: this.droppedBytes },
        createdAt: new Date(),
      });
      this.droppedEvents = 0;
      if (!this.stdoutCut) this.text += `${note}\n`;
    }
    for (;;) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.enqueueFlush();
      if (this.writing) await this.writing;
      else if (this.retryWait) await this.retryWait;
      else break;
    }
    if (this.failure) throw this.failure;
  }

  private flushSoon(ms: number): void {
    if (this.retryTimer) return; // the retry writes what waits
    if (ms === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.enqueueFlush();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.enqueueFlush();
    }, ms);
  }

  private enqueueFlush(): void {
    if (this.writing || this.retryTimer) return; // what is buffered is written once the batch in flight (or its retry) is done
    let batch = this.retry;
    if (!batch) {
      if (this.events.length === 0 && this.text === '') return;
      // At most MAX_BATCH events per statement; the rest go in the next one, right after.
      const events = this.events.length > MAX_BATCH ? this.events.splice(0, MAX_BATCH) : this.events;
      if (events === this.events) this.events = [];
      const text = this.text;
      this.text = '';
      const chunk = text ? { seq: ++this.chunkSeq, start: this.offset, stop: this.offset + text.length } : null;
      this.offset += text.length;
      batch = { events, text, chunk };
    }
    const current = batch;
    this.writing = this.write(current)
      .then(() => {
        if (current.events.length) this.onStored(current.events.length);
        if (this.failingSince !== undefined)
          this.logger.log(`job ${this.jobId}: output stored again after ${Math.round((Date.now() - this.failingSince) / 1000)} s`);
        this.retry = undefined;
        this.failingSince = undefined;
        this.retryDelay = RETRY_FIRST_MS;
      })
      .catch((err: Error) => {
        this.failingSince ??= Date.now();
        if (Date.now() - this.failingSince > OUTPUT_RETRY_LIMIT_MS) {
          this.failure ??= err;
          this.retry = undefined;
          this.logger.error(`job ${this.jobId}: storing output failed: ${err.message}`);
          return;
        }
        if (!this.retry) this.logger.warn(`job ${this.jobId}: storing output failed (${err.message}): kept, trying again`);
        this.retry = current;
        this.retryWait = new Promise((resolve) => {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.retryWait = undefined;
            resolve();
            this.enqueueFlush();
          }, this.retryDelay);
        });
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      })
      .finally(() => {
        this.writing = undefined;
        if (this.retryTimer) return;
        // What came meanwhile goes after the usual wait (at once when a full batch waits).
        if (this.events.length >= MAX_BATCH) this.flushSoon(0);
        else if (this.events.length || this.text) this.flushSoon(FLUSH_MS);
      });
  }

  private async write(batch: Batch): Promise<void> {
    const { events, text, chunk } = batch;
    if (!events.length || !(await this.copy(batch))) await this.insert(batch);
    // Best effort: the output is stored; a subscriber that misses a message re-reads it.
    const failed = (err: Error) => this.logger.warn(`job ${this.jobId}: publish failed: ${err.message}`);
    await Promise.all([
      events.length ? this.pubsub.publish(channels.jobEvents(this.jobId), { events }).catch(failed) : undefined,
      chunk ? this.pubsub.publish(channels.jobLog(this.jobId), { offset: chunk.start, text }).catch(failed) : undefined,
    ]);
  }

  /**
   * Stores a batch with COPY FROM STDIN (rows as tab-separated text: PostgreSQL parses them at
   * about half the cost of the same rows unpacked from JSON), its chunk and the job's event count
   * in one transaction. COPY has no ON CONFLICT: a batch whose first write did commit (its outcome
   * was unknown) stops at the first event stored already, rolls back, and false says so — the
   * caller writes it again with insert(), which skips what is stored.
   */
  private async copy({ events, text, chunk }: Batch): Promise<boolean> {
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      try {
        await pipeline(
          Readable.from([copyRows(this.jobId, events)]),
          client.query(copyFrom('COPY job_events (job_id, seq, event, host, task, play, changed, failed, stdout, data, created_at) FROM STDIN')),
        );
        await runner.query(
          `WITH chunk AS (
             INSERT INTO job_output_chunks (job_id, seq, start, stop, text)
             SELECT $1, $3::int, $4::int, $5::int, $2::text WHERE $3::int IS NOT NULL
             ON CONFLICT (job_id, seq) DO NOTHING
           )
           UPDATE jobs SET event_count = GREATEST($6::int, event_count) WHERE id = $1`,
          [this.jobId, text, chunk?.seq ?? null, chunk?.start ?? null, chunk?.stop ?? null, events[events.length - 1].seq],
        );
        await runner.commitTransaction();
        return true;
      } catch (err) {
        await runner.rollbackTransaction().catch(() => undefined);
        if ((err as { code?: string }).code === UNIQUE_VIOLATION) return false;
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  /** Stores a batch, skipping what of it is stored already (a batch written again after a failure). */
  private async insert({ events, text, chunk }: Batch): Promise<void> {
    // One statement for the batch: the events, unpacked by Postgres from one JSON array
    // (several times faster than binding eleven parameters per event), the log's chunk, and
    // the job's event count. Written again, it stores nothing twice: events by (job, seq),
    // chunks by (job, seq).
    await this.db.query(
      `WITH stored AS (
         INSERT INTO job_events (job_id, seq, event, host, task, play, changed, failed, stdout, data, created_at)
         SELECT $1, r.seq, r.event, r.host, r.task, r.play, r.changed, r.failed, r.stdout, r.data, r."createdAt"
           FROM json_to_recordset($2::json) AS r(seq int, event text, host text, task text, play text, changed boolean,
                failed boolean, stdout text, data jsonb, "createdAt" timestamptz)
         ON CONFLICT (job_id, seq) DO NOTHING
       ), chunk AS (
         INSERT INTO job_output_chunks (job_id, seq, start, stop, text)
         SELECT $1, $5::int, $6::int, $7::int, $3::text WHERE $5::int IS NOT NULL
         ON CONFLICT (job_id, seq) DO NOTHING
       )
       UPDATE jobs SET event_count = GREATEST(COALESCE($4::int, event_count), event_count) WHERE id = $1`,
      [
        this.jobId,
        JSON.stringify(events),
        text,
        events.length ? events[events.length - 1].seq : null,
        chunk?.seq ?? null,
        chunk?.start ?? null,
        chunk?.stop ?? null,
      ],
    );
  }
}

/** PostgreSQL's code for a unique constraint violated. */
const UNIQUE_VIOLATION = '23505';
const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value as COPY's text format has it: \N for null; backslash, newline, carriage return and tab escaped. */
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPED[c]) : value;
}

/** A batch's events as COPY rows, in the order of the COPY's columns. */
function copyRows(jobId: string, events: JobEventModel[]): string {
  let rows = '';
  for (const e of events) {
    rows += `${jobId}\t${e.seq}\t${copyField(e.event)}\t${copyField(e.host)}\t${copyField(e.task)}\t${copyField(e.play)}\t${e.changed ? 't' : 'f'}\t${e.failed ? 't' : 'f'}\t${copyField(e.stdout)}\t${copyField(JSON.stringify(e.data))}\t${e.createdAt.toISOString()}\n`;
  }
  return rows;
}
