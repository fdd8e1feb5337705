import type { Actor } from '../../lib/context';

// Every signed-in role reads the registry (domain.md: tkksd reviews, opd follows up, pimpinan watches).
export function canReadRegistry(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

export function canExportRegistry(actor: Actor): boolean {
  return canReadRegistry(actor);
}

// Which drafts an actor may see in lists: the division and the review team see all of them; an
// OPD liaison sees the drafts its own OPD is linked to; leadership sees signed agreements only
// (the rule of canReadAgreement in the agreements module, in a form the list query can use).
export type DraftVisibility = { kind: 'all' } | { kind: 'none' } | { kind: 'unit'; unitId: string };

export function draftVisibility(actor: Actor): DraftVisibility {
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
      return { kind: 'all' };
    case 'opd':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
    case 'pimpinan':
      return { kind: 'none' };
  }
}
