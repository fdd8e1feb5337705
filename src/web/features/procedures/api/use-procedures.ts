import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CooperationKind } from '../../../../shared/agreement-codes';
import type { ProcedureView, UpdateProcedureInput } from '../../../../shared/procedures';
import type { DraftTemplateView, DraftType, UpdateDraftTemplateInput } from '../../../../shared/proposal-signing';
import { api } from '../../../lib/api';

const procedureKey = (kind: CooperationKind) => ['procedures', kind] as const;
const templateKey = (type: DraftType) => ['draft-templates', type] as const;

export function useProcedure(kind: CooperationKind) {
  return useQuery({ queryKey: procedureKey(kind), queryFn: () => api<ProcedureView>(`/procedures/${kind}`), staleTime: 0 });
}

export function useUpdateProcedure(kind: CooperationKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProcedureInput) => api<ProcedureView>(`/procedures/${kind}`, { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(procedureKey(kind), saved),
  });
}

export function useDraftTemplate(type: DraftType) {
  return useQuery({ queryKey: templateKey(type), queryFn: () => api<DraftTemplateView>(`/draft-templates/${type}`), staleTime: 0 });
}

export function useUpdateDraftTemplate(type: DraftType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDraftTemplateInput) => api<DraftTemplateView>(`/draft-templates/${type}`, { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(templateKey(type), saved),
  });
}
