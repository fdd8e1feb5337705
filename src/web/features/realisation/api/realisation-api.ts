import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanView } from '../../../../shared/plans';
import type { CreateReportInput, EvidenceKind, EvidenceView, ReportListQuery, ReportSummaryView, ReportView, UpdateReportInput } from '../../../../shared/realisation';
import { api, downloadFile, uploadWithProgress } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.realisation;

export const realisationKeys = {
  all: root,
  queue: (query: ReportListQuery) => [...root, 'queue', query.period ?? null, query.status ?? null] as const,
  plan: (planId: string) => [...root, 'plan', planId] as const,
  detail: (reportId: string) => [...root, 'detail', reportId] as const,
  // The reader's plans to report on (an OPD's own, every plan for the division).
  plans: [...root, 'plans'] as const,
};

export function useReportQueue(query: ReportListQuery) {
  return useQuery({ queryKey: realisationKeys.queue(query), queryFn: () => api<ReportSummaryView[]>('/reports', { query }) });
}

export function usePlanReports(planId: string) {
  return useQuery({ queryKey: realisationKeys.plan(planId), queryFn: () => api<ReportSummaryView[]>(`/plans/${planId}/reports`) });
}

export function useReport(reportId: string) {
  return useQuery({ queryKey: realisationKeys.detail(reportId), queryFn: () => api<ReportView>(`/reports/${reportId}`) });
}

export function useReportablePlans() {
  return useQuery({ queryKey: realisationKeys.plans, queryFn: () => api<PlanView[]>('/plans') });
}

function useInvalidateReports() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: realisationKeys.all });
}

export function useCreateReport(planId: string) {
  const invalidate = useInvalidateReports();
  return useMutation({ mutationFn: (input: CreateReportInput) => api<ReportView>(`/plans/${planId}/reports`, { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useUpdateReport(reportId: string) {
  const invalidate = useInvalidateReports();
  return useMutation({ mutationFn: (input: UpdateReportInput) => api<ReportView>(`/reports/${reportId}`, { method: 'PUT', body: input }), onSuccess: invalidate });
}

export type SaveReportRequest = ({ kind: 'create'; planId: string; body: CreateReportInput } | { kind: 'update'; reportId: string; body: UpdateReportInput }) & { submit: boolean };

// "Simpan draf" and "Kirim" from one form: the report is written (made, or changed), and with
// `submit` sent on at the version that write returned, so nothing typed is left behind unsaved.
// Settled either way: a report made before a refused submit still shows.
export function useSaveReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: async (request: SaveReportRequest) => {
      const saved =
        request.kind === 'create'
          ? await api<ReportView>(`/plans/${request.planId}/reports`, { method: 'POST', body: request.body })
          : await api<ReportView>(`/reports/${request.reportId}`, { method: 'PUT', body: request.body });
      if (!request.submit) return saved;
      return api<ReportView>(`/reports/${saved.id}/submit`, { method: 'POST', body: { version: saved.version } });
    },
    onSettled: invalidate,
  });
}

// submit (the OPD), verify or return with a reason (the division).
export function useReportStep(reportId: string) {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ step, ...body }: { step: 'submit' | 'verify' | 'return'; version: number; reason?: string }) => api<ReportView>(`/reports/${reportId}/${step}`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUploadEvidence(reportId: string) {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ file, kind, onProgress }: { file: File; kind: EvidenceKind; onProgress?: (fraction: number) => void }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      return uploadWithProgress<EvidenceView>({ path: `/reports/${reportId}/evidence`, form, ...(onProgress ? { onProgress } : {}) });
    },
    onSuccess: invalidate,
  });
}

export function useDeleteEvidence(reportId: string) {
  const invalidate = useInvalidateReports();
  return useMutation({ mutationFn: (evidenceId: string) => api<undefined>(`/reports/${reportId}/evidence/${evidenceId}`, { method: 'DELETE' }), onSuccess: invalidate });
}

export function downloadEvidence(reportId: string, evidence: EvidenceView): Promise<void> {
  return downloadFile(`/reports/${reportId}/evidence/${evidence.id}`, evidence.fileName);
}
