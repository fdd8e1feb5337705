import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SettingsView } from '../../shared/settings';
import { api } from './api';
import { sharedKeys } from './query-keys';

// Maximum term, warning window and upload limit: the agreement form, both uploads and the settings
// page read one cached copy. They change rarely, and the settings page writes its answer into this
// copy, so every screen follows a save at once; a save from an older copy meets the version check.
export function settingsQuery() {
  return queryOptions({ queryKey: sharedKeys.settings, queryFn: () => api<SettingsView>('/settings'), staleTime: 5 * 60_000 });
}

export function useSettings() {
  return useQuery(settingsQuery());
}
