import { Injectable } from '@nestjs/common';
import type { JobStatus } from './job.entity.js';

export const FINISHED: JobStatus[] = ['successful', 'failed', 'error', 'canceled'];
export const ACTIVE: JobStatus[] = ['new', 'pending', 'waiting', 'running'];
/** The running worker renews a job's lease this often... */
export const HEARTBEAT_MS = 5_000;
/**
 * ...and a running job's lease older than this (three renewals missed) means its worker
 * died... (short enough that a killed worker's run is failed within 35 s)
 */
export const RUN_LEASE_MS = 15_000;
/**
 * ...once it has been seen lapsed twice, this long apart: a worker cut off from the database
 * (an outage) renews its lease within HEARTBEAT_MS of getting it back, so a lease that looked
 * lapsed right after the outage is fresh again at the second look.
 */
export const STALE_CONFIRM_MS = HEARTBEAT_MS + 3_000;
/**
 * How long work claimed without a lease yet (a request before its first state, an item
 * before its job row, a reserved provider slot) counts as live, and a run folder is kept.
 */
export const LEASE_MS = 30_000;

export const isFinished = (status: JobStatus) => FINISHED.includes(status);

/** The jobs this process is running now: live, whatever their lease looks like in the database. */
@Injectable()
export class LocalRuns {
  private readonly ids = new Set<string>();

  add(jobId: string): void {
    this.ids.add(jobId);
  }

  delete(jobId: string): void {
    this.ids.delete(jobId);
  }

  has(jobId: string): boolean {
    return this.ids.has(jobId);
  }

  get size(): number {
    return this.ids.size;
  }
}
