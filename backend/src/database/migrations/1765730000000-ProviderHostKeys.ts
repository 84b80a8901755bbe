import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SSH host keys pinned per provider host: learnt once, then checked strictly by every connection. */
export class ProviderHostKeys1765730000000 implements MigrationInterface {
  name = 'ProviderHostKeys1765730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "providers" ADD "host_keys" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "providers" DROP "host_keys"`);
  }
}
