import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists people can work with: a request's type (`action`) and the service it changes
 * (`service_id`) become columns, filled from the plan, so that the request lists filter and
 * sort on them and a service finds every request that changed it without reading jsonb; and
 * the indexes the lists' filters use. A rollback changes the service of the request it undoes.
 */
export class ListFilters1765920000000 implements MigrationInterface {
  name = 'ListFilters1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_requests"
      ADD "action" text NOT NULL DEFAULT 'provision' CHECK ("action" IN ('provision', 'retire', 'reconfigure', 'rollback')),
      ADD "service_id" uuid`);
    await q.query(`UPDATE "service_requests" SET "action" = COALESCE("plan"->>'action', 'provision'), "service_id" = ("plan"->>'serviceId')::uuid`);
    await q.query(`UPDATE "service_requests" r SET "service_id" = o."service_id"
      FROM "service_requests" o WHERE r."action" = 'rollback' AND r."service_id" IS NULL AND o."id" = (r."plan"->>'rollbackOf')::uuid`);
    // Written at every insert from now on: no default to hide a writer that forgets it.
    await q.query(`ALTER TABLE "service_requests" ALTER "action" DROP DEFAULT`);
    await q.query(`CREATE INDEX "IDX_service_requests_tenant_created" ON "service_requests" ("tenant_id", "created_at")`);
    await q.query(`CREATE INDEX "IDX_service_requests_template" ON "service_requests" ("template_id")`);
    await q.query(`CREATE INDEX "IDX_service_requests_action" ON "service_requests" ("action")`);
    await q.query(`CREATE INDEX "IDX_service_requests_finished_at" ON "service_requests" ("finished_at")`);
    await q.query(`CREATE INDEX "IDX_service_requests_service" ON "service_requests" ("service_id") WHERE "service_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_services_tenant_created" ON "services" ("tenant_id", "created_at")`);
    await q.query(`CREATE INDEX "IDX_services_template" ON "services" ("template_id")`);
    await q.query(`CREATE INDEX "IDX_services_status" ON "services" ("status")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_services_status"`);
    await q.query(`DROP INDEX "IDX_services_template"`);
    await q.query(`DROP INDEX "IDX_services_tenant_created"`);
    await q.query(`DROP INDEX "IDX_service_requests_service"`);
    await q.query(`DROP INDEX "IDX_service_requests_finished_at"`);
    await q.query(`DROP INDEX "IDX_service_requests_action"`);
    await q.query(`DROP INDEX "IDX_service_requests_template"`);
    await q.query(`DROP INDEX "IDX_service_requests_tenant_created"`);
    await q.query(`ALTER TABLE "service_requests" DROP "service_id", DROP "action"`);
  }
}
