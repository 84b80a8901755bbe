import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quotas: limits per tenant (its subtree's use counts) or per user, on active services, orders a
 * day, or numeric dimensions catalog items declare (`quota` on the item, the amount of each order
 * pinned in its plan). A provision request holds its share from the order until it fails, is
 * denied or canceled, or its service retires (`holds_quota`); the upgrade marks what holds now.
 */
export class Quotas1765940000000 implements MigrationInterface {
  name = 'Quotas1765940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "quotas" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "tenant_id" uuid REFERENCES "tenants"("id") ON DELETE CASCADE,
      "user_id" uuid REFERENCES "users"("id") ON DELETE CASCADE,
      "dimension" text NOT NULL CHECK ("dimension" ~ '^[a-z][a-z0-9_]{0,40}$'),
      "limit" double precision NOT NULL CHECK ("limit" >= 0),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CHECK (("tenant_id" IS NULL) <> ("user_id" IS NULL)))`);
    await q.query(`CREATE UNIQUE INDEX "quotas_tenant_dimension" ON "quotas" ("tenant_id", "dimension") WHERE "tenant_id" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "quotas_user_dimension" ON "quotas" ("user_id", "dimension") WHERE "user_id" IS NOT NULL`);
    await q.query(`ALTER TABLE "service_templates" ADD "quota" jsonb`);
    await q.query(`ALTER TABLE "service_requests" ADD "holds_quota" boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE "service_requests" r SET "holds_quota" = true
        WHERE r."plan"->>'action' = 'provision'
          AND (r."status" IN ('pending', 'queued', 'running', 'pending_approval')
               OR (r."status" = 'finished' AND EXISTS (SELECT 1 FROM "services" s WHERE s."request_id" = r."id" AND s."status" = 'active')))`,
    );
    await q.query(`CREATE INDEX "service_requests_quota_tenant" ON "service_requests" ("tenant_id") WHERE "holds_quota"`);
    await q.query(`CREATE INDEX "service_requests_quota_requester" ON "service_requests" ("requester_id") WHERE "holds_quota"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "service_requests_quota_requester"`);
    await q.query(`DROP INDEX "service_requests_quota_tenant"`);
    await q.query(`ALTER TABLE "service_requests" DROP COLUMN "holds_quota"`);
    await q.query(`ALTER TABLE "service_templates" DROP COLUMN "quota"`);
    await q.query(`DROP TABLE "quotas"`);
  }
}
