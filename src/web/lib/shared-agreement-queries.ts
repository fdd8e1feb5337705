import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgreementView } from '../../shared/agreements';
import type { DocumentView } from '../../shared/documents';
import { api } from './api';
import { sharedKeys } from './query-keys';

// One agreement and its documents, read by the registry and by the dissemination screens: one
// key each, so an upload or an edit in the registry shows in the dissemination editor too.
export function agreementQuery(id: string) {
  return queryOptions({ queryKey: sharedKeys.agreement(id), queryFn: () => api<AgreementView>(`/agreements/${id}`) });
}

export function agreementDocumentsQuery(agreementId: string) {
  return queryOptions({ queryKey: sharedKeys.agreementDocuments(agreementId), queryFn: () => api<DocumentView[]>(`/agreements/${agreementId}/documents`) });
}

export function useAgreement(id: string) {
  return useQuery(agreementQuery(id));
}

export function useAgreementDocuments(agreementId: string) {
  return useQuery(agreementDocumentsQuery(agreementId));
}
