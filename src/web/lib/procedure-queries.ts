import { useQuery } from '@tanstack/react-query';
import type { ProcedureView } from '../../shared/procedures';
import { api } from './api';
import { sharedKeys } from './query-keys';

// Every procedure with its stages, for the stage names the proposal screens show: they change
// rarely, and the procedure editor refreshes this copy when it saves.
export function useProcedures() {
  return useQuery({ queryKey: sharedKeys.procedures, queryFn: () => api<ProcedureView[]>('/procedures'), staleTime: 10 * 60_000 });
}
