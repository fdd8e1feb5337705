import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePartnerLinkInput, PartnerLinkAnswer, PartnerLinkView } from '../../../../shared/evaluation-links';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.evaluation;

export const partnerLinkKeys = {
  all: root,
  link: (evaluationId: string) => [...root, 'partner-link', evaluationId] as const,
};

export function usePartnerLink(evaluationId: string) {
  return useQuery({ queryKey: partnerLinkKeys.link(evaluationId), queryFn: () => api<PartnerLinkAnswer>(`/evaluations/${evaluationId}/partner-link`) });
}

// The link's state also shows on the evaluation itself: refresh everything under the root.
function useInvalidateEvaluation() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: root });
}

// Sends a new link (the first, or a resend that revokes the previous one).
export function useSendPartnerLink(evaluationId: string) {
  const invalidate = useInvalidateEvaluation();
  return useMutation({ mutationFn: (input: CreatePartnerLinkInput) => api<PartnerLinkView>(`/evaluations/${evaluationId}/partner-link`, { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useRevokePartnerLink(evaluationId: string) {
  const invalidate = useInvalidateEvaluation();
  return useMutation({ mutationFn: () => api<PartnerLinkView>(`/evaluations/${evaluationId}/partner-link`, { method: 'DELETE' }), onSuccess: invalidate });
}
