import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROOT_TENANT_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Dialogs belong to a tenant and are shared with chosen tenants, as catalog items are. The
 * upgrade gives every dialog to the root tenant and shares each with the tenants whose
 * catalog items use it, so that their designers can still save those items.
 *
 * A catalog item may say that its requests and services are seen by the requester's groups
 * (`visibility: group`): an order then records the requester's groups, and its service
 * keeps them (ManageIQ's "my group's requests").
 */
export class DialogSharesGroupVisibility1766000000000 implements MigrationInterface {
  name = 'DialogSharesGroupVisibility1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "dialogs" ADD "tenant_id" uuid NOT NULL DEFAULT '${ROOT_TENANT_ID}' REFERENCES "tenants"("id") ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX "dialogs_tenant" ON "dialogs" ("tenant_id")`);
    await q.query(`CREATE TABLE "dialog_shares" (
      "dialog_id" uuid NOT NULL REFERENCES "dialogs"("id") ON DELETE CASCADE,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
      PRIMARY KEY ("dialog_id", "tenant_id"))`);
    await q.query(`CREATE INDEX "dialog_shares_tenant" ON "dialog_shares" ("tenant_id")`);
    await q.query(`INSERT INTO "dialog_shares" ("dialog_id", "tenant_id")
      SELECT DISTINCT d."id", t."tenant_id" FROM "dialogs" d JOIN "service_templates" t ON t."dialog_name" = d."name"
      WHERE t."tenant_id" <> d."tenant_id"`);
    await q.query(`ALTER TABLE "service_templates" ADD "visibility" text NOT NULL DEFAULT 'requester' CHECK ("visibility" IN ('requester', 'group'))`);
    for (const table of ['service_requests', 'services']) {
      await q.query(`ALTER TABLE "${table}" ADD "group_ids" uuid[] NOT NULL DEFAULT '{}'`);
      await q.query(`CREATE INDEX "${table}_group_ids" ON "${table}" USING gin ("group_ids")`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['services', 'service_requests']) await q.query(`ALTER TABLE "${table}" DROP COLUMN "group_ids"`);
    await q.query(`ALTER TABLE "service_templates" DROP COLUMN "visibility"`);
    await q.query(`DROP TABLE "dialog_shares"`);
    await q.query(`ALTER TABLE "dialogs" DROP COLUMN "tenant_id"`);
  }
}
