import type { Abilities } from '../../../shared/abilities';

// Where a person lands after signing in when no other address was asked for: what waits for them —
// their tasks, or for the leadership the dashboard (issue 12). The app's root sends each session
// to its own landing page, so a path chosen before the session is known is the root.
export const LANDING_PATH = '/';
const TASKS_PATH = '/home';
const LEADERSHIP_PATH = '/pimpinan';

export function landingPathOf(abilities: Abilities | null | undefined): string {
  return abilities?.['leadership.landing'] ? LEADERSHIP_PATH : TASKS_PATH;
}

// Only same-app paths are followed after login, never an outside address.
export function returnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : null;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : LANDING_PATH;
}
