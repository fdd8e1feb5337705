import type { PublicOpportunity } from '../../shared/dissemination';
import type { Ctx } from '../lib/context';
import { getPublishedPackage, listPublishedOpportunities } from '../modules/dissemination/dissemination-public.service';
import { publiclyVisibleIds } from '../modules/public/public.service';
import type { PortalSummary } from './views/agreement-page';
import type { PortalOpportunity } from './views/opportunity-card';

export type OpportunityFilters = { type?: PublicOpportunity['type'] | undefined; sector?: string | undefined; status: 'dibuka' | 'ditutup' | 'semua' };

function portalOpportunity(item: PublicOpportunity): PortalOpportunity {
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    description: item.description,
    sectorCodes: item.sectorCodes,
    deadline: item.deadline,
    howToApply: item.howToApply,
    hasApplyUrl: item.applyUrl !== null && item.applyUrl !== '',
    quota: item.quota,
    eligibility: item.eligibility,
    scheme: item.scheme,
    whoMayApply: item.whoMayApply,
    limits: item.limits,
    contact: item.contact,
    agreement: { id: item.agreementId, title: item.agreementTitle },
  };
}

// The portal shows opportunities of agreements it shows: signed, public and in force today.
async function ofVisibleAgreements(ctx: Ctx, items: PublicOpportunity[]): Promise<PublicOpportunity[]> {
  const ids = [...new Set(items.map((item) => item.agreementId))];
  if (ids.length === 0) return [];
  const shown = await publiclyVisibleIds(ctx, ids);
  return items.filter((item) => shown.has(item.agreementId));
}

async function listVisible(ctx: Ctx, filters: OpportunityFilters): Promise<PublicOpportunity[]> {
  const open = filters.status === 'dibuka' ? 'open' : filters.status === 'ditutup' ? 'closed' : undefined;
  const items = await listPublishedOpportunities(ctx, { type: filters.type, sector: filters.sector, open });
  return ofVisibleAgreements(ctx, items);
}

export async function findPortalOpportunities(ctx: Ctx, filters: OpportunityFilters): Promise<PortalOpportunity[]> {
  return (await listVisible(ctx, filters)).map(portalOpportunity);
}

export async function openOpportunityCount(ctx: Ctx): Promise<number> {
  return (await listVisible(ctx, { status: 'dibuka' })).length;
}

// One published opportunity the portal shows, with where "how to apply" leads.
export async function findShownOpportunity(ctx: Ctx, id: string): Promise<PublicOpportunity | null> {
  return (await listVisible(ctx, { status: 'semua' })).find((item) => item.id === id) ?? null;
}

export async function publishedPackageOf(ctx: Ctx, agreementId: string): Promise<{ summary: PortalSummary; opportunities: PortalOpportunity[] } | null> {
  const published = await getPublishedPackage(ctx, agreementId);
  if (!published) return null;
  return {
    summary: { what: published.summaryWhat, withWhom: published.summaryWithWhom, until: published.summaryUntil, why: published.summaryWhy, publishedAt: published.publishedAt },
    opportunities: published.opportunities.map(portalOpportunity),
  };
}
