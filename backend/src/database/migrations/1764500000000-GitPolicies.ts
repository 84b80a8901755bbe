import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Git repositories hosted by the portal, refresh policies and webhooks, the syntax status
 * of each playbook, and named API tokens that do not expire with a login session.
 */
export class GitPolicies1764500000000 implements MigrationInterface {
  name = 'GitPolicies1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "git_repos"
      ADD "hosted" boolean NOT NULL DEFAULT false,
      ADD "enabled" boolean NOT NULL DEFAULT true,
      ADD "refresh_max_age_seconds" int CHECK ("refresh_max_age_seconds" >= 0),
      ADD "refresh_interval_seconds" int CHECK ("refresh_interval_seconds" >= 60),
      ADD "webhook_secret" text`);
    await q.query(`UPDATE "git_repos" SET "hosted" = true WHERE "builtin"`);
    await q.query(`ALTER TABLE "playbooks"
      ADD "syntax_status" text NOT NULL DEFAULT 'pending' CHECK ("syntax_status" IN ('pending', 'ok', 'failed')),
      ADD "syntax_error" text`);
    await q.query(`ALTER TABLE "api_tokens"
      ADD "name" text,
      ADD "kind" text NOT NULL DEFAULT 'session' CHECK ("kind" IN ('session', 'api')),
      ADD "last_used_at" timestamptz,
      ALTER "expires_at" DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "api_tokens" WHERE "expires_at" IS NULL`);
    await q.query(`ALTER TABLE "api_tokens" DROP "name", DROP "kind", DROP "last_used_at", ALTER "expires_at" SET NOT NULL`);
    await q.query(`ALTER TABLE "playbooks" DROP "syntax_status", DROP "syntax_error"`);
    await q.query(
      `ALTER TABLE "git_repos" DROP "hosted", DROP "enabled", DROP "refresh_max_age_seconds", DROP "refresh_interval_seconds", DROP "webhook_secret"`,
    );
  }
}
