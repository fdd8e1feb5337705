import { and, asc, between, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreementPartners, agreementSectors, agreements } from '../agreements/agreements.table';
import { documents } from '../documents/documents.table';
import { partnerCategories } from '../master/master.table';
import { partners } from '../partners/partners.table';
import { statusCondition, textQuery, type StatusBounds } from '../search/search.rules';

const a = agreements;
// Spelled out for correlated subqueries (a one-table select leaves columns unqualified).
const outerId = sql.raw('"agreements"."id"');

// Dissemination (domain.md): citizens see signed agreements marked public that are in force today.
// Marked public is not enough: the signed document must be attached too (issue 14, safer defaults),
// so the portal never shows an agreement whose text nobody can check yet.
export function publiclyVisible(bounds: StatusBounds): SQL {
  return and(
    eq(a.isDraft, false),
    eq(a.isPublic, true),
    sql`EXISTS (SELECT 1 FROM documents sd WHERE sd.agreement_id = ${outerId} AND sd.kind = 'naskah_ttd')`,
    or(statusCondition('aktif', { bounds, on: a }), statusCondition('akan_berakhir', { bounds, on: a })),
  ) as SQL;
}

// The GIN index of the registry's list rows (agreement_search, which copies each agreement's
// vector) narrows the candidates; the match is then checked again on public fields only
// (title, scope, partner names, public documents), so a word found only in a number, in the
// purpose or in a non-public document never reveals an agreement.
function publicTextCondition(tsQuery: SQL): SQL {
  const names = sql`(SELECT string_agg(p.name, ' ') FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id WHERE ap.agreement_id = ${outerId})`;
  const publicVector = sql`(to_tsvector('indonesian', ${a.title} || ' ' || coalesce(${a.scope}, '') || ' ' || coalesce(${names}, '')) || to_tsvector('simple', coalesce(${names}, '')))`;
  const publicDocument = sql`EXISTS (SELECT 1 FROM documents d WHERE d.agreement_id = ${outerId} AND d.is_public AND d.search_vector @@ ${tsQuery})`;
  return sql`(${a.id} IN (SELECT agreement_id FROM agreement_search WHERE search_vector @@ ${tsQuery} UNION SELECT agreement_id FROM documents WHERE is_public AND search_vector @@ ${tsQuery})
    AND (${publicVector} @@ ${tsQuery} OR ${publicDocument}))`;
}

function sectorCondition(codes: string[]): SQL {
  return inArray(a.id, sql`(SELECT ${agreementSectors.agreementId} FROM ${agreementSectors} WHERE ${inArray(agreementSectors.sectorCode, codes)})`);
}

function groupCondition(group: string): SQL {
  return inArray(a.primaryCategoryCode, sql`(SELECT ${partnerCategories.code} FROM ${partnerCategories} WHERE ${eq(partnerCategories.groupCode, group)})`);
}

function yearCondition(year: number): SQL {
  return between(a.signedOn, `${year}-01-01`, `${year}-12-31`);
}

// What the public API and the portal filter by: words (already checked usable), sectors, and, on
// the portal, the partner group and the signing year. Always only what the public may see.
export type PublicFilters = { text?: string | null; sectors?: string[] | undefined; group?: string | undefined; year?: number | undefined };

export function publicConditions(bounds: StatusBounds, filters: PublicFilters): SQL {
  return and(
    publiclyVisible(bounds),
    filters.text ? publicTextCondition(textQuery(filters.text)) : undefined,
    filters.sectors?.length ? sectorCondition(filters.sectors) : undefined,
    filters.group ? groupCondition(filters.group) : undefined,
    filters.year ? yearCondition(filters.year) : undefined,
  ) as SQL;
}

// Publicly visible agreements whose id lies in [low, high]; the range keeps the primary key index.
export function idRangeCondition(bounds: StatusBounds, { low, high }: { low: string; high: string }): SQL {
  return and(publiclyVisible(bounds), sql`${a.id} BETWEEN ${low}::uuid AND ${high}::uuid`) as SQL;
}

// The signing years that have public agreements, newest first.
export async function findPublicYears(db: Db, bounds: StatusBounds): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year FROM ${a.signedOn})::int` })
    .from(a)
    .where(and(publiclyVisible(bounds), sql`${a.signedOn} IS NOT NULL`))
    .orderBy(sql`1 DESC`);
  return rows.map((row) => row.year);
}

// Which of these agreements the public may see today.
export async function findVisibleIds(db: Db, { ids, bounds }: { ids: string[]; bounds: StatusBounds }): Promise<Set<string>> {
  const rows = await db
    .select({ id: a.id })
    .from(a)
    .where(and(inArray(a.id, ids), publiclyVisible(bounds)));
  return new Set(rows.map((row) => row.id));
}

export async function countPublic(db: Db, where: SQL): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(a).where(where);
  return row?.total ?? 0;
}

// Only the public columns are ever read.
export async function findPublicPage(db: Db, { where, limit, offset }: { where: SQL; limit: number; offset: number }) {
  return db
    .select({
      id: a.id,
      title: a.title,
      docType: a.docType,
      kind: a.kind,
      signedOn: a.signedOn,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      scope: a.scope,
      primarySectorCode: a.primarySectorCode,
    })
    .from(a)
    .where(where)
    .orderBy(sql`${a.signedOn} DESC NULLS LAST`, asc(a.id))
    .limit(limit)
    .offset(offset);
}

// The agreement one amends or carries out (its parent) and those that amend or carry it out (its
// children), of those the public may see; public columns only.
export async function findPublicRelatives(db: Db, { id, bounds }: { id: string; bounds: StatusBounds }) {
  const parentOfId = sql`(SELECT parent_id FROM agreements WHERE id = ${id})`;
  return db
    .select({ id: a.id, title: a.title, docType: a.docType, parentId: a.parentId, signedOn: a.signedOn })
    .from(a)
    .where(and(publiclyVisible(bounds), or(eq(a.parentId, id), sql`${a.id} = ${parentOfId}`)))
    .orderBy(sql`${a.signedOn} ASC NULLS LAST`, asc(a.id));
}

export async function partnerNamesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ agreementId: agreementPartners.agreementId, name: partners.name })
    .from(agreementPartners)
    .innerJoin(partners, eq(partners.id, agreementPartners.partnerId))
    .where(inArray(agreementPartners.agreementId, ids))
    .orderBy(agreementPartners.agreementId, agreementPartners.position);
}

export async function sectorCodesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(agreementSectors).where(inArray(agreementSectors.agreementId, ids)).orderBy(agreementSectors.sectorCode);
}

export async function publicDocumentsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ agreementId: documents.agreementId, id: documents.id, fileName: documents.fileName })
    .from(documents)
    .where(and(inArray(documents.agreementId, ids), eq(documents.isPublic, true)))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

// A public document of a publicly visible agreement, or nothing.
export async function findPublicDocument(db: Db, { id, bounds }: { id: string; bounds: StatusBounds }) {
  const [row] = await db
    .select({ storageKey: documents.storageKey, fileName: documents.fileName, mimeType: documents.mimeType })
    .from(documents)
    .innerJoin(a, eq(a.id, documents.agreementId))
    .where(and(eq(documents.id, id), eq(documents.isPublic, true), publiclyVisible(bounds)));
  return row ?? null;
}
