import type { Actor } from '../../lib/context';

// Held mail may carry an outside initiator's private link: the division only.
export function canReadOutbox(actor: Actor): boolean {
  return actor.role === 'admin';
}
