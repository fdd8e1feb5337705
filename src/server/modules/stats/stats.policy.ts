import type { Actor } from '../../lib/context';

// Statistics describe the registry as a whole; every signed-in role may read them.
export function canReadStats(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}
