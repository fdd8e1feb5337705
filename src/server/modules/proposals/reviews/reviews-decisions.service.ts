import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { TKKSD_STAGE_CODE, type ReviewDecisionSchema, type ReviewView } from '../../../../shared/proposal-reviews';
import type { Db } from '../../../db/client';
import type { Actor, ActorCtx } from '../../../lib/context';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { recordAudit } from '../../audit/audit.service';
import { deliverMail, type MailSettings } from '../../mail/mail.service';
import { announceReviewOutcome, announceTierOpen, type ReviewOutcome } from './reviews.notices';
import { canDecideReview, canReadReview } from './reviews.policy';
import * as reviewRepo from './reviews.repository';
import { lockProposalForReview, REVIEW_WHAT, reviewConflict, reviewViewOf, type LockedProposal } from './reviews.service';
import { proposalReviews } from './reviews.table';
import { outcomeAfterApproval } from './reviews.rules';
import { applyTransition } from '../transitions/transitions.service';
import * as repo from '../core/proposals.repository';

type DecisionData = z.output<typeof ReviewDecisionSchema>;
type Step = { db: Db; mail: MailSettings; actor: Actor; now: Date; proposal: LockedProposal; review: reviewRepo.ReviewRow; comment: string | null };
type StepResult = { review: reviewRepo.ReviewRow; proposalState: LockedProposal['state']; mailIds: string[] };

// Why a decision cannot be taken now; every case is a 409 that says so.
function checkOpen(proposal: LockedProposal, review: reviewRepo.ReviewRow): void {
  if (review.status !== 'berjalan') throw reviewConflict('review_done', { message: 'Peninjauan TKKSD untuk usulan ini sudah selesai.', messageEn: 'The TKKSD review of this proposal is over.' });
  if (proposal.state === 'dikembalikan') {
    throw reviewConflict('awaiting_revision', { message: 'Usulan sedang dikembalikan untuk diperbaiki; keputusan dapat diberikan setelah pemrakarsa melanjutkannya.', messageEn: 'The proposal is sent back for revision; decide once the initiator resumes it.' });
  }
  if (proposal.state !== 'aktif') throw reviewConflict('closed', { message: 'Usulan sudah ditutup.', messageEn: 'The proposal is closed.' });
}

function updateReview(step: Step, patch: Record<string, unknown>): Promise<reviewRepo.ReviewRow> {
  return updateVersioned({ db: step.db, table: proposalReviews, where: eq(proposalReviews.id, step.review.id), version: step.review.version, patch, now: step.now, what: REVIEW_WHAT });
}

// The last tier is satisfied: the stage closes through the procedure, as if the admin advanced it.
// A stage still missing a required document (the berita acara) waits for it; the admin then advances.
async function completeReview(step: Step): Promise<StepResult> {
  const review = await updateReview(step, { status: 'selesai', completedAt: step.now });
  let outcome: ReviewOutcome = 'passed';
  let proposalState = step.proposal.state;
  try {
    const moved = await applyTransition(step.db, { before: step.proposal, action: 'advance', note: null, version: step.proposal.version, now: step.now, by: { actor: step.actor } });
    proposalState = moved.row.state;
  } catch (error) {
    const reason = error instanceof AppError ? (error.details as { reason?: string } | undefined)?.reason : undefined;
    if (reason !== 'missing_documents' || !(error instanceof AppError)) throw error;
    outcome = 'passed_awaiting_documents';
    await repo.insertEvent(step.db, { proposalId: step.proposal.id, at: step.now, action: 'review_completed', note: error.message, actorId: step.actor.id, actorLabel: step.actor.email });
  }
  const mailIds = await announceReviewOutcome(step, { row: step.proposal, outcome, note: null, byUserId: step.actor.id });
  return { review, proposalState, mailIds };
}

async function approve(step: Step, assignments: reviewRepo.AssignmentRow[], decisions: reviewRepo.DecisionRow[]): Promise<StepResult> {
  const tiers = await reviewRepo.listTiers(step.db, step.review.id);
  const outcome = outcomeAfterApproval({
    tiers,
    currentTier: step.review.currentTier,
    assignments: assignments.map((row) => ({ id: row.id, tierPosition: row.tierPosition, isActive: !row.endedAt })),
    decisions,
    round: step.review.round,
  });
  switch (outcome.kind) {
    case 'waiting':
      return { review: step.review, proposalState: step.proposal.state, mailIds: [] };
    case 'next_tier': {
      const review = await updateReview(step, { currentTier: outcome.tier });
      await repo.insertEvent(step.db, { proposalId: step.proposal.id, at: step.now, action: 'review_tier_opened', details: { tier: outcome.tier, round: review.round }, actorId: step.actor.id, actorLabel: step.actor.email });
      const reviewers = await reviewRepo.activeTierReviewers(step.db, { reviewId: review.id, tierPosition: outcome.tier });
      const mailIds = await announceTierOpen(step, { row: step.proposal, tier: outcome.tier, round: review.round, reviewers });
      return { review, proposalState: step.proposal.state, mailIds };
    }
    case 'complete':
      return completeReview(step);
  }
}

