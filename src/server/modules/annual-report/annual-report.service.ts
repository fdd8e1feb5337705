import {
  DEFAULT_REPORT_SETTINGS,
  type GenerateReportInput,
  type RecordSubmissionInput,
  type ReportDeadline,
  type ReportSettings,
  type ReportSettingsView,
  type StatutoryReportKind,
  type StatutoryReportList,
  type StatutoryReportSummary,
  type StatutoryReportView,
  type UpdateReportSettingsInput,
  type UpdateSectionInput,
} from "../../../shared/annual-report";
import type { Db } from "../../db/client";
import { localDate, type ActorCtx, type Ctx } from "../../lib/context";
import { AppError, forbidden, notFound, staleVersion } from "../../lib/errors";
import {
  renderReport,
  type RenderedReport,
} from "../../lib/report-document/render-report";
import type { ReportFormat } from "../../lib/report-document/report-document";
import { recordAudit } from "../audit/audit.service";
import {
  reportDocumentOf,
  reportFileName,
  reportSheetsOf,
} from "./annual-report-document.rules";
import {
  buildReportContent,
  enqueueGeneration,
  isGenerationQueued,
} from "./annual-report-generation.service";
import {
  canManageStatutoryReports,
  canReadStatutoryReports,
} from "./annual-report.policy";
import * as repo from "./annual-report.repository";
import {
  annualDueOn,
  periodWindow,
  semesterDueOn,
  windowOfPeriod,
  type PeriodWindow,
} from "./annual-report.rules";

export { whenGenerationIdle } from "./annual-report-generation.service";

const WHAT = ["Laporan", "The report"] as const;
const ENTITY = "statutory_report";

// ---- settings

export async function readReportSettings(db: Db): Promise<ReportSettings> {
  const row = await repo.selectSettingsRow(db);
  return { ...DEFAULT_REPORT_SETTINGS, ...(row?.value ?? {}) };
}

export async function getReportSettings(
  ctx: ActorCtx,
): Promise<ReportSettingsView> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const row = await repo.selectSettingsRow(ctx.db);
  return {
    ...DEFAULT_REPORT_SETTINGS,
    ...(row?.value ?? {}),
    version: row?.version ?? 1,
    canEdit: canManageStatutoryReports(ctx.actor),
  };
}

export async function updateReportSettings(
  ctx: ActorCtx,
  input: UpdateReportSettingsInput,
): Promise<ReportSettingsView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.selectSettingsRow(tx);
    const before = { ...DEFAULT_REPORT_SETTINGS, ...(row?.value ?? {}) };
    if ((row?.version ?? 1) !== input.version) throw staleVersion();
    const { version, ...value } = input;
    const changes = (Object.keys(value) as (keyof ReportSettings)[])
      .filter((key) => value[key] !== before[key])
      .map((key) => ({ field: key, old: before[key], new: value[key] }));
    if (changes.length === 0) return;
    await repo.writeSettingsRow(tx, {
      value,
      version: version + 1,
      now: ctx.now,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      entity: "statutory_report_settings",
      entityId: "settings",
      action: "update",
      changes,
      at: ctx.now,
    });
  });
  return getReportSettings(ctx);
}

// ---- views

function dueOnOf(window: PeriodWindow, settings: ReportSettings): string {
  return window.kind === "annual"
    ? annualDueOn(window.year, settings.annualDueDay)
    : semesterDueOn(window, settings.semesterDueDays);
}

