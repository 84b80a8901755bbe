import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A performance job may take its samples from a playbook's set_stats (metric `playbook_stat`):
 * each sample is a `measure` request running the playbook on the service's placement. The job
 * keeps the measure under way (`measure_request_id`, since `measure_started_at`) so that a tick
 * coming while it runs is skipped, not doubled.
 */
export class PlaybookMeasures1766130000000 implements MigrationInterface {
  name = 'PlaybookMeasures1766130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_action_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_action_check" CHECK ("action" IN ('provision', 'retire', 'reconfigure', 'rollback', 'preview', 'heal', 'migrate', 'measure'))`,
    );
    await q.query(`ALTER TABLE "performance_jobs" DROP CONSTRAINT "performance_jobs_metric_check"`);
    await q.query(
      `ALTER TABLE "performance_jobs" ADD CONSTRAINT "performance_jobs_metric_check"
         CHECK ("metric" IN ('http_up', 'http_latency_ms', 'k8s_ready_replicas', 'heat_stack_complete', 'playbook_stat'))`,
    );
    await q.query(`ALTER TABLE "performance_jobs" ADD COLUMN "measure_request_id" uuid, ADD COLUMN "measure_started_at" timestamptz`);
    // A service's ended measures older than a day are removed as new ones start (their samples stay).
    await q.query(`CREATE INDEX "IDX_service_requests_measures" ON "service_requests" ("service_id", "created_at") WHERE "action" = 'measure'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_service_requests_measures"`);
    await q.query(`DELETE FROM "performance_jobs" WHERE "metric" = 'playbook_stat'`);
    await q.query(`ALTER TABLE "performance_jobs" DROP COLUMN "measure_request_id", DROP COLUMN "measure_started_at"`);
    await q.query(`ALTER TABLE "performance_jobs" DROP CONSTRAINT "performance_jobs_metric_check"`);
    await q.query(
      `ALTER TABLE "performance_jobs" ADD CONSTRAINT "performance_jobs_metric_check"
         CHECK ("metric" IN ('http_up', 'http_latency_ms', 'k8s_ready_replicas', 'heat_stack_complete'))`,
    );
    // A measure changed nothing: its request goes with the action (its items and transitions with it).
    await q.query(`DELETE FROM "service_requests" WHERE "action" = 'measure'`);
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_action_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_action_check" CHECK ("action" IN ('provision', 'retire', 'reconfigure', 'rollback', 'preview', 'heal', 'migrate'))`,
    );
  }
}
