import type { Actor } from '../../lib/context';

// The impact study is the division's analysis for the leadership: the division and the TKKSD write
// it, the pimpinan reads and exports it. An OPD sees its own part of the register elsewhere, not the
// city-wide study. A null actor is the command line on the server itself.
export function canReadImpactStudy(actor: Actor | null): boolean {
  if (!actor) return true;
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'pimpinan';
}

export function canEditImpactStudy(actor: Actor | null): boolean {
  if (!actor) return false;
  return actor.role === 'admin' || actor.role === 'tkksd';
}
