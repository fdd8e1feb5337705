import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, UserView } from '../../../../shared/users';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

// A write refreshes everything under the users root, the proposals' reviewer choice included.
export const userKeys = {
  all: queryRoots.users,
  list: [...queryRoots.users, 'list'] as const,
};

function usersQuery() {
  return { queryKey: userKeys.list, queryFn: () => api<UserView[]>('/users'), staleTime: 0 };
}

export function useUsers() {
  return useQuery(usersQuery());
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api<UserView>('/users', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => api<UserView>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

// A new invitation link mailed to the account (the earlier one stops working).
export function useSendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<UserView>(`/users/${encodeURIComponent(id)}/invitation`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

// A lost phone: the person signs in with the password alone and sets two-step sign-in up again.
export function useResetTwoStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/users/${encodeURIComponent(id)}/totp/reset`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

// After a 409 the form reloads the row as it now stands.
export function useRefetchUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.query(usersQuery());
}
