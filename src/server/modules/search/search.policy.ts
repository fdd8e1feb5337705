import type { Actor } from '../../lib/context';

// Every signed-in role reads the registry (domain.md: tkksd reviews, opd follows up, pimpinan watches).
// Which drafts each of them sees is the agreements module's rule (draftVisibility).
export function canReadRegistry(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

export function canExportRegistry(actor: Actor): boolean {
  return canReadRegistry(actor);
}
