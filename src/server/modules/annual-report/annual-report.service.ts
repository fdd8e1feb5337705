import {
  DEFAULT_REPORT_SETTINGS,
  SECTIONS_PAGE_SIZE,
  type ReportContent,
  type ReportDeadline,
  type ReportSettings,
  type ReportSettingsView,
  type ReportViewQuery,
  type StatutoryReportKind,
  type StatutoryReportList,
  type StatutoryReportView,
  type UpdateReportSettingsInput,
} from '../../../shared/annual-report';
import type { Db } from '../../db/client';
import { localDate, type ActorCtx, type Ctx } from '../../lib/context';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors';
import { renderReport, type RenderedReport } from '../../lib/report-document/render-report';
import type { ReportFormat } from '../../lib/report-document/report-document';
import { recordAudit } from '../audit/audit.service';
import { reportDocumentOf, reportFileName, reportSheetsOf } from './annual-report-document.rules';
import { buildReportContent, contentOf, isBeingGenerated } from './annual-report-generation.service';
import { canManageStatutoryReports, canReadStatutoryReports } from './annual-report.policy';
import * as repo from './annual-report.repository';
import { periodWindow, windowOfPeriod } from './annual-report.rules';
import { dueOnOf, summaryOf, viewOf } from './annual-report.views';

export { whenGenerationIdle } from './annual-report-generation.service';

// The statutory reports read: the list with its deadlines, one report with a page of its sections,
// its files, and the layout and deadline settings. Generating and editing: annual-report-workflow.

const WHAT = ['Laporan', 'The report'] as const;
const FILE_BATCH = 500;

export function notGeneratedYet(): AppError {
  return new AppError({ code: 'CONFLICT', message: 'Laporan belum selesai dibuat.', messageEn: 'The report is not generated yet.' });
}

// ---- settings

export async function readReportSettings(db: Db): Promise<ReportSettings> {
  const row = await repo.selectSettingsRow(db);
  return { ...DEFAULT_REPORT_SETTINGS, ...(row?.value ?? {}) };
}

export async function getReportSettings(ctx: ActorCtx): Promise<ReportSettingsView> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const row = await repo.selectSettingsRow(ctx.db);
  return { ...DEFAULT_REPORT_SETTINGS, ...(row?.value ?? {}), version: row?.version ?? 1, canEdit: canManageStatutoryReports(ctx.actor) };
}

export async function updateReportSettings(ctx: ActorCtx, input: UpdateReportSettingsInput): Promise<ReportSettingsView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.selectSettingsRow(tx);
    const before = { ...DEFAULT_REPORT_SETTINGS, ...(row?.value ?? {}) };
    if ((row?.version ?? 1) !== input.version) throw staleVersion();
    const { version, ...value } = input;
    const changes = (Object.keys(value) as (keyof ReportSettings)[]).filter((key) => value[key] !== before[key]).map((key) => ({ field: key, old: before[key], new: value[key] }));
    if (changes.length === 0) return;
    await repo.writeSettingsRow(tx, { value, version: version + 1, now: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'statutory_report_settings', entityId: 'settings', action: 'update', changes, at: ctx.now });
  });
  return getReportSettings(ctx);
}

// ---- reading

export async function loadReport(ctx: Ctx, input: { id: string; db?: Db; forUpdate?: boolean }): Promise<repo.AnnualReportRow> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const row = await repo.selectReport(input.db ?? ctx.db, { id: input.id, forUpdate: input.forUpdate ?? false });
  if (!row) throw notFound(...WHAT);
  return row;
}

// The report as its screen shows it: a page of its sections (those whose heading holds `q`).
export async function reportViewOf(ctx: Ctx, input: { row: repo.AnnualReportRow; query?: Partial<ReportViewQuery> }): Promise<StatutoryReportView> {
  const { row } = input;
  const page = input.query?.page ?? 1;
  const found = await repo.selectSectionsPage(ctx.db, { reportId: row.id, q: input.query?.q, offset: (page - 1) * SECTIONS_PAGE_SIZE, limit: SECTIONS_PAGE_SIZE });
  const sections = { sections: found.rows.map((section) => ({ agreementId: section.agreementId, label: section.label, texts: section.texts, number: section.position + 1 })), total: found.total, page, pageSize: SECTIONS_PAGE_SIZE };
  return viewOf(row, { settings: await readReportSettings(ctx.db), isGenerating: isBeingGenerated(row, ctx.now), manages: canManageStatutoryReports(ctx.actor), sections });
}

