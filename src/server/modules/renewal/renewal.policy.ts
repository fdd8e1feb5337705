import type { Actor } from '../../lib/context';
import { canFollowAgreement } from '../agreements/agreements.policy';

// Whoever follows an agreement's implementation sees where its renewal stands; the division
// records the decision (taken with the leadership); the pimpinan reads and does not write.

export function canReadRenewal(actor: Actor, agreement: { unitIds: string[] }): boolean {
  return canFollowAgreement(actor, agreement);
}

export function canDecideRenewal(actor: Actor): boolean {
  return actor.role === 'admin';
}

// The extension letter's draft is the division's work, prepared with the review team (TKKSD); the
// OPD contributes through the evaluation, the pimpinan signs the letter that leaves, not the draft.
export function canDraftExtensionLetter(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd';
}
