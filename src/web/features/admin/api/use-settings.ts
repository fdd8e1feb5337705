import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsView, UpdateSettingsInput } from '../../../../shared/settings';
import { api } from '../../../lib/api';

const SETTINGS_KEY = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api<SettingsView>('/settings'), staleTime: 0 });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => api<SettingsView>('/settings', { method: 'PATCH', body: input }),
    onSuccess: (settings) => queryClient.setQueryData(SETTINGS_KEY, settings),
  });
}
