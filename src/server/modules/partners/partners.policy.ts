import type { Actor } from '../../lib/context';

// Partners are part of the registry: every signed-in role reads them; only the division edits.
export function canReadPartners(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

export function canEditPartners(actor: Actor): boolean {
  return actor.role === 'admin';
}

// Saying two partners are not one institution decides what the merge screen offers: the merge's editors.
export function canDismissPartnerDuplicates(actor: Actor): boolean {
  return canEditPartners(actor);
}
