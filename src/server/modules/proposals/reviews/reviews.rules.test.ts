import { describe, expect, it } from 'vitest';
import { isTierSatisfied, outcomeAfterApproval, type AssignmentFacts, type DecisionFacts } from './reviews.rules';

const assignments: AssignmentFacts[] = [
  { id: 'a', tierPosition: 1, isActive: true },
  { id: 'b', tierPosition: 1, isActive: true },
  { id: 'old', tierPosition: 1, isActive: false },
  { id: 'c', tierPosition: 2, isActive: true },
];
const approve = (assignmentId: string, round = 1): DecisionFacts => ({ assignmentId, round, decision: 'approve' });

describe('review tiers', () => {
  it('satisfies an all tier only when every running reviewer approved in this round', () => {
    const tier = { position: 1, rule: 'all' as const };
    expect(isTierSatisfied({ tier, assignments, decisions: [approve('a')], round: 1 })).toBe(false);
    expect(isTierSatisfied({ tier, assignments, decisions: [approve('a'), approve('b')], round: 1 })).toBe(true);
  });

  it('counts no decision of an earlier round, nor of a replaced reviewer', () => {
    const tier = { position: 1, rule: 'all' as const };
    expect(isTierSatisfied({ tier, assignments, decisions: [approve('a', 1), approve('b', 1)], round: 2 })).toBe(false);
    expect(isTierSatisfied({ tier: { position: 1, rule: 'any' }, assignments, decisions: [approve('old')], round: 1 })).toBe(false);
  });

  it('satisfies an any tier with one approval, and never with a revision request alone', () => {
    const tier = { position: 1, rule: 'any' as const };
    expect(isTierSatisfied({ tier, assignments, decisions: [{ assignmentId: 'a', round: 1, decision: 'request_revision' }], round: 1 })).toBe(false);
    expect(isTierSatisfied({ tier, assignments, decisions: [approve('b')], round: 1 })).toBe(true);
  });

  it('opens the next tier, then completes after the last one', () => {
    const tiers = [
      { position: 2, rule: 'all' as const },
      { position: 1, rule: 'any' as const },
    ];
    expect(outcomeAfterApproval({ tiers, currentTier: 1, assignments, decisions: [], round: 1 })).toEqual({ kind: 'waiting' });
    expect(outcomeAfterApproval({ tiers, currentTier: 1, assignments, decisions: [approve('a')], round: 1 })).toEqual({ kind: 'next_tier', tier: 2 });
    expect(outcomeAfterApproval({ tiers, currentTier: 2, assignments, decisions: [approve('c')], round: 1 })).toEqual({ kind: 'complete' });
  });

  it('never satisfies a tier without running reviewers', () => {
    expect(isTierSatisfied({ tier: { position: 3, rule: 'any' }, assignments, decisions: [], round: 1 })).toBe(false);
  });
});
