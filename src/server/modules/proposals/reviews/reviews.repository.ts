import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../users/users.table';
import { proposalReviewAssignments, proposalReviewDecisions, proposalReviews, proposalReviewTiers } from './reviews.table';

export type ReviewRow = typeof proposalReviews.$inferSelect;
export type TierRow = typeof proposalReviewTiers.$inferSelect;
export type AssignmentRow = typeof proposalReviewAssignments.$inferSelect;
export type DecisionRow = typeof proposalReviewDecisions.$inferSelect;
export type PersonRow = { id: string; name: string; email: string; role: 'admin' | 'tkksd' | 'opd' | 'pimpinan'; isActive: boolean };

export async function findReview(db: Db, { proposalId, stageCode }: { proposalId: string; stageCode: string }): Promise<ReviewRow | undefined> {
  const [row] = await db.select().from(proposalReviews).where(and(eq(proposalReviews.proposalId, proposalId), eq(proposalReviews.stageCode, stageCode)));
  return row;
}

export async function insertReview(db: Db, values: typeof proposalReviews.$inferInsert): Promise<ReviewRow> {
  const [row] = await db.insert(proposalReviews).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function insertTiers(db: Db, values: (typeof proposalReviewTiers.$inferInsert)[]): Promise<void> {
  await db.insert(proposalReviewTiers).values(values);
}

export async function insertAssignments(db: Db, values: (typeof proposalReviewAssignments.$inferInsert)[]): Promise<AssignmentRow[]> {
  return db.insert(proposalReviewAssignments).values(values).returning();
}

export async function endAssignment(db: Db, { id, at, replacedBy }: { id: string; at: Date; replacedBy: string }): Promise<void> {
  await db.update(proposalReviewAssignments).set({ endedAt: at, replacedBy }).where(eq(proposalReviewAssignments.id, id));
}

export async function insertDecision(db: Db, values: typeof proposalReviewDecisions.$inferInsert): Promise<DecisionRow> {
  const [row] = await db.insert(proposalReviewDecisions).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function listTiers(db: Db, reviewId: string): Promise<TierRow[]> {
  return db.select().from(proposalReviewTiers).where(eq(proposalReviewTiers.reviewId, reviewId)).orderBy(asc(proposalReviewTiers.position));
}

export async function listAssignments(db: Db, reviewId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(proposalReviewAssignments)
    .where(eq(proposalReviewAssignments.reviewId, reviewId))
    .orderBy(asc(proposalReviewAssignments.tierPosition), asc(proposalReviewAssignments.assignedAt), asc(proposalReviewAssignments.id));
}

export async function listDecisions(db: Db, reviewId: string): Promise<DecisionRow[]> {
  return db.select().from(proposalReviewDecisions).where(eq(proposalReviewDecisions.reviewId, reviewId)).orderBy(asc(proposalReviewDecisions.at), asc(proposalReviewDecisions.id));
}

export async function activeTierReviewers(db: Db, { reviewId, tierPosition }: { reviewId: string; tierPosition: number }): Promise<PersonRow[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, isActive: users.isActive })
    .from(proposalReviewAssignments)
    .innerJoin(users, eq(users.id, proposalReviewAssignments.reviewerId))
    .where(and(eq(proposalReviewAssignments.reviewId, reviewId), eq(proposalReviewAssignments.tierPosition, tierPosition), isNull(proposalReviewAssignments.endedAt)));
}

export async function findPeople(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.name, email: users.email, role: users.role, isActive: users.isActive }).from(users).where(inArray(users.id, [...ids]));
}

// Active accounts of the given roles, by name: the people a review may be given to.
export async function activePeopleWithRoles(db: Db, { roles }: { roles: readonly PersonRow['role'][] }): Promise<PersonRow[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, isActive: users.isActive })
    .from(users)
    .where(and(eq(users.isActive, true), inArray(users.role, [...roles])))
    .orderBy(asc(users.name), asc(users.id));
}
