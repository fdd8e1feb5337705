import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PartnerView } from '../../../shared/partners';
import type { Db } from '../../db/client';
import { agreementPartners, agreements } from '../agreements/agreements.table';
import { partnerCategories } from '../master/master.table';
import { partners } from './partners.table';

export type PartnerRow = typeof partners.$inferSelect;

const agreementCount = sql<number>`(SELECT count(*)::int FROM agreement_partners ap WHERE ap.partner_id = ${partners.id})`;

const viewColumns = {
  id: partners.id,
  name: partners.name,
  nameKey: partners.nameKey,
  categoryCode: partners.categoryCode,
  groupCode: partnerCategories.groupCode,
  address: partners.address,
  agreementCount,
  version: partners.version,
  createdAt: partners.createdAt,
  updatedAt: partners.updatedAt,
};

type ViewRow = Omit<PartnerView, 'agreementCount' | 'createdAt' | 'updatedAt'> & { agreementCount: number; createdAt: Date; updatedAt: Date };

// Both drivers answer a raw query with { rows }.
async function rowsOf<T>(pending: Promise<unknown>): Promise<T[]> {
  return ((await pending) as { rows: T[] }).rows;
}

function toView(row: ViewRow): PartnerView {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function selectPartnerViews(
  db: Db,
  options: { where?: SQL | undefined; orderBy?: SQL[]; limit?: number; offset?: number },
): Promise<PartnerView[]> {
  const query = db
    .select(viewColumns)
    .from(partners)
    .innerJoin(partnerCategories, eq(partnerCategories.code, partners.categoryCode))
    .where(options.where)
    .orderBy(...(options.orderBy ?? [asc(partners.name)]))
    .$dynamic();
  if (options.limit !== undefined) query.limit(options.limit);
  if (options.offset !== undefined) query.offset(options.offset);
  return (await query).map(toView);
}

export async function partnerViewsByIds(db: Db, ids: string[]): Promise<Map<string, PartnerView>> {
  if (ids.length === 0) return new Map();
  const views = await selectPartnerViews(db, { where: inArray(partners.id, ids) });
  return new Map(views.map((view) => [view.id, view]));
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

export async function findPartnerById(db: Db, id: string, options: { lock?: boolean } = {}): Promise<PartnerRow | undefined> {
  const query = db.select().from(partners).where(eq(partners.id, id)).$dynamic();
  if (options.lock) query.for('update');
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

export async function agreementIdsOfPartner(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db.select({ id: agreementPartners.agreementId }).from(agreementPartners).where(eq(agreementPartners.partnerId, partnerId));
  return rows.map((row) => row.id);
}

export async function partnerAgreementRows(db: Db, partnerId: string, readable: SQL) {
  return db
    .select({
      id: agreements.id,
      title: agreements.title,
      docType: agreements.docType,
      numberOurs: agreements.numberOurs,
      signedOn: agreements.signedOn,
      isDraft: agreements.isDraft,
      endsOn: agreements.endsOn,
      terminationKind: agreements.terminationKind,
      terminatedOn: agreements.terminatedOn,
      position: agreementPartners.position,
    })
    .from(agreements)
    .innerJoin(agreementPartners, eq(agreementPartners.agreementId, agreements.id))
    .where(and(eq(agreementPartners.partnerId, partnerId), readable))
    .orderBy(desc(agreements.signedOn), asc(agreements.title));
}

// Pairs of partners whose normalised names are alike (pg_trgm), strongest first.
export async function similarPartnerPairs(db: Db, threshold: number, limit: number): Promise<{ aId: string; bId: string; similarity: number }[]> {
  return db.transaction(async (tx) => {
    // The % operator can use the trigram index; its threshold is per transaction.
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`);
    const rows = await rowsOf<{ a_id: string; b_id: string; similarity: number }>(tx.execute(sql`
      SELECT a.id AS a_id, b.id AS b_id, similarity(a.name_key, b.name_key)::float8 AS similarity
      FROM partners a JOIN partners b ON a.id < b.id AND a.name_key % b.name_key
      WHERE similarity(a.name_key, b.name_key) >= ${threshold}
      ORDER BY similarity DESC, a.name_key, b.name_key
      LIMIT ${limit}`));
    return rows.map((row) => ({ aId: row.a_id, bId: row.b_id, similarity: row.similarity }));
  });
}

export async function refreshAgreementSearch(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`SELECT jalin_refresh_agreement_search(ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[])`);
}
