import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Retention of job output: the hourly cleanup (a job scheduler on the maintenance queue) calls `purgeOldOutput`. */
@Injectable()
export class JobRetention {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Removes the events and the log of jobs that finished more than JOB_RETENTION_DAYS ago,
   * in batches; the jobs themselves, their status, return code and outputs stay. Returns how
   * many jobs were purged.
   */
  async purgeOldOutput(): Promise<number> {
    if (this.config.jobRetentionDays === 0) return 0;
    let purged = 0;
    for (;;) {
      const done = await this.db.transaction(async (tx) => {
        const rows = (await tx.query(
          `SELECT id FROM jobs WHERE output_purged_at IS NULL AND finished_at < now() - make_interval(days => $1)
            ORDER BY finished_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
          [this.config.jobRetentionDays],
        )) as { id: string }[];
        if (rows.length === 0) return 0;
        const ids = rows.map((r) => r.id);
        await tx.query('DELETE FROM job_events WHERE job_id = ANY($1)', [ids]);
        await tx.query('DELETE FROM job_output_chunks WHERE job_id = ANY($1)', [ids]);
        await tx.query(`UPDATE jobs SET output_purged_at = now() WHERE id = ANY($1)`, [ids]);
        return ids.length;
      });
      purged += done;
      if (done < 100) return purged;
    }
  }
}
