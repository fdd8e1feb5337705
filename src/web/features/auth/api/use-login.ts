import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '../../../../shared/auth';
import type { SessionUser } from '../../../../shared/roles';
import { api } from '../../../lib/api';
import { SESSION_KEY } from '../../../lib/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<{ user: SessionUser }>('/auth/login', { method: 'POST', body: input }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(SESSION_KEY, user);
    },
  });
}
