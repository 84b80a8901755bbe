import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Providers with credentials (a connection one and a become one) and their health, checked over time. */
export class Providers1765000000000 implements MigrationInterface {
  name = 'Providers1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "providers"
      ADD "credential_id" uuid REFERENCES "credentials"("id") ON DELETE RESTRICT,
      ADD "become_credential_id" uuid REFERENCES "credentials"("id") ON DELETE RESTRICT,
      ADD "health_status" text NOT NULL DEFAULT 'unknown' CHECK ("health_status" IN ('unknown', 'up', 'down')),
      ADD "health_message" text,
      ADD "health_checked_at" timestamptz,
      ADD "max_concurrent_jobs" int CHECK ("max_concurrent_jobs" >= 1),
      ADD "resources" jsonb,
      ADD "resources_refreshed_at" timestamptz`);
    await q.query(`ALTER TABLE "jobs" ADD "provider_ids" uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `CREATE INDEX "IDX_jobs_provider_ids_active" ON "jobs" USING gin ("provider_ids") WHERE "status" IN ('new', 'pending', 'waiting', 'running')`,
    );
    await q.query(`CREATE TABLE "provider_health" (
      "id" bigserial PRIMARY KEY,
      "provider_id" uuid NOT NULL REFERENCES "providers"("id") ON DELETE CASCADE,
      "status" text NOT NULL CHECK ("status" IN ('up', 'down')),
      "message" text,
      "latency_ms" int,
      "changed" boolean NOT NULL DEFAULT false,
      "checked_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "IDX_provider_health_provider" ON "provider_health" ("provider_id", "checked_at")`);
    await q.query(`CREATE INDEX "IDX_provider_health_changed" ON "provider_health" ("checked_at") WHERE "changed"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" DROP "provider_ids"`);
    await q.query(`DROP TABLE "provider_health"`);
    await q.query(
      `ALTER TABLE "providers" DROP "credential_id", DROP "become_credential_id", DROP "health_status", DROP "health_message", DROP "health_checked_at", DROP "max_concurrent_jobs", DROP "resources", DROP "resources_refreshed_at"`,
    );
  }
}
