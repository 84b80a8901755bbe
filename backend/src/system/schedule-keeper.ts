import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';

/** How often the kept schedules are checked: the reconciler's tick. */
export const SCHEDULE_CHECK_MS = 5_000;

interface Schedule {
  queue: QueueName;
  id: string;
  every: number;
  name: JobName;
}

/**
 * BullMQ job schedulers live in Redis only: a Redis that loses its data (a FLUSHALL, a
 * restart without persistence) silently stops the health checks and the retention cleanup.
 * A module hands its schedule to `keep`: it is put in place at once and checked again every
 * reconcile tick, and put back (logged) when it has gone.
 */
@Injectable()
export class ScheduleKeeper implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ScheduleKeeper.name);
  private readonly schedules = new Map<string, Schedule>();
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(private readonly queues: QueueService) {}

  async keep(queue: QueueName, id: string, every: number, name: JobName): Promise<void> {
    const schedule = { queue, id, every, name };
    this.schedules.set(`${queue}:${id}`, schedule);
    await this.put(schedule);
    this.timer ??= setInterval(() => void this.check(), SCHEDULE_CHECK_MS);
  }

  /** Puts back every kept schedule Redis no longer has (or has with another interval). */
  async check(): Promise<number> {
    if (this.checking) return 0;
    this.checking = true;
    let restored = 0;
    try {
      for (const schedule of this.schedules.values()) {
        const found = await this.queues.queue(schedule.queue).getJobScheduler(schedule.id);
        if (found && Number(found.every) === schedule.every) continue;
        this.logger.warn(`the ${schedule.queue} queue's schedule "${schedule.id}" was gone from Redis: put back`);
        await this.put(schedule);
        restored++;
      }
    } catch (err) {
      this.logger.warn(`checking the job schedules: ${(err as Error).message}`);
    } finally {
      this.checking = false;
    }
    return restored;
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async put(schedule: Schedule): Promise<void> {
    await this.queues.queue(schedule.queue).upsertJobScheduler(schedule.id, { every: schedule.every }, { name: schedule.name });
  }
}
