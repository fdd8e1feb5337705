import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ProposalDurationStats } from '../../../../shared/proposal-durations';
import type { StatsResponse } from '../../../../shared/stats';
import { api, downloadFile, toQueryString } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

export type YearRange = { from?: number; to?: number };
export type Period = { from: string; to: string };

export const statsKeys = {
  all: queryRoots.stats,
  agreements: (range: YearRange) => [...queryRoots.stats, 'agreements', range.from ?? null, range.to ?? null] as const,
  proposalDurations: (period: Period) => [...queryRoots.stats, 'proposal-durations', period.from, period.to] as const,
};

export function useStats(range: YearRange, enabled: boolean) {
  return useQuery({
    queryKey: statsKeys.agreements(range),
    queryFn: () => api<StatsResponse>('/stats', { query: { from: range.from, to: range.to } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// Median days per stage for the stages closed in the period (only asked for a valid period).
export function useProposalDurationStats(period: Period, enabled: boolean) {
  return useQuery({
    queryKey: statsKeys.proposalDurations(period),
    queryFn: () => api<ProposalDurationStats>('/stats/proposal-durations', { query: period }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useExportStats() {
  return useMutation({
    mutationFn: ({ from, to }: { from: number; to: number }) =>
      downloadFile(`/stats/export${toQueryString({ from, to })}`, `statistik-kerja-sama-${from}-${to}.xlsx`),
  });
}
