import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FunnelList, FunnelStep, LeadershipDashboard } from '../../../../shared/leadership';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

// An empty end leaves the choice to the server (year to date).
export type PeriodChoice = { from?: string | undefined; to?: string | undefined };

export const leadershipKeys = {
  all: queryRoots.leadership,
  dashboard: (period: PeriodChoice) => [...queryRoots.leadership, 'dashboard', period.from ?? null, period.to ?? null] as const,
  funnel: (step: FunnelStep, period: PeriodChoice, page: number) => [...queryRoots.leadership, 'funnel', step, period.from ?? null, period.to ?? null, page] as const,
};

export function useDashboard(period: PeriodChoice, enabled: boolean) {
  return useQuery({
    queryKey: leadershipKeys.dashboard(period),
    queryFn: () => api<LeadershipDashboard>('/leadership/dashboard', { query: { from: period.from, to: period.to } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFunnelList(step: FunnelStep, period: PeriodChoice, page: number) {
  return useQuery({
    queryKey: leadershipKeys.funnel(step, period, page),
    queryFn: () => api<FunnelList>(`/leadership/funnel/${step}`, { query: { from: period.from, to: period.to, page } }),
    placeholderData: keepPreviousData,
  });
}
