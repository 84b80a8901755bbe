import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalog items grouped in catalogs (folders), with a long description and an icon; pages by catalog and name. */
export class CatalogFolders1764900000000 implements MigrationInterface {
  name = 'CatalogFolders1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_templates"
      ADD "catalog" text NOT NULL DEFAULT 'General',
      ADD "long_description" text,
      ADD "icon" text`);
    await q.query(`CREATE INDEX "IDX_service_templates_page" ON "service_templates" ("published", "catalog", "name")`);
    await q.query(`CREATE INDEX "IDX_service_templates_name" ON "service_templates" ("published", "name")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_service_templates_name"`);
    await q.query(`DROP INDEX "IDX_service_templates_page"`);
    await q.query(`ALTER TABLE "service_templates" DROP "catalog", DROP "long_description", DROP "icon"`);
  }
}
