import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The root tenant's id: fixed, so that a column can default to it. */
export const ROOT_TENANT_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Tenants: a tree under one root. Users and groups belong to a tenant (a group's roles apply
 * in its tenant and every tenant below it); catalog items and providers belong to a tenant
 * and can be shared with others; a credential belongs to a tenant and serves that tenant's
 * providers only; requests and services belong to the requester's tenant. Everything
 * that exists goes to the root tenant, so an installation keeps working as it did.
 */
export class Tenants1765820000000 implements MigrationInterface {
  name = 'Tenants1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "tenants" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "description" text NOT NULL DEFAULT '',
      "parent_id" uuid REFERENCES "tenants"("id") ON DELETE RESTRICT,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CHECK (("parent_id" IS NULL) = ("id" = '${ROOT_TENANT_ID}')))`);
    await q.query(`CREATE INDEX "tenants_parent" ON "tenants" ("parent_id")`);
    await q.query(`INSERT INTO "tenants" ("id", "name", "description") VALUES ('${ROOT_TENANT_ID}', 'Root', 'The whole portal.')`);
    for (const table of ['users', 'groups', 'service_templates', 'service_requests', 'services', 'providers', 'credentials', 'git_repos', 'inventories']) {
      await q.query(`ALTER TABLE "${table}" ADD "tenant_id" uuid NOT NULL DEFAULT '${ROOT_TENANT_ID}' REFERENCES "tenants"("id") ON DELETE RESTRICT`);
      await q.query(`CREATE INDEX "${table}_tenant" ON "${table}" ("tenant_id")`);
    }
    await q.query(`CREATE TABLE "service_template_shares" (
      "template_id" uuid NOT NULL REFERENCES "service_templates"("id") ON DELETE CASCADE,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
      PRIMARY KEY ("template_id", "tenant_id"))`);
    await q.query(`CREATE INDEX "service_template_shares_tenant" ON "service_template_shares" ("tenant_id")`);
    await q.query(`CREATE TABLE "provider_shares" (
      "provider_id" uuid NOT NULL REFERENCES "providers"("id") ON DELETE CASCADE,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
      PRIMARY KEY ("provider_id", "tenant_id"))`);
    await q.query(`CREATE INDEX "provider_shares_tenant" ON "provider_shares" ("tenant_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Without tenants a group's roles apply everywhere: the groups of sub-tenants go, so that
    // their members do not become, say, operators of the whole portal.
    await q.query(`DELETE FROM "groups" WHERE "tenant_id" <> '${ROOT_TENANT_ID}'`);
    await q.query(`DROP TABLE "provider_shares"`);
    await q.query(`DROP TABLE "service_template_shares"`);
    for (const table of ['users', 'groups', 'service_templates', 'service_requests', 'services', 'providers', 'credentials', 'git_repos', 'inventories']) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "tenant_id"`);
    }
    await q.query(`DROP TABLE "tenants"`);
  }
}
