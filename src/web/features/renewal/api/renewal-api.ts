import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordRenewalInput, RenewalView } from '../../../../shared/renewal';
import { api, downloadFile } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.renewal;

export const renewalKeys = {
  all: root,
  detail: (agreementId: string) => [...root, 'detail', agreementId] as const,
};

export function useRenewal(agreementId: string) {
  return useQuery({ queryKey: renewalKeys.detail(agreementId), queryFn: () => api<RenewalView>(`/agreements/${agreementId}/renewal`) });
}

// Ending early ends the agreement in the same step, so the agreement's own data is refreshed too.
export function useRecordRenewal(agreementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordRenewalInput) => api<RenewalView>(`/agreements/${agreementId}/renewal`, { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: root });
      void client.invalidateQueries({ queryKey: queryRoots.agreements });
    },
  });
}

// Permendagri 25/2020 Ps 33(2): the draft letter to the Minister, for the division to finish in Word.
export function downloadExtensionLetter(agreementId: string): Promise<void> {
  return downloadFile(`/agreements/${agreementId}/extension-letter.docx`, 'usul-perpanjangan.docx');
}
