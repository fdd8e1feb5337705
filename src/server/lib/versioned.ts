import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { notFound, staleVersion } from './errors';

type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

// Optimistic locking: the update lands only if the row still has the version the editor saw.
// A stale edit gets 409 (never a silent overwrite); a missing row gets 404.
export async function updateVersioned<T extends VersionedTable>(options: {
  db: Db;
  table: T;
  where: SQL;
  version: number;
  patch: Record<string, unknown>;
  now: Date;
  what: [string, string];
}): Promise<T['$inferSelect']> {
  const { db, table } = options;
  const rows = (await db
    .update(table)
    .set({ ...options.patch, version: sql`${table.version} + 1`, updatedAt: options.now } as never)
    .where(and(options.where, eq(table.version, options.version)))
    .returning()) as T['$inferSelect'][];
  const [row] = rows;
  if (row) return row;
  const existing = await db.select({ version: table.version }).from(table as PgTable).where(options.where); // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion -- needed by drizzle generics
  if (existing.length === 0) throw notFound(...options.what);
  throw staleVersion();
}
