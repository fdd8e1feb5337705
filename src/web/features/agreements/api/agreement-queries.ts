import { useQuery } from '@tanstack/react-query';
import type { AgreementView, AuditEntryView } from '../../../../shared/agreements';
import type { DocumentView } from '../../../../shared/documents';
import type { SettingsView } from '../../../../shared/settings';
import { api } from '../../../lib/api';

export const agreementKeys = {
  all: ['agreements'] as const,
  detail: (id: string) => ['agreements', 'detail', id] as const,
  audit: (id: string) => ['agreements', 'audit', id] as const,
  documents: (id: string) => ['agreements', 'documents', id] as const,
};

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKeys.detail(id), queryFn: () => api<AgreementView>(`/agreements/${id}`) });
}

export function useAgreementAudit(id: string, isEnabled: boolean) {
  return useQuery({ queryKey: agreementKeys.audit(id), queryFn: () => api<AuditEntryView[]>(`/agreements/${id}/audit`), enabled: isEnabled });
}

export function useAgreementDocuments(id: string) {
  return useQuery({ queryKey: agreementKeys.documents(id), queryFn: () => api<DocumentView[]>(`/agreements/${id}/documents`) });
}

// Maximum term, warning window and upload limit: the form and the upload follow them.
export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api<SettingsView>('/settings'), staleTime: 5 * 60_000 });
}
