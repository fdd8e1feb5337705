import type { Actor } from '../../lib/context';

// The leadership's dashboard shows the whole city's cooperation: the pimpinan, the division and the
// TKKSD read it; an OPD sees its own part elsewhere (its home, its plans) and not the others'.
export function canReadLeadershipDashboard(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'pimpinan';
}

// The pimpinan's home is the dashboard (issue 12): after signing in they land on it. The division
// and the TKKSD land on their tasks and open the dashboard from the menu.
export function startsOnLeadershipDashboard(actor: Actor): boolean {
  return actor.role === 'pimpinan';
}
