import type { Actor } from '../../lib/context';

// Importing writes the registry, which only the Cooperation Division does. A null actor is the command
// line (`npm run jalin -- import`), run by whoever holds the server's shell.
export function canImport(actor: Actor | null): boolean {
  return actor === null || actor.role === 'admin';
}
