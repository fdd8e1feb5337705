import type { Actor } from '../../lib/context';

// Importing writes the registry, which only the Cooperation Division does.
export function canImport(actor: Actor): boolean {
  return actor.role === 'admin';
}
