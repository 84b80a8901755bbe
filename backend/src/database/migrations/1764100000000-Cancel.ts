import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Canceling: a request can end `canceled`; a job records who asked for its cancel and when. */
export class Cancel1764100000000 implements MigrationInterface {
  name = 'Cancel1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD "cancel_requested_at" timestamptz`);
    await q.query(`ALTER TABLE "jobs" ADD "canceled_by" uuid REFERENCES "users"("id")`);
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_status_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_status_check" CHECK ("status" IN ('pending', 'queued', 'running', 'finished', 'failed', 'canceled'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "service_requests" SET "status" = 'failed' WHERE "status" = 'canceled'`);
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_status_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_status_check" CHECK ("status" IN ('pending', 'queued', 'running', 'finished', 'failed'))`,
    );
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "canceled_by"`);
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "cancel_requested_at"`);
  }
}
