import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ACTIVE, LEASE_MS } from './job-lease.js';
import { JobEntity } from './job.entity.js';
import { type LaunchSpec, newJobRow } from './launch-spec.js';

/** Concurrency limits of providers: a run on a limited provider first reserves a slot (its job row). */
@Injectable()
export class ProviderSlots {
  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Reserves a slot on providers that limit their concurrent jobs: under a lock per
   * provider, counts their active jobs and, when each has room, stores the job row (status
   * pending) that `run` then uses. Null when one of them is full: try again later.
   */
  async reserve(spec: Omit<LaunchSpec, 'materials' | 'onCreated' | 'jobId'>, limits: Record<string, number>): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      for (const id of Object.keys(limits).sort()) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`provider-slots:${id}`]);
      for (const [id, max] of Object.entries(limits)) {
        // A slot reserved by a process that died before its run started (a pending row whose lease lapsed) is free again.
        const [{ n }] = (await tx.query(
          `SELECT count(*)::int AS n FROM jobs WHERE $1 = ANY(provider_ids) AND status = ANY($2)
             AND (status <> 'pending' OR heartbeat_at > now() - make_interval(secs => $3))`,
          [id, ACTIVE, LEASE_MS / 1000],
        )) as { n: number }[];
        if (n >= max) return null;
      }
      const row = await tx.save(tx.create(JobEntity, newJobRow(spec)));
      return row.id;
    });
  }

  /** Gives back a slot reserved for a run that will not happen after all. */
  async release(jobId: string): Promise<void> {
    await this.jobs.delete({ id: jobId, status: 'pending', startedAt: IsNull() });
  }
}
