import type { Actor } from '../../../lib/context';
import { canReadProposal, type ProposalAccess } from '../core/proposals.policy';

// Who may do what around the TKKSD review, the document threads and the discussion meetings.
// Pure rules; the services supply the facts (the proposal and its assigned reviewers).
// The outside initiator has no account: holding the private tracking link is their only key.

export type ReviewPrincipal = { kind: 'staff'; actor: Actor } | { kind: 'tracking_link' } | { kind: 'anonymous' };

const isAssigned = (actor: Actor, proposal: ProposalAccess) => proposal.assignedReviewerIds?.includes(actor.id) ?? false;

// Whoever reads the proposal reads its review: the division, the initiating OPD, leadership, the reviewers.
export function canReadReview(actor: Actor, proposal: ProposalAccess): boolean {
  return canReadProposal(actor, proposal);
}

// The division sets the tiers and replaces reviewers.
export function canManageReview(actor: Actor): boolean {
  return actor.role === 'admin';
}

// Only a TKKSD member or an admin can be made a reviewer.
export const REVIEWER_ROLES = ['tkksd', 'admin'] as const satisfies readonly Actor['role'][];

export function canBeReviewer(candidate: { role: Actor['role']; isActive: boolean }): boolean {
  return candidate.isActive && REVIEWER_ROLES.some((role) => role === candidate.role);
}

// Whoever sets and replaces reviewers sees whom they may choose.
export function canListReviewerCandidates(actor: Actor): boolean {
  return canManageReview(actor);
}

// How a reviewer is shown on the review: an admin standing in, or (anyone else) a TKKSD member.
export function reviewerRoleOf(person: { role: Actor['role'] } | undefined): 'admin' | 'tkksd' {
  return person?.role === 'admin' ? 'admin' : 'tkksd';
}

// A decision belongs to the person holding a running assignment; whether their tier is open is the
// service's question (409), not a permission.
export function canDecideReview(actor: Actor, proposal: ProposalAccess): boolean {
  return (actor.role === 'tkksd' || actor.role === 'admin') && isAssigned(actor, proposal);
}

// Threads: every staff reader of the proposal, and the initiator through the private link.
export function canReadComments(principal: ReviewPrincipal, proposal: ProposalAccess): boolean {
  switch (principal.kind) {
    case 'staff':
      return canReadProposal(principal.actor, proposal);
    case 'tracking_link':
      return true;
    case 'anonymous':
      return false;
  }
}

export function canAddComment(principal: ReviewPrincipal, proposal: ProposalAccess): boolean {
  return canReadComments(principal, proposal);
}

export function canReadMeetings(actor: Actor, proposal: ProposalAccess): boolean {
  return canReadProposal(actor, proposal);
}

// The division and the TKKSD members reviewing the proposal keep the minutes.
export function canRecordMeeting(actor: Actor, proposal: ProposalAccess): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'tkksd' && isAssigned(actor, proposal);
}

export const REVIEW_ACTIONS = ['read_review', 'manage_review', 'decide_review', 'read_comments', 'add_comment', 'read_meetings', 'record_meeting'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

// The whole matrix in one place: actions other than the threads need a staff session.
export function isReviewActionAllowed(principal: ReviewPrincipal, { action, proposal }: { action: ReviewAction; proposal: ProposalAccess }): boolean {
  if (action === 'read_comments') return canReadComments(principal, proposal);
  if (action === 'add_comment') return canAddComment(principal, proposal);
  if (principal.kind !== 'staff') return false;
  const { actor } = principal;
  switch (action) {
    case 'read_review':
      return canReadReview(actor, proposal);
    case 'manage_review':
      return canReadReview(actor, proposal) && canManageReview(actor);
    case 'decide_review':
      return canReadReview(actor, proposal) && canDecideReview(actor, proposal);
    case 'read_meetings':
      return canReadMeetings(actor, proposal);
    case 'record_meeting':
      return canReadMeetings(actor, proposal) && canRecordMeeting(actor, proposal);
  }
}
