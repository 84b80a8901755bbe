import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lease on running jobs: the worker running one renews it; a stale one means the worker died. */
export class JobHeartbeat1764000000000 implements MigrationInterface {
  name = 'JobHeartbeat1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD "heartbeat_at" timestamptz`);
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "stdout_length"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD "stdout_length" int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "heartbeat_at"`);
  }
}
