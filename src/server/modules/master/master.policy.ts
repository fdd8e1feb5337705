import type { Actor } from '../../lib/context';

// Everyone signed in reads master data (forms need it); only the division edits it.
export function canReadMasterData(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

export function canEditMasterData(actor: Actor): boolean {
  return actor.role === 'admin';
}

// Merging moves every record of one OPD to another and removes it: the division only.
export function canMergeUnits(actor: Actor): boolean {
  return actor.role === 'admin';
}
