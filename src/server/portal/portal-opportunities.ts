import type { Ctx } from '../lib/context';
import type { PortalSummary } from './views/agreement-page';
import type { PortalOpportunity } from './views/opportunity-card';

export type OpportunityFilters = { type?: string; sector?: string; status: 'dibuka' | 'ditutup' | 'semua' };

export async function findPortalOpportunities(_ctx: Ctx, _filters: OpportunityFilters): Promise<PortalOpportunity[]> {
  return [];
}

export async function openOpportunityCount(_ctx: Ctx): Promise<number | null> {
  return null;
}

export async function publishedPackageOf(_ctx: Ctx, _agreementId: string): Promise<{ summary: PortalSummary; opportunities: PortalOpportunity[] } | null> {
  return null;
}
