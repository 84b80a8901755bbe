import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker registry: each process that runs the worker role registers, heartbeats and says
 * when it stops; its state (online, lost, stopped) is computed from those. `secret_hash` is
 * the SHA-256 of the credential it fetches hosted repositories with (from PORTAL_URL).
 */
export class Instances1766120000000 implements MigrationInterface {
  name = 'Instances1766120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "instances" (
         "id" uuid PRIMARY KEY,
         "hostname" text NOT NULL,
         "role" text NOT NULL CHECK ("role" IN ('worker', 'all')),
         "version" text NOT NULL,
         "concurrency" integer NOT NULL,
         "running_jobs" integer NOT NULL DEFAULT 0,
         "started_at" timestamptz NOT NULL DEFAULT now(),
         "heartbeat_at" timestamptz NOT NULL DEFAULT now(),
         "stopped_at" timestamptz,
         "secret_hash" text NOT NULL
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "instances"`);
  }
}
