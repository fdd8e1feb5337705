import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { TKKSD_STAGE_CODE, type CreateReviewSchema, type ReplaceReviewerSchema, type ReviewView } from '../../../../shared/proposal-reviews';
import type { Db } from '../../../db/client';
import type { ActorCtx } from '../../../lib/context';
import { AppError, forbidden, invalid, notFound, staleVersion } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { recordAudit } from '../../audit/audit.service';
import { deliverMail } from '../../mail/mail.service';
import { announceTierOpen } from './reviews.notices';
import { canBeReviewer, canManageReview, canReadReview } from './reviews.policy';
import * as reviewRepo from './reviews.repository';
import { proposalReviews } from './reviews.table';
import { buildReviewView } from './reviews.views';
import { loadReadableProposal } from '../core/proposals-access.service';
import * as repo from '../core/proposals.repository';
import { visibleProposal } from '../core/proposals.service';

export const REVIEW_WHAT: [string, string] = ['Peninjauan TKKSD', 'TKKSD review'];

type ConfigureData = z.output<typeof CreateReviewSchema>;
type ReplaceData = z.output<typeof ReplaceReviewerSchema>;
export type LockedProposal = repo.ProposalRow & { assignedReviewerIds: string[] };

export function reviewConflict(reason: string, { message, messageEn }: { message: string; messageEn: string }): AppError {
  return new AppError({ code: 'CONFLICT', message, messageEn, details: { reason } });
}

// Taken first in every review change: two people acting on one proposal are serialised here.
export async function lockProposalForReview(ctx: ActorCtx, { proposalId, db }: { proposalId: string; db: Db }): Promise<LockedProposal> {
  return loadReadableProposal(ctx, { id: proposalId, db, lock: true });
}

export async function reviewViewOf(db: Db, options: { review: reviewRepo.ReviewRow; proposalState: repo.ProposalRow['state']; actorId: string }): Promise<ReviewView> {
  const { review } = options;
  const [tiers, assignments, decisions] = await Promise.all([reviewRepo.listTiers(db, review.id), reviewRepo.listAssignments(db, review.id), reviewRepo.listDecisions(db, review.id)]);
  const people = await reviewRepo.findPeople(db, [...new Set(assignments.map((row) => row.reviewerId))]);
  return buildReviewView({ review, tiers, assignments, decisions, people }, { proposalState: options.proposalState, actorId: options.actorId });
}

// null while no review has been set for the proposal.
export async function getReview(ctx: ActorCtx, proposalId: string): Promise<{ review: ReviewView | null }> {
  const row = await visibleProposal(ctx, { id: proposalId });
  if (!canReadReview(ctx.actor, row)) throw forbidden();
  const review = await reviewRepo.findReview(ctx.db, { proposalId: row.id, stageCode: TKKSD_STAGE_CODE });
  if (!review) return { review: null };
  return { review: await reviewViewOf(ctx.db, { review, proposalState: row.state, actorId: ctx.actor.id }) };
}

async function checkReviewers(db: Db, ids: readonly string[], field: (id: string) => string): Promise<Map<string, reviewRepo.PersonRow>> {
  const people = new Map((await reviewRepo.findPeople(db, ids)).map((person) => [person.id, person]));
  for (const id of ids) {
    const person = people.get(id);
    if (!person || !canBeReviewer(person)) {
      throw invalid(field(id), { message: 'Peninjau harus pengguna aktif dengan peran TKKSD atau admin.', messageEn: 'A reviewer must be an active user with the TKKSD or admin role.' });
    }
  }
  return people;
}

function notAtTkksdStage(): AppError {
  return reviewConflict('wrong_stage', { message: 'Peninjau TKKSD hanya ditetapkan saat usulan berada pada tahap pembahasan TKKSD.', messageEn: 'TKKSD reviewers are set only while the proposal is at the TKKSD discussion stage.' });
}

