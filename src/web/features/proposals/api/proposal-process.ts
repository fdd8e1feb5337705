import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCommentInput, CreateMeetingInput, CreateReviewInput, MeetingListResponse, UpdateMeetingInput, MeetingView, ProposalCommentListResponse, ProposalCommentView, ReplaceReviewerInput, ReviewDecisionInput, ReviewerCandidateListResponse, ReviewView } from '../../../../shared/proposal-reviews';
import type { CreateSigningInput, RegisterSigningInput, RegisterSigningResponse, SigningView, UpdateSigningInput } from '../../../../shared/proposal-signing';
import { api, downloadFile } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';
import { proposalKeys } from './proposal-queries';

// The TKKSD review, the discussion meetings and the drafts of one proposal.
function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: proposalKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: proposalKeys.review(id) });
    void queryClient.invalidateQueries({ queryKey: proposalKeys.meetings(id) });
  };
}

// { review: null } until the division sets reviewers.
export function useReview(id: string) {
  return useQuery({ queryKey: proposalKeys.review(id), queryFn: async () => (await api<{ review: ReviewView | null }>(`/proposals/${id}/review`)).review });
}

export function useCreateReview(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: CreateReviewInput) => api<ReviewView>(`/proposals/${id}/review`, { method: 'POST', body: input }), onSuccess: refresh });
}

export function useReviewDecision(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: ReviewDecisionInput) => api<ReviewView>(`/proposals/${id}/review/decisions`, { method: 'POST', body: input }), onSuccess: refresh });
}

// The admin swaps one reviewer for another while the review runs; the replaced one's turn ends.
export function useReplaceReviewer(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: ReplaceReviewerInput) => api<ReviewView>(`/proposals/${id}/review/replacements`, { method: 'POST', body: input }), onSuccess: refresh });
}

// Who may be made a reviewer is the server's rule; the picker offers what it answers.
export function useReviewerOptions(isEnabled: boolean) {
  return useQuery({
    queryKey: proposalKeys.reviewers,
    queryFn: async () => (await api<ReviewerCandidateListResponse>('/proposals/reviewer-candidates')).items,
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

export function useMeetings(id: string) {
  return useQuery({ queryKey: proposalKeys.meetings(id), queryFn: () => api<MeetingListResponse>(`/proposals/${id}/meetings`) });
}

export function useCreateMeeting(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: CreateMeetingInput) => api<MeetingView>(`/proposals/${id}/meetings`, { method: 'POST', body: input }), onSuccess: refresh });
}

export function useUpdateMeeting(id: string) {
  const refresh = useRefresh(id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, input }: { meetingId: string; input: UpdateMeetingInput }) => api<MeetingView>(`/proposal-meetings/${meetingId}`, { method: 'PATCH', body: input }),
    // The saved meeting replaces its old copy at once, so the list never shows the old minutes
    // between the form closing and the refetch.
    onSuccess: (saved) => {
      queryClient.setQueryData<MeetingListResponse>(proposalKeys.meetings(id), (list) =>
        list ? { ...list, items: list.items.map((item) => (item.id === saved.id ? saved : item)) } : list,
      );
      refresh();
    },
  });
}

export function useDownloadDraft(id: string) {
  return useMutation({ mutationFn: (type: 'kb' | 'pks' | 'nk') => downloadFile(`/proposals/${id}/drafts/${type}`, `rancangan-${type}.docx`) });
}


export function useSignings(id: string) {
  return useQuery({ queryKey: proposalKeys.signings(id), queryFn: () => api<SigningView[]>(`/proposals/${id}/signings`) });
}

function useSigningRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: proposalKeys.signings(id) });
    void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryRoots.agreements });
  };
}

export function useCreateSigning(id: string) {
  const refresh = useSigningRefresh(id);
  return useMutation({ mutationFn: (input: CreateSigningInput) => api<SigningView>(`/proposals/${id}/signings`, { method: 'POST', body: input }), onSuccess: refresh });
}

export function useUpdateSigning(id: string) {
  const refresh = useSigningRefresh(id);
  return useMutation({
    mutationFn: ({ signingId, input }: { signingId: string; input: UpdateSigningInput }) => api<SigningView>(`/proposals/${id}/signings/${signingId}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}

export function useRegisterSigning(id: string) {
  const refresh = useSigningRefresh(id);
  return useMutation({
    mutationFn: ({ signingId, input }: { signingId: string; input: RegisterSigningInput }) =>
      api<RegisterSigningResponse>(`/proposals/${id}/signings/${signingId}/register`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}


export function useDocumentComments(documentId: string, isEnabled: boolean) {
  return useQuery({ queryKey: proposalKeys.comments(documentId), queryFn: () => api<ProposalCommentListResponse>(`/proposal-documents/${documentId}/comments`), enabled: isEnabled });
}

export function useAddComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommentInput) => api<ProposalCommentView>(`/proposal-documents/${documentId}/comments`, { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: proposalKeys.comments(documentId) }),
  });
}
