import { Injectable } from '@nestjs/common';
import { channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
import { isFinished, JobsService } from './jobs.service.js';
import type { JobEventModel, LogChunkModel } from './models/job.model.js';

type EventsMessage = { events?: JobEventModel[]; done?: boolean };
type LogMessage = { offset?: number; text?: string; done?: boolean };

const PAGE = 1000;
const withDate = (e: JobEventModel): JobEventModel => ({ ...e, createdAt: new Date(e.createdAt) });

/**
 * Live streams of a job that a client can join at any point: stored output first, then
 * live output, with no gap and no duplicate. Subscribes before reading the database;
 * the writer publishes only after storing, so every item is in one or the other (or
 * both, and then skipped by its sequence number or offset).
 */
@Injectable()
export class JobStreamsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly pubsub: PubSubService,
  ) {}

  async *events(jobId: string, afterSeq: number): AsyncGenerator<JobEventModel> {
    const job = await this.jobs.get(jobId);
    const live = new LiveQueue<EventsMessage>();
    const unsubscribe = await this.pubsub.subscribe(channels.jobEvents(jobId), (m) => live.push(m as EventsMessage));
    try {
      // The status is read before the events: a job seen finished here has all its
      // events stored already, so the replay below is complete.
      const finishedBeforeReplay = isFinished((await this.jobs.get(job.id)).status);
      let last = Math.max(afterSeq, 0);
      for (;;) {
        const page = await this.jobs.eventsAfter(jobId, last, PAGE);
        for (const e of page) yield e;
        if (page.length) last = page[page.length - 1].seq;
        if (page.length < PAGE) break;
      }
      if (finishedBeforeReplay) return;
      for (;;) {
        const message = await live.next();
        if (!message || message.done) return;
        for (const e of message.events ?? []) {
          if (e.seq <= last) continue;
          last = e.seq;
          yield withDate(e);
        }
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }

  async *log(jobId: string, offset: number): AsyncGenerator<LogChunkModel> {
    const live = new LiveQueue<LogMessage>();
    const unsubscribe = await this.pubsub.subscribe(channels.jobLog(jobId), (m) => live.push(m as LogMessage));
    try {
      const stored = await this.jobs.stdoutFrom(jobId, offset);
      let end = offset;
      if (stored.text) {
        yield { offset, text: stored.text };
        end += stored.text.length;
      }
      if (isFinished(stored.status)) return;
      for (;;) {
        const message = await live.next();
        if (!message || message.done) return;
        if (message.offset === undefined || !message.text) continue;
        const chunkEnd = message.offset + message.text.length;
        if (chunkEnd <= end) continue;
        yield { offset: end, text: message.text.slice(end - message.offset) };
        end = chunkEnd;
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }
}
