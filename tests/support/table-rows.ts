import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import type { FileStore } from '../../src/server/lib/file-store';

// Every row of every table of the schema (the migrations' own table too), as JSON text ordered
// by primary key: two databases with equal snapshots hold the same data.

export async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function tableRows(db: Db): Promise<Record<string, string[]>> {
  const tables = await rowsOf<{ schema: string; name: string }>(
    db,
    sql`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const qualified = `${quote(table.schema)}.${quote(table.name)}`;
    const keys = await rowsOf<{ column: string }>(
      db,
      sql`SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = ${qualified}::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    );
    const order = keys.length > 0 ? keys.map((key) => quote(key.column)).join(', ') : 't::text';
    const rows = await rowsOf<{ row: string }>(db, sql.raw(`SELECT row_to_json(t)::text AS row FROM ${qualified} t ORDER BY ${order}`));
    snapshot[`${table.schema}.${table.name}`] = rows.map((row) => row.row);
  }
  return snapshot;
}

export async function storedFileHashes(files: FileStore): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for await (const key of files.list()) hashes[key] = createHash('sha256').update(await files.get(key)).digest('hex');
  return hashes;
}
