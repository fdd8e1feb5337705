import { mutationOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import type { AgreementView, CreateAgreementInput, EndAgreementInput, UpdateAgreementInput } from '../../../../shared/agreements';
import type { DocumentKind } from '../../../../shared/agreement-codes';
import type { DocumentView } from '../../../../shared/documents';
import type { AcceptIntakeResult } from '../../../../shared/intake';
import { api, uploadWithProgress } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';
import { agreementKeys } from './agreement-queries';

// After any write the lists (search, facets, partner counts) may have changed. Every agreement key
// is under agreementKeys.all, the shared document list too (agreementKeys.documents), so an
// upload also refreshes the list the dissemination editor shows.
function refresh(client: QueryClient, view?: AgreementView) {
  if (view) client.setQueryData(agreementKeys.detail(view.id), view);
  void client.invalidateQueries({ queryKey: agreementKeys.all });
  void client.invalidateQueries({ queryKey: queryRoots.partners });
}

export function useCreateAgreement() {
  return useMutation({
    mutationFn: (input: CreateAgreementInput) => api<AgreementView>('/agreements', { method: 'POST', body: input }),
    onSuccess: (view, _input, _result, { client }) => refresh(client, view),
  });
}

// The agreement of the form prefilled from a signed scan, created with that scan attached.
export function useRegisterFromScan() {
  return useMutation({
    mutationFn: ({ fileId, input }: { fileId: string; input: CreateAgreementInput }) =>
      api<AcceptIntakeResult>(`/intake/files/${encodeURIComponent(fileId)}/register`, { method: 'POST', body: input }),
    onSuccess: (_result, _input, _context, { client }) => {
      refresh(client);
      void client.invalidateQueries({ queryKey: queryRoots.intake });
    },
  });
}

export function useUpdateAgreement(id: string) {
  return useMutation({
    mutationFn: (input: UpdateAgreementInput) => api<AgreementView>(`/agreements/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (view, _input, _result, { client }) => refresh(client, view),
  });
}

export function useEndAgreement(id: string) {
  return useMutation({
    mutationFn: (input: EndAgreementInput) => api<AgreementView>(`/agreements/${id}/end`, { method: 'POST', body: input }),
    onSuccess: (view, _input, _result, { client }) => refresh(client, view),
  });
}

export type UploadInput = { file: File; kind: DocumentKind; isPublic: boolean; onProgress: (fraction: number) => void };

function sendDocument(agreementId: string, { file, kind, isPublic, onProgress }: UploadInput): Promise<DocumentView> {
  const form = new FormData();
  // Text fields first: the server reads them before it streams the file.
  form.append('kind', kind);
  form.append('isPublic', String(isPublic));
  form.append('file', file, file.name);
  return uploadWithProgress<DocumentView>({ path: `/agreements/${agreementId}/documents`, form, onProgress });
}

export function uploadDocumentMutation(agreementId: string) {
  return mutationOptions({
    mutationFn: (input: UploadInput) => sendDocument(agreementId, input),
    onSuccess: (_document, _input, _result, { client }) => refresh(client),
  });
}

// The signed PDF chosen on the create form, sent to the agreement just created (its id is known
// only then): the same upload as the Dokumen tab, as the signed document, not public.
export function useAttachSignedDocument() {
  return useMutation({
    mutationFn: ({ agreementId, file, onProgress }: { agreementId: string; file: File; onProgress: (fraction: number) => void }) => sendDocument(agreementId, { file, kind: 'naskah_ttd', isPublic: false, onProgress }),
    onSuccess: (_document, _input, _result, { client }) => refresh(client),
  });
}

export function useUploadDocument(agreementId: string) {
  return useMutation(uploadDocumentMutation(agreementId));
}

export function useDeleteDocument() {
  return useMutation({
    mutationFn: (documentId: string) => api<undefined>(`/documents/${documentId}`, { method: 'DELETE' }),
    onSuccess: (_nothing, _documentId, _result, { client }) => refresh(client),
  });
}

// A failed OCR tried again from the start.
export function useRetryOcr() {
  return useMutation({
    mutationFn: (documentId: string) => api<undefined>(`/documents/${documentId}/ocr`, { method: 'POST' }),
    onSuccess: (_nothing, _documentId, _result, { client }) => refresh(client),
  });
}
