import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/app-error.js';
import { ACTIVE, LEASE_MS, LocalRuns, RUN_LEASE_MS, STALE_CONFIRM_MS } from './job-lease.js';

/**
 * Whether a job still runs on a live worker: one of this process, or one whose lease (renewed
 * every HEARTBEAT_MS) is fresh. A lapsed lease makes a run dead only when this process has
 * seen it lapsed twice, STALE_CONFIRM_MS apart: right after a database outage every lease
 * looks lapsed, and each worker renews its own at once.
 */
@Injectable()
export class JobLiveness {
  /** When a job's (or a request's runs') lease was first seen lapsed, by this process. */
  private readonly staleSince = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly local: LocalRuns,
  ) {}

  /** True while the job runs on a worker that renews its lease; the first look at a lapsed lease says live. */
  async isLive(jobId: string): Promise<boolean> {
    if (this.local.has(jobId)) return true;
    if (!isUuid(jobId)) return false;
    const rows = (await this.db.query(
      `SELECT coalesce(heartbeat_at > now() - make_interval(secs => $2), false) AS fresh FROM jobs WHERE id = $1 AND status = ANY($3)`,
      [jobId, RUN_LEASE_MS / 1000, ACTIVE],
    )) as { fresh: boolean }[];
    return this.judge(
      `job:${jobId}`,
      rows.length > 0,
      rows.some((r) => r.fresh),
    );
  }

  /** True while a job of the request runs on a worker that renews its lease (as `isLive` judges it). */
  async hasLiveRun(requestId: string): Promise<boolean> {
    if (!isUuid(requestId)) return false;
    const rows = (await this.db.query(
      `SELECT id, coalesce(heartbeat_at > now() - make_interval(secs => $2), false) AS fresh FROM jobs WHERE request_id = $1 AND status = ANY($3)`,
      [requestId, RUN_LEASE_MS / 1000, ACTIVE],
    )) as { id: string; fresh: boolean }[];
    if (rows.some((r) => this.local.has(r.id))) return true;
    return this.judge(
      `request:${requestId}`,
      rows.length > 0,
      rows.some((r) => r.fresh),
    );
  }

  /** True while the job is active with a fresh lease (whoever runs it), for the sweep of run folders. */
  async leaseFresh(jobId: string): Promise<boolean> {
    if (!isUuid(jobId)) return false;
    const rows = (await this.db.query(`SELECT 1 FROM jobs WHERE id = $1 AND status = ANY($2) AND heartbeat_at > now() - make_interval(secs => $3)`, [
      jobId,
      ACTIVE,
      LEASE_MS / 1000,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Live when active and fresh; when active with a lapsed lease, live until seen lapsed again STALE_CONFIRM_MS later. */
  private judge(key: string, active: boolean, fresh: boolean): boolean {
    if (!active || fresh) {
      this.staleSince.delete(key);
      return active;
    }
    const first = this.staleSince.get(key);
    if (first === undefined) {
      this.staleSince.set(key, Date.now());
      return true;
    }
    if (Date.now() - first < STALE_CONFIRM_MS) return true;
    this.staleSince.delete(key);
    return false;
  }
}