function summaryOf(
  row: repo.ReportSummaryRow,
  settings: ReportSettings,
): StatutoryReportSummary {
  const window = windowOfPeriod(row.kind, row.period);
  // Pending without a job in this process: the server stopped while generating.
  const interrupted =
    row.jobStatus === "pending" && !isGenerationQueued(row.id);
  return {
    id: row.id,
    kind: row.kind,
    year: row.year,
    part: window.part,
    period: row.period,
    status: row.status,
    job: {
      status: interrupted ? "failed" : row.jobStatus,
      done: row.jobDone,
      total: row.jobTotal,
      error: interrupted
        ? "Pembuatan laporan terhenti; buat ulang."
        : row.jobError,
    },
    dueOn: dueOnOf(window, settings),
    sectionCount: row.sectionCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    submission:
      row.status === "submitted" &&
      row.letterNumber &&
      row.letterDate &&
      row.recipient
        ? {
            letterNumber: row.letterNumber,
            letterDate: row.letterDate,
            recipient: row.recipient,
            recordedAt: row.submittedAt?.toISOString() ?? "",
            recordedBy: row.submittedBy,
          }
        : null,
  };
}

function viewOf(
  ctx: Ctx,
  row: repo.AnnualReportRow,
  settings: ReportSettings,
): StatutoryReportView {
  const summary = summaryOf(
    { ...row, sectionCount: row.content?.sections.length ?? 0 },
    settings,
  );
  const manages = canManageStatutoryReports(ctx.actor);
  const isDraft = row.status === "draft";
  const isReady = summary.job.status === "ready";
  return {
    ...summary,
    content: row.content,
    can: {
      edit: manages && isDraft && isReady,
      regenerate: manages && isDraft && summary.job.status !== "pending",
      finalise: manages && isDraft && isReady,
      submit: manages && row.status === "final",
    },
  };
}

async function loadReport(
  ctx: Ctx,
  input: { id: string; db?: Db; forUpdate?: boolean },
): Promise<repo.AnnualReportRow> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const row = await repo.selectReport(input.db ?? ctx.db, {
    id: input.id,
    forUpdate: input.forUpdate ?? false,
  });
  if (!row) throw notFound(...WHAT);
  return row;
}

export async function listStatutoryReports(
  ctx: ActorCtx,
): Promise<StatutoryReportList> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const settings = await readReportSettings(ctx.db);
  const rows = await repo.selectReports(ctx.db);
  const manages = canManageStatutoryReports(ctx.actor);
  return {
    reports: rows.map((row) => summaryOf(row, settings)),
    deadlines: await annualReportStatus(ctx.db, localDate(ctx.now)),
    can: { generate: manages, editSettings: manages },
  };
}

export async function getStatutoryReport(
  ctx: ActorCtx,
  input: { id: string },
): Promise<StatutoryReportView> {
  const row = await loadReport(ctx, input);
  return viewOf(ctx, row, await readReportSettings(ctx.db));
}

// ---- workflow

function conflict(message: string, messageEn: string): AppError {
  return new AppError({ code: "CONFLICT", message, messageEn });
}

async function runGeneration(
  ctx: Ctx,
  input: { reportId: string; window: PeriodWindow },
): Promise<void> {
  try {
    const content = await buildReportContent(ctx, {
      window: input.window,
      onProgress: (done, total) =>
        repo.updateJobProgress(ctx.db, { id: input.reportId, done, total }),
    });
    await repo.updateReport(ctx.db, {
      id: input.reportId,
      changes: {
        content,
        jobStatus: "ready",
        jobError: null,
        jobDone: content.recap.length,
        jobTotal: content.recap.length,
      },
      now: ctx.now,
      bumpVersion: true,
    });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.slice(0, 500) : "unknown error";
    await repo
      .updateReport(ctx.db, {
        id: input.reportId,
        changes: { jobStatus: "failed", jobError: message },
        now: ctx.now,
        bumpVersion: true,
      })
      .catch(() => undefined);
  }
}