// The admin sets the tiers once; afterwards reviewers are replaced one by one.
export async function configureReview(ctx: ActorCtx, { proposalId, ...input }: { proposalId: string } & ConfigureData): Promise<ReviewView> {
  const { review, state, mailIds } = await ctx.db.transaction(async (tx) => {
    const before = await lockProposalForReview(ctx, { proposalId, db: tx });
    if (!canReadReview(ctx.actor, before) || !canManageReview(ctx.actor)) throw forbidden();
    const isOpen = before.state === 'aktif' || before.state === 'dikembalikan';
    if (before.stageCode !== TKKSD_STAGE_CODE || !isOpen) throw notAtTkksdStage();
    if (await reviewRepo.findReview(tx, { proposalId: before.id, stageCode: before.stageCode })) {
      throw reviewConflict('review_exists', { message: 'Peninjau untuk usulan ini sudah ditetapkan; ganti peninjau satu per satu.', messageEn: 'Reviewers are already set for this proposal; replace them one by one.' });
    }
    const positions = new Map(input.tiers.flatMap((tier, index) => tier.reviewerIds.map((id, at) => [id, `tiers.${String(index)}.reviewerIds.${String(at)}`] as const)));
    const people = await checkReviewers(tx, [...positions.keys()], (id) => positions.get(id) ?? 'tiers');
    const created = await reviewRepo.insertReview(tx, { proposalId: before.id, stageCode: before.stageCode, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now });
    await reviewRepo.insertTiers(tx, input.tiers.map((tier, index) => ({ reviewId: created.id, position: index + 1, rule: tier.rule })));
    await reviewRepo.insertAssignments(
      tx,
      input.tiers.flatMap((tier, index) => tier.reviewerIds.map((reviewerId) => ({ reviewId: created.id, tierPosition: index + 1, reviewerId, assignedAt: ctx.now, assignedBy: ctx.actor.id }))),
    );
    const layout = input.tiers.map((tier, index) => ({ tier: index + 1, rule: tier.rule, reviewers: tier.reviewerIds.map((id) => people.get(id)?.name ?? id) }));
    await repo.insertEvent(tx, { proposalId: before.id, at: ctx.now, action: 'review_configured', details: { tiers: layout }, actorId: ctx.actor.id, actorLabel: ctx.actor.email });
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal_review', entityId: created.id, action: 'create', at: ctx.now, changes: [{ field: 'tiers', old: null, new: layout }] });
    // A proposal sent back at this stage hears nothing until it resumes.
    const firstTier = before.state === 'aktif' ? await reviewRepo.activeTierReviewers(tx, { reviewId: created.id, tierPosition: 1 }) : [];
    const queued = firstTier.length > 0 ? await announceTierOpen({ ...ctx, db: tx }, { row: before, tier: 1, round: 1, reviewers: firstTier }) : [];
    return { review: created, state: before.state, mailIds: queued };
  });
  await deliverMail(ctx, mailIds);
  return reviewViewOf(ctx.db, { review, proposalState: state, actorId: ctx.actor.id });
}

// The replaced reviewer's assignment ends (their decisions stay in the history but count no more);
// the new reviewer takes the same tier and is told at once if that tier is open.
export async function replaceReviewer(ctx: ActorCtx, { proposalId, ...input }: { proposalId: string } & ReplaceData): Promise<ReviewView> {
  const { review, state, mailIds } = await ctx.db.transaction(async (tx) => {
    const before = await lockProposalForReview(ctx, { proposalId, db: tx });
    if (!canReadReview(ctx.actor, before) || !canManageReview(ctx.actor)) throw forbidden();
    const current = await reviewRepo.findReview(tx, { proposalId: before.id, stageCode: TKKSD_STAGE_CODE });
    if (!current) throw notFound(...REVIEW_WHAT);
    if (current.status !== 'berjalan') throw reviewConflict('review_done', { message: 'Peninjauan sudah selesai; peninjau tidak dapat diganti.', messageEn: 'The review is over; reviewers can no longer be replaced.' });
    // Stale first: an admin who saw an older layout is told to reload before anything else.
    if (current.version !== input.version) throw staleVersion();
    const assignments = await reviewRepo.listAssignments(tx, current.id);
    const old = assignments.find((row) => row.id === input.assignmentId && !row.endedAt);
    if (!old) throw invalid('assignmentId', { message: 'Penugasan peninjau tidak ditemukan atau sudah berakhir.', messageEn: 'The reviewer assignment does not exist or has already ended.' });
    if (assignments.some((row) => row.reviewerId === input.reviewerId && !row.endedAt)) {
      throw invalid('reviewerId', { message: 'Pengguna ini sudah menjadi peninjau usulan ini.', messageEn: 'This user already reviews this proposal.' });
    }
    const people = await checkReviewers(tx, [input.reviewerId], () => 'reviewerId');
    const updated = await updateVersioned({ db: tx, table: proposalReviews, where: eq(proposalReviews.id, current.id), version: input.version, patch: {}, now: ctx.now, what: REVIEW_WHAT });
    const [added] = await reviewRepo.insertAssignments(tx, [{ reviewId: current.id, tierPosition: old.tierPosition, reviewerId: input.reviewerId, assignedAt: ctx.now, assignedBy: ctx.actor.id }]);
    if (!added) throw new Error('insert returned nothing');
    await reviewRepo.endAssignment(tx, { id: old.id, at: ctx.now, replacedBy: added.id });
    const [oldPerson] = await reviewRepo.findPeople(tx, [old.reviewerId]);
    const newPerson = people.get(input.reviewerId);
    const change = { field: `tier${String(old.tierPosition)}`, old: oldPerson?.name ?? old.reviewerId, new: newPerson?.name ?? input.reviewerId };
    await repo.insertEvent(tx, { proposalId: before.id, at: ctx.now, action: 'reviewer_replaced', details: { tier: old.tierPosition, from: change.old, to: change.new }, actorId: ctx.actor.id, actorLabel: ctx.actor.email });
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal_review', entityId: current.id, action: 'replace_reviewer', at: ctx.now, changes: [change, { field: 'endedAssignment', old: old.id, new: added.id }] });
    const isTierOpen = old.tierPosition === current.currentTier && before.state === 'aktif';
    const queued = isTierOpen && newPerson ? await announceTierOpen({ ...ctx, db: tx }, { row: before, tier: old.tierPosition, round: current.round, reviewers: [newPerson] }) : [];
    return { review: updated, state: before.state, mailIds: queued };
  });
  await deliverMail(ctx, mailIds);
  return reviewViewOf(ctx.db, { review, proposalState: state, actorId: ctx.actor.id });
}
