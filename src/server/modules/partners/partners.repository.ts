import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, bulkInsert, selectRows } from '../../db/bulk-sql';
import { updateVersioned } from '../../lib/versioned';
import { partnerCategories } from '../master/master.table';
import { partnerDuplicateDismissals, partners } from './partners.table';

export type PartnerRow = typeof partners.$inferSelect;
// A partner as the registry shows it, with its category's group.
export type PartnerRecordRow = PartnerRow & { groupCode: string };

const recordColumns = {
  id: partners.id,
  name: partners.name,
  nameKey: partners.nameKey,
  categoryCode: partners.categoryCode,
  groupCode: partnerCategories.groupCode,
  address: partners.address,
  version: partners.version,
  createdAt: partners.createdAt,
  updatedAt: partners.updatedAt,
};

export async function selectPartnerRecords(
  db: Db,
  options: { where?: SQL | undefined; orderBy?: SQL[]; limit?: number; offset?: number },
): Promise<PartnerRecordRow[]> {
  const query = db
    .select(recordColumns)
    .from(partners)
    .innerJoin(partnerCategories, eq(partnerCategories.code, partners.categoryCode))
    .where(options.where)
    .orderBy(...(options.orderBy ?? [asc(partners.name)]))
    .$dynamic();
  if (options.limit !== undefined) query.limit(options.limit);
  if (options.offset !== undefined) query.offset(options.offset);
  return query;
}

export async function partnerRecordsByIds(db: Db, ids: string[]): Promise<Map<string, PartnerRecordRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectPartnerRecords(db, { where: inArray(partners.id, ids) });
  return new Map(rows.map((row) => [row.id, row]));
}

export async function countPartners(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(partners).where(where);
  return row?.total ?? 0;
}

// Name search: a typed fragment of the normalised name, or a name that merely looks alike.
export function partnerSearchFilter(options: { key?: string | undefined; category?: string | undefined }): SQL | undefined {
  const conditions: SQL[] = [];
  if (options.key) conditions.push(sql`(${partners.nameKey} LIKE ${`%${options.key}%`} OR ${partners.nameKey} % ${options.key})`);
  if (options.category) conditions.push(eq(partners.categoryCode, options.category));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export function partnerSearchOrder(key: string | undefined): SQL[] {
  return key ? [desc(sql`similarity(${partners.nameKey}, ${key})`), asc(partners.name)] : [asc(partners.name)];
}

export async function findPartnerById(db: Db, { id, lock = false }: { id: string; lock?: boolean }): Promise<PartnerRow | undefined> {
  const query = db.select().from(partners).where(eq(partners.id, id)).$dynamic();
  if (lock) query.for('update');
  const [row] = await query;
  return row;
}

export async function findPartnerByKey(db: Db, nameKey: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.nameKey, nameKey));
  return row;
}

export async function categoryExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: partnerCategories.code }).from(partnerCategories).where(eq(partnerCategories.code, code));
  return row !== undefined;
}

export async function insertPartner(db: Db, values: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [row] = await db.insert(partners).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

// Optimistic locking (lib/versioned.ts): 409 when the row moved on since `version`, 404 when it is gone.
export async function updatePartnerVersioned(db: Db, options: { id: string; version: number; patch: Partial<typeof partners.$inferInsert>; now: Date }): Promise<PartnerRow> {
  return updateVersioned({ db, table: partners, where: eq(partners.id, options.id), version: options.version, patch: options.patch, now: options.now, what: ['Mitra', 'Partner'] });
}

export async function deletePartner(db: Db, id: string): Promise<void> {
  await db.delete(partners).where(eq(partners.id, id));
}

// Every partner's id and name, for the duplicate check (partner-similarity.rules.ts).
export async function allPartnerNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: partners.id, name: partners.name }).from(partners).orderBy(asc(partners.name));
}

// The pairs someone said are not duplicates, as "lowId:highId".
export async function dismissedPairKeys(db: Db): Promise<Set<string>> {
  const rows = await db.select({ low: partnerDuplicateDismissals.partnerLowId, high: partnerDuplicateDismissals.partnerHighId }).from(partnerDuplicateDismissals);
  return new Set(rows.map((row) => `${row.low}:${row.high}`));
}

// False when the pair was already dismissed.
export async function insertDismissal(db: Db, values: typeof partnerDuplicateDismissals.$inferInsert): Promise<boolean> {
  const rows = await db.insert(partnerDuplicateDismissals).values(values).onConflictDoNothing().returning({ low: partnerDuplicateDismissals.partnerLowId });
  return rows.length > 0;
}

export type PartnerKeyRow = { id: string; key: string; name: string; categoryCode: string };

// The partners of these name keys, in one query however many.
export async function partnersByKeys(db: Db, keys: string[]): Promise<PartnerKeyRow[]> {
  if (keys.length === 0) return [];
  return selectRows<PartnerKeyRow>(db, sql`SELECT id, name_key AS key, name, category_code AS "categoryCode" FROM partners WHERE name_key = ANY(${arrayParam([...new Set(keys)], 'text')})`);
}

// One statement for the whole list; a key taken meanwhile is skipped (the caller reads it afterwards).
// Returns the rows created.
export async function insertPartnersSkippingTaken(db: Db, options: { rows: { key: string; name: string; categoryCode: string }[]; now: Date }): Promise<PartnerKeyRow[]> {
  const stamp = options.now.toISOString();
  const columns = [['name', 'text'], ['name_key', 'text'], ['category_code', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] as const;
  const values = options.rows.map((row) => [row.name, row.key, row.categoryCode, stamp, stamp]);
  const returning = sql`ON CONFLICT (name_key) DO NOTHING RETURNING id, name_key AS key, name, category_code AS "categoryCode"`;
  return (await bulkInsert(db, { table: 'partners', columns, rows: values, tail: returning })) as PartnerKeyRow[];
}

export type SimilarPartnerRow = { key: string; id: string; name: string; similarity: number };

// For each normalised name, the partners whose name key looks most alike, most alike first: the
// nearest by trigram distance (1 − similarity), which the GiST index of migration 0042 reads
// nearest-first, so the cost does not grow with how many names are somewhat alike (no second
// sort key inside: it would make PostgreSQL sort every partner; ties at the cut are arbitrary).
export function similarPartnerRows(db: Db, options: { keys: string[]; threshold: number; limit: number }): Promise<SimilarPartnerRow[]> {
  if (options.keys.length === 0) return Promise.resolve([]);
  return selectRows<SimilarPartnerRow>(db, sql`
    SELECT q.key, c.id, c.name, c.similarity
    FROM unnest(${arrayParam([...new Set(options.keys)], 'text')}) AS q(key)
    CROSS JOIN LATERAL (
      SELECT p.id, p.name, (1 - (p.name_key <-> q.key))::float8 AS similarity
      FROM partners p
      ORDER BY p.name_key <-> q.key
      LIMIT ${options.limit}
    ) c
    WHERE c.similarity >= ${options.threshold}
    ORDER BY q.key, c.similarity DESC, c.name`);
}
