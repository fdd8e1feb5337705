import type { Actor } from '../../lib/context';
import { canFollowAgreement } from '../agreements/agreements.policy';

// Obligations are entered and kept by the division; the lead OPD confirms what the partner owes
// (it works with the partner and knows whether the clause reads right); the pimpinan reads all.

export function canWriteObligations(actor: Actor): boolean {
  return actor.role === 'admin';
}

// An OPD liaison reads the obligations of agreements its OPD is linked to; the others read all.
export function canReadObligations(actor: Actor, agreement: { unitIds: string[] }): boolean {
  return canFollowAgreement(actor, agreement);
}

export function canConfirmObligation(actor: Actor, obligation: { party: 'city' | 'partner'; leadUnitIds: string[] }): boolean {
  return actor.role === 'opd' && actor.unitId !== null && obligation.party === 'partner' && obligation.leadUnitIds.includes(actor.unitId);
}

// An occurrence is marked met by the division, or by the lead OPD for the city's obligation it
// carries itself (it holds the evidence). Waiving releases the debtor, so the OPD that owes the
// obligation never waives it: waivers and reopening are the division's.
export function canMarkOccurrenceMet(actor: Actor, obligation: { party: 'city' | 'partner'; unitId: string | null; leadUnitIds: string[] }): boolean {
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'opd' && actor.unitId !== null && obligation.party === 'city' && obligation.unitId === actor.unitId && obligation.leadUnitIds.includes(actor.unitId)
  );
}

export function canWaiveOccurrence(actor: Actor): boolean {
  return canWriteObligations(actor);
}

export function canReopenOccurrence(actor: Actor): boolean {
  return canWriteObligations(actor);
}
