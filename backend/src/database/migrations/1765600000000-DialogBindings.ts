import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported ManageIQ fields bound in place (bindDialogField): each binding is kept with the automate
 * method it replaced, by field name, so that a re-import of the same export keeps it.
 */
export class DialogBindings1765600000000 implements MigrationInterface {
  name = 'DialogBindings1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "dialogs" ADD COLUMN "bindings" jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The bound definitions stay as they are; only the memory of what they replaced goes.
    await q.query(`ALTER TABLE "dialogs" DROP COLUMN "bindings"`);
  }
}
