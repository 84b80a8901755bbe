import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention: when a job's events and log were removed because they were older than JOB_RETENTION_DAYS. */
export class OutputRetention1764300000000 implements MigrationInterface {
  name = 'OutputRetention1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD "output_purged_at" timestamptz`);
    await q.query(`CREATE INDEX "IDX_jobs_finished_at" ON "jobs" ("finished_at") WHERE "output_purged_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_jobs_finished_at"`);
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "output_purged_at"`);
  }
}
