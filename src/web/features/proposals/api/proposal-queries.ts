import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProposalBoard, ProposalDurations } from '../../../../shared/proposal-durations';
import type { ProposalListResponse, ProposalView } from '../../../../shared/proposals';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';
import type { ProposalFilters } from '../lib/proposal-filters';

const root = queryRoots.proposals;

export const proposalKeys = {
  all: root,
  list: (filters: ProposalFilters) => [...root, 'list', filters] as const,
  board: (filters: ProposalFilters) => [...root, 'board', filters] as const,
  detail: (id: string) => [...root, 'detail', id] as const,
  durations: (id: string) => [...root, 'durations', id] as const,
  review: (id: string) => [...root, 'review', id] as const,
  meetings: (id: string) => [...root, 'meetings', id] as const,
  signings: (id: string) => [...root, 'signings', id] as const,
  comments: (documentId: string) => [...root, 'comments', documentId] as const,
  // Who may review is user data: a change of users refreshes it.
  reviewers: [...queryRoots.users, 'reviewers'] as const,
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
