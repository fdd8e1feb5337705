import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { EXPORT_LIST_SEPARATOR, type SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import { agreementPartners, agreementUnits, agreements } from '../agreements/agreements.table';
import { documents } from '../documents/documents.table';
import { partnerCategories } from '../master/master.table';
import { partners } from '../partners/partners.table';
import { units } from '../units/units.table';
import { agreementSearch } from './search.table';

const a = agreements;
const f = agreementSearch;

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

// `where` is over agreement_search (SearchConditions).
export async function countMatches(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(f).where(where);
  return row?.total ?? 0;
}

// The order of a page without words, over agreement_search: each order has an index that matches it
// exactly (ties broken by id), so a page reads little more than its own rows.
function pageOrder(sort: Exclude<SearchSort, 'relevance'>): SQL[] {
  switch (sort) {
    case 'signed_desc':
      return [sql`${f.signedOn} DESC NULLS LAST`, asc(f.agreementId)];
    case 'signed_asc':
      return [sql`${f.signedOn} ASC NULLS LAST`, asc(f.agreementId)];
    case 'title':
      return [asc(f.titleSort), asc(f.agreementId)];
    case 'ends_asc':
      return [sql`${f.endsOn} ASC NULLS LAST`, asc(f.agreementId)];
  }
}

// One page of ids of a list without words (a list with words pages in searchText).
export async function findPageIds(
  db: Db,
  options: { where: SQL | undefined; sort: Exclude<SearchSort, 'relevance'>; limit: number; offset: number },
): Promise<{ id: string; rank: number }[]> {
  const rows = await db.select({ id: f.agreementId }).from(f).where(options.where).orderBy(...pageOrder(options.sort)).limit(options.limit).offset(options.offset);
  return rows.map((row) => ({ id: row.id, rank: 0 }));
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

// Headlines for one page only: ts_headline re-reads the text, so it is never run over the whole
// result. An agreement whose own text holds the words is quoted from its scope or title (short
// texts); only the others, found through a document, are quoted from the document, whose whole text
// a headline would otherwise parse for every agreement on the page.
export type Headline = { html: string; source: { documentId: string; fileName: string; page: number | null } | null };

// The first page of a document's text (pages are separated by form feeds, documents.pdf.ts) whose
// words match; null for a text read before pages were kept apart (no form feed in a longer file).
function firstMatchingPage(tsQuery: SQL): SQL<number | null> {
  const text = sql`left(${documents.textContent}, 400000)`;
  return sql<number | null>`CASE WHEN strpos(${text}, E'\f') = 0 AND coalesce(${documents.pageCount}, 0) <> 1 THEN NULL ELSE
    (SELECT min(p.n)::int FROM unnest(string_to_array(${text}, E'\f')) WITH ORDINALITY AS p(t, n) WHERE to_tsvector('indonesian', p.t) @@ ${tsQuery}) END`;
}

// Quoted from the page that holds the words when it is known (a shorter text to parse, and the
// quote matches the page a reader is sent to), else from the whole text.
async function headlinesFromDocuments(db: Db, input: { ids: string[]; tsQuery: SQL; options: string }) {
  const { ids, tsQuery, options } = input;
  const matched = db
    .selectDistinctOn([documents.agreementId], {
      agreementId: documents.agreementId,
      documentId: sql<string>`${documents.id}`.as('document_id'),
      fileName: sql<string>`${documents.fileName}`.as('file_name'),
      text: sql<string>`left(${documents.textContent}, 400000)`.as('text'),
      page: firstMatchingPage(tsQuery).as('page'),
    })
    .from(documents)
    .where(and(inArray(documents.agreementId, ids), sql`${documents.searchVector} @@ ${tsQuery}`))
    .orderBy(documents.agreementId, desc(sql`ts_rank_cd(${documents.searchVector}, ${tsQuery})`))
    .as('matched');
  return db
    .select({
      agreementId: matched.agreementId,
      documentId: matched.documentId,
      fileName: matched.fileName,
      page: matched.page,
      headline: sql<string>`ts_headline('indonesian', CASE WHEN ${matched.page} IS NULL THEN ${matched.text} ELSE split_part(${matched.text}, E'\f', ${matched.page}) END, ${tsQuery}, ${options})`,
    })
    .from(matched);
}

// Headlines for one page only: ts_headline re-reads the text, so it is never run over the whole
// result. An agreement whose own text holds the words is quoted from its scope or title (short
// texts); only the others, found through a document, are quoted from the document, whose whole text
// a headline would otherwise parse for every agreement on the page.
export async function loadHeadlines(db: Db, input: { ids: string[]; tsQuery: SQL; headlineOptions: string }): Promise<Map<string, Headline>> {
  const { ids, tsQuery, headlineOptions: options } = input;
  const headlines = new Map<string, Headline>();
  if (ids.length === 0) return headlines;
  const fromAgreements = await db
    .select({
      id: a.id,
      headline: sql<string | null>`CASE WHEN NOT coalesce(${a.searchVector} @@ ${tsQuery}, false) THEN NULL
        WHEN to_tsvector('indonesian', coalesce(${a.scope}, '')) @@ ${tsQuery} THEN ts_headline('indonesian', ${a.scope}, ${tsQuery}, ${options})
        ELSE ts_headline('indonesian', ${a.title}, ${tsQuery}, ${options}) END`,
    })
    .from(a)
    .where(inArray(a.id, ids));
  for (const row of fromAgreements) if (row.headline !== null) headlines.set(row.id, { html: row.headline, source: null });
  const rest = ids.filter((id) => !headlines.has(id));
  if (rest.length === 0) return headlines;
  for (const row of await headlinesFromDocuments(db, { ids: rest, tsQuery, options })) {
    headlines.set(row.agreementId, { html: row.headline, source: { documentId: row.documentId, fileName: row.fileName, page: row.page } });
  }
  // A hit the words no longer reach (changed since it was found) is quoted from its title.
  const untouched = rest.filter((id) => !headlines.has(id));
  if (untouched.length === 0) return headlines;
  const titles = await db
    .select({ id: a.id, headline: sql<string>`ts_headline('indonesian', ${a.title}, ${tsQuery}, ${options})` })
    .from(a)
    .where(inArray(a.id, untouched));
  for (const row of titles) headlines.set(row.id, { html: row.headline, source: null });
  return headlines;
}

// The partner categories of the given groups, as a subquery for the partner-group filter.
export function categoriesOfGroups(groups: string[]): SQL {
  return sql`(SELECT ${partnerCategories.code} FROM ${partnerCategories} WHERE ${inArray(partnerCategories.groupCode, groups)})`;
}

// The export's rows (search-export.service.ts).
// Spelled out: in a one-table select Drizzle leaves columns unqualified, and inside these
// subqueries a bare "id" would name the inner table's column.
const outerId = sql.raw('"agreements"."id"');
const outerPrimarySector = sql.raw('"agreements"."primary_sector_code"');
const outerParent = sql.raw('"agreements"."parent_id"');

// One row per agreement with its lists joined in order (primary first); the correlated lookups run
// only for exported rows and each uses a primary-key index.
export function exportRows(db: Db, input: { where: SQL | undefined; sort: SearchSort; limit: number }) {
  const { where: facetWhere, sort, limit } = input;
  // The conditions are over agreement_search, one row per agreement.
  const where = facetWhere ? inArray(agreements.id, db.select({ id: agreementSearch.agreementId }).from(agreementSearch).where(facetWhere)) : undefined;
  return db
    .select({
      numberOurs: a.numberOurs,
      numberPartner: a.numberPartner,
      title: a.title,
      docType: a.docType,
      kind: a.kind,
      signedOn: a.signedOn,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      scope: a.scope,
      valueIdr: a.valueIdr,
      ksddMode: a.ksddMode,
      longTermReason: a.longTermReason,
      id: a.id,
      // A parent without a number is named by its id, which the import resolves as well.
      parentNumber: sql<string | null>`(SELECT coalesce(p.number_ours, p.id::text) FROM agreements p WHERE p.id = ${outerParent})`,
      isDraft: a.isDraft,
      terminationKind: a.terminationKind,
      terminatedOn: a.terminatedOn,
      partnerNames: sql<string | null>`(SELECT string_agg(p.name, ${EXPORT_LIST_SEPARATOR} ORDER BY ap.position) FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id WHERE ap.agreement_id = ${outerId})`,
      partnerCategories: sql<string | null>`(SELECT string_agg(p.category_code, ${EXPORT_LIST_SEPARATOR} ORDER BY ap.position) FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id WHERE ap.agreement_id = ${outerId})`,
      sectorCodes: sql<string | null>`(SELECT string_agg(s.sector_code, ${EXPORT_LIST_SEPARATOR} ORDER BY s.sector_code <> ${outerPrimarySector}, s.sector_code) FROM agreement_sectors s WHERE s.agreement_id = ${outerId})`,
      unitNames: sql<string | null>`(SELECT string_agg(u.name, ${EXPORT_LIST_SEPARATOR} ORDER BY au.is_lead DESC, u.name) FROM agreement_units au JOIN units u ON u.id = au.unit_id WHERE au.agreement_id = ${outerId})`,
    })
    .from(a)
    .where(where)
    .orderBy(...orderOf(sort, null))
    .limit(limit);
}
