import type { Actor } from '../../lib/context';

// Obligations are entered and kept by the division; the lead OPD confirms what the partner owes
// (it works with the partner and knows whether the clause reads right); the pimpinan reads all.

export function canWriteObligations(actor: Actor): boolean {
  return actor.role === 'admin';
}

// An OPD liaison reads the obligations of agreements its OPD is linked to; the others read all.
export function canReadObligations(actor: Actor, agreement: { unitIds: string[] }): boolean {
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
    case 'pimpinan':
      return true;
    case 'opd':
      return actor.unitId !== null && agreement.unitIds.includes(actor.unitId);
  }
}

export function canConfirmObligation(actor: Actor, obligation: { party: 'city' | 'partner'; leadUnitIds: string[] }): boolean {
  return actor.role === 'opd' && actor.unitId !== null && obligation.party === 'partner' && obligation.leadUnitIds.includes(actor.unitId);
}
