import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, selectRows } from '../../db/bulk-sql';
import { updateVersioned } from '../../lib/versioned';
import { units } from './units.table';

export type UnitRow = typeof units.$inferSelect;
export type UnitValues = typeof units.$inferInsert;

export function selectUnitsByName(db: Db): Promise<UnitRow[]> {
  return db.select().from(units).orderBy(asc(units.name));
}

export async function selectUnitById(db: Db, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function selectUnitIdByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row?.id ?? null;
}

export async function countUnitRows(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(units);
  // PGlite and node-postgres both return int4 as a number.
  return row?.count ?? 0;
}

export async function insertUnits(db: Db, rows: UnitValues[]): Promise<UnitRow[]> {
  if (rows.length === 0) return [];
  return db.insert(units).values(rows).returning();
}

export function updateUnitRow(db: Db, change: { id: string; version: number; patch: Record<string, unknown>; now: Date }): Promise<UnitRow> {
  return updateVersioned({ db, table: units, where: eq(units.id, change.id), version: change.version, patch: change.patch, now: change.now, what: ['OPD', 'Unit'] });
}

export type SimilarUnitRow = { key: string; id: string; name: string; similarity: number };

// For each normalised name, the OPDs whose name or short name looks most alike (pg_trgm, which
// compares words of letters and digits whatever their case or punctuation), most alike first.
export function similarUnitRows(db: Db, options: { keys: string[]; threshold: number; limit: number }): Promise<SimilarUnitRow[]> {
  if (options.keys.length === 0) return Promise.resolve([]);
  return selectRows<SimilarUnitRow>(db, sql`
    SELECT q.key, c.id, c.name, c.similarity
    FROM unnest(${arrayParam([...new Set(options.keys)], 'text')}) AS q(key)
    CROSS JOIN LATERAL (
      SELECT u.id, u.name, greatest(similarity(u.name, q.key), similarity(coalesce(u.short_name, ''), q.key))::float8 AS similarity
      FROM units u
      ORDER BY 3 DESC, u.name
      LIMIT ${options.limit}
    ) c
    WHERE c.similarity >= ${options.threshold}
    ORDER BY q.key, c.similarity DESC, c.name`);
}
