import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { OpportunityInput, OpportunityView, PackageView, RecipientView, SavePackageInput, TaskView, TrackingRow } from '../../../shared/dissemination';
import type { Db } from '../../db/client';
import { agreements } from '../agreements/agreements.table';
import { documents } from '../documents/documents.table';
import { sectors } from '../master/master.table';
import { units } from '../units/units.table';
import { portalPageVisits } from './portal-visits.table';
import {
  disseminationOpportunities,
  disseminationPackages,
  disseminationPublicDocuments,
  disseminationRecipients,
  disseminationReminders,
  disseminationTasks,
} from './dissemination.table';

export type PackageRow = typeof disseminationPackages.$inferSelect;
export type OpportunityRow = typeof disseminationOpportunities.$inferSelect;

// What dissemination knows of an OPD told. Whether that OPD has planned anything is the plans
// module's to say: it completes these into the API's RecipientView, PackageView and TrackingRow.
export type RecipientProgress = Omit<RecipientView, 'planned'>;
export type PackageProgress = Omit<PackageView, 'recipients'> & { recipients: RecipientProgress[] };
export type TrackingProgress = Omit<TrackingRow, 'recipients'> & { recipients: RecipientProgress[] };

export async function findPackage(db: Db, { agreementId, lock }: { agreementId: string; lock?: boolean }): Promise<PackageRow | null> {
  const query = db.select().from(disseminationPackages).where(eq(disseminationPackages.agreementId, agreementId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

// Ids of the package's rows among those sent back: a row keeps its id only if it is the package's own.
async function ownIds(db: Db, table: typeof disseminationTasks | typeof disseminationOpportunities, packageId: string, sentIds: string[]): Promise<Set<string>> {
  if (sentIds.length === 0) return new Set();
  const rows = await db.select({ id: table.id }).from(table).where(and(eq(table.packageId, packageId), inArray(table.id, sentIds)));
  return new Set(rows.map((row) => row.id));
}

export function opportunityValues(opportunity: OpportunityInput, position: number) {
  return {
    type: opportunity.type,
    title: opportunity.title,
    description: opportunity.description ?? null,
    sectorCodes: [...new Set(opportunity.sectorCodes)],
    deadline: opportunity.deadline ?? null,
    howToApply: opportunity.howToApply ?? null,
    applyUrl: opportunity.applyUrl ?? null,
    quota: opportunity.quota ?? null,
    eligibility: opportunity.eligibility ?? null,
    scheme: opportunity.scheme ?? null,
    whoMayApply: opportunity.whoMayApply ?? null,
    limits: opportunity.limits ?? null,
    contact: opportunity.contact ?? null,
    position,
  };
}

// Tasks, opportunities and public documents as sent. Tasks and opportunities sent back with their id
// keep it (an opportunity its portal click count); rows not sent back are removed.
export async function replacePackageContents(tx: Db, { packageId, input }: { packageId: string; input: SavePackageInput }): Promise<void> {
  const taskIds = await ownIds(tx, disseminationTasks, packageId, input.tasks.flatMap((task) => (task.id ? [task.id] : [])));
  await tx.delete(disseminationTasks).where(and(eq(disseminationTasks.packageId, packageId), taskIds.size > 0 ? notInArray(disseminationTasks.id, [...taskIds]) : undefined));
  for (const [position, task] of input.tasks.entries()) {
    const values = { unitId: task.unitId, commitment: task.commitment, dueOn: task.dueOn ?? null, position };
    if (task.id && taskIds.has(task.id)) await tx.update(disseminationTasks).set(values).where(eq(disseminationTasks.id, task.id));
    else await tx.insert(disseminationTasks).values({ packageId, ...values });
  }
  const opportunityIds = await ownIds(tx, disseminationOpportunities, packageId, input.opportunities.flatMap((opportunity) => (opportunity.id ? [opportunity.id] : [])));
  await tx
    .delete(disseminationOpportunities)
    .where(and(eq(disseminationOpportunities.packageId, packageId), opportunityIds.size > 0 ? notInArray(disseminationOpportunities.id, [...opportunityIds]) : undefined));
  for (const [position, opportunity] of input.opportunities.entries()) {
    const values = opportunityValues(opportunity, position);
    if (opportunity.id && opportunityIds.has(opportunity.id)) await tx.update(disseminationOpportunities).set(values).where(eq(disseminationOpportunities.id, opportunity.id));
    else await tx.insert(disseminationOpportunities).values({ packageId, ...values });
  }
  await tx.delete(disseminationPublicDocuments).where(eq(disseminationPublicDocuments.packageId, packageId));
  const documentIds = [...new Set(input.publicDocumentIds)];
  if (documentIds.length > 0) await tx.insert(disseminationPublicDocuments).values(documentIds.map((documentId) => ({ packageId, documentId })));
}

// OPDs no longer told to act: they leave the follow-up, and their reminder records with them.
export async function removeRecipients(tx: Db, { packageId, unitIds }: { packageId: string; unitIds: string[] }): Promise<void> {
  if (unitIds.length === 0) return;
  await tx.delete(disseminationRecipients).where(and(eq(disseminationRecipients.packageId, packageId), inArray(disseminationRecipients.unitId, unitIds)));
  await tx.delete(disseminationReminders).where(and(eq(disseminationReminders.packageId, packageId), inArray(disseminationReminders.unitId, unitIds)));
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

// Per OPD told: sent, first opened (and by whom), acknowledged.
export async function loadRecipients(db: Db, packageIds: string[]): Promise<(RecipientProgress & { packageId: string })[]> {
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
    })
    .from(disseminationRecipients)
    .innerJoin(units, eq(units.id, disseminationRecipients.unitId))
    .where(inArray(disseminationRecipients.packageId, packageIds))
    .orderBy(asc(units.name));
  return rows.map((row) => ({
    ...row,
    sentAt: row.sentAt.toISOString(),
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
  }));
}

export async function loadOpportunities(db: Db, packageId: string): Promise<OpportunityRow[]> {
  return db.select().from(disseminationOpportunities).where(eq(disseminationOpportunities.packageId, packageId)).orderBy(asc(disseminationOpportunities.position));
}

export async function packageViewOf(db: Db, { row, abilities }: { row: PackageRow; abilities: PackageView['abilities'] }): Promise<PackageProgress> {
  // showsOnPortal follows the portal's rule (public.repository.ts): signed, chosen public, signed document
  // attached. The id is spelled out: a one-table select leaves columns unqualified, even in a subquery.
  const [agreement] = await db
    .select({
      title: agreements.title,
      showsOnPortal: sql<boolean>`(${agreements.isDraft} = false AND ${agreements.isPublic} AND EXISTS (SELECT 1 FROM documents d WHERE d.agreement_id = ${sql.raw('"agreements"."id"')} AND d.kind = 'naskah_ttd'))`,
    })
    .from(agreements)
    .where(eq(agreements.id, row.agreementId));
  const tasks = await loadTasks(db, [row.id]);
  const opportunities = await loadOpportunities(db, row.id);
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
    publicationRequest: row.status === 'review' && row.publicationRequestedAt ? { requestedByName: row.publicationRequestedByName ?? '', requestedAt: row.publicationRequestedAt.toISOString() } : null,
    sentBack: row.status === 'draft' && row.sentBackNote && row.sentBackAt ? { note: row.sentBackNote, byName: row.sentBackByName ?? '', at: row.sentBackAt.toISOString() } : null,
    notifiesUnitNames: [...new Set(tasks.map((task) => task.unitName))].sort((a, b) => a.localeCompare(b, 'id')),
    showsOnPortal: agreement?.showsOnPortal ?? false,
    approvedByName: row.approvedByName,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    recipients: recipients.map(({ packageId: _packageId, ...recipient }) => recipient),
    portalVisits: visits?.total ?? 0,
    version: row.version,
    abilities,
  };
}

export type PackageSummary = Pick<PackageRow, 'summaryWhat' | 'summaryWithWhom' | 'summaryUntil' | 'summaryWhy'>;

export async function insertPackage(tx: Db, values: PackageSummary & { agreementId: string; createdBy: string; createdAt: Date }): Promise<PackageRow> {
  const [row] = await tx.insert(disseminationPackages).values({ ...values, updatedAt: values.createdAt }).returning();
  if (!row) throw new Error('package write returned nothing');
  return row;
}

// Every change of a package bumps its version (the portal cache's signature includes it).
export async function updatePackage(tx: Db, { id, patch }: { id: string; patch: Partial<typeof disseminationPackages.$inferInsert> & { version: number; updatedAt: Date } }): Promise<PackageRow> {
  const [row] = await tx.update(disseminationPackages).set(patch).where(eq(disseminationPackages.id, id)).returning();
  if (!row) throw new Error('package update returned nothing');
  return row;
}

// The package's rows for the division's tracking table, most recently changed first.
export async function listPackagesForTracking(db: Db) {
  return db
    .select({ id: disseminationPackages.id, agreementId: disseminationPackages.agreementId, title: agreements.title, status: disseminationPackages.status, publishedAt: disseminationPackages.publishedAt })
    .from(disseminationPackages)
    .innerJoin(agreements, eq(agreements.id, disseminationPackages.agreementId))
    .orderBy(desc(disseminationPackages.updatedAt));
}

export async function recipientUnitIds(db: Db, packageId: string): Promise<string[]> {
  const rows = await db.select({ unitId: disseminationRecipients.unitId }).from(disseminationRecipients).where(eq(disseminationRecipients.packageId, packageId));
  return rows.map((row) => row.unitId);
}

// OPDs told of a published package; an OPD already told keeps its first record.
export async function addRecipients(tx: Db, { packageId, unitIds, sentAt }: { packageId: string; unitIds: string[]; sentAt: Date }): Promise<void> {
  if (unitIds.length === 0) return;
  await tx.insert(disseminationRecipients).values(unitIds.map((unitId) => ({ packageId, unitId, sentAt }))).onConflictDoNothing();
}

// Only the first opening is kept; true when this one was it.
export async function recordFirstOpening(tx: Db, opening: { packageId: string; unitId: string; by: string; at: Date }): Promise<boolean> {
  const opened = await tx
    .update(disseminationRecipients)
    .set({ firstOpenedAt: opening.at, firstOpenedBy: opening.by })
    .where(and(eq(disseminationRecipients.packageId, opening.packageId), eq(disseminationRecipients.unitId, opening.unitId), isNull(disseminationRecipients.firstOpenedAt)))
    .returning({ unitId: disseminationRecipients.unitId });
  return opened.length > 0;
}

// The OPD's acknowledgement (and its opening, if it never opened the package before); true when
// this call recorded it, false when it was already there or the OPD was never told.
export async function recordAcknowledgement(tx: Db, acknowledgement: { packageId: string; unitId: string; by: string; at: Date }): Promise<boolean> {
  const { packageId, unitId, by, at } = acknowledgement;
  const where = and(eq(disseminationRecipients.packageId, packageId), eq(disseminationRecipients.unitId, unitId));
  const [current] = await tx.select().from(disseminationRecipients).where(where).for('update');
  if (!current || current.acknowledgedAt) return false;
  await tx
    .update(disseminationRecipients)
    .set({ acknowledgedAt: at, acknowledgedBy: by, firstOpenedAt: current.firstOpenedAt ?? at, firstOpenedBy: current.firstOpenedBy ?? by })
    .where(where);
  return true;
}

// Acknowledgements written as given, without a person: only the demo data set does this.
export async function markAcknowledged(tx: Db, { packageId, unitIds, at }: { packageId: string; unitIds: string[]; at: Date }): Promise<void> {
  if (unitIds.length === 0) return;
  await tx
    .update(disseminationRecipients)
    .set({ firstOpenedAt: at, acknowledgedAt: at })
    .where(and(eq(disseminationRecipients.packageId, packageId), inArray(disseminationRecipients.unitId, unitIds)));
}

// What a package's references point at, read before anything is written (see dissemination.rules.ts).
export async function existingUnitIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.select({ id: units.id }).from(units).where(inArray(units.id, ids))).map((row) => row.id));
}

export async function knownSectorCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  return new Set((await db.select({ code: sectors.code }).from(sectors).where(inArray(sectors.code, codes))).map((row) => row.code));
}

export async function documentIdsOfAgreement(db: Db, { agreementId, ids }: { agreementId: string; ids: string[] }): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set(
    (await db.select({ id: documents.id }).from(documents).where(and(eq(documents.agreementId, agreementId), inArray(documents.id, ids)))).map((row) => row.id),
  );
}

// Active accounts of the given OPDs (liaisons) or of the division's admins, with their addresses.
