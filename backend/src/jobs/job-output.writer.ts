import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
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
/** Stdout kept per job; past it the log ends with a note (the events are all kept). */
export const MAX_STDOUT_CHARS = 10_000_000;

/**
 * Stores a running job's events and stdout in batches, in order, and publishes each
 * batch after it is stored — so a reader that subscribes, then reads the database,
 * misses nothing. One batch is written at a time: what arrives meanwhile waits and goes
 * in the next one, so a fast playbook makes larger batches rather than a queue of small
 * ones (each statement costs about the same, on the CPUs Ansible runs on too).
 */
export class JobOutputWriter {
  private readonly logger = new Logger(JobOutputWriter.name);
  private events: JobEventModel[] = [];
  private text = '';
  private seq = 0;
  private offset = 0;
  private timer?: NodeJS.Timeout;
  /** The batch being written, if any. */
  private writing?: Promise<void>;
  private failure?: Error;
  private truncated = false;

  constructor(
    private readonly jobId: string,
    private readonly db: DataSource,
    private readonly pubsub: PubSubService,
  ) {}

  get eventCount(): number {
    return this.seq;
  }

  addEvent(raw: RawEvent): JobEventModel {
    const { event, host, task, play, changed, failed, stdout, created, ...data } = raw;
    const model: JobEventModel = {
      seq: ++this.seq,
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
    this.events.push(model);
    if (this.events.length >= MAX_BATCH) this.flushSoon(0);
    else this.flushSoon(FLUSH_MS);
    return model;
  }

  addText(text: string): void {
    if (this.truncated) return;
    const room = MAX_STDOUT_CHARS - this.offset - this.text.length;
    if (text.length > room) {
      this.truncated = true;
      text = `${text.slice(0, Math.max(room, 0))}\n[superfluid] output truncated at ${MAX_STDOUT_CHARS} characters; the events are complete.\n`;
    }
    this.text += text;
    this.flushSoon(FLUSH_MS);
  }

  /** Stores everything still buffered; rejects if any write failed. */
  async close(): Promise<void> {
    for (;;) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.enqueueFlush();
      if (!this.writing) break;
      await this.writing;
    }
    if (this.failure) throw this.failure;
  }

  private flushSoon(ms: number): void {
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
    if (this.writing) return; // what is buffered is written once the batch in flight is done
    if (this.events.length === 0 && this.text === '') return;
    // At most MAX_BATCH events per statement; the rest go in the next one, right after.
    const events = this.events.length > MAX_BATCH ? this.events.splice(0, MAX_BATCH) : this.events;
    if (events === this.events) this.events = [];
    const text = this.text;
    this.text = '';
    const offset = this.offset;
    this.offset += text.length;
    this.writing = this.write(events, text, offset)
      .catch((err: Error) => {
        this.failure ??= err;
        this.logger.error(`job ${this.jobId}: storing output failed: ${err.message}`);
      })
      .finally(() => {
        this.writing = undefined;
        // What came meanwhile goes after the usual wait (at once when a full batch waits).
        if (this.events.length >= MAX_BATCH) this.flushSoon(0);
        else if (this.events.length || this.text) this.flushSoon(FLUSH_MS);
      });
  }

  private async write(events: JobEventModel[], text: string, offset: number): Promise<void> {
    // One statement for the batch: the events, unpacked by Postgres from one JSON array
    // (several times faster than binding eleven parameters per event), and the job's
    // stdout and event count. The stdout is left as it is when no text came: appending ''
    // would still rewrite the whole (compressed) log.
    await this.db.query(
      `WITH stored AS (
         INSERT INTO job_events (job_id, seq, event, host, task, play, changed, failed, stdout, data, created_at)
         SELECT $1, r.seq, r.event, r.host, r.task, r.play, r.changed, r.failed, r.stdout, r.data, r.created_at
           FROM json_to_recordset($2::json) AS r(seq int, event text, host text, task text, play text, changed boolean,
                failed boolean, stdout text, data jsonb, created_at timestamptz)
       )
       UPDATE jobs SET stdout = CASE WHEN $3::text = '' THEN stdout ELSE stdout || $3::text END,
                       event_count = COALESCE($4::int, event_count)
        WHERE id = $1`,
      [
        this.jobId,
        JSON.stringify(events.map(({ createdAt, ...e }) => ({ ...e, created_at: createdAt }))),
        text,
        events.length ? events[events.length - 1].seq : null,
      ],
    );
    // Best effort: the output is stored; a subscriber that misses a message re-reads it.
    const publish = (channel: string, message: unknown) =>
      this.pubsub.publish(channel, message).catch((err: Error) => this.logger.warn(`job ${this.jobId}: publish failed: ${err.message}`));
    await Promise.all([
      events.length ? publish(channels.jobEvents(this.jobId), { events }) : undefined,
      text ? publish(channels.jobLog(this.jobId), { offset, text }) : undefined,
    ]);
  }
}
