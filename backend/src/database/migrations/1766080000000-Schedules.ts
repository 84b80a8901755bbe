import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled operations (AWX schedules): an order of a catalog item, or a heal or retirement of
 * a service, once at a date or on a cron schedule in a time zone. A schedule goes with its
 * owner; its item or service may go first (its next run then records why it did nothing).
 */
export class Schedules1766080000000 implements MigrationInterface {
  name = 'Schedules1766080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "scheduled_operations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "action" text NOT NULL CHECK ("action" IN ('order', 'heal', 'retire')),
        "template_id" uuid,
        "dialog_values" jsonb,
        "job_options" jsonb,
        "service_id" uuid,
        "run_at" timestamptz,
        "cron" text,
        "timezone" text NOT NULL DEFAULT 'UTC',
        "enabled" boolean NOT NULL DEFAULT true,
        "next_run_at" timestamptz,
        "last_run_at" timestamptz,
        "last_request_id" uuid,
        "last_error" text,
        "run_count" int NOT NULL DEFAULT 0,
        "owner_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "tenant_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("run_at" IS NULL) <> ("cron" IS NULL)),
        CHECK (("action" = 'order') = ("template_id" IS NOT NULL)),
        CHECK (("action" = 'order') = ("service_id" IS NULL))
      )`);
    await q.query(`CREATE INDEX "IDX_scheduled_operations_due" ON "scheduled_operations" ("next_run_at") WHERE "enabled"`);
    await q.query(`CREATE INDEX "IDX_scheduled_operations_owner" ON "scheduled_operations" ("owner_id")`);
    await q.query(`CREATE INDEX "IDX_scheduled_operations_service" ON "scheduled_operations" ("service_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "scheduled_operations"`);
  }
}
