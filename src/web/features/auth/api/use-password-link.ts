import { useMutation, useQuery } from '@tanstack/react-query';
import type { ForgotPasswordInput, PasswordLinkView, SetPasswordByLinkInput } from '../../../../shared/auth';
import { api } from '../../../lib/api';

export function useForgotPassword() {
  return useMutation({ mutationFn: (input: ForgotPasswordInput) => api<{ accepted: boolean }>('/auth/password/forgot', { method: 'POST', body: input }) });
}

// Whose account the link sets and why; an expired or used link answers with the reason.
export function usePasswordLink(token: string) {
  return useQuery({
    queryKey: ['auth', 'password-link', token],
    queryFn: () => api<PasswordLinkView>('/auth/password/link', { method: 'POST', body: { token } }),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
}

export function useSetPasswordByLink() {
  return useMutation({ mutationFn: (input: SetPasswordByLinkInput) => api<null>('/auth/password/set', { method: 'POST', body: input }) });
}