export async function listStatutoryReports(ctx: ActorCtx): Promise<StatutoryReportList> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const settings = await readReportSettings(ctx.db);
  const rows = await repo.selectReports(ctx.db);
  const manages = canManageStatutoryReports(ctx.actor);
  return {
    reports: rows.map((row) => summaryOf(row, { settings, isGenerating: isBeingGenerated(row, ctx.now) })),
    deadlines: await annualReportStatus(ctx.db, localDate(ctx.now)),
    can: { generate: manages, editSettings: manages },
  };
}

export async function getStatutoryReport(ctx: ActorCtx, input: { id: string } & Partial<ReportViewQuery>): Promise<StatutoryReportView> {
  const row = await loadReport(ctx, input);
  return reportViewOf(ctx, { row, query: input });
}

// ---- files

export type ReportFile = RenderedReport & { fileName: string };

// Every part of a stored report, read a batch at a time with the event loop given back between.
async function storedContentOf(ctx: Ctx, row: repo.AnnualReportRow): Promise<ReportContent> {
  const window = windowOfPeriod(row.kind, row.period);
  const parts: Parameters<typeof contentOf>[1]['parts'] = [];
  for (let from = 0; ; from += FILE_BATCH) {
    const batch = await repo.selectPartsFrom(ctx.db, { reportId: row.id, from, limit: FILE_BATCH });
    parts.push(...batch.map((part) => ({ section: { agreementId: part.agreementId, label: part.label, texts: part.texts }, recap: part.recap, findings: part.findings })));
    if (batch.length < FILE_BATCH) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return contentOf(window, { generatedAt: new Date(row.content?.generatedAt ?? row.updatedAt.toISOString()), parts });
}

async function render(ctx: Ctx, input: { kind: StatutoryReportKind; year: number; part: string; content: ReportContent; format: ReportFormat }): Promise<ReportFile> {
  const header = { kind: input.kind, year: input.year, part: input.part };
  const settings = await readReportSettings(ctx.db);
  const file = await renderReport(reportDocumentOf(header, input.content, settings), input.format, reportSheetsOf(header, input.content));
  return { ...file, fileName: reportFileName(header, file.extension) };
}

export async function downloadStatutoryReport(ctx: ActorCtx, input: { id: string; format: ReportFormat }): Promise<ReportFile> {
  const row = await loadReport(ctx, input);
  if (row.jobStatus !== 'ready' || !row.content) throw notGeneratedYet();
  const content = await storedContentOf(ctx, row);
  return render(ctx, { kind: row.kind, year: row.year, part: windowOfPeriod(row.kind, row.period).part, content, format: input.format });
}

// The command line: the stored report once it is final, else one built now from the register.
export async function exportStatutoryReport(ctx: Ctx, input: { kind: StatutoryReportKind; year: number; half?: 1 | 2; format: ReportFormat }): Promise<ReportFile> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const window = periodWindow(input);
  const stored = await repo.selectReportOfPeriod(ctx.db, { kind: input.kind, period: window.period });
  const content = stored && stored.status !== 'draft' && stored.jobStatus === 'ready' ? await storedContentOf(ctx, stored) : await buildReportContent(ctx, { window });
  return render(ctx, { kind: input.kind, year: input.year, part: window.part, content, format: input.format });
}

// ---- deadlines

// For the dashboard's countdown: the deadlines around `today` (YYYY-MM-DD, WIT), earliest first,
// each with whether its report has been recorded as submitted. The previous year's annual report
// and semester II, this year's two semesters and this year's annual report.
export async function annualReportStatus(db: Db, today: string): Promise<ReportDeadline[]> {
  const settings = await readReportSettings(db);
  const year = Number(today.slice(0, 4));
  const windows = [
    periodWindow({ kind: 'semester', year: year - 1, half: 2 }),
    periodWindow({ kind: 'annual', year: year - 1 }),
    periodWindow({ kind: 'semester', year, half: 1 }),
    periodWindow({ kind: 'semester', year, half: 2 }),
    periodWindow({ kind: 'annual', year }),
  ];
  const rows = await repo.selectReports(db);
  const submitted = new Set(rows.filter((row) => row.status === 'submitted').map((row) => `${row.kind} ${row.period}`));
  return windows
    .map((window) => ({
      label: window.kind === 'annual' ? `Laporan tahunan pelaksanaan kerja sama ${window.year}` : `Laporan monitoring semester ${window.part === 'S1' ? 'I' : 'II'} ${window.year}`,
      dueOn: dueOnOf(window, settings),
      submitted: submitted.has(`${window.kind} ${window.period}`),
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
