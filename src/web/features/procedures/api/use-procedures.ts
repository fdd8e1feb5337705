import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CooperationKind } from '../../../../shared/agreement-codes';
import type { ProcedureView, UpdateProcedureInput } from '../../../../shared/procedures';
import type { DraftTemplateView, DraftType, UpdateDraftTemplateInput } from '../../../../shared/proposal-signing';
import { api } from '../../../lib/api';
import { queryRoots, sharedKeys } from '../../../lib/query-keys';

// The editor reads one procedure fresh each time; the list every proposal screen reads is the
// shared one (lib/procedure-queries.ts), refreshed after a save.
export const procedureKeys = {
  all: queryRoots.procedures,
  list: sharedKeys.procedures,
  detail: (kind: CooperationKind) => [...queryRoots.procedures, 'detail', kind] as const,
  draftTemplate: (type: DraftType) => [...queryRoots.draftTemplates, type] as const,
};

export function useProcedure(kind: CooperationKind) {
  return useQuery({ queryKey: procedureKeys.detail(kind), queryFn: () => api<ProcedureView>(`/procedures/${kind}`), staleTime: 0 });
}

export function useUpdateProcedure(kind: CooperationKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProcedureInput) => api<ProcedureView>(`/procedures/${kind}`, { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(procedureKeys.detail(kind), saved);
      void queryClient.invalidateQueries({ queryKey: procedureKeys.list });
    },
  });
}

export function useDraftTemplate(type: DraftType) {
  return useQuery({ queryKey: procedureKeys.draftTemplate(type), queryFn: () => api<DraftTemplateView>(`/draft-templates/${type}`), staleTime: 0 });
}

export function useUpdateDraftTemplate(type: DraftType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDraftTemplateInput) => api<DraftTemplateView>(`/draft-templates/${type}`, { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(procedureKeys.draftTemplate(type), saved),
  });
}
