import type { Actor } from '../../lib/context';

// Statistics describe the registry as a whole; every signed-in role may read them. A null actor is
// the command line on the server itself (an anonymous web caller never gets this far: the route
// answers 401 first).
export function canReadStats(actor: Actor | null): boolean {
  if (!actor) return true;
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}
