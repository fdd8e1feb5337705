import { and, between, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { agreementIdPrefixFromSlug } from '../../shared/slug';
import type { PublicAgreement } from '../../shared/public';
import type { Ctx } from '../lib/context';
import { agreements } from '../modules/agreements/agreements.table';
import { partnerCategories } from '../modules/master/master.table';
import {
  countPublic,
  findPublicPage,
  publicTextCondition,
  publiclyVisible,
  sectorCondition,
} from '../modules/public/public.repository';
import { textQuery, usableText, type StatusBounds } from '../modules/search/search.filters';
import { publicBounds, withPublicDetails } from '../modules/public/public.service';

// The portal reads agreements through the public API's own rules (public.repository.ts): signed,
// marked public, in force today, and only the public columns. It adds the year and partner-group
// filters the list page offers.

export type PortalFilters = { q?: string; year?: number; sector?: string; group?: string; page: number };
export const PORTAL_PAGE_SIZE = 20;

function groupCondition(group: string): SQL {
  return inArray(agreements.primaryCategoryCode, sql`(SELECT ${partnerCategories.code} FROM ${partnerCategories} WHERE ${eq(partnerCategories.groupCode, group)})`);
}

function yearCondition(year: number): SQL {
  return between(agreements.signedOn, `${year}-01-01`, `${year}-12-31`);
}

function conditionsOf(filters: PortalFilters, bounds: StatusBounds): SQL {
  const q = usableText(filters.q);
  return and(
    publiclyVisible(bounds),
    q ? publicTextCondition(textQuery(q)) : undefined,
    filters.sector ? sectorCondition([filters.sector]) : undefined,
    filters.group ? groupCondition(filters.group) : undefined,
    filters.year ? yearCondition(filters.year) : undefined,
  ) as SQL;
}

export async function findPortalAgreements(ctx: Ctx, filters: PortalFilters, pageSize = PORTAL_PAGE_SIZE) {
  const where = conditionsOf(filters, await publicBounds(ctx));
  const [total, rows] = await Promise.all([countPublic(ctx.db, where), findPublicPage(ctx.db, where, pageSize, (filters.page - 1) * pageSize)]);
  return { total, items: await withPublicDetails(ctx, rows) };
}

// Every public agreement, for the open data files, the feed and the sitemap.
export async function allPortalAgreements(ctx: Ctx, limit = 100_000): Promise<PublicAgreement[]> {
  const rows = await findPublicPage(ctx.db, publiclyVisible(await publicBounds(ctx)), limit, 0);
  return withPublicDetails(ctx, rows);
}

// The slug ends with the first 8 hex characters of the id; the range keeps the primary key index.
export async function findPortalAgreementBySlug(ctx: Ctx, slug: string): Promise<PublicAgreement | null> {
  const prefix = agreementIdPrefixFromSlug(slug);
  if (!prefix) return null;
  const low = `${prefix}-0000-0000-0000-000000000000`;
  const high = `${prefix}-ffff-ffff-ffff-ffffffffffff`;
  const where = and(publiclyVisible(await publicBounds(ctx)), sql`${agreements.id} BETWEEN ${low}::uuid AND ${high}::uuid`) as SQL;
  const rows = await findPublicPage(ctx.db, where, 2, 0);
  // Two public agreements sharing a prefix is improbable; neither is then guessed.
  if (rows.length !== 1) return null;
  const [item] = await withPublicDetails(ctx, rows);
  return item ?? null;
}

// The signing years that have public agreements, newest first, for the list's year filter.
export async function publicYears(ctx: Ctx): Promise<number[]> {
  const rows = await ctx.db
    .selectDistinct({ year: sql<number>`extract(year FROM ${agreements.signedOn})::int` })
    .from(agreements)
    .where(and(publiclyVisible(await publicBounds(ctx)), sql`${agreements.signedOn} IS NOT NULL`))
    .orderBy(sql`1 DESC`);
  return rows.map((row) => row.year);
}

