import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'pending', 'queued', 'running', 'finished', 'failed', 'canceled'`;
const EVENTS_BEFORE = `'entered', 'ok', 'retry', 'error', 'resumed', 'hook'`;

/**
 * Approvals: a catalog item's approval policy; a request may wait for approvers
 * (pending_approval) and end denied; each approver's decision is kept with its reason, and
 * the request's history says who decided what (event `decision`).
 */
export class Approvals1765895000000 implements MigrationInterface {
  name = 'Approvals1765895000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_templates" ADD "approval" jsonb`);
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_status_check"`);
    await q.query(
      `ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_status_check" CHECK ("status" IN (${STATUSES_BEFORE}, 'pending_approval', 'denied'))`,
    );
    await q.query(`ALTER TABLE "request_transitions" DROP CONSTRAINT "request_transitions_event_check"`);
    await q.query(`ALTER TABLE "request_transitions" ADD CONSTRAINT "request_transitions_event_check" CHECK ("event" IN (${EVENTS_BEFORE}, 'decision'))`);
    await q.query(`CREATE TABLE "request_approvals" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "request_id" uuid NOT NULL REFERENCES "service_requests"("id") ON DELETE CASCADE,
      "approver_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "approver_name" text NOT NULL,
      "decision" text NOT NULL CHECK ("decision" IN ('approved', 'denied')),
      "reason" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("request_id", "approver_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "request_approvals"`);
    await q.query(`UPDATE "request_transitions" SET "event" = 'hook' WHERE "event" = 'decision'`);
    await q.query(`ALTER TABLE "request_transitions" DROP CONSTRAINT "request_transitions_event_check"`);
    await q.query(`ALTER TABLE "request_transitions" ADD CONSTRAINT "request_transitions_event_check" CHECK ("event" IN (${EVENTS_BEFORE}))`);
    // Without approvals, a request that waits for one or was denied has ended canceled.
    await q.query(
      `UPDATE "service_requests" SET "status" = 'canceled', "finished_at" = coalesce("finished_at", now()) WHERE "status" IN ('pending_approval', 'denied')`,
    );
    await q.query(`ALTER TABLE "service_requests" DROP CONSTRAINT "service_requests_status_check"`);
    await q.query(`ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_status_check" CHECK ("status" IN (${STATUSES_BEFORE}))`);
    await q.query(`ALTER TABLE "service_templates" DROP COLUMN "approval"`);
  }
}
