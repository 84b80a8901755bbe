import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A request may be an order's preview (its items in check mode with --diff): a type of its own. */
export class Previews1765980000000 implements MigrationInterface {
  name = 'Previews1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_action_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_action_check" CHECK ("action" IN ('provision', 'retire', 'reconfigure', 'rollback', 'preview'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Before previews a preview was an order whose items all ran in check mode: it made no service either.
    await q.query(`UPDATE "service_requests" SET "action" = 'provision', "plan" = "plan" || '{"action": "provision"}'::jsonb WHERE "action" = 'preview'`);
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_action_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_action_check" CHECK ("action" IN ('provision', 'retire', 'reconfigure', 'rollback'))`,
    );
  }
}
