import type { PublicAgreement } from '../../shared/public';
import type { Ctx } from '../lib/context';
import { allPublicAgreements, findPublicAgreementBySlug, findPublicAgreements, findPublicRelatives, listPublicYears, type PublicRelatives } from '../modules/public/public.service';

// The portal reads agreements through the public module's own rules (public.service.ts): signed,
// marked public, in force today, and only the public columns. Its list page adds the year and
// partner-group filters.

export type PortalFilters = { q?: string; year?: number; sector?: string; group?: string; page: number };
export const PORTAL_PAGE_SIZE = 20;

export async function findPortalAgreements(ctx: Ctx, filters: PortalFilters & { pageSize?: number }) {
  const { q, year, sector, group, page, pageSize = PORTAL_PAGE_SIZE } = filters;
  return findPublicAgreements(ctx, { q, sectors: sector ? [sector] : undefined, group, year, limit: pageSize, offset: (page - 1) * pageSize });
}

// Every public agreement, for the open data files, the feed and the sitemap.
export async function allPortalAgreements(ctx: Ctx, limit = 100_000): Promise<PublicAgreement[]> {
  return allPublicAgreements(ctx, limit);
}

export async function findPortalAgreementBySlug(ctx: Ctx, slug: string): Promise<PublicAgreement | null> {
  return findPublicAgreementBySlug(ctx, slug);
}

// The signing years that have public agreements, newest first, for the list's year filter.
export async function publicYears(ctx: Ctx): Promise<number[]> {
  return listPublicYears(ctx);
}

// What the agreement amends or carries out, and its adenda and PKS, for links between their pages.
export async function portalRelativesOf(ctx: Ctx, id: string): Promise<PublicRelatives> {
  return findPublicRelatives(ctx, id);
}
