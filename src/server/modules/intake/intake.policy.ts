import type { Actor } from '../../lib/context';

// Bulk intake proposes register entries from scans and writes them on acceptance: the Cooperation
// Division's work, as importing is. A null actor is the command line, run from the server's shell.
export function canUseIntake(actor: Actor | null): boolean {
  return actor === null || actor.role === 'admin';
}
