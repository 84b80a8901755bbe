import { Injectable } from '@nestjs/common';
import { CATCH_UP, channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
import { isFinished, JobsService } from './jobs.service.js';
import type { JobEventModel, LogChunkModel } from './models/job.model.js';

type EventsMessage = { events?: JobEventModel[]; done?: boolean };
type LogMessage = { offset?: number; text?: string; done?: boolean };

const PAGE = 1000;
/** A stream with no message for this long re-reads the database (pub/sub can lose messages). */
const IDLE_MS = 5_000;
const withDate = (e: JobEventModel): JobEventModel => ({ ...e, createdAt: new Date(e.createdAt) });

/**
 * Live streams of a job that a client can join at any point: stored output first, then
 * live output, with no gap and no duplicate. Subscribes before reading the database;
 * the writer publishes only after storing, so every item is in one or the other (or
 * both, and then skipped by its sequence number or offset). A gap, a quiet spell or the
 * end of the job sends the stream back to the database, so a lost message costs a delay,
 * never an item.
 */
@Injectable()
export class JobStreamsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly pubsub: PubSubService,
  ) {}

  async *events(jobId: string, afterSeq: number): AsyncGenerator<JobEventModel> {
    await this.jobs.get(jobId);
    const live = new LiveQueue<EventsMessage>();
    const unsubscribe = await this.pubsub.subscribe(channels.jobEvents(jobId), (m) => live.push(m as EventsMessage));
    let last = Math.max(afterSeq, 0);
    try {
      for (;;) {
        // Catch up from the database. The status is read first: a job seen finished has
        // all its events stored already, so this replay is its last.
        const finished = isFinished((await this.jobs.get(jobId)).status);
        for (;;) {
          const page = await this.jobs.eventsAfter(jobId, last, PAGE);
          for (const e of page) yield e;
          if (page.length) last = page[page.length - 1].seq;
          if (page.length < PAGE) break;
        }
        if (finished) return;
        // Then follow live messages until the end, a gap or a quiet spell: each sends us
        // back to the database.
        follow: for (;;) {
          const message = await live.next(IDLE_MS);
          if (message === undefined) return;
          if (message === CATCH_UP || message.done) break;
          for (const e of message.events ?? []) {
            if (e.seq <= last) continue;
            if (e.seq !== last + 1) break follow;
            last = e.seq;
            yield withDate(e);
          }
        }
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }

  async *log(jobId: string, offset: number): AsyncGenerator<LogChunkModel> {
    await this.jobs.stdoutFrom(jobId, offset);
    const live = new LiveQueue<LogMessage>();
    const unsubscribe = await this.pubsub.subscribe(channels.jobLog(jobId), (m) => live.push(m as LogMessage));
    let end = offset;
    try {
      for (;;) {
        // Catch up from the database (text and status come from one row, so they agree).
        const stored = await this.jobs.stdoutFrom(jobId, end);
        if (stored.text) {
          yield { offset: end, text: stored.text };
          end += stored.text.length;
        }
        if (isFinished(stored.status)) return;
        for (;;) {
          const message = await live.next(IDLE_MS);
          if (message === undefined) return;
          if (message === CATCH_UP || message.done) break;
          if (message.offset === undefined || !message.text) continue;
          const chunkEnd = message.offset + message.text.length;
          if (chunkEnd <= end) continue;
          if (message.offset > end) break; // a chunk went missing
          yield { offset: end, text: message.text.slice(end - message.offset) };
          end = chunkEnd;
        }
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }
}
