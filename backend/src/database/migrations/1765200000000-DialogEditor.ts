import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dialogs may also come from the dialog editor (saveDialog): origin `editor`. */
export class DialogEditor1765200000000 implements MigrationInterface {
  name = 'DialogEditor1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "dialogs" DROP CONSTRAINT "dialogs_origin_check"`);
    await q.query(`ALTER TABLE "dialogs" ADD CONSTRAINT "dialogs_origin_check" CHECK ("origin" IN ('catalog', 'imported', 'editor'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Dialogs made in the editor are kept, as imported ones (the closest origin before this migration).
    await q.query(`UPDATE "dialogs" SET "origin" = 'imported' WHERE "origin" = 'editor'`);
    await q.query(`ALTER TABLE "dialogs" DROP CONSTRAINT "dialogs_origin_check"`);
    await q.query(`ALTER TABLE "dialogs" ADD CONSTRAINT "dialogs_origin_check" CHECK ("origin" IN ('catalog', 'imported'))`);
  }
}
