import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Multi-site inventory documents: named sites, each bound to a provider (some of its hosts) with variables. */
export class Inventories1765100000000 implements MigrationInterface {
  name = 'Inventories1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "inventories" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "description" text,
      "sites" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`ALTER TABLE "service_templates" ADD "inventory" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_templates" DROP "inventory"`);
    await q.query(`DROP TABLE "inventories"`);
  }
}
