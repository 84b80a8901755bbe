import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alarms (the seed's NS fault management): one open alarm per cause (`source_key`), raised,
 * acknowledged, cleared; kept as history. Notifications: what happened (one row per event,
 * `source_key` makes publishing it twice a no-op), who subscribed to which kinds of event and
 * through which channel (in-app, e-mail, a signed webhook), and each delivery with its tries.
 */
export class AlarmsNotifications1766020000000 implements MigrationInterface {
  name = 'AlarmsNotifications1766020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "alarms" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "kind" text NOT NULL,
      "severity" text NOT NULL CHECK ("severity" IN ('critical', 'major', 'minor', 'warning')),
      "source_key" text NOT NULL,
      "object_type" text NOT NULL,
      "object_id" text NOT NULL,
      "tenant_id" uuid REFERENCES "tenants"("id") ON DELETE CASCADE,
      "message" text NOT NULL,
      "raised_at" timestamptz NOT NULL DEFAULT now(),
      "acknowledged_at" timestamptz,
      "acknowledged_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "cleared_at" timestamptz,
      "clear_reason" text)`);
    await q.query(`CREATE UNIQUE INDEX "alarms_open_source" ON "alarms" ("source_key") WHERE "cleared_at" IS NULL`);
    await q.query(`CREATE INDEX "alarms_raised_at" ON "alarms" ("raised_at" DESC)`);
    await q.query(`CREATE INDEX "alarms_cleared_at" ON "alarms" ("cleared_at") WHERE "cleared_at" IS NOT NULL`);
    await q.query(`CREATE INDEX "alarms_source" ON "alarms" ("source_key")`);
    await q.query(`CREATE INDEX "alarms_open_object" ON "alarms" ("object_type", "object_id") WHERE "cleared_at" IS NULL`);
    // The notifications' sweep looks for the requests that changed lately.
    await q.query(`CREATE INDEX "service_requests_updated_at" ON "service_requests" ("updated_at")`);
    await q.query(`CREATE TABLE "webhook_endpoints" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
      "name" text NOT NULL,
      "url" text NOT NULL,
      "secret" text NOT NULL,
      "enabled" boolean NOT NULL DEFAULT true,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "secret_rotated_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("tenant_id", "name"))`);
    await q.query(`CREATE TABLE "notification_subscriptions" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
      "tenant_id" uuid REFERENCES "tenants"("id") ON DELETE CASCADE,
      "event_types" text[] NOT NULL,
      "channel" text NOT NULL CHECK ("channel" IN ('in_app', 'email', 'webhook')),
      "endpoint_id" uuid REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE,
      "enabled" boolean NOT NULL DEFAULT true,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CHECK (("channel" = 'webhook') = ("endpoint_id" IS NOT NULL)),
      CHECK ("channel" <> 'webhook' OR "tenant_id" IS NOT NULL))`);
    await q.query(`CREATE INDEX "notification_subscriptions_user" ON "notification_subscriptions" ("user_id")`);
    await q.query(`CREATE TABLE "notifications" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "event_type" text NOT NULL,
      "source_key" text NOT NULL UNIQUE,
      "tenant_id" uuid REFERENCES "tenants"("id") ON DELETE CASCADE,
      "subject_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "title" text NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "notifications_created_at" ON "notifications" ("created_at" DESC)`);
    await q.query(`CREATE TABLE "notification_deliveries" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "notification_id" uuid NOT NULL REFERENCES "notifications"("id") ON DELETE CASCADE,
      "subscription_id" uuid REFERENCES "notification_subscriptions"("id") ON DELETE SET NULL,
      "channel" text NOT NULL CHECK ("channel" IN ('in_app', 'email', 'webhook')),
      "user_id" uuid REFERENCES "users"("id") ON DELETE CASCADE,
      "endpoint_id" uuid REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE,
      "status" text NOT NULL CHECK ("status" IN ('pending', 'delivered', 'failed')),
      "attempts" int NOT NULL DEFAULT 0,
      "response_code" int,
      "last_error" text,
      "next_attempt_at" timestamptz,
      "delivered_at" timestamptz,
      "read_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("notification_id", "subscription_id"))`);
    await q.query(`CREATE INDEX "notification_deliveries_inbox" ON "notification_deliveries" ("user_id", "created_at" DESC) WHERE "channel" = 'in_app'`);
    await q.query(
      `CREATE INDEX "notification_deliveries_endpoint" ON "notification_deliveries" ("endpoint_id", "created_at" DESC) WHERE "endpoint_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "notification_deliveries_due" ON "notification_deliveries" ("next_attempt_at") WHERE "status" = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "service_requests_updated_at"`);
    await q.query(`DROP TABLE "notification_deliveries"`);
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "notification_subscriptions"`);
    await q.query(`DROP TABLE "webhook_endpoints"`);
    await q.query(`DROP TABLE "alarms"`);
  }
}
