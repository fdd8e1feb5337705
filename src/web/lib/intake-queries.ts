import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { IntakeBatchView, IntakeFileView } from '../../shared/intake';
import { api, uploadWithProgress } from './api';
import { sharedKeys } from './query-keys';

// Scans sent to be read (OCR, then field extraction), shared by the intake review screen and by
// "Kerja sama baru" from a signed PDF: one upload, one batch key, polled while files are read.

const READ_POLL_MS = 2000;

export function isBeingRead(file: Pick<IntakeFileView, 'state'>): boolean {
  return file.state === 'queued' || file.state === 'reading';
}

export function useUploadScans() {
  return useMutation({
    mutationFn: ({ files, onProgress }: { files: File[]; onProgress?: (fraction: number) => void }) => {
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      return uploadWithProgress<IntakeBatchView>({ path: '/intake', form, ...(onProgress ? { onProgress } : {}) });
    },
  });
}

export function intakeBatchQuery(batchId: string) {
  return queryOptions({
    queryKey: sharedKeys.intakeBatch(batchId),
    queryFn: () => api<IntakeBatchView>(`/intake/${encodeURIComponent(batchId)}`),
    staleTime: 0,
    refetchInterval: (query) => ((query.state.data?.files ?? []).some(isBeingRead) ? READ_POLL_MS : false),
  });
}

export function useIntakeBatch(batchId: string | null) {
  return useQuery({ ...intakeBatchQuery(batchId ?? ''), enabled: batchId !== null });
}
