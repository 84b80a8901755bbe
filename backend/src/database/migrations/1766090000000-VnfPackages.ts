import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * VNF packages (ETSI NFV, seed 4.7.1 table 4 and 4.8): a folder vnf-packages/<name>/ of a git
 * repository, its descriptor validated and on-boarded at each refresh. A deleted package
 * keeps its row (deleted_at, content_hash) so the next refresh does not bring it back
 * unless its content changed. A package goes with its repository.
 */
export class VnfPackages1766090000000 implements MigrationInterface {
  name = 'VnfPackages1766090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "vnf_packages" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "repo_id" uuid NOT NULL REFERENCES "git_repos"("id") ON DELETE CASCADE,
        "tenant_id" uuid NOT NULL,
        "path" text NOT NULL,
        "vnfd_id" text NOT NULL,
        "provider" text NOT NULL,
        "product_name" text NOT NULL,
        "software_version" text NOT NULL,
        "vnfd_version" text NOT NULL,
        "descriptor" jsonb NOT NULL,
        "artifacts" jsonb NOT NULL DEFAULT '[]',
        "content_hash" text NOT NULL,
        "commit" text NOT NULL,
        "onboarding_state" text NOT NULL DEFAULT 'onboarded' CHECK ("onboarding_state" IN ('onboarded')),
        "operational_state" text NOT NULL DEFAULT 'enabled' CHECK ("operational_state" IN ('enabled', 'disabled')),
        "deletion_state" text CHECK ("deletion_state" IN ('pending')),
        "deleted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_vnf_packages_repo_path" ON "vnf_packages" ("repo_id", "path")`);
    await q.query(`CREATE INDEX "IDX_vnf_packages_tenant" ON "vnf_packages" ("tenant_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "vnf_packages"`);
  }
}
