import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials: non-secret inputs in clear, each secret field encrypted on its own
 * ("v1:<key id>:<iv>:<tag>:<ciphertext>" strings in the `secrets` object).
 */
export class Credentials1764600000000 implements MigrationInterface {
  name = 'Credentials1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "credentials" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "type" text NOT NULL,
      "inputs" jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof("inputs") = 'object'),
      "secrets" jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof("secrets") = 'object'),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "IDX_credentials_type" ON "credentials" ("type")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "credentials"`);
  }
}
