import type { PublicOpportunity, PublicOpportunityFilters, PublicPackage } from '../../../shared/dissemination';
import { localDate, type Ctx } from '../../lib/context';
import type { Db } from '../../db/client';
import { addPortalVisits, countOpportunityClick, findPublishedOpportunities, findPublishedPackage, type PortalVisitCount } from './dissemination-public.repository';

// The public portal's read API: published packages of signed, public agreements only, with open and
// closed measured against the request's own day in Ternate.

// Opportunities open or closed by their deadline (an offer without one stays open), by type and sector.
export async function listPublishedOpportunities(ctx: Ctx, filters: PublicOpportunityFilters = {}): Promise<PublicOpportunity[]> {
  return findPublishedOpportunities(ctx.db, { ...filters, today: localDate(ctx.now) });
}

// The published package of one agreement, or null (unpublished, draft or not public: nothing leaks).
export async function getPublishedPackage(ctx: Ctx, agreementId: string): Promise<PublicPackage | null> {
  return findPublishedPackage(ctx.db, { agreementId, today: localDate(ctx.now) });
}

// One "how to apply" click: a counter, nothing about who clicked. False for an opportunity that is
// not public, so the portal answers 404.
export async function recordOpportunityClick(ctx: Ctx, opportunityId: string): Promise<boolean> {
  return countOpportunityClick(ctx.db, opportunityId);
}

export type { PortalVisitCount };

// The portal's page visits, counted in memory there and written here in batches: the reach a
// package's page shows (portalVisits).
export async function recordPortalVisits(db: Db, rows: PortalVisitCount[]): Promise<void> {
  await addPortalVisits(db, rows);
}
