import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-host counters of a run and the events Ansible said it emitted (for the completeness check). */
export class JobSummary1764200000000 implements MigrationInterface {
  name = 'JobSummary1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD "host_summaries" jsonb`);
    await q.query(`ALTER TABLE "jobs" ADD "events_emitted" int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "events_emitted"`);
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "host_summaries"`);
  }
}
