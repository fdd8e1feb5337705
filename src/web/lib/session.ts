import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Abilities, Ability } from '../../shared/abilities';
import type { SessionUser } from '../../shared/roles';
import { api, ApiError } from './api';
import { queryRoots } from './query-keys';

export const SESSION_KEY = queryRoots.session;

// index.html preloads this request (crossorigin="use-credentials"), so that it travels with the
// scripts instead of after them; the same credentials mode lets the browser hand the preload over.
// The user and what the server's policies let them do (both from /auth/me, or the login answer).
export type Session = { user: SessionUser; abilities: Abilities };

export async function fetchSession(): Promise<Session | null> {
  try {
    return await api<Session>('/auth/me', { credentials: 'include' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

// The signed-in user, or null; every screen reads it from here.
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

export function useCurrentUser(): SessionUser | null {
  return useSession().data?.user ?? null;
}

// Whether the session allows an ability; no ability named means any signed-in user. The web shows
// menus, screens and buttons from these and never compares roles; the server checks every request.
export function isAllowed(session: Session | null, ability: Ability | undefined): boolean {
  if (!session) return false;
  return ability === undefined || session.abilities[ability];
}

export function useCan(ability: Ability): boolean {
  return isAllowed(useSession().data ?? null, ability);
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api('/auth/logout', { method: 'POST' });
  } finally {
    queryClient.setQueryData(SESSION_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return () => signOut(queryClient);
}
