import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A git repository may fetch with a credential (a git token or a git SSH key). */
export class GitCredentials1764700000000 implements MigrationInterface {
  name = 'GitCredentials1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "git_repos" ADD "credential_id" uuid REFERENCES "credentials"("id") ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX "IDX_git_repos_credential" ON "git_repos" ("credential_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "git_repos" DROP "credential_id"`);
  }
}
