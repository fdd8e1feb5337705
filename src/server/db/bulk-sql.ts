import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './client';

// Bulk statements that take a whole batch as one JSON parameter (INSERT … SELECT FROM
// jsonb_to_recordset($1)): a thousand rows cost one parse and one parameter instead of tens of
// thousands, which is what makes the import reach thousands of rows a second on PGlite and PostgreSQL.
// (JSON is read faster than array literals of quoted text.) Table and column names are constants of
// the calling repository, never input; jsonb columns take the value itself, not its JSON text.

export type BulkColumn = readonly [name: string, pgType: string];

export function arrayParam(values: readonly unknown[], pgType: string): SQL {
  return sql`${sql.param(values)}::${sql.raw(pgType)}[]`;
}

// "column = ANY($ids)": one parameter however many ids (a list of parameters stops at 65,535).
export function amongIds(column: SQLWrapper, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${arrayParam(ids, 'uuid')})`;
}

// "AND column = ANY($ids)" when only some agreements are asked for; nothing when all are.
export function andAmongIds(column: SQLWrapper, ids: readonly string[] | undefined): SQL {
  return ids ? sql` AND ${amongIds(column, ids)}` : sql``;
}

// "jsonb_to_recordset($1::jsonb) AS v(id uuid, title text)" for rows given column by column.
export function recordSource(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): SQL {
  // Written as text directly: no intermediate object per row (the batch may hold thousands).
  const keys = columns.map(([name]) => `${JSON.stringify(name)}:`);
  const records = rows.map((row) => `{${keys.map((key, index) => key + JSON.stringify(row[index] ?? null)).join(',')}}`);
  const definition = sql.raw(columns.map(([name, pgType]) => `${name} ${pgType}`).join(', '));
  return sql`jsonb_to_recordset(${`[${records.join(',')}]`}::jsonb) AS v(${definition})`;
}

export async function bulkInsert(
  db: Db,
  { table, columns, rows, tail = sql`` }: { table: string; columns: readonly BulkColumn[]; rows: readonly (readonly unknown[])[]; tail?: SQL },
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  const result: unknown = await db.execute(sql`INSERT INTO ${sql.identifier(table)} (${names}) SELECT ${names} FROM ${recordSource(columns, rows)} ${tail}`);
  // Both drivers answer raw SQL with { rows }.
  return (result as { rows: Record<string, unknown>[] }).rows;
}

export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
