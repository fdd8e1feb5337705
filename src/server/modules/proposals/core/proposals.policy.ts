import type { InitiatorType } from '../../../../shared/procedures';
import { CLOSED_PROPOSAL_STATES, type ProposalAction, type ProposalState } from '../../../../shared/proposals';
import type { Role } from '../../../../shared/roles';
import type { Actor } from '../../../lib/context';

// What the rules need to know about a proposal. assignedReviewerIds: the TKKSD members (or admins)
// holding a running or decided review assignment on it; absent where nobody asked.
export type ProposalAccess = { initiatorType: InitiatorType; unitId: string | null; state: ProposalState; assignedReviewerIds?: readonly string[] };

const isOwnOpd = (actor: Actor, proposal: Pick<ProposalAccess, 'initiatorType' | 'unitId'>) =>
  actor.role === 'opd' && proposal.initiatorType === 'opd' && actor.unitId !== null && proposal.unitId === actor.unitId;

const isClosed = (proposal: ProposalAccess) => CLOSED_PROPOSAL_STATES.includes(proposal.state);

// The division (Bagian Kerja Sama) runs the procedure. Its members hear of what an initiator does
// (a submission, a resubmission, a document or comment from outside) and of every review outcome.
export function divisionRoles(): Role[] {
  return ['admin'];
}

// A step taken by the division is announced to the initiator; one taken by the initiator (an OPD
// user, or the outside initiator without an account) to the division.
export function actsForDivision(actor: Actor | null): boolean {
  return actor?.role === 'admin';
}

// The OPD a new proposal is recorded for when the form names none: an OPD user's own.
export function ownUnitOf(actor: Actor): string | null {
  return actor.role === 'opd' ? actor.unitId : null;
}

// An OPD proposes for its own OPD only; the division may also record a proposal that came on paper.
export function canCreateProposal(actor: Actor, target: { initiatorType: InitiatorType; unitId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return isOwnOpd(actor, target);
}

// Whether the app offers this user a new proposal at all: the division, or an OPD for its own OPD.
export function canStartProposal(actor: Actor): boolean {
  return canCreateProposal(actor, { initiatorType: 'opd', unitId: ownUnitOf(actor) });
}

// The division records a proposal for any OPD (or from outside); an OPD's own is fixed.
export function canChooseProposalUnit(actor: Actor): boolean {
  return actor.role === 'admin';
}

// The division sees all; an OPD its own OPD's; leadership what has entered the queue; a TKKSD member
// what they are assigned to review (a replaced reviewer no longer).
export function canReadProposal(actor: Actor, proposal: ProposalAccess): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'opd':
      return isOwnOpd(actor, proposal);
    case 'pimpinan':
      return proposal.state !== 'draf';
    case 'tkksd':
      return proposal.assignedReviewerIds?.includes(actor.id) ?? false;
  }
}

// The initiating OPD edits while it holds the proposal (draft, or sent back); the division until it closes.
export function canEditProposal(actor: Actor, proposal: ProposalAccess): boolean {
  if (isClosed(proposal)) return false;
  if (actor.role === 'admin') return true;
  return isOwnOpd(actor, proposal) && (proposal.state === 'draf' || proposal.state === 'dikembalikan');
}

const INITIATOR_ACTIONS: readonly ProposalAction[] = ['submit', 'resume', 'withdraw'];

// The division runs the procedure; the initiator submits, resumes after a revision, or withdraws.
export function canTakeAction(actor: Actor, { proposal, action }: { proposal: ProposalAccess; action: ProposalAction }): boolean {
  if (actor.role === 'admin') return true;
  return isOwnOpd(actor, proposal) && INITIATOR_ACTIONS.includes(action);
}

export function canUploadProposalDocument(actor: Actor, proposal: ProposalAccess): boolean {
  if (isClosed(proposal)) return false;
  return actor.role === 'admin' || isOwnOpd(actor, proposal);
}

// Reissuing or revoking an outside initiator's private link.
export function canManageTrackingLinks(actor: Actor): boolean {
  return actor.role === 'admin';
}

// A link exists only for an outside initiator, and is of no use once the proposal closes.
export function canManageTrackingLinkOf(actor: Actor, proposal: ProposalAccess): boolean {
  return proposal.initiatorType === 'external' && !isClosed(proposal) && canManageTrackingLinks(actor);
}

// Which proposals a list shows to this actor: everything, one OPD's, or the submitted ones.
export function proposalListScope(actor: Actor): { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'submitted' } | { kind: 'none' } {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'opd':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
    case 'pimpinan':
      return { kind: 'submitted' };
    case 'tkksd':
      return { kind: 'none' };
  }
}

// The proposal list and board also show a TKKSD member what they are assigned to review. Kept
// apart from proposalListScope, whose other readers (statistics) stay closed to the TKKSD.
export function proposalListScopeWithReviews(actor: Actor): ReturnType<typeof proposalListScope> | { kind: 'assigned'; reviewerId: string } {
  if (actor.role === 'tkksd') return { kind: 'assigned', reviewerId: actor.id };
  return proposalListScope(actor);
}

// The list offers a filter by OPD to whoever sees more than one OPD's proposals.
export function canFilterProposalsByUnit(actor: Actor): boolean {
  return actor.role !== 'opd';
}

// A TKKSD member's list and board hold only the proposals assigned to them.
export function seesAssignedProposalsOnly(actor: Actor): boolean {
  return proposalListScopeWithReviews(actor).kind === 'assigned';
}
