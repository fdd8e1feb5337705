import { statusDateBounds, deriveAgreementStatus } from '../../../shared/agreement-status';
import { FACET_NAMES, SearchFiltersSchema, type AgreementListItem, type AgreementSearchResult, type FacetName, type SearchFacets, type SearchFilters, type SearchQuery, type SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import { localDate, type ActorCtx, type Ctx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { draftVisibility, type DraftVisibility } from '../agreements/agreements.policy';
import { ensureHealthFresh } from '../agreement-health/agreement-health.service';
import { getSettings } from '../settings/settings.service';
import { cachedByRevision, keptCounts, removeOldChanges } from './search-cache.service';
import { filterKey, summable, visibilityKey } from './search-facets.rules';
import { chosenValueCounts, keptFacetCounts, toFacets, unfilteredCounts, type CountRow } from './search-facets.service';
import { buildConditions, registryStatus, type SearchConditions } from './search-filters.repository';
import { canReadRegistry } from './search.policy';
import {
  countDocumentsOf,
  effectiveSort,
  findPageIds,
  loadHeadlines,
  type Headline,
  loadLeadUnitsOf,
  loadListRows,
  loadPartnersOf,
} from './search.repository';
import type { StatusBounds } from './search.rules';
import { HEADLINE_OPTIONS, headlineToHtml } from './search-snippet.rules';
import { searchWords } from './search-words.service';
export { registryRevisionSql } from './search-revision.repository';

// Statistics (a module above search) cache their counts under the registry's revision too, and
// keep their counts across changes.
export { cachedByRevision, keptCounts };
export type { CountSource } from './search-changes.repository';
// The job queue removes the register's old changes (background-jobs.ts).
export { removeOldChanges };
// …and counts the day's lists ahead of their readers (keepRegisterCounts, below).

export type SearchPlan = {
  conditions: SearchConditions;
  filters: SearchFilters;
  visibility: DraftVisibility;
  bounds: StatusBounds;
  warningDays: number;
  today: string;
};

// The filters as SQL for this actor and this day (status depends on the date in Ternate).
export function planSearch(ctx: ActorCtx, filters: SearchFilters): Promise<SearchPlan> {
  return planFor(ctx, filters, draftVisibility(ctx.actor));
}

async function planFor(ctx: Pick<Ctx, 'db' | 'now'>, filters: SearchFilters, visibility: DraftVisibility): Promise<SearchPlan> {
  // The register filters and counts by the stored health: it must be today's and current first.
  await ensureHealthFresh(ctx);
  const { expiryWarningDays } = await getSettings(ctx.db);
  const today = localDate(ctx.now);
  const bounds = statusDateBounds(today, expiryWarningDays);
  return { conditions: buildConditions(filters, { visibility, bounds }), filters, visibility, bounds, warningDays: expiryWarningDays, today };
}

// The counts every list without words starts from, for the readers who see every draft (the Bagian
// Kerja Sama, the TKKSD): the whole register's and each facet value's. The day is part of their keys,
// so the job queue counts them for a new day and stores them (decision 0041); the first list of the
// day, in any process, then adds what changed since instead of counting the register.
export async function keepRegisterCounts(ctx: Pick<Ctx, 'db' | 'now'>): Promise<number> {
  const visibility: DraftVisibility = { kind: 'all' };
  const { facets } = await countFacets(ctx.db, await planFor(ctx, {}, visibility));
  let lists = 1;
  for (const name of FACET_NAMES) {
    for (const bucket of facets[name]) {
      const filters = SearchFiltersSchema.safeParse({ [name]: [bucket.value] });
      if (!filters.success) continue;
      await countFacets(ctx.db, await planFor(ctx, filters.data, visibility));
      lists += 1;
    }
  }
  return lists;
}

// Without words, counts are kept across changes (keptFacetCounts), shared between lists wherever
// that is exact: the whole registry's counts answer an unfiltered list, and the filtered facet of a
// single-filter list (a facet ignores its own filter); the counts per facet value answer the rest
// of a single-filter list, and each filtered facet of a two-filter list (the other filter's values'
// counts). The total and the unfiltered facets of a two-filter list are kept for that list, over the
// rows passing both filters; any other list keeps its own counts over its matches.
async function countFacetRows(db: Db, plan: SearchPlan, key: string): Promise<CountRow[]> {
  const { conditions } = plan;
  const statusSql = registryStatus(plan.bounds);
  const filtered = conditions.facetFilters.map(([name]) => name);
  const valuesOf = (name: FacetName): readonly unknown[] => plan.filters[name] ?? [];
  if (filtered.length > 2 || !filtered.every((name) => summable(name, valuesOf(name)))) return keptFacetCounts(db, `all|${key}`, { conditions, statusSql });
  const options = { statusSql, visibility: plan.visibility, bounds: plan.bounds };
  const [first, second] = filtered;
  if (first === undefined) return unfilteredCounts(db, { conditions, ...options });
  if (second === undefined) {
    const [whole, rest] = await Promise.all([
      unfilteredCounts(db, { conditions: { ...conditions, facetFilters: [] }, ...options }),
      chosenValueCounts(db, { ...options, name: first, values: valuesOf(first) }),
    ]);
    return [...whole.filter((row) => row.facet === first), ...rest];
  }
  const [underFirst, underSecond, rest] = await Promise.all([
    chosenValueCounts(db, { ...options, name: first, values: valuesOf(first) }),
    chosenValueCounts(db, { ...options, name: second, values: valuesOf(second) }),
    keptFacetCounts(db, `both|${key}`, { conditions, statusSql, skip: new Set<FacetName>([first, second]) }),
  ]);
  return [...underSecond.filter((row) => row.facet === first), ...underFirst.filter((row) => row.facet === second), ...rest];
}

// The counts of a list without words depend only on the registry and the filters: the whole answer
// is kept under the registry's revision too, so a list asked again (paging, sorting, coming back to
// it) reads none of the registry; the first asking is what the paragraph above makes cheap.
function countFacets(db: Db, plan: SearchPlan): Promise<{ total: number; facets: SearchFacets }> {
  if (plan.conditions.tsQuery) throw new Error('a list with words is counted by searchWords');
  const key = `list|${visibilityKey(plan.visibility)}|${plan.bounds.today}|${plan.bounds.warnUntil}|${filterKey(plan.filters)}`;
  return cachedByRevision(db, { key, compute: () => countFacetRows(db, plan, key) }).then((rows) => toFacets(db, rows));
}

async function pageItems(ctx: ActorCtx, plan: SearchPlan, page: { id: string; rank: number }[]): Promise<AgreementListItem[]> {
  const ids = page.map((row) => row.id);
  const { tsQuery } = plan.conditions;
  const [rows, partnerRows, leadRows, documentCounts, headlines] = await Promise.all([
    loadListRows(ctx.db, ids),
    loadPartnersOf(ctx.db, ids),
    loadLeadUnitsOf(ctx.db, ids),
    countDocumentsOf(ctx.db, ids),
    tsQuery ? loadHeadlines(ctx.db, { ids, tsQuery, headlineOptions: HEADLINE_OPTIONS }) : Promise.resolve(new Map<string, Headline>()),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap(({ id, rank }) => {
    const row = byId.get(id);
    if (!row) return [];
    const linked = partnerRows.filter((partner) => partner.agreementId === id);
    const primary = linked[0];
    const lead = leadRows.find((unit) => unit.agreementId === id);
    const headline = headlines.get(id);
    return [
      {
        id,
        docType: row.docType,
        kind: row.kind,
        title: row.title,
        numberOurs: row.numberOurs,
        numberPartner: row.numberPartner,
        signedOn: row.signedOn,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        status: deriveAgreementStatus(row, plan.today, plan.warningDays),
        primaryPartner: primary ? { id: primary.id, name: primary.name, categoryCode: primary.categoryCode, groupCode: primary.groupCode } : null,
        partnerNames: linked.map((partner) => partner.name),
        leadUnit: lead ? { id: lead.id, name: lead.name } : null,
        primarySectorCode: row.primarySectorCode,
        documentCount: documentCounts.find((entry) => entry.agreementId === id)?.count ?? 0,
        snippet: headline === undefined ? null : headlineToHtml(headline.html),
        snippetSource: headline?.source ?? null,
        rank,
      },
    ];
  });
}

// The registry list: filtered, ranked, paged, with facet counts.
export async function searchAgreements(ctx: ActorCtx, query: SearchQuery): Promise<AgreementSearchResult> {
  if (!canReadRegistry(ctx.actor)) throw forbidden();
  const plan = await planSearch(ctx, query);
  const { conditions } = plan;
  const sort = effectiveSort(query.sort, conditions.tsQuery !== null);
  const window = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const { total, facets, page, estimates } = await countAndPage(ctx.db, plan, sort, window);
  return { items: await pageItems(ctx, plan, page), total, page: query.page, pageSize: query.pageSize, facets, ...estimates };
}

type Estimates = Pick<AgreementSearchResult, 'totalIsEstimate' | 'facetsAreEstimates' | 'rankedAmongNewest'>;
const EXACT: Estimates = { totalIsEstimate: false, facetsAreEstimates: false, rankedAmongNewest: null };

type Window = { limit: number; offset: number };

async function countAndPage(db: Db, plan: SearchPlan, sort: SearchSort, window: Window) {
  const { conditions } = plan;
  if (conditions.tsQuery) {
    const found = await searchWords(db, { conditions, tsQuery: conditions.tsQuery, statusSql: registryStatus(plan.bounds), sort, ...window });
    const { totalIsEstimate, facetsAreEstimates, rankedAmongNewest } = found;
    return { ...(await toFacets(db, found.counts)), page: found.page, estimates: { totalIsEstimate, facetsAreEstimates, rankedAmongNewest } };
  }
  const pageSort = sort === 'relevance' ? 'signed_desc' : sort;
  const [counted, page] = await Promise.all([countFacets(db, plan), findPageIds(db, { where: conditions.where(), sort: pageSort, ...window })]);
  return { ...counted, page, estimates: EXACT };
}
