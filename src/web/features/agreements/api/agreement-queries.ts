import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementHealthView } from '../../../../shared/agreement-health';
import type { AuditEntryView } from '../../../../shared/agreements';
import { api } from '../../../lib/api';
import { queryRoots, sharedKeys } from '../../../lib/query-keys';

// An agreement and its documents are read by other features too: their keys are the shared ones
// (lib/shared-agreement-queries.ts), so one cached copy serves every screen.
export const agreementKeys = {
  all: queryRoots.agreements,
  detail: sharedKeys.agreement,
  documents: sharedKeys.agreementDocuments,
  audit: (id: string) => [...queryRoots.agreements, 'audit', id] as const,
  // Derived from plans, reports, obligations, dissemination and evaluations: those features refresh it.
  health: (id: string) => [...queryRoots.agreements, 'health', id] as const,
  search: (query: Record<string, unknown>) => [...queryRoots.agreements, 'search', query] as const,
  // Partner and parent options while typing; any agreement write may change them.
  lookup: (kind: 'partners' | 'parents', q: string) => [...queryRoots.agreements, 'lookup', kind, q] as const,
};

export function useAgreementAudit(id: string, isEnabled: boolean) {
  return useQuery({ queryKey: agreementKeys.audit(id), queryFn: () => api<AuditEntryView[]>(`/agreements/${id}/audit`), enabled: isEnabled });
}

export function useAgreementHealth(id: string) {
  return useQuery({ queryKey: agreementKeys.health(id), queryFn: () => api<AgreementHealthView>(`/agreements/${id}/health`) });
}

// After a refused save (409) the form shows the agreement as it now stands.
export function useReloadAgreement(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: agreementKeys.detail(id) });
}
