import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Refresh history of git repositories, and each playbook's blob id (to tell changed playbooks). */
export class GitRefreshes1764400000000 implements MigrationInterface {
  name = 'GitRefreshes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "git_refreshes" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "repo_id" uuid NOT NULL REFERENCES "git_repos"("id") ON DELETE CASCADE,
      "status" text NOT NULL CHECK ("status" IN ('running', 'successful', 'unchanged', 'failed')),
      "commit" text,
      "previous_commit" text,
      "duration_ms" int,
      "error" text,
      "added" jsonb NOT NULL DEFAULT '[]',
      "changed" jsonb NOT NULL DEFAULT '[]',
      "removed" jsonb NOT NULL DEFAULT '[]',
      "started_at" timestamptz NOT NULL DEFAULT now(),
      "finished_at" timestamptz)`);
    await q.query(`CREATE INDEX "IDX_git_refreshes_repo_started" ON "git_refreshes" ("repo_id", "started_at")`);
    await q.query(`ALTER TABLE "playbooks" ADD "blob" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "playbooks" DROP COLUMN "blob"`);
    await q.query(`DROP TABLE "git_refreshes"`);
  }
}