// The division generates (or, while a draft, regenerates) the report of a period: the row is
// written now as "pending" and its content is built in the background.
export async function generateStatutoryReport(
  ctx: ActorCtx,
  input: GenerateReportInput,
): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const window = periodWindow(input);
  const row = await ctx.db.transaction(async (tx) => {
    const existing = await repo.selectReportOfPeriod(tx, {
      kind: input.kind,
      period: window.period,
    });
    if (existing && existing.status !== "draft")
      throw conflict(
        "Laporan periode ini sudah final; tidak dapat dibuat ulang.",
        "The report of this period is final and cannot be generated again.",
      );
    if (
      existing &&
      existing.jobStatus === "pending" &&
      isGenerationQueued(existing.id)
    )
      throw conflict(
        "Laporan ini sedang dibuat.",
        "This report is being generated.",
      );
    const written = existing
      ? await repo.updateReport(tx, {
          id: existing.id,
          changes: {
            jobStatus: "pending",
            jobError: null,
            jobDone: 0,
            jobTotal: 0,
          },
          now: ctx.now,
          bumpVersion: true,
        })
      : await repo.insertReport(tx, {
          kind: input.kind,
          year: input.year,
          period: window.period,
          by: ctx.actor.id,
          now: ctx.now,
        });
    await recordAudit(tx, {
      actor: ctx.actor,
      entity: ENTITY,
      entityId: written.id,
      action: existing ? "regenerate" : "generate",
      changes: [
        { field: "period", old: null, new: `${input.kind} ${window.period}` },
      ],
      at: ctx.now,
    });
    return written;
  });
  const jobCtx: Ctx = { ...ctx, actor: null };
  enqueueGeneration({
    reportId: row.id,
    run: () => runGeneration(jobCtx, { reportId: row.id, window }),
  });
  return viewOf(ctx, row, await readReportSettings(ctx.db));
}

export async function updateReportSection(
  ctx: ActorCtx,
  input: UpdateSectionInput & { id: string; agreementId: string },
): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadReport(ctx, {
      id: input.id,
      db: tx,
      forUpdate: true,
    });
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== "draft")
      throw conflict(
        "Laporan sudah final; bagian tidak dapat diubah.",
        "The report is final; its sections cannot be changed.",
      );
    if (!current.content || current.jobStatus !== "ready")
      throw conflict(
        "Laporan belum selesai dibuat.",
        "The report is not generated yet.",
      );
    const section = current.content.sections.find(
      (candidate) => candidate.agreementId === input.agreementId,
    );
    if (!section) throw notFound("Bagian laporan", "The report section");
    const old = section.texts[input.key];
    section.texts[input.key] = input.text;
    const updated = await repo.updateReport(tx, {
      id: current.id,
      changes: { content: current.content },
      now: ctx.now,
      bumpVersion: true,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      entity: ENTITY,
      entityId: current.id,
      action: "edit_section",
      changes: [
        { field: `${input.agreementId}.${input.key}`, old, new: input.text },
      ],
      at: ctx.now,
    });
    return updated;
  });
  return viewOf(ctx, row, await readReportSettings(ctx.db));
}

export async function finaliseStatutoryReport(
  ctx: ActorCtx,
  input: { id: string; version: number },
): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadReport(ctx, {
      id: input.id,
      db: tx,
      forUpdate: true,
    });
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== "draft")
      throw conflict("Laporan sudah final.", "The report is already final.");
    if (!current.content || current.jobStatus !== "ready")
      throw conflict(
        "Laporan belum selesai dibuat.",
        "The report is not generated yet.",
      );
    const updated = await repo.updateReport(tx, {
      id: current.id,
      changes: {
        status: "final",
        finalisedBy: ctx.actor.id,
        finalisedAt: ctx.now,
      },
      now: ctx.now,
      bumpVersion: true,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      entity: ENTITY,
      entityId: current.id,
      action: "finalise",
      changes: [{ field: "status", old: "draft", new: "final" }],
      at: ctx.now,
    });
    return updated;
  });
  return viewOf(ctx, row, await readReportSettings(ctx.db));
}

