import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, groups and roles, and scoped API tokens. An existing installation keeps working:
 * every existing user joins the group "Administrators" (role administrator), and every
 * existing API token gets every scope.
 */
/** argon2id of 48 random bytes that were thrown away: no password matches it. */
const LOCKED_HASH = '$argon2id$v=19$m=65536,p=4,t=3$iG5TxtC2bjM26WyFYGzzAA$B+ahLvaOWsEUdTuUKXIp0vGboCfh5bni3aBemEpnWqk';

export class Access1765800000000 implements MigrationInterface {
  name = 'Access1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users"
      ADD "display_name" text NOT NULL DEFAULT '',
      ADD "email" text NOT NULL DEFAULT '',
      ADD "disabled" boolean NOT NULL DEFAULT false,
      ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE "groups" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "description" text NOT NULL DEFAULT '',
      "roles" text[] NOT NULL DEFAULT '{}'
        CHECK ("roles" <@ ARRAY['administrator','operator','designer','approver','requester','auditor']::text[]),
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "group_members" (
      "group_id" uuid NOT NULL REFERENCES "groups"("id") ON DELETE CASCADE,
      "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
      PRIMARY KEY ("group_id", "user_id"))`);
    await q.query(`CREATE INDEX "group_members_user" ON "group_members" ("user_id")`);
    await q.query(`INSERT INTO "groups" ("name", "description", "roles")
      VALUES ('Administrators', 'Everything, including users and groups.', ARRAY['administrator'])`);
    await q.query(`INSERT INTO "group_members" ("group_id", "user_id")
      SELECT g."id", u."id" FROM "groups" g CROSS JOIN "users" u WHERE g."name" = 'Administrators'`);
    await q.query(`ALTER TABLE "api_tokens" ADD "scopes" text[] NOT NULL DEFAULT '{}'
      CHECK ("scopes" <@ ARRAY['read','order','git:read','git:push','admin']::text[])`);
    await q.query(`UPDATE "api_tokens" SET "scopes" = ARRAY['read','order','git:read','git:push','admin'] WHERE "kind" = 'api'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Before this migration every user could do everything: users who are not administrators
    // lose their tokens and their password (a hash of a random password nobody knows), so
    // going back does not make them administrators. Their records stay.
    const others = `SELECT u."id" FROM "users" u WHERE NOT EXISTS (SELECT 1 FROM "group_members" m JOIN "groups" g ON g."id" = m."group_id"
      WHERE m."user_id" = u."id" AND 'administrator' = ANY(g."roles"))`;
    await q.query(`DELETE FROM "api_tokens" WHERE "user_id" IN (${others})`);
    await q.query(`UPDATE "users" SET "password_hash" = $1 WHERE "id" IN (${others})`, [LOCKED_HASH]);
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "scopes"`);
    await q.query(`DROP TABLE "group_members"`);
    await q.query(`DROP TABLE "groups"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "display_name", DROP COLUMN "email", DROP COLUMN "disabled", DROP COLUMN "must_change_password"`);
  }
}
