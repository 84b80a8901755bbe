import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retirement dates: a catalog item's `lifetime` (default and longest, in days, and how many days
 * before the date its owner is warned); a service's date (`retires_at`), the latest it may be
 * extended to (`max_retires_at`), its warning's days, when the warning went out, and when the
 * date's retirement was started (once: a failed one is not started again every minute).
 * Existing services get no date.
 */
export class RetirementDates1765960000000 implements MigrationInterface {
  name = 'RetirementDates1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_templates" ADD "lifetime" jsonb`);
    await q.query(`ALTER TABLE "services" ADD "retires_at" timestamptz`);
    await q.query(`ALTER TABLE "services" ADD "max_retires_at" timestamptz`);
    await q.query(`ALTER TABLE "services" ADD "retirement_warn_days" double precision NOT NULL DEFAULT 7`);
    await q.query(`ALTER TABLE "services" ADD "retirement_warned_at" timestamptz`);
    await q.query(`ALTER TABLE "services" ADD "retirement_started_at" timestamptz`);
    await q.query(`CREATE INDEX "services_retires_at" ON "services" ("retires_at") WHERE "status" = 'active' AND "retires_at" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "services_retires_at"`);
    for (const column of ['retirement_started_at', 'retirement_warned_at', 'retirement_warn_days', 'max_retires_at', 'retires_at']) {
      await q.query(`ALTER TABLE "services" DROP COLUMN "${column}"`);
    }
    await q.query(`ALTER TABLE "service_templates" DROP COLUMN "lifetime"`);
  }
}
