import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportChoices, ImportPreview, ImportRunView } from '../../../../shared/imports';
import { api, uploadWithProgress } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const POLL_INTERVAL_MS = 600;

export const importKeys = {
  all: queryRoots.imports,
  run: (id: string | null) => [...queryRoots.imports, 'run', id] as const,
  list: [...queryRoots.imports, 'list'] as const,
};

export function useUploadImport() {
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return uploadWithProgress<ImportPreview>({ path: '/imports', form, onProgress });
    },
  });
}

export function useConfirmImport() {
  return useMutation({
    mutationFn: ({ id, choices }: { id: string; choices: ImportChoices }) => api<{ id: string }>(`/imports/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: choices }),
  });
}

function isFinished(run: ImportRunView | undefined): boolean {
  return run?.status === 'done' || run?.status === 'failed';
}

// Polls the run until it is written or has failed; then every cached list is stale.
export function useImportRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.run(id),
    queryFn: async () => {
      const run = await api<ImportRunView>(`/imports/${encodeURIComponent(id ?? '')}`);
      if (run.status === 'done') {
        await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== queryRoots.session[0] && query.queryKey[0] !== importKeys.all[0] });
      }
      return run;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_INTERVAL_MS),
  });
}

export function useImportRuns() {
  return useQuery({ queryKey: importKeys.list, queryFn: () => api<ImportRunView[]>('/imports'), staleTime: 0 });
}
