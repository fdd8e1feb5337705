import type { Actor } from '../../lib/context';

// Every signed-in role reads the settings (forms and status labels depend on them); only the division changes them.
export function canReadSettings(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

export function canEditSettings(actor: Actor): boolean {
  return actor.role === 'admin';
}
