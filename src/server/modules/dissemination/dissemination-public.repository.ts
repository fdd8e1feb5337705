import { and, asc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PublicOpportunity, PublicOpportunityFilters, PublicPackage } from '../../../shared/dissemination';
import { agreementSlug } from '../../../shared/slug';
import type { Db } from '../../db/client';
import { agreements } from '../agreements/agreements.table';
import { documents } from '../documents/documents.table';
import { units } from '../units/units.table';
import { opportunityViewOf, type OpportunityRow } from './dissemination.repository';
import { portalPageVisits } from './portal-visits.table';
import {
  disseminationOpportunities,
  disseminationPackages,
  disseminationPublicDocuments,
  disseminationTasks,
} from './dissemination.table';

// What the public portal reads (through dissemination-public.service.ts). Only published packages of signed, public agreements; only public
// fields (no people, no internal notes, no click counts of others' choices beyond a total).

// The agreement's own portal rule (public.repository.ts): chosen public and its signed document attached.
const publishedAndPublic: SQL = and(
  eq(disseminationPackages.status, 'published'),
  eq(agreements.isDraft, false),
  eq(agreements.isPublic, true),
  sql`EXISTS (SELECT 1 FROM documents sd WHERE sd.agreement_id = ${agreements.id} AND sd.kind = 'naskah_ttd')`,
) as SQL;

function publicOpportunity(row: OpportunityRow, agreement: { id: string; title: string }, today: string): PublicOpportunity {
  const { applyClicks: _clicks, ...view } = opportunityViewOf(row);
  return {
    ...view,
    agreementId: agreement.id,
    agreementTitle: agreement.title,
    slug: agreementSlug(agreement.id, agreement.title),
    isOpen: row.deadline === null || row.deadline >= today,
  };
}

// Opportunities open or closed by their deadline (an offer without one stays open), by type and sector.
export async function findPublishedOpportunities(db: Db, filters: PublicOpportunityFilters & { today: string }): Promise<PublicOpportunity[]> {
  const { today } = filters;
  const openness =
    filters.open === 'open'
      ? or(isNull(disseminationOpportunities.deadline), gte(disseminationOpportunities.deadline, today))
      : filters.open === 'closed'
        ? lt(disseminationOpportunities.deadline, today)
        : undefined;
  const rows = await db
    .select({ opportunity: disseminationOpportunities, agreementId: agreements.id, title: agreements.title })
    .from(disseminationOpportunities)
    .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationOpportunities.packageId))
    .innerJoin(agreements, eq(agreements.id, disseminationPackages.agreementId))
    .where(
      and(
        publishedAndPublic,
        filters.type ? eq(disseminationOpportunities.type, filters.type) : undefined,
        filters.sector ? sql`${filters.sector} = ANY(${disseminationOpportunities.sectorCodes})` : undefined,
        openness,
      ),
    )
    .orderBy(sql`${disseminationOpportunities.deadline} ASC NULLS LAST`, asc(disseminationOpportunities.title));
  return rows.map((row) => publicOpportunity(row.opportunity, { id: row.agreementId, title: row.title }, today));
}

// The published package of one agreement, or null (unpublished, draft or not public: nothing leaks).
export async function findPublishedPackage(db: Db, { agreementId, today }: { agreementId: string; today: string }): Promise<PublicPackage | null> {
  const [head] = await db
    .select({ pkg: disseminationPackages, title: agreements.title })
    .from(disseminationPackages)
    .innerJoin(agreements, eq(agreements.id, disseminationPackages.agreementId))
    .where(and(eq(disseminationPackages.agreementId, agreementId), publishedAndPublic));
  const publishedAt = head?.pkg.publishedAt;
  if (!head || !publishedAt) return null;
  const { pkg } = head;
  const agreement = { id: agreementId, title: head.title };
  const tasks = await db
    .select({ unitName: units.name, commitment: disseminationTasks.commitment, dueOn: disseminationTasks.dueOn })
    .from(disseminationTasks)
    .innerJoin(units, eq(units.id, disseminationTasks.unitId))
    .where(eq(disseminationTasks.packageId, pkg.id))
    .orderBy(asc(disseminationTasks.position));
  const opportunities = await db.select().from(disseminationOpportunities).where(eq(disseminationOpportunities.packageId, pkg.id)).orderBy(asc(disseminationOpportunities.position));
  const publicDocuments = await db
    .select({ id: documents.id, fileName: documents.fileName, kind: documents.kind })
    .from(disseminationPublicDocuments)
    .innerJoin(documents, eq(documents.id, disseminationPublicDocuments.documentId))
    .where(eq(disseminationPublicDocuments.packageId, pkg.id))
    .orderBy(asc(documents.fileName));
  return {
    agreementId,
    agreementTitle: head.title,
    slug: agreementSlug(agreementId, head.title),
    publishedAt: publishedAt.toISOString(),
    summaryWhat: pkg.summaryWhat,
    summaryWithWhom: pkg.summaryWithWhom,
    summaryUntil: pkg.summaryUntil,
    summaryWhy: pkg.summaryWhy,
    tasks,
    opportunities: opportunities.map((row) => publicOpportunity(row, agreement, today)),
    publicDocuments,
  };
}

// One "how to apply" click: a counter, nothing about who clicked. Returns false for an opportunity
// that is not public, so the portal answers 404.
export async function countOpportunityClick(db: Db, opportunityId: string): Promise<boolean> {
  const rows = await db
    .update(disseminationOpportunities)
    .set({ applyClicks: sql`${disseminationOpportunities.applyClicks} + 1` })
    .where(
      and(
        eq(disseminationOpportunities.id, opportunityId),
        sql`EXISTS (SELECT 1 FROM ${disseminationPackages} p JOIN ${agreements} a ON a.id = p.agreement_id
          WHERE p.id = ${disseminationOpportunities.packageId} AND p.status = 'published' AND a.is_draft = false AND a.is_public = true
            AND EXISTS (SELECT 1 FROM documents sd WHERE sd.agreement_id = a.id AND sd.kind = 'naskah_ttd'))`,
      ),
    )
    .returning({ id: disseminationOpportunities.id });
  return rows.length > 0;
}

export type PortalVisitCount = { page: 'agreement' | 'opportunity'; entityId: string; day: string; visits: number };

// One statement for a batch of counts; a day's row grows instead of a row per visit.
export async function addPortalVisits(db: Db, rows: PortalVisitCount[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(portalPageVisits)
    .values(rows)
    .onConflictDoUpdate({ target: [portalPageVisits.page, portalPageVisits.entityId, portalPageVisits.day], set: { visits: sql`${portalPageVisits.visits} + excluded.visits` } });
}
