import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BeneficiaryView, CreateBeneficiaryInput, CreatePlanInput, GapResponse, InboxRow, PlanView } from '../../../../shared/plans';
import { api } from '../../../lib/api';

export function useInbox(enabled = true) {
  return useQuery({ queryKey: ['plans', 'inbox'], queryFn: () => api<InboxRow[]>('/plans/inbox'), enabled });
}

export function usePlans(query: { agreementId?: string; unitId?: string; budgetYear?: number }) {
  return useQuery({
    queryKey: ['plans', 'list', query.agreementId ?? null, query.unitId ?? null, query.budgetYear ?? null],
    queryFn: () => api<PlanView[]>('/plans', { query }),
  });
}

export function useGap(year: number | undefined) {
  return useQuery({ queryKey: ['plans', 'gap', year ?? null], queryFn: () => api<GapResponse>('/dissemination/gap', { query: { year } }) });
}

export function useBeneficiaries(agreementId: string) {
  return useQuery({ queryKey: ['plans', 'beneficiaries', agreementId], queryFn: () => api<BeneficiaryView[]>(`/agreements/${agreementId}/beneficiaries`) });
}

function useInvalidatePlans() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['plans'] });
    void client.invalidateQueries({ queryKey: ['dissemination'] });
  };
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (input: CreatePlanInput) => api<PlanView>('/plans', { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useCreateBeneficiary() {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (input: CreateBeneficiaryInput) => api<BeneficiaryView>('/beneficiaries', { method: 'POST', body: input }), onSuccess: invalidate });
}
