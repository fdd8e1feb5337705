import type { GenerateReportInput, RecordSubmissionInput, ReportMeta, StatutoryReportView, UpdateSectionInput } from '../../../shared/annual-report';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { enqueueGeneration, generateParts, isBeingGenerated, jobClock, keepHeartbeat } from './annual-report-generation.service';
import { canManageStatutoryReports } from './annual-report.policy';
import * as repo from './annual-report.repository';
import { periodWindow, type PeriodWindow } from './annual-report.rules';
import { loadReport, notGeneratedYet, reportViewOf } from './annual-report.service';

// The division's acts on a statutory report, each audited: generate (in the background), edit a
// section while a draft, finalise, record the submission.

const ENTITY = 'statutory_report';

function conflict(message: string, messageEn: string): AppError {
  return new AppError({ code: 'CONFLICT', message, messageEn });
}

// Written a batch at a time as the parts are made; the report turns ready with its counts at the end.
async function runGeneration(ctx: Ctx, input: { reportId: string; window: PeriodWindow; clock: () => Date }): Promise<void> {
  const counts = { recap: 0, dormant: 0, findings: 0 };
  try {
    await generateParts(ctx, {
      window: input.window,
      onBatch: async (parts, progress) => {
        await repo.insertSections(ctx.db, { reportId: input.reportId, firstPosition: counts.recap, parts });
        counts.recap += parts.length;
        counts.dormant += parts.filter((part) => part.recap.isDormant).length;
        counts.findings += parts.reduce((total, part) => total + part.findings.length, 0);
        await repo.updateJobProgress(ctx.db, { id: input.reportId, ...progress, at: input.clock() });
      },
    });
    const meta: ReportMeta = { periodFirstDay: input.window.firstDay, periodLastDay: input.window.lastDay, generatedAt: ctx.now.toISOString(), counts };
    await repo.updateReport(ctx.db, { id: input.reportId, changes: { content: meta, jobStatus: 'ready', jobError: null, jobDone: counts.recap, jobTotal: counts.recap }, now: ctx.now, bumpVersion: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    await repo.updateReport(ctx.db, { id: input.reportId, changes: { jobStatus: 'failed', jobError: message }, now: ctx.now, bumpVersion: true }).catch(() => undefined);
  }
}

// The division generates (or, while a draft, regenerates) the report of a period: the row is
// written now as "pending" and its content is built in the background, one report at a time.
export async function generateStatutoryReport(ctx: ActorCtx, input: GenerateReportInput): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const window = periodWindow(input);
  const row = await ctx.db.transaction(async (tx) => {
    // Locked: two processes asked at once must not both find it free to generate.
    const existing = await repo.selectReportOfPeriod(tx, { kind: input.kind, period: window.period, forUpdate: true });
    if (existing && existing.status !== 'draft') throw conflict('Laporan periode ini sudah final; tidak dapat dibuat ulang.', 'The report of this period is final and cannot be generated again.');
    if (existing && isBeingGenerated(existing, ctx.now)) throw conflict('Laporan ini sedang dibuat.', 'This report is being generated.');
    if (existing) await repo.deleteSections(tx, existing.id);
    const written = existing
      ? await repo.updateReport(tx, { id: existing.id, changes: { jobStatus: 'pending', jobError: null, jobDone: 0, jobTotal: 0, jobHeartbeatAt: ctx.now, content: null }, now: ctx.now, bumpVersion: true })
      : await repo.insertReport(tx, { kind: input.kind, year: input.year, period: window.period, by: ctx.actor.id, now: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: ENTITY, entityId: written.id, action: existing ? 'regenerate' : 'generate', changes: [{ field: 'period', old: null, new: `${input.kind} ${window.period}` }], at: ctx.now });
    return written;
  });
  const jobCtx: Ctx = { ...ctx, actor: null };
  const clock = jobClock(ctx.now);
  // The heartbeat runs from now, while the report waits its turn as well as while it is built.
  const stopHeartbeat = keepHeartbeat(jobCtx, { reportId: row.id, clock });
  enqueueGeneration({ run: () => runGeneration(jobCtx, { reportId: row.id, window, clock }).finally(stopHeartbeat) });
  return reportViewOf(ctx, { row });
}

export async function updateReportSection(ctx: ActorCtx, input: UpdateSectionInput & { id: string; agreementId: string }): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadReport(ctx, { id: input.id, db: tx, forUpdate: true });
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== 'draft') throw conflict('Laporan sudah final; bagian tidak dapat diubah.', 'The report is final; its sections cannot be changed.');
    if (current.jobStatus !== 'ready') throw notGeneratedYet();
    const section = await repo.selectSectionForUpdate(tx, { reportId: current.id, agreementId: input.agreementId });
    if (!section) throw notFound('Bagian laporan', 'The report section');
    const old = section.texts[input.key];
    await repo.updateSectionTexts(tx, { reportId: current.id, agreementId: input.agreementId, texts: { ...section.texts, [input.key]: input.text } });
    const updated = await repo.updateReport(tx, { id: current.id, changes: {}, now: ctx.now, bumpVersion: true });
    await recordAudit(tx, { actor: ctx.actor, entity: ENTITY, entityId: current.id, action: 'edit_section', changes: [{ field: `${input.agreementId}.${input.key}`, old, new: input.text }], at: ctx.now });
    return updated;
  });
  return reportViewOf(ctx, { row, query: { q: undefined, page: 1 } });
}

export async function finaliseStatutoryReport(ctx: ActorCtx, input: { id: string; version: number }): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadReport(ctx, { id: input.id, db: tx, forUpdate: true });
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== 'draft') throw conflict('Laporan sudah final.', 'The report is already final.');
    if (current.jobStatus !== 'ready') throw notGeneratedYet();
    const updated = await repo.updateReport(tx, { id: current.id, changes: { status: 'final', finalisedBy: ctx.actor.id, finalisedAt: ctx.now }, now: ctx.now, bumpVersion: true });
    await recordAudit(tx, { actor: ctx.actor, entity: ENTITY, entityId: current.id, action: 'finalise', changes: [{ field: 'status', old: 'draft', new: 'final' }], at: ctx.now });
    return updated;
  });
  return reportViewOf(ctx, { row });
}

export async function recordReportSubmission(ctx: ActorCtx, input: RecordSubmissionInput & { id: string }): Promise<StatutoryReportView> {
  if (!canManageStatutoryReports(ctx.actor)) throw forbidden();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadReport(ctx, { id: input.id, db: tx, forUpdate: true });
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== 'final') throw conflict('Hanya laporan final yang dapat dicatat sebagai terkirim.', 'Only a final report can be recorded as submitted.');
    const changes = { status: 'submitted' as const, letterNumber: input.letterNumber, letterDate: input.letterDate, recipient: input.recipient, submittedBy: ctx.actor.id, submittedAt: ctx.now };
    const updated = await repo.updateReport(tx, { id: current.id, changes, now: ctx.now, bumpVersion: true });
    const fields = [
      { field: 'status', old: 'final', new: 'submitted' },
      { field: 'letterNumber', old: null, new: input.letterNumber },
      { field: 'letterDate', old: null, new: input.letterDate },
      { field: 'recipient', old: null, new: input.recipient },
    ];
    await recordAudit(tx, { actor: ctx.actor, entity: ENTITY, entityId: current.id, action: 'submit', changes: fields, at: ctx.now });
    return updated;
  });
  return reportViewOf(ctx, { row });
}
