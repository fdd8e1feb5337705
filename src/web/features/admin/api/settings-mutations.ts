import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SettingsView, UpdateSettingsInput } from '../../../../shared/settings';
import { api } from '../../../lib/api';
import { sharedKeys } from '../../../lib/query-keys';

// The saved settings replace the one cached copy every screen reads (lib/settings-queries.ts).
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => api<SettingsView>('/settings', { method: 'PATCH', body: input }),
    onSuccess: (settings) => queryClient.setQueryData(sharedKeys.settings, settings),
  });
}
