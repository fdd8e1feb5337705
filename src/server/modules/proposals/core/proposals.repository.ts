import { and, asc, desc, eq, exists, gte, ilike, inArray, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { CooperationKind } from '../../../../shared/agreement-codes';
import type { ProcedureDocType } from '../../../../shared/procedures';
import { CLOSED_PROPOSAL_STATES, type ProposalListQuery } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import { units } from '../../units/units.table';
import { proposalReviewAssignments, proposalReviews } from '../reviews/reviews.table';
import type { proposalListScopeWithReviews } from './proposals.policy';
import { proposalDocuments, proposalEvents, proposals } from './proposals.table';

export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalDocumentRow = typeof proposalDocuments.$inferSelect;
export type ProposalEventRow = typeof proposalEvents.$inferSelect;

// With the reviewers assigned to it, so that the read rule can let them in.
export async function findProposal(db: Db, id: string): Promise<(ProposalRow & { assignedReviewerIds: string[] }) | undefined> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
  if (!row) return undefined;
  return { ...row, assignedReviewerIds: await assignedReviewerIds(db, id) };
}

// Reviewers holding a running or decided assignment (a replaced one no longer counts).
export async function assignedReviewerIds(db: Db, proposalId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ reviewerId: proposalReviewAssignments.reviewerId })
    .from(proposalReviewAssignments)
    .innerJoin(proposalReviews, eq(proposalReviews.id, proposalReviewAssignments.reviewId))
    .where(and(eq(proposalReviews.proposalId, proposalId), isNull(proposalReviewAssignments.endedAt)));
  return rows.map((row) => row.reviewerId);
}

export function assignedTo(reviewerId: string): SQL {
  return exists(
    sql`(select 1 from ${proposalReviewAssignments} inner join ${proposalReviews} on ${proposalReviews.id} = ${proposalReviewAssignments.reviewId}
      where ${proposalReviews.proposalId} = ${proposals.id} and ${proposalReviewAssignments.reviewerId} = ${reviewerId} and ${proposalReviewAssignments.endedAt} is null)`,
  );
}

// Taken inside the transaction of a change, so that two people acting at once are serialised.
export async function lockProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id)).for('update');
  return row;
}

export async function findByIdempotencyKey(db: Db, key: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(proposals).where(eq(proposals.idempotencyKey, key));
  return row;
}

// An outside sender's proposals still open and sent since the given time, newest first.
export async function findOpenFromSender(db: Db, { email, since }: { email: string; since: Date }): Promise<ProposalRow[]> {
  return db
    .select()
    .from(proposals)
    .where(and(eq(proposals.initiatorType, 'external'), eq(proposals.externalEmail, email), gte(proposals.createdAt, since), notInArray(proposals.state, [...CLOSED_PROPOSAL_STATES])))
    .orderBy(desc(proposals.createdAt));
}

export async function insertProposal(db: Db, values: typeof proposals.$inferInsert): Promise<ProposalRow> {
  const [row] = await db.insert(proposals).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function trackingCodeTaken(db: Db, trackingCode: string): Promise<boolean> {
  const rows = await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.trackingCode, trackingCode));
  return rows.length > 0;
}

export async function presentDocTypes(db: Db, proposalId: string): Promise<ProcedureDocType[]> {
  const rows = await db.selectDistinct({ docType: proposalDocuments.docType }).from(proposalDocuments).where(eq(proposalDocuments.proposalId, proposalId));
  return rows.map((row) => row.docType);
}

export async function listDocumentsOf(db: Db, proposalId: string): Promise<ProposalDocumentRow[]> {
  return db
    .select()
    .from(proposalDocuments)
    .where(eq(proposalDocuments.proposalId, proposalId))
    .orderBy(asc(proposalDocuments.docType), desc(proposalDocuments.versionNo));
}

export async function findDocument(db: Db, id: string): Promise<ProposalDocumentRow | undefined> {
  const [row] = await db.select().from(proposalDocuments).where(eq(proposalDocuments.id, id));
  return row;
}

export async function nextDocumentVersion(db: Db, { proposalId, docType }: { proposalId: string; docType: ProcedureDocType }): Promise<number> {
  const [row] = await db
    .select({ latest: sql<number>`coalesce(max(${proposalDocuments.versionNo}), 0)::int` })
    .from(proposalDocuments)
    .where(and(eq(proposalDocuments.proposalId, proposalId), eq(proposalDocuments.docType, docType)));
  return (row?.latest ?? 0) + 1;
}

export async function insertDocument(db: Db, values: typeof proposalDocuments.$inferInsert): Promise<ProposalDocumentRow> {
  const [row] = await db.insert(proposalDocuments).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function listEventsOf(db: Db, proposalId: string): Promise<ProposalEventRow[]> {
  return db.select().from(proposalEvents).where(eq(proposalEvents.proposalId, proposalId)).orderBy(asc(proposalEvents.at), asc(proposalEvents.id));
}

export async function insertEvent(db: Db, values: typeof proposalEvents.$inferInsert): Promise<void> {
  await db.insert(proposalEvents).values(values);
}

export async function unitName(db: Db, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name ?? null;
}

type Scope = ReturnType<typeof proposalListScopeWithReviews>;
export type ListOptions = { assignedToUserId?: string | null };

function listFilters(scope: Scope, query: ProposalListQuery, options: ListOptions): SQL[] {
  const filters: SQL[] = [];
  if (scope.kind === 'assigned') filters.push(assignedTo(scope.reviewerId));
  if (options.assignedToUserId) filters.push(assignedTo(options.assignedToUserId));
  if (scope.kind === 'unit') filters.push(and(eq(proposals.initiatorType, 'opd'), eq(proposals.unitId, scope.unitId)) as SQL);
  if (scope.kind === 'none') filters.push(sql`false`);
  // Drafts are not in the division's queue: shown to others only when asked for by state.
  if (scope.kind === 'submitted' || (scope.kind === 'all' && !query.state)) filters.push(ne(proposals.state, 'draf'));
  if (query.state) filters.push(eq(proposals.state, query.state));
  if (query.kind) filters.push(eq(proposals.kind, query.kind));
  if (query.stageCode) filters.push(eq(proposals.stageCode, query.stageCode));
  if (query.unitId) filters.push(eq(proposals.unitId, query.unitId));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    filters.push(or(ilike(proposals.title, pattern), ilike(proposals.trackingCode, pattern), ilike(proposals.externalInstitution, pattern)) as SQL);
  }
  return filters;
}

export async function selectProposalPage(db: Db, { scope, query, ...options }: { scope: Scope; query: ProposalListQuery } & ListOptions) {
  const where = and(...listFilters(scope, query, options));
  const [rows, totals] = await Promise.all([
    db
      .select({ proposal: proposals, unitName: units.name })
      .from(proposals)
      .leftJoin(units, eq(units.id, proposals.unitId))
      .where(where)
      .orderBy(desc(proposals.updatedAt), asc(proposals.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(proposals).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

// Proposals still under way whose stage is not among the given codes: they would be stranded.
export async function countOpenProposalsOutside(db: Db, { kind, keptCodes }: { kind: CooperationKind; keptCodes: string[] }): Promise<{ stageCode: string; total: number }[]> {
  return db
    .select({ stageCode: proposals.stageCode, total: sql<number>`count(*)::int` })
    .from(proposals)
    .where(and(eq(proposals.kind, kind), inArray(proposals.state, ['draf', 'aktif', 'dikembalikan']), notInArray(proposals.stageCode, keptCodes)))
    .groupBy(proposals.stageCode);
}
