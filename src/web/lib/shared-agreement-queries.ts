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

// A scan being read (OCR) is asked about again every few seconds, so its progress shows as it goes.
const OCR_POLL_MS = 3000;

function isOcrUnderWay(documents: DocumentView[] | undefined): boolean {
  return (documents ?? []).some((document) => document.ocr !== null && !document.ocr.isToolMissing && (document.ocr.state === 'queued' || document.ocr.state === 'running'));
}

export function agreementDocumentsQuery(agreementId: string) {
  return queryOptions({
    queryKey: sharedKeys.agreementDocuments(agreementId),
    queryFn: () => api<DocumentView[]>(`/agreements/${agreementId}/documents`),
    refetchInterval: (query) => (isOcrUnderWay(query.state.data) ? OCR_POLL_MS : false),
  });
}

export function useAgreement(id: string) {
  return useQuery(agreementQuery(id));
}

export function useAgreementDocuments(agreementId: string) {
  return useQuery(agreementDocumentsQuery(agreementId));
}
