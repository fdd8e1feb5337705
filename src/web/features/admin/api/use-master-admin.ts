import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { masterDataQuery } from '../../../lib/master-data';
import { sharedKeys } from '../../../lib/query-keys';

export type MasterWrite = { method: 'POST' | 'PATCH'; path: string; body: Record<string, unknown> };

// Every screen reads OPDs, sectors and partner categories from one cached copy: refresh it after a write.
export function useMasterWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: MasterWrite) => api<unknown>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharedKeys.master }),
  });
}

// After a 409 the form reloads the row as it now stands.
export function useRefetchMaster() {
  const queryClient = useQueryClient();
  return () => queryClient.query({ ...masterDataQuery(), staleTime: 0 });
}
