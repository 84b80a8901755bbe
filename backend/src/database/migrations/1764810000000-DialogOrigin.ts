import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dialogs come from catalog files or from an import; an import never replaces a catalog dialog. */
export class DialogOrigin1764810000000 implements MigrationInterface {
  name = 'DialogOrigin1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "dialogs" ADD "origin" text NOT NULL DEFAULT 'catalog' CHECK ("origin" IN ('catalog', 'imported'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "dialogs" DROP "origin"`);
  }
}
