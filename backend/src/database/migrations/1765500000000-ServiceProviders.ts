import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every provider a service was deployed on (a multi-site bundle has several), so that none
 * of them can be deleted while it is active. Existing services get theirs from their
 * request's items: each item's provider and the providers of its sites.
 */
export class ServiceProviders1765500000000 implements MigrationInterface {
  name = 'ServiceProviders1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "services" ADD "provider_ids" uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE "services" s SET "provider_ids" = ARRAY(
      SELECT DISTINCT p::uuid FROM (
        SELECT s."provider_id"::text AS p
        UNION SELECT i."plan"->>'providerId' FROM "request_items" i WHERE i."request_id" = s."request_id"
        UNION SELECT site->>'providerId' FROM "request_items" i, jsonb_array_elements(COALESCE(i."plan"->'sites', '[]'::jsonb)) site
         WHERE i."request_id" = s."request_id"
      ) found WHERE p ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')`);
    await q.query(`CREATE INDEX "IDX_services_provider_ids" ON "services" USING GIN ("provider_ids")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_services_provider_ids"`);
    await q.query(`ALTER TABLE "services" DROP COLUMN "provider_ids"`);
  }
}