// A request for revision sends the proposal back with the comment; the next round starts for the
// open tier, so that after the initiator resumes every reviewer of that tier decides again.
async function requestRevision(step: Step): Promise<StepResult> {
  const review = await updateReview(step, { round: step.review.round + 1 });
  const moved = await applyTransition(step.db, { before: step.proposal, action: 'send_back', note: step.comment, version: step.proposal.version, now: step.now, by: { actor: step.actor } });
  const mailIds = await announceReviewOutcome(step, { row: moved.row, outcome: 'revision_requested', note: step.comment, byUserId: step.actor.id });
  return { review, proposalState: moved.row.state, mailIds };
}

async function reject(step: Step): Promise<StepResult> {
  const review = await updateReview(step, { status: 'ditolak', completedAt: step.now });
  const moved = await applyTransition(step.db, { before: step.proposal, action: 'reject', note: step.comment, version: step.proposal.version, now: step.now, by: { actor: step.actor } });
  const mailIds = await announceReviewOutcome(step, { row: moved.row, outcome: 'rejected', note: step.comment, byUserId: step.actor.id });
  return { review, proposalState: moved.row.state, mailIds };
}

// One reviewer's decision. The proposal row is locked first, so two reviewers deciding at the same
// moment are taken one after the other and the stage advances exactly once.
export async function decideReview(ctx: ActorCtx, { proposalId, ...input }: { proposalId: string } & DecisionData): Promise<ReviewView> {
  const result = await ctx.db.transaction(async (tx): Promise<StepResult> => {
    const proposal = await lockProposalForReview(ctx, { proposalId, db: tx });
    if (!canReadReview(ctx.actor, proposal) || !canDecideReview(ctx.actor, proposal)) throw forbidden();
    const review = await reviewRepo.findReview(tx, { proposalId: proposal.id, stageCode: TKKSD_STAGE_CODE });
    if (!review) throw notFound(...REVIEW_WHAT);
    checkOpen(proposal, review);
    const assignments = await reviewRepo.listAssignments(tx, review.id);
    const mine = assignments.find((row) => row.reviewerId === ctx.actor.id && !row.endedAt);
    if (!mine) throw forbidden();
    if (mine.tierPosition !== review.currentTier) {
      const [message, messageEn] =
        mine.tierPosition > review.currentTier
          ? ['Tingkat peninjauan Anda belum dibuka.', 'Your review tier is not open yet.']
          : ['Tingkat peninjauan Anda sudah terpenuhi.', 'Your review tier is already satisfied.'];
      throw reviewConflict('tier_not_open', { message, messageEn });
    }
    const earlier = await reviewRepo.listDecisions(tx, review.id);
    if (earlier.some((row) => row.assignmentId === mine.id && row.round === review.round)) {
      throw reviewConflict('already_decided', { message: 'Anda sudah memberikan keputusan pada putaran ini.', messageEn: 'You have already decided in this round.' });
    }
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    const decision = await reviewRepo.insertDecision(tx, { reviewId: review.id, assignmentId: mine.id, round: review.round, tierPosition: mine.tierPosition, reviewerId: ctx.actor.id, decision: input.decision, comment, at: ctx.now });
    await repo.insertEvent(tx, { proposalId: proposal.id, at: ctx.now, action: 'review_decision', note: comment, details: { decision: input.decision, tier: mine.tierPosition, round: review.round }, actorId: ctx.actor.id, actorLabel: ctx.actor.email });
    const changes = [{ field: 'decision', old: null, new: input.decision }, ...(comment ? [{ field: 'comment', old: null, new: comment }] : []), { field: 'round', old: null, new: review.round }];
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal_review', entityId: review.id, action: 'decide', at: ctx.now, changes });
    const step: Step = { db: tx, mail: ctx.mail, actor: ctx.actor, now: ctx.now, proposal, review, comment };
    switch (input.decision) {
      case 'approve':
        return approve(step, assignments, [...earlier, decision]);
      case 'request_revision':
        return requestRevision(step);
      case 'reject':
        return reject(step);
    }
  });
  await deliverMail(ctx, result.mailIds);
  return reviewViewOf(ctx.db, { review: result.review, proposalState: result.proposalState, actorId: ctx.actor.id });
}
