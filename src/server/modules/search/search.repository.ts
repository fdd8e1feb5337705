import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import { agreementPartners, agreementUnits, agreements } from '../agreements/agreements.table';
import { documents } from '../documents/documents.table';
import { partnerCategories } from '../master/master.table';
import { partners } from '../partners/partners.table';
import { units } from '../units/units.table';

const a = agreements;

// Relevance without a text query means nothing; such a list is newest first.
export function effectiveSort(sort: SearchSort | undefined, hasText: boolean): Exclude<SearchSort, 'relevance'> | 'relevance' {
  if (sort === 'relevance' || sort === undefined) return hasText ? 'relevance' : 'signed_desc';
  return sort;
}

export function orderOf(sort: SearchSort, rank: SQL | null): SQL[] {
  const newest = sql`${a.signedOn} DESC NULLS LAST`;
  switch (sort) {
    case 'relevance':
      return rank ? [sql`${rank} DESC`, newest, asc(a.id)] : [newest, asc(a.id)];
    case 'signed_desc':
      return [newest, asc(a.id)];
    case 'signed_asc':
      return [sql`${a.signedOn} ASC NULLS LAST`, asc(a.id)];
    case 'title':
      return [sql`lower(${a.title})`, asc(a.id)];
    case 'ends_asc':
      return [sql`${a.endsOn} ASC NULLS LAST`, asc(a.id)];
  }
}

export async function countMatches(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(a).where(where);
  return row?.total ?? 0;
}

// A hit inside a document adds a fixed amount, below a hit in the title: ranking every matching
// document's own vector would mean reading each of them, which costs too much for common words.
const DOCUMENT_MATCH_BONUS = 0.05;

export function rankExpression(tsQuery: SQL): SQL<number> {
  return sql<number>`(coalesce(ts_rank_cd(${a.searchVector}, ${tsQuery}), 0)
    + CASE WHEN ${a.id} IN (SELECT agreement_id FROM documents WHERE search_vector @@ ${tsQuery}) THEN ${sql.raw(String(DOCUMENT_MATCH_BONUS))} ELSE 0 END)::float8`;
}

// One page of ids in order, with the relevance of each when there is a text query.
export async function findPageIds(
  db: Db,
  options: { where: SQL | undefined; tsQuery: SQL | null; sort: SearchSort; limit: number; offset: number },
): Promise<{ id: string; rank: number }[]> {
  const rank = options.tsQuery ? rankExpression(options.tsQuery) : sql<number>`0::float8`;
  // Ordered by the output column, so the rank is computed once per row.
  return db
    .select({ id: a.id, rank: rank.as('rank') })
    .from(a)
    .where(options.where)
    .orderBy(...orderOf(options.sort, options.tsQuery ? sql.raw('"rank"') : null))
    .limit(options.limit)
    .offset(options.offset);
}

export async function loadListRows(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: a.id,
      docType: a.docType,
      kind: a.kind,
      title: a.title,
      numberOurs: a.numberOurs,
      numberPartner: a.numberPartner,
      signedOn: a.signedOn,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      isDraft: a.isDraft,
      terminationKind: a.terminationKind,
      terminatedOn: a.terminatedOn,
      primarySectorCode: a.primarySectorCode,
    })
    .from(a)
    .where(inArray(a.id, ids));
}

export async function loadPartnersOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      agreementId: agreementPartners.agreementId,
      id: partners.id,
      name: partners.name,
      categoryCode: partners.categoryCode,
      groupCode: partnerCategories.groupCode,
    })
    .from(agreementPartners)
    .innerJoin(partners, eq(partners.id, agreementPartners.partnerId))
    .innerJoin(partnerCategories, eq(partnerCategories.code, partners.categoryCode))
    .where(inArray(agreementPartners.agreementId, ids))
    .orderBy(agreementPartners.agreementId, agreementPartners.position);
}

export async function loadLeadUnitsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ agreementId: agreementUnits.agreementId, id: units.id, name: units.name })
    .from(agreementUnits)
    .innerJoin(units, eq(units.id, agreementUnits.unitId))
    .where(and(inArray(agreementUnits.agreementId, ids), eq(agreementUnits.isLead, true)));
}

export async function countDocumentsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ agreementId: documents.agreementId, count: sql<number>`count(*)::int` })
    .from(documents)
    .where(inArray(documents.agreementId, ids))
    .groupBy(documents.agreementId);
}

// Headlines for one page only: ts_headline re-reads the text, so it is never run over the whole result.
export async function loadHeadlines(db: Db, ids: string[], tsQuery: SQL, options: string): Promise<Map<string, string>> {
  const headlines = new Map<string, string>();
  if (ids.length === 0) return headlines;
  const fromDocuments = await db
    .selectDistinctOn([documents.agreementId], {
      agreementId: documents.agreementId,
      headline: sql<string>`ts_headline('indonesian', left(${documents.textContent}, 400000), ${tsQuery}, ${options})`,
    })
    .from(documents)
    .where(and(inArray(documents.agreementId, ids), sql`${documents.searchVector} @@ ${tsQuery}`))
    .orderBy(documents.agreementId, desc(sql`ts_rank_cd(${documents.searchVector}, ${tsQuery})`));
  for (const row of fromDocuments) headlines.set(row.agreementId, row.headline);
  const rest = ids.filter((id) => !headlines.has(id));
  if (rest.length === 0) return headlines;
  const fromAgreements = await db
    .select({
      id: a.id,
      headline: sql<string>`CASE WHEN to_tsvector('indonesian', coalesce(${a.scope}, '')) @@ ${tsQuery}
        THEN ts_headline('indonesian', ${a.scope}, ${tsQuery}, ${options})
        ELSE ts_headline('indonesian', ${a.title}, ${tsQuery}, ${options}) END`,
    })
    .from(a)
    .where(inArray(a.id, rest));
  for (const row of fromAgreements) headlines.set(row.id, row.headline);
  return headlines;
}
