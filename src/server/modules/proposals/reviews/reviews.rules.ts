import type { ReviewDecision, ReviewTierRule } from '../../../../shared/proposal-reviews';

// The review's arithmetic, without a database: is a tier satisfied, which tier comes next.
// Only running assignments count, and only the decisions of the current round.

export type TierFacts = { position: number; rule: ReviewTierRule };
export type AssignmentFacts = { id: string; tierPosition: number; isActive: boolean };
export type DecisionFacts = { assignmentId: string; round: number; decision: ReviewDecision };

export function currentDecisionOf(assignmentId: string, { decisions, round }: { decisions: readonly DecisionFacts[]; round: number }): ReviewDecision | null {
  return decisions.find((decision) => decision.assignmentId === assignmentId && decision.round === round)?.decision ?? null;
}

// all: every running assignment of the tier approved in this round; any: at least one did.
export function isTierSatisfied(options: { tier: TierFacts; assignments: readonly AssignmentFacts[]; decisions: readonly DecisionFacts[]; round: number }): boolean {
  const { tier, round, decisions } = options;
  const running = options.assignments.filter((assignment) => assignment.isActive && assignment.tierPosition === tier.position);
  if (running.length === 0) return false;
  const approved = running.filter((assignment) => currentDecisionOf(assignment.id, { decisions, round }) === 'approve');
  return tier.rule === 'all' ? approved.length === running.length : approved.length > 0;
}

export type ApprovalOutcome = { kind: 'waiting' } | { kind: 'next_tier'; tier: number } | { kind: 'complete' };

// After an approval: stay, open the next tier, or finish the review.
export function outcomeAfterApproval(options: { tiers: readonly TierFacts[]; currentTier: number; assignments: readonly AssignmentFacts[]; decisions: readonly DecisionFacts[]; round: number }): ApprovalOutcome {
  const ordered = [...options.tiers].sort((left, right) => left.position - right.position);
  const tier = ordered.find((candidate) => candidate.position === options.currentTier);
  if (!tier || !isTierSatisfied({ ...options, tier })) return { kind: 'waiting' };
  const next = ordered.find((candidate) => candidate.position > tier.position);
  return next ? { kind: 'next_tier', tier: next.position } : { kind: 'complete' };
}
