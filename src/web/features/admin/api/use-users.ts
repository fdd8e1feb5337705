import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, UserView } from '../../../../shared/users';
import { api } from '../../../lib/api';

const USERS_KEY = ['admin', 'users'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: () => api<UserView[]>('/users'), staleTime: 0 });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api<UserView>('/users', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => api<UserView>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

// After a 409 the form reloads the row as it now stands.
export function useRefetchUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.query({ queryKey: USERS_KEY, queryFn: () => api<UserView[]>('/users'), staleTime: 0 });
}
