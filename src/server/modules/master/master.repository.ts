import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { updateVersioned } from '../../lib/versioned';
import { partnerCategories, partnerGroups, sectors } from './master.table';

export type SectorRow = typeof sectors.$inferSelect;
export type PartnerGroupRow = typeof partnerGroups.$inferSelect;
export type PartnerCategoryRow = typeof partnerCategories.$inferSelect;

// A versioned edit of the row with this code (see lib/versioned.ts).
type CodedChange = { code: string; version: number; patch: Record<string, unknown>; now: Date };

export function selectSectors(db: Db): Promise<SectorRow[]> {
  return db.select().from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.code));
}

export function selectPartnerGroups(db: Db): Promise<PartnerGroupRow[]> {
  return db.select().from(partnerGroups).orderBy(asc(partnerGroups.sortOrder));
}

export function selectPartnerCategories(db: Db): Promise<PartnerCategoryRow[]> {
  return db.select().from(partnerCategories).orderBy(asc(partnerCategories.sortOrder));
}

export async function selectSector(db: Db, code: string): Promise<SectorRow | null> {
  const [row] = await db.select().from(sectors).where(eq(sectors.code, code));
  return row ?? null;
}

export async function selectPartnerGroup(db: Db, code: string): Promise<PartnerGroupRow | null> {
  const [row] = await db.select().from(partnerGroups).where(eq(partnerGroups.code, code));
  return row ?? null;
}

export async function selectPartnerCategory(db: Db, code: string): Promise<PartnerCategoryRow | null> {
  const [row] = await db.select().from(partnerCategories).where(eq(partnerCategories.code, code));
  return row ?? null;
}

export async function insertSector(db: Db, values: typeof sectors.$inferInsert): Promise<SectorRow | undefined> {
  const [row] = await db.insert(sectors).values(values).returning();
  return row;
}

export async function insertPartnerGroup(db: Db, values: typeof partnerGroups.$inferInsert): Promise<PartnerGroupRow | undefined> {
  const [row] = await db.insert(partnerGroups).values(values).returning();
  return row;
}

export async function insertPartnerCategory(db: Db, values: typeof partnerCategories.$inferInsert): Promise<PartnerCategoryRow | undefined> {
  const [row] = await db.insert(partnerCategories).values(values).returning();
  return row;
}

export function updateSectorRow(db: Db, change: CodedChange): Promise<SectorRow> {
  const { code, ...rest } = change;
  return updateVersioned({ db, table: sectors, where: eq(sectors.code, code), ...rest, what: ['Bidang', 'Sector'] });
}

export function updatePartnerGroupRow(db: Db, change: CodedChange): Promise<PartnerGroupRow> {
  const { code, ...rest } = change;
  return updateVersioned({ db, table: partnerGroups, where: eq(partnerGroups.code, code), ...rest, what: ['Kelompok mitra', 'Partner group'] });
}

export function updatePartnerCategoryRow(db: Db, change: CodedChange): Promise<PartnerCategoryRow> {
  const { code, ...rest } = change;
  return updateVersioned({ db, table: partnerCategories, where: eq(partnerCategories.code, code), ...rest, what: ['Kategori mitra', 'Partner category'] });
}
