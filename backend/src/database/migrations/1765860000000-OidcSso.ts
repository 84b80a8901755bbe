import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (OpenID Connect): a user signed in through a provider is linked to it by the
 * provider's issuer and the user's subject there (one portal user per subject), and the group
 * mapping table says which portal groups a value of the provider's groups claim gives.
 */
export class OidcSso1765860000000 implements MigrationInterface {
  name = 'OidcSso1765860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "oidc_issuer" text, ADD "oidc_subject" text`);
    await q.query(`ALTER TABLE "users" ADD CONSTRAINT "users_oidc_link" CHECK (("oidc_issuer" IS NULL) = ("oidc_subject" IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX "users_oidc_subject" ON "users" ("oidc_issuer", "oidc_subject") WHERE "oidc_subject" IS NOT NULL`);
    await q.query(`CREATE TABLE "oidc_group_mappings" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "claim" text NOT NULL CHECK (length("claim") BETWEEN 1 AND 200),
      "group_id" uuid NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("claim", "group_id"))`);
    await q.query(`CREATE INDEX "oidc_group_mappings_group" ON "oidc_group_mappings" ("group_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "oidc_group_mappings"`);
    await q.query(`DROP INDEX "users_oidc_subject"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_oidc_link"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "oidc_subject", DROP COLUMN "oidc_issuer"`);
  }
}
