import type { DataSource, EntityManager } from 'typeorm';

/**
 * The shares of one kind of object, kept in a table `<table>(<key>, tenant_id)`: an object
 * belongs to one tenant and may be shared with chosen tenants, and so with every tenant
 * below them (see README, "Tenants"). Catalog items, providers, git repositories and inventories use it.
 */
export class ShareTable {
  constructor(
    private readonly table: string,
    private readonly key: string,
  ) {}

  /**
   * The SQL condition "the scope may see object `alias`": of the scope's tenants, or shared
   * with one of its reach (its tenants and their ancestors). Parameters :tenants and :reach
   * (a query builder's), or those given (`$2`, `$3` in plain SQL).
   */
  visible(alias: string, tenants = ':tenants', reach = ':reach'): string {
    return `(${alias}.tenant_id = ANY(${tenants}) OR EXISTS (SELECT 1 FROM ${this.table} s WHERE s.${this.key} = ${alias}.id AND s.tenant_id = ANY(${reach})))`;
  }

  /** Replaces the object's shares with these tenants, inside the caller's transaction. */
  async replace(tx: EntityManager, id: string, tenantIds: string[]): Promise<void> {
    await tx.query(`DELETE FROM ${this.table} WHERE ${this.key} = $1`, [id]);
    if (tenantIds.length) await tx.query(`INSERT INTO ${this.table} (${this.key}, tenant_id) SELECT $1, unnest($2::uuid[])`, [id, tenantIds]);
  }

  /** The tenants the object is shared with. */
  async tenantsOf(db: DataSource | EntityManager, id: string): Promise<string[]> {
    const rows = (await db.query(`SELECT tenant_id FROM ${this.table} WHERE ${this.key} = $1 ORDER BY tenant_id`, [id])) as { tenant_id: string }[];
    return rows.map((r) => r.tenant_id);
  }
}
