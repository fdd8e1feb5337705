import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput, TotpSetup, TotpStatus } from '../../../../shared/auth';
import { api } from '../../../lib/api';

type Ended = { endedSessions: number };

export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordInput) => api<Ended>('/auth/password', { method: 'POST', body: input }) });
}

export function useEndOtherSessions() {
  return useMutation({ mutationFn: () => api<Ended>('/auth/sessions/end-others', { method: 'POST' }) });
}

const TOTP_KEY = ['auth', 'totp'] as const;

export function useTotpStatus() {
  return useQuery({ queryKey: TOTP_KEY, queryFn: () => api<TotpStatus>('/auth/totp') });
}

export function useBeginTotpSetup() {
  return useMutation({ mutationFn: (password: string) => api<TotpSetup>('/auth/totp/setup', { method: 'POST', body: { password } }) });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<TotpStatus>('/auth/totp/confirm', { method: 'POST', body: { code } }),
    onSuccess: (status) => queryClient.setQueryData(TOTP_KEY, status),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<TotpStatus>('/auth/totp/disable', { method: 'POST', body: { password } }),
    onSuccess: (status) => queryClient.setQueryData(TOTP_KEY, status),
  });
}
