import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CooperationKind } from '../../../../shared/agreement-codes';
import type { ProcedureView } from '../../../../shared/procedures';
import type { ProposalBoard, ProposalDurations } from '../../../../shared/proposal-durations';
import type { ProposalListResponse, ProposalView } from '../../../../shared/proposals';
import { api } from '../../../lib/api';
import type { ProposalFilters } from '../lib/proposal-filters';

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (filters: ProposalFilters) => ['proposals', 'list', filters] as const,
  board: (filters: ProposalFilters) => ['proposals', 'board', filters] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
  durations: (id: string) => ['proposals', 'durations', id] as const,
};

export function useProposals(filters: ProposalFilters) {
  return useQuery({
    queryKey: proposalKeys.list(filters),
    queryFn: ({ signal }) => api<ProposalListResponse>('/proposals', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProposalBoard(filters: ProposalFilters, isEnabled: boolean) {
  return useQuery({
    queryKey: proposalKeys.board(filters),
    queryFn: ({ signal }) => api<ProposalBoard>('/proposals/board', { query: { kind: filters.kind, unitId: filters.unitId }, signal }),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string) {
  return useQuery({ queryKey: proposalKeys.detail(id), queryFn: () => api<ProposalView>(`/proposals/${id}`) });
}

export function useProposalDurations(id: string) {
  return useQuery({ queryKey: proposalKeys.durations(id), queryFn: () => api<ProposalDurations>(`/proposals/${id}/durations`) });
}

// Stage names for the filter: the procedures change rarely.
export function useProcedures() {
  return useQuery({ queryKey: ['procedures'], queryFn: () => api<ProcedureView[]>('/procedures'), staleTime: 10 * 60_000 });
}

export function useProcedure(kind: CooperationKind) {
  return useQuery({ queryKey: ['procedures', kind], queryFn: () => api<ProcedureView>(`/procedures/${kind}`), staleTime: 10 * 60_000 });
}
