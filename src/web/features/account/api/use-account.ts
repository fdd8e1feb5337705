import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordInput } from '../../../../shared/auth';
import { api } from '../../../lib/api';

type Ended = { endedSessions: number };

export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordInput) => api<Ended>('/auth/password', { method: 'POST', body: input }) });
}

export function useEndOtherSessions() {
  return useMutation({ mutationFn: () => api<Ended>('/auth/sessions/end-others', { method: 'POST' }) });
}
