import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bundles and state machines: templates with child items, state machines as catalog
 * code, and, per request, its current state, its items (one job each) and every transition.
 */
export class Bundles1764800000000 implements MigrationInterface {
  name = 'Bundles1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "state_machines" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "definition" jsonb NOT NULL,
      "source" text,
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`ALTER TABLE "service_templates"
      ALTER "provision" DROP NOT NULL,
      ADD "items" jsonb,
      ADD "state_machine" text,
      ADD "retirement" jsonb,
      ADD "sites" jsonb,
      ADD "on_failure" text NOT NULL DEFAULT 'keep' CHECK ("on_failure" IN ('keep', 'rollback'))`);
    await q.query(`ALTER TABLE "service_requests"
      ADD "state" text,
      ADD "state_attempt" int NOT NULL DEFAULT 0,
      ADD "state_entered_at" timestamptz`);
    await q.query(`CREATE TABLE "request_items" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "request_id" uuid NOT NULL REFERENCES "service_requests"("id") ON DELETE CASCADE,
      "name" text NOT NULL,
      "index" int NOT NULL,
      "plan" jsonb NOT NULL,
      "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'queued', 'running', 'successful', 'failed', 'canceled')),
      "job_id" uuid REFERENCES "jobs"("id") ON DELETE SET NULL,
      "outputs" jsonb,
      "message" text,
      "started_at" timestamptz,
      "finished_at" timestamptz,
      UNIQUE ("request_id", "name"))`);
    await q.query(`CREATE TABLE "request_transitions" (
      "id" bigserial PRIMARY KEY,
      "request_id" uuid NOT NULL REFERENCES "service_requests"("id") ON DELETE CASCADE,
      "state" text NOT NULL,
      "event" text NOT NULL CHECK ("event" IN ('entered', 'ok', 'retry', 'error', 'resumed', 'hook')),
      "attempt" int NOT NULL DEFAULT 0,
      "message" text,
      "at" timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(`CREATE INDEX "IDX_request_transitions_request" ON "request_transitions" ("request_id", "id")`);
    await q.query(`ALTER TABLE "jobs" ADD "item" text`);
    // One open retirement per service: two retireService calls at once cannot both run.
    await q.query(`CREATE UNIQUE INDEX "UQ_service_requests_open_retirement" ON "service_requests" (("plan"->>'serviceId'))
      WHERE "plan"->>'serviceId' IS NOT NULL AND "status" IN ('pending', 'queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "UQ_service_requests_open_retirement"`);
    await q.query(`ALTER TABLE "jobs" DROP "item"`);
    await q.query(`DROP TABLE "request_transitions"`);
    await q.query(`DROP TABLE "request_items"`);
    await q.query(`ALTER TABLE "service_requests" DROP "state", DROP "state_attempt", DROP "state_entered_at"`);
    await q.query(`DELETE FROM "services" WHERE "template_id" IN (SELECT "id" FROM "service_templates" WHERE "provision" IS NULL)`);
    await q.query(`DELETE FROM "service_requests" WHERE "template_id" IN (SELECT "id" FROM "service_templates" WHERE "provision" IS NULL)`);
    await q.query(`DELETE FROM "service_templates" WHERE "provision" IS NULL`);
    await q.query(
      `ALTER TABLE "service_templates" DROP "items", DROP "state_machine", DROP "retirement", DROP "sites", DROP "on_failure", ALTER "provision" SET NOT NULL`,
    );
    await q.query(`DROP TABLE "state_machines"`);
  }
}
