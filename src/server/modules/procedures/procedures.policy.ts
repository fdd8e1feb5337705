import type { Actor } from '../../lib/context';

// The procedure is public knowledge (the guide shows it to anyone); only the division changes it.
export function canReadProcedures(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

export function canEditProcedures(actor: Actor): boolean {
  return actor.role === 'admin';
}
