import type { Actor } from '../../lib/context';

export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}
