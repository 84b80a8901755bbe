import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: who did what, to which object, from where, when, and how it ended.
 * Append-only by structure: the API and the service have no way to change or remove a row,
 * and a trigger refuses UPDATE, DELETE and TRUNCATE (the database role cannot be restricted
 * here). `actor_id` has no foreign key: deleting a user keeps their trail.
 */
export class Audit1765840000000 implements MigrationInterface {
  name = 'Audit1765840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_events" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "at" timestamptz NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "actor_name" text NOT NULL,
      "action" text NOT NULL,
      "object_type" text,
      "object_id" text,
      "outcome" text NOT NULL CHECK ("outcome" IN ('success', 'failure', 'denied')),
      "error_code" text,
      "message" text,
      "ip" text NOT NULL DEFAULT '',
      "details" jsonb NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE INDEX "audit_events_at" ON "audit_events" ("at" DESC, "id" DESC)`);
    await q.query(`CREATE INDEX "audit_events_actor" ON "audit_events" ("actor_id")`);
    await q.query(`CREATE INDEX "audit_events_action" ON "audit_events" ("action")`);
    await q.query(`CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "audit_events_no_change" BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()`);
    await q.query(`CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_events"`);
    await q.query(`DROP FUNCTION "audit_events_append_only"()`);
  }
}
