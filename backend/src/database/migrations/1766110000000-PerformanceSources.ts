import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance jobs read a provider's API too (a Kubernetes Deployment's ready replicas, a Heat
 * stack's status), and may be about a provider instead of a service: `service_id` or
 * `provider_id`, one of the two. A provider's jobs go with it.
 */
export class PerformanceSources1766110000000 implements MigrationInterface {
  name = 'PerformanceSources1766110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "performance_jobs" DROP CONSTRAINT "performance_jobs_metric_check"`);
    await q.query(
      `ALTER TABLE "performance_jobs" ADD CONSTRAINT "performance_jobs_metric_check"
         CHECK ("metric" IN ('http_up', 'http_latency_ms', 'k8s_ready_replicas', 'heat_stack_complete'))`,
    );
    await q.query(`ALTER TABLE "performance_jobs" ALTER COLUMN "service_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "performance_jobs" ADD COLUMN "provider_id" uuid REFERENCES "providers"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "performance_jobs" ADD CONSTRAINT "performance_jobs_target" CHECK (("service_id" IS NULL) <> ("provider_id" IS NULL))`);
    await q.query(`CREATE INDEX "IDX_performance_jobs_provider" ON "performance_jobs" ("provider_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "performance_jobs" WHERE "provider_id" IS NOT NULL OR "metric" NOT IN ('http_up', 'http_latency_ms')`);
    await q.query(`DROP INDEX "IDX_performance_jobs_provider"`);
    await q.query(`ALTER TABLE "performance_jobs" DROP CONSTRAINT "performance_jobs_target"`);
    await q.query(`ALTER TABLE "performance_jobs" DROP COLUMN "provider_id"`);
    await q.query(`ALTER TABLE "performance_jobs" ALTER COLUMN "service_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "performance_jobs" DROP CONSTRAINT "performance_jobs_metric_check"`);
    await q.query(`ALTER TABLE "performance_jobs" ADD CONSTRAINT "performance_jobs_metric_check" CHECK ("metric" IN ('http_up', 'http_latency_ms'))`);
  }
}
