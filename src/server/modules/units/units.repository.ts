import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
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
