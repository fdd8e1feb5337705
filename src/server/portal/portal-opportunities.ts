import { and, inArray } from 'drizzle-orm';
import type { PublicOpportunity } from '../../shared/dissemination';
import { localDate, type Ctx } from '../lib/context';
import { agreements } from '../modules/agreements/agreements.table';
import { getPublishedPackage, listPublishedOpportunities } from '../modules/dissemination/dissemination.public';
import { publiclyVisible } from '../modules/public/public.repository';
import { publicBounds } from '../modules/public/public.service';
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
  const visible = await ctx.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(inArray(agreements.id, ids), publiclyVisible(await publicBounds(ctx))));
  const shown = new Set(visible.map((row) => row.id));
  return items.filter((item) => shown.has(item.agreementId));
}

async function listVisible(ctx: Ctx, filters: OpportunityFilters): Promise<PublicOpportunity[]> {
  const open = filters.status === 'dibuka' ? 'open' : filters.status === 'ditutup' ? 'closed' : undefined;
  const items = await listPublishedOpportunities(ctx.db, { type: filters.type, sector: filters.sector, open, today: localDate(ctx.now) });
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
  const published = await getPublishedPackage(ctx.db, agreementId, localDate(ctx.now));
  if (!published) return null;
  return {
    summary: { what: published.summaryWhat, withWhom: published.summaryWithWhom, until: published.summaryUntil, why: published.summaryWhy, publishedAt: published.publishedAt },
    opportunities: published.opportunities.map(portalOpportunity),
  };
}
