import type { ReportSectionsPage, ReportSettings, StatutoryReportSummary, StatutoryReportView } from '../../../shared/annual-report';
import type { AnnualReportRow } from './annual-report.repository';
import { annualDueOn, semesterDueOn, windowOfPeriod, type PeriodWindow } from './annual-report.rules';

export function dueOnOf(window: PeriodWindow, settings: ReportSettings): string {
  return window.kind === 'annual' ? annualDueOn(window.year, settings.annualDueDay) : semesterDueOn(window, settings.semesterDueDays);
}

// `isGenerating`: whether some process is generating it (its lease is fresh). Pending without one
// means the process stopped while generating: shown as failed, to be generated again.
export function summaryOf(row: AnnualReportRow, options: { settings: ReportSettings; isGenerating: boolean }): StatutoryReportSummary {
  const window = windowOfPeriod(row.kind, row.period);
  const interrupted = row.jobStatus === 'pending' && !options.isGenerating;
  return {
    id: row.id,
    kind: row.kind,
    year: row.year,
    part: window.part,
    period: row.period,
    status: row.status,
    job: {
      status: interrupted ? 'failed' : row.jobStatus,
      done: row.jobDone,
      total: row.jobTotal,
      error: interrupted ? 'Pembuatan laporan terhenti; buat ulang.' : row.jobError,
    },
    dueOn: dueOnOf(window, options.settings),
    sectionCount: row.content?.counts.recap ?? 0,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    submission:
      row.status === 'submitted' && row.letterNumber && row.letterDate && row.recipient
        ? { letterNumber: row.letterNumber, letterDate: row.letterDate, recipient: row.recipient, recordedAt: row.submittedAt?.toISOString() ?? '', recordedBy: row.submittedBy }
        : null,
  };
}

export function viewOf(row: AnnualReportRow, options: { settings: ReportSettings; isGenerating: boolean; manages: boolean; sections: ReportSectionsPage | null }): StatutoryReportView {
  const summary = summaryOf(row, options);
  const isDraft = row.status === 'draft';
  const isReady = summary.job.status === 'ready';
  return {
    ...summary,
    meta: isReady ? row.content : null,
    sections: isReady ? options.sections : null,
    can: {
      edit: options.manages && isDraft && isReady,
      regenerate: options.manages && isDraft && summary.job.status !== 'pending',
      finalise: options.manages && isDraft && isReady,
      submit: options.manages && row.status === 'final',
    },
  };
}
