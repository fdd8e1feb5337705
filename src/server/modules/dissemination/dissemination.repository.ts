import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { OpportunityView, PackageView, RecipientView, TaskView } from '../../../shared/dissemination';
import type { Db } from '../../db/client';
import { agreements } from '../agreements/agreements.table';
import { activityPlans } from '../plans/plans.table';
import { units } from '../units/units.table';
import { users } from '../users/users.table';
import { portalPageVisits } from '../../portal/portal.table';
import {
  disseminationOpportunities,
  disseminationPackages,
  disseminationPublicDocuments,
  disseminationRecipients,
  disseminationTasks,
} from './dissemination.table';

export type PackageRow = typeof disseminationPackages.$inferSelect;
export type OpportunityRow = typeof disseminationOpportunities.$inferSelect;

export async function findPackage(db: Db, agreementId: string, options: { lock?: boolean } = {}): Promise<PackageRow | null> {
  const query = db.select().from(disseminationPackages).where(eq(disseminationPackages.agreementId, agreementId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export function opportunityViewOf(row: OpportunityRow): OpportunityView {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    sectorCodes: row.sectorCodes,
    deadline: row.deadline,
    howToApply: row.howToApply,
    applyUrl: row.applyUrl,
    quota: row.quota,
    eligibility: row.eligibility,
    scheme: row.scheme,
    whoMayApply: row.whoMayApply,
    limits: row.limits,
    contact: row.contact,
    applyClicks: row.applyClicks,
  };
}

export async function loadTasks(db: Db, packageIds: string[]): Promise<(TaskView & { packageId: string })[]> {
  if (packageIds.length === 0) return [];
  return db
    .select({
      id: disseminationTasks.id,
      packageId: disseminationTasks.packageId,
      unitId: disseminationTasks.unitId,
      unitName: units.name,
      commitment: disseminationTasks.commitment,
      dueOn: disseminationTasks.dueOn,
    })
    .from(disseminationTasks)
    .innerJoin(units, eq(units.id, disseminationTasks.unitId))
    .where(inArray(disseminationTasks.packageId, packageIds))
    .orderBy(asc(disseminationTasks.position));
}

// Per OPD told: sent, first opened (and by whom), acknowledged, and whether it has planned anything.
export async function loadRecipients(db: Db, packageIds: string[]): Promise<(RecipientView & { packageId: string })[]> {
  if (packageIds.length === 0) return [];
  const rows = await db
    .select({
      packageId: disseminationRecipients.packageId,
      unitId: disseminationRecipients.unitId,
      unitName: units.name,
      sentAt: disseminationRecipients.sentAt,
      firstOpenedAt: disseminationRecipients.firstOpenedAt,
      firstOpenedByName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${disseminationRecipients.firstOpenedBy})`,
      acknowledgedAt: disseminationRecipients.acknowledgedAt,
      acknowledgedByName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${disseminationRecipients.acknowledgedBy})`,
      planned: sql<unknown>`EXISTS (SELECT 1 FROM ${activityPlans} ap WHERE ap.agreement_id = ${disseminationPackages.agreementId} AND ap.unit_id = ${disseminationRecipients.unitId})`,
    })
    .from(disseminationRecipients)
    .innerJoin(units, eq(units.id, disseminationRecipients.unitId))
    .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationRecipients.packageId))
    .where(inArray(disseminationRecipients.packageId, packageIds))
    .orderBy(asc(units.name));
  return rows.map((row) => ({
    ...row,
    sentAt: row.sentAt.toISOString(),
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    planned: Boolean(row.planned),
  }));
}

export async function packageViewOf(db: Db, row: PackageRow, can: PackageView['can']): Promise<PackageView> {
  const [agreement] = await db.select({ title: agreements.title }).from(agreements).where(eq(agreements.id, row.agreementId));
  const tasks = await loadTasks(db, [row.id]);
  const opportunities = await db
    .select()
    .from(disseminationOpportunities)
    .where(eq(disseminationOpportunities.packageId, row.id))
    .orderBy(asc(disseminationOpportunities.position));
  const documents = await db
    .select({ id: disseminationPublicDocuments.documentId })
    .from(disseminationPublicDocuments)
    .where(eq(disseminationPublicDocuments.packageId, row.id));
  const recipients = await loadRecipients(db, [row.id]);
  const [visits] = await db
    .select({ total: sql<number>`coalesce(sum(${portalPageVisits.visits}), 0)::int` })
    .from(portalPageVisits)
    .where(and(eq(portalPageVisits.page, 'agreement'), eq(portalPageVisits.entityId, row.agreementId)));
  return {
    id: row.id,
    agreementId: row.agreementId,
    agreementTitle: agreement?.title ?? '',
    status: row.status,
    summaryWhat: row.summaryWhat,
    summaryWithWhom: row.summaryWithWhom,
    summaryUntil: row.summaryUntil,
    summaryWhy: row.summaryWhy,
    tasks: tasks.map(({ packageId: _packageId, ...task }) => task),
    opportunities: opportunities.map(opportunityViewOf),
    publicDocumentIds: documents.map((document) => document.id).sort(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedByName: row.approvedByName,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    recipients: recipients.map(({ packageId: _packageId, ...recipient }) => recipient),
    portalVisits: visits?.total ?? 0,
    version: row.version,
    can,
  };
}

// Active accounts of the given OPDs (liaisons) or of the division's admins, with their addresses.
export async function usersOfUnits(db: Db, unitIds: string[]): Promise<{ id: string; email: string; unitId: string | null }[]> {
  if (unitIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.isActive, true), eq(users.role, 'opd'), inArray(users.unitId, unitIds)));
}

export async function activeAdmins(db: Db): Promise<{ id: string; email: string }[]> {
  return db.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.isActive, true), eq(users.role, 'admin')));
}
