import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImpactStudyView } from '../../../../shared/impact-study';
import { api, downloadFile, toQueryString } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

export type YearRange = { from?: number; to?: number };
export type ExportFormat = 'pdf' | 'xlsx' | 'docx';

export const impactKeys = {
  all: queryRoots.impactStudy,
  study: (range: YearRange) => [...queryRoots.impactStudy, 'study', range.from ?? null, range.to ?? null] as const,
};

export function useImpactStudy(range: YearRange, enabled: boolean) {
  return useQuery({
    queryKey: impactKeys.study(range),
    queryFn: () => api<ImpactStudyView>('/impact-study', { query: { from: range.from, to: range.to } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// Saving or resetting answers the whole study; it replaces the cached copy of that range.
function useDraftMutation(request: (range: { from: number; to: number }, narrative: string | null) => Promise<ImpactStudyView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ from, to, narrative }: { from: number; to: number; narrative: string | null }) => request({ from, to }, narrative),
    onSuccess: (view) => {
      client.setQueryData(impactKeys.study({ from: view.from, to: view.to }), view);
      void client.invalidateQueries({ queryKey: impactKeys.all });
    },
  });
}

export function useSaveNarrative() {
  return useDraftMutation((range, narrative) => api<ImpactStudyView>('/impact-study/draft', { method: 'PUT', query: range, body: { narrative } }));
}

export function useResetNarrative() {
  return useDraftMutation((range) => api<ImpactStudyView>('/impact-study/draft', { method: 'DELETE', query: range }));
}

export function useExportImpactStudy() {
  return useMutation({
    mutationFn: ({ from, to, format }: { from: number; to: number; format: ExportFormat }) =>
      downloadFile(`/impact-study/export.${format}${toQueryString({ from, to })}`, `kajian-dampak-${String(from)}-${String(to)}.${format}`),
  });
}