export async function recordReportSubmission(
  ctx: ActorCtx,
  input: RecordSubmissionInput & { id: string },
): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadReport(ctx, {
      id: input.id,
      db: tx,
      forUpdate: true,
    });
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== "final")
      throw conflict(
        "Hanya laporan final yang dapat dicatat sebagai terkirim.",
        "Only a final report can be recorded as submitted.",
      );
    const changes = {
      status: "submitted" as const,
      letterNumber: input.letterNumber,
      letterDate: input.letterDate,
      recipient: input.recipient,
      submittedBy: ctx.actor.id,
      submittedAt: ctx.now,
    };
    const updated = await repo.updateReport(tx, {
      id: current.id,
      changes,
      now: ctx.now,
      bumpVersion: true,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      entity: ENTITY,
      entityId: current.id,
      action: "submit",
      changes: [
        { field: "status", old: "final", new: "submitted" },
        { field: "letterNumber", old: null, new: input.letterNumber },
        { field: "letterDate", old: null, new: input.letterDate },
        { field: "recipient", old: null, new: input.recipient },
      ],
      at: ctx.now,
    });
    return updated;
  });
  return viewOf(ctx, row, await readReportSettings(ctx.db));
}

// ---- files

export type ReportFile = RenderedReport & { fileName: string };

export async function downloadStatutoryReport(
  ctx: ActorCtx,
  input: { id: string; format: ReportFormat },
): Promise<ReportFile> {
  const row = await loadReport(ctx, input);
  if (!row.content || row.jobStatus !== "ready")
    throw conflict(
      "Laporan belum selesai dibuat.",
      "The report is not generated yet.",
    );
  const header = {
    kind: row.kind,
    year: row.year,
    part: windowOfPeriod(row.kind, row.period).part,
  };
  const settings = await readReportSettings(ctx.db);
  const file = await renderReport(
    reportDocumentOf(header, row.content, settings),
    input.format,
    reportSheetsOf(header, row.content),
  );
  return { ...file, fileName: reportFileName(header, file.extension) };
}

// The command line: the stored report once it is final, else one built now from the register.
export async function exportStatutoryReport(
  ctx: Ctx,
  input: {
    kind: StatutoryReportKind;
    year: number;
    half?: 1 | 2;
    format: ReportFormat;
  },
): Promise<ReportFile> {
  if (!canReadStatutoryReports(ctx.actor)) throw forbidden();
  const window = periodWindow(input);
  const stored = await repo.selectReportOfPeriod(ctx.db, {
    kind: input.kind,
    period: window.period,
  });
  const content =
    stored && stored.status !== "draft" && stored.content
      ? stored.content
      : await buildReportContent(ctx, { window });
  const header = { kind: input.kind, year: input.year, part: window.part };
  const settings = await readReportSettings(ctx.db);
  const file = await renderReport(
    reportDocumentOf(header, content, settings),
    input.format,
    reportSheetsOf(header, content),
  );
  return { ...file, fileName: reportFileName(header, file.extension) };
}

// ---- deadlines

// For the dashboard's countdown: the deadlines around `today` (YYYY-MM-DD, WIT), earliest first,
// each with whether its report has been recorded as submitted. The previous year's annual report
// and semester II, this year's two semesters and this year's annual report.
export async function annualReportStatus(
  db: Db,
  today: string,
): Promise<ReportDeadline[]> {
  const settings = await readReportSettings(db);
  const year = Number(today.slice(0, 4));
  const windows = [
    periodWindow({ kind: "semester", year: year - 1, half: 2 }),
    periodWindow({ kind: "annual", year: year - 1 }),
    periodWindow({ kind: "semester", year, half: 1 }),
    periodWindow({ kind: "semester", year, half: 2 }),
    periodWindow({ kind: "annual", year }),
  ];
  const rows = await repo.selectReports(db);
  const submitted = new Set(
    rows
      .filter((row) => row.status === "submitted")
      .map((row) => `${row.kind} ${row.period}`),
  );
  return windows
    .map((window) => ({
      label:
        window.kind === "annual"
          ? `Laporan tahunan pelaksanaan kerja sama ${window.year}`
          : `Laporan monitoring semester ${window.part === "S1" ? "I" : "II"} ${window.year}`,
      dueOn: dueOnOf(window, settings),
      submitted: submitted.has(`${window.kind} ${window.period}`),
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
