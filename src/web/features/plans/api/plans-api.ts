import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BeneficiaryView, CreateBeneficiaryInput, CreatePlanInput, GapResponse, InboxRow, PlanView } from '../../../../shared/plans';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.plans;

export const planKeys = {
  all: root,
  inbox: [...root, 'inbox'] as const,
  list: (query: { agreementId?: string; unitId?: string; budgetYear?: number }) => [...root, 'list', query.agreementId ?? null, query.unitId ?? null, query.budgetYear ?? null] as const,
  gap: (year: number | undefined) => [...root, 'gap', year ?? null] as const,
  beneficiaries: (agreementId: string) => [...root, 'beneficiaries', agreementId] as const,
};

export function useInbox(enabled = true) {
  return useQuery({ queryKey: planKeys.inbox, queryFn: () => api<InboxRow[]>('/plans/inbox'), enabled });
}

export function usePlans(query: { agreementId?: string; unitId?: string; budgetYear?: number }) {
  return useQuery({
    queryKey: planKeys.list(query),
    queryFn: () => api<PlanView[]>('/plans', { query }),
  });
}

export function useGap(year: number | undefined) {
  return useQuery({ queryKey: planKeys.gap(year), queryFn: () => api<GapResponse>('/dissemination/gap', { query: { year } }) });
}

export function useBeneficiaries(agreementId: string) {
  return useQuery({ queryKey: planKeys.beneficiaries(agreementId), queryFn: () => api<BeneficiaryView[]>(`/agreements/${agreementId}/beneficiaries`) });
}

function useInvalidatePlans() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: planKeys.all });
    void client.invalidateQueries({ queryKey: queryRoots.dissemination });
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
