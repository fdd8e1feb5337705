import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvaluationFormView, EvaluationSummary, EvaluationView, OpenEvaluationInput, SubmitResponseInput } from '../../../../shared/evaluation';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.evaluation;

export const evaluationKeys = {
  all: root,
  // An agreement's evaluations, newest first: its history.
  list: (agreementId: string) => [...root, 'list', agreementId] as const,
  detail: (evaluationId: string) => [...root, 'detail', evaluationId] as const,
  // A form revision is frozen (decision 0015): cached as long as the page lives.
  form: (revision: number) => [...root, 'form', revision] as const,
};

export function useAgreementEvaluations(agreementId: string) {
  return useQuery({ queryKey: evaluationKeys.list(agreementId), queryFn: () => api<EvaluationSummary[]>(`/agreements/${agreementId}/evaluations`) });
}

export function useEvaluation(evaluationId: string) {
  return useQuery({ queryKey: evaluationKeys.detail(evaluationId), queryFn: () => api<EvaluationView>(`/evaluations/${evaluationId}`) });
}

// 0: the evaluation is not loaded yet, so its revision is not known.
export function useEvaluationForm(revision: number) {
  return useQuery({ queryKey: evaluationKeys.form(revision), queryFn: () => api<EvaluationFormView>(`/evaluation/forms/${String(revision)}`), enabled: revision > 0, staleTime: Infinity });
}

// An answer changes what the renewal rule sees (the OPD's evaluation of the last 12 months), so
// every evaluation write refreshes the renewal panel through its root too.
function useInvalidateEvaluations() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: root });
    void client.invalidateQueries({ queryKey: queryRoots.renewal });
    // An agreement's health names the band of its latest final evaluation.
    void client.invalidateQueries({ queryKey: [...queryRoots.agreements, 'health'] });
  };
}

export function useOpenEvaluation(agreementId: string) {
  const invalidate = useInvalidateEvaluations();
  return useMutation({ mutationFn: (input: OpenEvaluationInput) => api<EvaluationView>(`/agreements/${agreementId}/evaluations`, { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useSubmitResponse(evaluationId: string) {
  const invalidate = useInvalidateEvaluations();
  return useMutation({ mutationFn: (input: SubmitResponseInput) => api<EvaluationView>(`/evaluations/${evaluationId}/response`, { method: 'PUT', body: input }), onSuccess: invalidate });
}

// The division finalises (with the version it read) or reopens: reopening writes a new evaluation
// and the final one stays in the history.
export function useEvaluationStep(evaluationId: string) {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: ({ step, version }: { step: 'finalise' | 'reopen'; version: number }) =>
      api<EvaluationView>(`/evaluations/${evaluationId}/${step}`, { method: 'POST', ...(step === 'finalise' ? { body: { version } } : {}) }),
    onSuccess: invalidate,
  });
}
