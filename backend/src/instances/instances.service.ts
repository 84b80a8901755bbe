import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/app-error.js';
import { RUN_LEASE_MS } from '../jobs/job-lease.js';
import { instanceSecretHash } from './instance-registry.js';
import type { InstanceModel, InstanceState } from './models/instance.model.js';

/** The state, computed: stopped when it said so, lost when its heartbeat is older than RUN_LEASE_MS. */
const STATE = `CASE WHEN "stopped_at" IS NOT NULL THEN 'stopped'
                    WHEN "heartbeat_at" > now() - make_interval(secs => $1) THEN 'online'
                    ELSE 'lost' END`;

/** The worker registry as others read it: the list of instances, and whether a fetch credential is an online instance's. */
@Injectable()
export class InstancesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every instance remembered: online ones first, then by host name and start. */
  async list(): Promise<InstanceModel[]> {
    const rows = (await this.db.query(
      `SELECT "id", "hostname", "role", "version", "concurrency", "running_jobs", "started_at", "heartbeat_at", ${STATE} AS "state"
         FROM "instances"
        ORDER BY ("stopped_at" IS NULL AND "heartbeat_at" > now() - make_interval(secs => $1)) DESC, "hostname", "started_at" DESC`,
      [RUN_LEASE_MS / 1000],
    )) as {
      id: string;
      hostname: string;
      role: string;
      version: string;
      concurrency: number;
      running_jobs: number;
      started_at: Date;
      heartbeat_at: Date;
      state: InstanceState;
    }[];
    return rows.map((r) => ({
      id: r.id,
      hostname: r.hostname,
      role: r.role,
      version: r.version,
      concurrency: r.concurrency,
      // A stopped or lost instance runs nothing now, whatever it last said.
      runningJobs: r.state === 'online' ? r.running_jobs : 0,
      startedAt: r.started_at,
      heartbeatAt: r.heartbeat_at,
      state: r.state,
    }));
  }

  /** True when `id:secret` is the fetch credential of an instance that is online now (neither stopped nor lost). */
  async credentialValid(id: string, secret: string): Promise<boolean> {
    if (!isUuid(id) || !secret) return false;
    const rows = (await this.db.query(`SELECT "secret_hash" FROM "instances" WHERE "id" = $2 AND ${STATE} = 'online'`, [RUN_LEASE_MS / 1000, id])) as {
      secret_hash: string;
    }[];
    if (rows.length === 0) return false;
    const given = Buffer.from(instanceSecretHash(secret), 'hex');
    const stored = Buffer.from(rows[0].secret_hash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}
