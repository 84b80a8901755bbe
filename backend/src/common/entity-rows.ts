import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Reads rows of one entity by plain SQL, with a SELECT list built once from the entity's
 * metadata (column AS "property"; columns marked `select: false` left out), into instances
 * of the entity. For reads on the path of every run (a request, its items), where TypeORM's
 * find() builds its query anew each time and that costs more than the query. Only for
 * entities without column transformers: PostgreSQL's values arrive as TypeORM's would.
 */
export class EntityRows<T extends ObjectLiteral> {
  private built?: { select: string; make: () => T };

  constructor(
    private readonly db: DataSource,
    private readonly entity: EntityTarget<T>,
  ) {}

  /** The rows matching `where` (the SQL after WHERE, with $1... parameters), in `orderBy` order if given. */
  async find(where: string, params: unknown[], orderBy?: string): Promise<T[]> {
    const { select, make } = this.build();
    const rows = (await this.db.query(`${select} WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''}`, params)) as Record<string, unknown>[];
    return rows.map((row) => Object.assign(make(), row));
  }

  async findOne(where: string, params: unknown[]): Promise<T | null> {
    return (await this.find(`${where} LIMIT 1`, params))[0] ?? null;
  }

  /** Built at first use: the entity's metadata exists once the data source is initialised. */
  private build(): { select: string; make: () => T } {
    if (!this.built) {
      const meta = this.db.getMetadata(this.entity);
      if (meta.columns.some((c) => c.transformer)) throw new Error(`EntityRows: ${meta.name} has column transformers`);
      const columns = meta.columns.filter((c) => c.isSelect).map((c) => `"${c.databaseName}" AS "${c.propertyName}"`);
      this.built = { select: `SELECT ${columns.join(', ')} FROM "${meta.tableName}"`, make: () => meta.create() as T };
    }
    return this.built;
  }
}
