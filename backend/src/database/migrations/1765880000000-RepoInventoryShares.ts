import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Git repositories and inventories are shared with chosen tenants as providers and catalog
 * items are: a repository shared with a tenant offers its playbooks to that tenant's orders
 * (and those of the tenants below it); an inventory shared with a tenant may be used by its
 * designers' catalog items. Nothing is shared by the upgrade.
 */
export class RepoInventoryShares1765880000000 implements MigrationInterface {
  name = 'RepoInventoryShares1765880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "git_repo_shares" (
      "repo_id" uuid NOT NULL REFERENCES "git_repos"("id") ON DELETE CASCADE,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
      PRIMARY KEY ("repo_id", "tenant_id"))`);
    await q.query(`CREATE INDEX "git_repo_shares_tenant" ON "git_repo_shares" ("tenant_id")`);
    await q.query(`CREATE TABLE "inventory_shares" (
      "inventory_id" uuid NOT NULL REFERENCES "inventories"("id") ON DELETE CASCADE,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
      PRIMARY KEY ("inventory_id", "tenant_id"))`);
    await q.query(`CREATE INDEX "inventory_shares_tenant" ON "inventory_shares" ("tenant_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "inventory_shares"`);
    await q.query(`DROP TABLE "git_repo_shares"`);
  }
}
