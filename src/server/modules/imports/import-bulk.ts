import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

// Bulk statements with one array parameter per column (INSERT … SELECT FROM unnest(…)): a batch of
// a thousand rows costs one parse and a handful of parameters instead of tens of thousands, which
// is what makes the import reach thousands of rows a second on both PGlite and PostgreSQL.
// Table and column names below are constants of this module, never input.

export type BulkColumn = readonly [name: string, pgType: string];

export function arrayParam(values: readonly unknown[], pgType: string): SQL {
  return sql`${sql.param(values)}::${sql.raw(pgType)}[]`;
}

// "unnest($1::uuid[], $2::text[]) AS v(id, title)" for rows given column by column.
export function unnestSource(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): SQL {
  const arrays = columns.map(([, pgType], index) => arrayParam(rows.map((row) => row[index] ?? null), pgType));
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  return sql`unnest(${sql.join(arrays, sql`, `)}) AS v(${names})`;
}

export async function bulkInsert(
  db: Db,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  tail: SQL = sql``,
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  const result: unknown = await db.execute(sql`INSERT INTO ${sql.identifier(table)} (${names}) SELECT ${names} FROM ${unnestSource(columns, rows)} ${tail}`);
  // Both drivers answer raw SQL with { rows }.
  return (result as { rows: Record<string, unknown>[] }).rows;
}

export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
