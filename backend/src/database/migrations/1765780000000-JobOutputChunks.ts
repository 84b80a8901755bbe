import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job's stdout is stored in chunks, one row per batch the run's writer stores, instead of
 * one column rewritten (and recompressed) whole at every batch. `start` and `stop` are the
 * chunk's character offsets in the whole log (as JavaScript counts them: what jobLog's
 * `offset` means).
 */
export class JobOutputChunks1765780000000 implements MigrationInterface {
  name = 'JobOutputChunks1765780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "job_output_chunks" (
      "job_id" uuid NOT NULL REFERENCES "jobs"("id") ON DELETE CASCADE,
      "seq" int NOT NULL,
      "start" int NOT NULL,
      "stop" int NOT NULL,
      "text" text NOT NULL,
      PRIMARY KEY ("job_id", "seq"))`);
    await q.query(`INSERT INTO "job_output_chunks" ("job_id", "seq", "start", "stop", "text")
      SELECT "id", 1, 0, length("stdout"), "stdout" FROM "jobs" WHERE "stdout" <> ''`);
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "stdout"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD "stdout" text NOT NULL DEFAULT ''`);
    await q.query(`UPDATE "jobs" j SET "stdout" = c."text" FROM (
      SELECT "job_id", string_agg("text", '' ORDER BY "seq") AS "text" FROM "job_output_chunks" GROUP BY "job_id") c WHERE c."job_id" = j."id"`);
    await q.query(`DROP TABLE "job_output_chunks"`);
  }
}
