import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NS performance management: performance jobs (a service's metric collected on an interval),
 * their samples (a time series in PostgreSQL: one row per sample, indexed by job and time), and
 * thresholds that raise and clear alarms. A job goes with its service; samples and thresholds go with their job.
 */
export class Performance1766060000000 implements MigrationInterface {
  name = 'Performance1766060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "performance_jobs" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "service_id" uuid NOT NULL REFERENCES "services"("id") ON DELETE CASCADE,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "metric" text NOT NULL CHECK ("metric" IN ('http_up', 'http_latency_ms')),
        "source" jsonb NOT NULL,
        "interval_seconds" int NOT NULL CHECK ("interval_seconds" BETWEEN 5 AND 86400),
        "next_run_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_performance_jobs_service" ON "performance_jobs" ("service_id")`);
    await q.query(`CREATE INDEX "IDX_performance_jobs_due" ON "performance_jobs" ("next_run_at")`);
    await q.query(`
      CREATE TABLE "performance_samples" (
        "job_id" uuid NOT NULL REFERENCES "performance_jobs"("id") ON DELETE CASCADE,
        "at" timestamptz NOT NULL,
        "value" double precision,
        "error" text
      )`);
    await q.query(`CREATE INDEX "IDX_performance_samples_job_at" ON "performance_samples" ("job_id", "at")`);
    await q.query(`
      CREATE TABLE "performance_thresholds" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "job_id" uuid NOT NULL REFERENCES "performance_jobs"("id") ON DELETE CASCADE,
        "operator" text NOT NULL CHECK ("operator" IN ('>', '>=', '<', '<=')),
        "value" double precision NOT NULL,
        "severity" text NOT NULL CHECK ("severity" IN ('critical', 'major', 'minor', 'warning')),
        "crossed" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_performance_thresholds_job" ON "performance_thresholds" ("job_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "performance_thresholds"`);
    await q.query(`DROP TABLE "performance_samples"`);
    await q.query(`DROP TABLE "performance_jobs"`);
  }
}
