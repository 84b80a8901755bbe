import type { DataSource, EntityManager } from 'typeorm';

/** A row that refers to another through a foreign key, by its table and its name. */
export interface Reference {
  table: string;
  name: string;
}

/** How each table's rows are named when they hold another row in use. */
const NOUNS: Record<string, string> = {
  providers: 'provider',
  git_repos: 'git repo',
  services: 'service',
  service_templates: 'catalog item',
  inventories: 'inventory',
  credentials: 'credential',
  dialogs: 'dialog',
};

/**
 * True when PostgreSQL refused a change because of a foreign key: "foreign key violation"
 * (23503: a reference to no row, or NO ACTION) or "restrict violation" (23001: ON DELETE RESTRICT).
 */
export const isForeignKeyViolation = (err: unknown): boolean => {
  const code = (err as { driverError?: { code?: string } }).driverError?.code ?? (err as { code?: string }).code;
  return code === '23503' || code === '23001';
};

/**
 * The rows that hold `table`'s row (whose `column` is `value`) in use through a foreign key,
 * found from PostgreSQL's own catalog: what a delete refused by the database (ON DELETE
 * RESTRICT / NO ACTION) names to the user. Rows are named by their `name` column.
 */
export async function referencesTo(db: DataSource | EntityManager, table: string, column: string, value: string): Promise<Reference[]> {
  const fks: { referencing: string; column: string }[] = await db.query(
    `SELECT c.conrelid::regclass::text AS referencing, a.attname AS column
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND r.attname = $2 AND array_length(c.conkey, 1) = 1
        AND c.confdeltype IN ('r', 'a')`,
    [table, column],
  );
  const found: Reference[] = [];
  for (const fk of fks.sort((a, b) => a.referencing.localeCompare(b.referencing))) {
    const referencing = fk.referencing.replace(/^"|"$/g, '');
    const hasName =
      ((await db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'name'`, [referencing])) as unknown[]).length > 0;
    const rows: { name: string }[] = await db.query(
      `SELECT ${hasName ? 'name' : 'NULL'} AS name FROM "${referencing}" WHERE "${fk.column}" = $1 ${hasName ? 'ORDER BY name' : ''} LIMIT 20`,
      [value],
    );
    for (const row of rows) {
      if (!found.some((f) => f.table === referencing && f.name === row.name)) found.push({ table: referencing, name: row.name ?? '(unnamed)' });
    }
  }
  return found;
}

/** `provider "cloud"`: a reference in words. */
export const describeReference = (r: Reference): string => `${NOUNS[r.table] ?? r.table} "${r.name}"`;
