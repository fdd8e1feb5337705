import { CLOSED_PROPOSAL_STATES } from '../../../../shared/proposals';
import type { Actor } from '../../../lib/context';
import { canReadProposal, type ProposalAccess } from '../core/proposals.policy';

// Who may draft, sign and register a proposal's KB, PKS or NK. Pure functions, tested as a matrix
// in signing.policy.test.ts.
// Each rule starts from canReadProposal: a TKKSD member sees the drafts and signings of the
// proposals assigned to them, not every proposal.
export type SigningAccess = ProposalAccess;

const isOwnOpd = (actor: Actor, proposal: SigningAccess) =>
  actor.role === 'opd' && proposal.initiatorType === 'opd' && actor.unitId !== null && proposal.unitId === actor.unitId;

export const SIGNING_POLICY_ACTIONS = ['download_draft', 'read_signings', 'schedule_signing', 'record_check', 'register', 'read_templates', 'edit_templates'] as const;
export type SigningPolicyAction = (typeof SIGNING_POLICY_ACTIONS)[number];

// The division and the TKKSD prepare the drafts with the parties; the initiating OPD downloads
// them to work on its part. Leadership reads signed agreements in the registry instead.
export function canDownloadDraft(actor: Actor, proposal: SigningAccess): boolean {
  if (!canReadProposal(actor, proposal)) return false;
  return actor.role === 'admin' || actor.role === 'tkksd' || isOwnOpd(actor, proposal);
}

// The signing schedule concerns everyone who attends: the parties' OPD, the TKKSD, leadership.
export function canReadSignings(actor: Actor, proposal: SigningAccess): boolean {
  if (!canReadProposal(actor, proposal)) return false;
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
      return true;
    case 'opd':
      return isOwnOpd(actor, proposal);
    case 'pimpinan':
      return proposal.state !== 'draf';
  }
}

// The division organises the signing, checks the signed copies and keeps the registry.
export function canScheduleSigning(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canRecordSigningCheck(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canRegisterSigning(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canReadDraftTemplates(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd';
}

export function canEditDraftTemplates(actor: Actor): boolean {
  return actor.role === 'admin';
}

// What the proposal's screen offers while it is open: the drafts to download, and the signing's
// schedule, checks and registration (a closed proposal keeps its record, nothing more to do).
export function canOfferDrafts(actor: Actor, proposal: SigningAccess): boolean {
  return !CLOSED_PROPOSAL_STATES.includes(proposal.state) && canDownloadDraft(actor, proposal);
}

export function canManageSigning(actor: Actor, proposal: SigningAccess): boolean {
  return !CLOSED_PROPOSAL_STATES.includes(proposal.state) && canScheduleSigning(actor) && canRecordSigningCheck(actor) && canRegisterSigning(actor);
}

// One entry point for the matrix test and for any screen that asks what it may offer.
export function signingPolicy(actor: Actor, { action, proposal }: { action: SigningPolicyAction; proposal: SigningAccess }): boolean {
  switch (action) {
    case 'download_draft':
      return canDownloadDraft(actor, proposal);
    case 'read_signings':
      return canReadSignings(actor, proposal);
    case 'schedule_signing':
      return canScheduleSigning(actor);
    case 'record_check':
      return canRecordSigningCheck(actor);
    case 'register':
      return canRegisterSigning(actor);
    case 'read_templates':
      return canReadDraftTemplates(actor);
    case 'edit_templates':
      return canEditDraftTemplates(actor);
  }
}
