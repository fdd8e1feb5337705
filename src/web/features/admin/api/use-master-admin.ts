import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MasterData } from '../../../../shared/master';
import { api } from '../../../lib/api';

export const MASTER_KEY = ['master'] as const;

export type MasterWrite = { method: 'POST' | 'PATCH'; path: string; body: Record<string, unknown> };

// Every screen reads OPDs, sectors and partner categories from one cached copy: refresh it after a write.
export function useMasterWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: MasterWrite) => api<unknown>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MASTER_KEY }),
  });
}

export function useRefetchMaster() {
  const queryClient = useQueryClient();
  return () => queryClient.query({ queryKey: MASTER_KEY, queryFn: () => api<MasterData>('/master'), staleTime: 0 });
}
