// Where a person lands after signing in when no other address was asked for: what waits for them.
export const LANDING_PATH = '/home';

// Only same-app paths are followed after login, never an outside address.
export function returnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : null;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : LANDING_PATH;
}
