import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service can be healed (a request type of its own, and an item's heal playbook; none: its
 * provision playbook runs again) and migrated to other providers (a request type of its own).
 */
export class Heal1766040000000 implements MigrationInterface {
  name = 'Heal1766040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_templates" ADD "heal" jsonb`);
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_action_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_action_check" CHECK ("action" IN ('provision', 'retire', 'reconfigure', 'rollback', 'preview', 'heal', 'migrate'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Before them, what came closest to a heal or a migration was a reconfiguration.
    await q.query(
      `UPDATE "service_requests" SET "action" = 'reconfigure', "plan" = "plan" || '{"action": "reconfigure"}'::jsonb WHERE "action" IN ('heal', 'migrate')`,
    );
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_action_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_action_check" CHECK ("action" IN ('provision', 'retire', 'reconfigure', 'rollback', 'preview'))`,
    );
    await q.query(`ALTER TABLE "service_templates" DROP COLUMN "heal"`);
  }
}
