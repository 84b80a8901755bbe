import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ansible_playbook templates may name a reconfigure playbook (a bundle's items keep theirs in `items`). */
export class Reconfigure1765400000000 implements MigrationInterface {
  name = 'Reconfigure1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_templates" ADD "reconfigure" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_templates" DROP COLUMN "reconfigure"`);
  }
}
