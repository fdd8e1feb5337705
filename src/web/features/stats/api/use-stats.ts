import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { StatsResponse } from '../../../../shared/stats';
import { api, downloadFile, toQueryString } from '../../../lib/api';

export type YearRange = { from?: number; to?: number };

export function useStats(range: YearRange, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', range.from ?? null, range.to ?? null],
    queryFn: () => api<StatsResponse>('/stats', { query: { from: range.from, to: range.to } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useExportStats() {
  return useMutation({
    mutationFn: ({ from, to }: { from: number; to: number }) =>
      downloadFile(`/stats/export${toQueryString({ from, to })}`, `statistik-kerja-sama-${from}-${to}.xlsx`),
  });
}
