import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GenerateReportInput,
  RecordSubmissionInput,
  ReportSettingsView,
  StatutoryReportList,
  StatutoryReportSummary,
  StatutoryReportView,
  UpdateReportSettingsInput,
  UpdateSectionInput,
} from '../../../../shared/annual-report';
import { api, downloadFile } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.statutoryReports;

export const reportKeys = {
  all: root,
  list: [...root, 'list'] as const,
  detail: (id: string) => [...root, 'detail', id] as const,
  page: (id: string, query: { page: number; q: string }) => [...root, 'detail', id, query.page, query.q] as const,
  settings: [...root, 'settings'] as const,
};

// While a report is being generated the screens ask again every two seconds.
const POLL_MS = 2000;
const isPending = (report: Pick<StatutoryReportSummary, 'job'>) => report.job.status === 'pending';

export function useStatutoryReports() {
  return useQuery({
    queryKey: reportKeys.list,
    queryFn: () => api<StatutoryReportList>('/statutory-reports'),
    refetchInterval: (query) => (query.state.data?.reports.some(isPending) ? POLL_MS : false),
  });
}

// One report with a page of its sections (those whose heading holds `q`).
export function useStatutoryReport(id: string, query: { page: number; q: string }) {
  return useQuery({
    queryKey: reportKeys.page(id, query),
    queryFn: () => api<StatutoryReportView>(`/statutory-reports/${id}`, { query: { page: query.page, q: query.q || undefined } }),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (current.state.data && isPending(current.state.data) ? POLL_MS : false),
  });
}

export function useReportSettings() {
  return useQuery({
    queryKey: reportKeys.settings,
    queryFn: () => api<ReportSettingsView>('/statutory-reports/settings'),
  });
}

function useWrite<Input>(request: (input: Input) => Promise<StatutoryReportView | ReportSettingsView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: root });
    },
  });
}

export function useGenerateReport() {
  return useWrite((input: GenerateReportInput) =>
    api<StatutoryReportView>('/statutory-reports', {
      method: 'POST',
      body: input,
    }),
  );
}

export function useUpdateSection(id: string) {
  return useWrite((input: UpdateSectionInput & { agreementId: string }) => {
    const { agreementId, ...body } = input;
    return api<StatutoryReportView>(`/statutory-reports/${id}/sections/${agreementId}`, { method: 'PUT', body });
  });
}

export function useFinaliseReport(id: string) {
  return useWrite((input: { version: number }) =>
    api<StatutoryReportView>(`/statutory-reports/${id}/finalise`, {
      method: 'POST',
      body: input,
    }),
  );
}

export function useRecordSubmission(id: string) {
  return useWrite((input: RecordSubmissionInput) =>
    api<StatutoryReportView>(`/statutory-reports/${id}/submission`, {
      method: 'POST',
      body: input,
    }),
  );
}

export function useUpdateReportSettings() {
  return useWrite((input: UpdateReportSettingsInput) =>
    api<ReportSettingsView>('/statutory-reports/settings', {
      method: 'PUT',
      body: input,
    }),
  );
}

export function useDownloadReport(id: string) {
  return useMutation({
    mutationFn: ({ format, fileName }: { format: 'pdf' | 'xlsx' | 'docx'; fileName: string }) => downloadFile(`/statutory-reports/${id}/file?format=${format}`, fileName),
  });
}
