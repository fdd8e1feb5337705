import { statusDateBounds, deriveAgreementStatus } from '../../../shared/agreement-status';
import type { AgreementListItem, AgreementSearchResult, SearchQuery } from '../../../shared/search';
import { localDate, type ActorCtx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { getSettings } from '../settings/settings.service';
import { countFacetsAndTotal } from './search.facets';
import { buildConditions, statusExpression, usableText, type SearchConditions, type StatusBounds } from './search.filters';
import { canReadRegistry, draftVisibility } from './search.policy';
import {
  countDocumentsOf,
  effectiveSort,
  findPageIds,
  loadHeadlines,
  loadLeadUnitsOf,
  loadListRows,
  loadPartnersOf,
} from './search.repository';
import { HEADLINE_OPTIONS, headlineToHtml } from './search.snippet';

export type SearchPlan = { conditions: SearchConditions; bounds: StatusBounds; warningDays: number; today: string };

// The filters as SQL for this actor and this day (status depends on the date in Ternate).
export async function planSearch(ctx: ActorCtx, filters: Parameters<typeof buildConditions>[0]): Promise<SearchPlan> {
  const { expiryWarningDays } = await getSettings(ctx.db);
  const today = localDate(ctx.now);
  const bounds = statusDateBounds(today, expiryWarningDays);
  return { conditions: buildConditions(filters, { visibility: draftVisibility(ctx.actor), bounds }), bounds, warningDays: expiryWarningDays, today };
}

async function pageItems(ctx: ActorCtx, plan: SearchPlan, page: { id: string; rank: number }[]): Promise<AgreementListItem[]> {
  const ids = page.map((row) => row.id);
  const { tsQuery } = plan.conditions;
  const [rows, partnerRows, leadRows, documentCounts, headlines] = await Promise.all([
    loadListRows(ctx.db, ids),
    loadPartnersOf(ctx.db, ids),
    loadLeadUnitsOf(ctx.db, ids),
    countDocumentsOf(ctx.db, ids),
    tsQuery ? loadHeadlines(ctx.db, ids, tsQuery, HEADLINE_OPTIONS) : Promise.resolve(new Map<string, string>()),
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
        snippet: headline === undefined ? null : headlineToHtml(headline),
        rank,
      },
    ];
  });
}

// The registry list: filtered, ranked, paged, with facet counts.
export async function searchAgreements(ctx: ActorCtx, query: SearchQuery): Promise<AgreementSearchResult> {
  if (!canReadRegistry(ctx.actor)) throw forbidden();
  const plan = await planSearch(ctx, query);
  const where = plan.conditions.where();
  const sort = effectiveSort(query.sort, usableText(query.q) !== null);
  const offset = (query.page - 1) * query.pageSize;
  const [{ total, facets }, page] = await Promise.all([
    countFacetsAndTotal(ctx.db, plan.conditions, statusExpression(plan.bounds)),
    findPageIds(ctx.db, { where, tsQuery: plan.conditions.tsQuery, sort, limit: query.pageSize, offset }),
  ]);
  return { items: await pageItems(ctx, plan, page), total, page: query.page, pageSize: query.pageSize, facets };
}
