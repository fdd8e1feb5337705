import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Role, SessionUser } from '../../shared/roles';
import { api, ApiError } from './api';
import { queryRoots } from './query-keys';

export const SESSION_KEY = queryRoots.session;

// index.html preloads this request (crossorigin="use-credentials"), so that it travels with the
// scripts instead of after them; the same credentials mode lets the browser hand the preload over.
export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const { user } = await api<{ user: SessionUser }>('/auth/me', { credentials: 'include' });
    return user;
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
  return useSession().data ?? null;
}

export function hasRole(user: SessionUser | null, roles: readonly Role[] | undefined): boolean {
  if (!roles) return user !== null;
  return user !== null && roles.includes(user.role);
}

export function useIsAdmin(): boolean {
  return useCurrentUser()?.role === 'admin';
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
