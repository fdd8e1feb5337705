import type { ReviewAssignmentView, ReviewTierView, ReviewView } from '../../../../shared/proposal-reviews';
import type { ProposalState } from '../../../../shared/proposals';
import type { AssignmentRow, DecisionRow, PersonRow, ReviewRow, TierRow } from './reviews.repository';
import { reviewerRoleOf } from './reviews.policy';
import { currentDecisionOf } from './reviews.rules';

type ReviewFacts = { review: ReviewRow; tiers: TierRow[]; assignments: AssignmentRow[]; decisions: DecisionRow[]; people: PersonRow[] };

function tierStatus(review: ReviewRow, position: number): ReviewTierView['status'] {
  if (review.status === 'selesai' || position < review.currentTier) return 'passed';
  return position === review.currentTier && review.status === 'berjalan' ? 'open' : 'waiting';
}

function assignmentView(row: AssignmentRow, facts: ReviewFacts, people: Map<string, PersonRow>): ReviewAssignmentView {
  const person = people.get(row.reviewerId);
  return {
    id: row.id,
    tier: row.tierPosition,
    reviewer: { id: row.reviewerId, name: person?.name ?? '', email: person?.email ?? '', role: reviewerRoleOf(person) },
    assignedAt: row.assignedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    replacedBy: row.replacedBy,
    currentDecision: row.endedAt ? null : currentDecisionOf(row.id, { decisions: facts.decisions, round: facts.review.round }),
  };
}

// The asking user's running assignment in the open tier, not yet decided this round.
function pendingAssignmentOf(facts: ReviewFacts, proposalState: ProposalState, actorId: string): string | null {
  const { review } = facts;
  if (review.status !== 'berjalan' || proposalState !== 'aktif') return null;
  const mine = facts.assignments.find((row) => row.reviewerId === actorId && !row.endedAt && row.tierPosition === review.currentTier);
  if (!mine || currentDecisionOf(mine.id, { decisions: facts.decisions, round: review.round })) return null;
  return mine.id;
}

export function buildReviewView(facts: ReviewFacts, options: { proposalState: ProposalState; actorId: string }): ReviewView {
  const { review } = facts;
  const people = new Map(facts.people.map((person) => [person.id, person]));
  return {
    id: review.id,
    proposalId: review.proposalId,
    stageCode: review.stageCode,
    status: review.status,
    round: review.round,
    currentTier: review.currentTier,
    isAwaitingRevision: review.status === 'berjalan' && options.proposalState === 'dikembalikan',
    tiers: facts.tiers.map((tier) => ({
      position: tier.position,
      rule: tier.rule,
      status: tierStatus(review, tier.position),
      assignments: facts.assignments.filter((row) => row.tierPosition === tier.position).map((row) => assignmentView(row, facts, people)),
    })),
    decisions: facts.decisions.map((row) => ({
      id: row.id,
      round: row.round,
      tier: row.tierPosition,
      assignmentId: row.assignmentId,
      reviewerId: row.reviewerId,
      reviewerName: people.get(row.reviewerId)?.name ?? '',
      decision: row.decision,
      comment: row.comment,
      at: row.at.toISOString(),
    })),
    myPendingAssignmentId: pendingAssignmentOf(facts, options.proposalState, options.actorId),
    completedAt: review.completedAt?.toISOString() ?? null,
    version: review.version,
    createdAt: review.createdAt.toISOString(),
  };
}
