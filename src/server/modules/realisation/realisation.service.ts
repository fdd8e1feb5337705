import {
  CreateReportSchema,
  ReportListQuerySchema,
  ReturnReportSchema,
  ReportStepSchema,
  UpdateReportSchema,
  type CreateReportInput,
  type ReportDue,
  type ReportListQuery,
  type ReportStatus,
  type ReportStepInput,
  type ReportSummaryView,
  type ReportView,
  type ReturnReportInput,
  type UpdateReportInput,
} from '../../../shared/realisation';
import { isUniqueViolation } from '../../db/unique-violation';
import type { Db } from '../../db/client';
import { localDate, type ActorCtx, type Ctx } from '../../lib/context';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors';
import { parseInput } from '../agreements/agreements.rules';
import { diffFields, recordAudit } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { canReadReportsOf, canVerifyReports, canWriteReport, reportAbilities, reportReadScope } from './realisation.policy';
import * as repo from './realisation.repository';
import { checkPeriodCode, checkPeriodOpen, checkRealisation, checkStep, isEditable, periodWindow, type ReportStep } from './realisation.rules';
import { reportViewOf, summaryOf } from './realisation.views';

export const REPORT_WHAT: [string, string] = ['Laporan realisasi', 'Realisation report'];
const PLAN_WHAT: [string, string] = ['Rencana kegiatan', 'Activity plan'];
const ENTITY = 'realisation_report';

function locked(): AppError {
  return new AppError({
    code: 'CONFLICT',
    message: 'Laporan sudah diajukan dan terkunci; hanya laporan draf atau yang dikembalikan yang dapat diubah.',
    messageEn: 'The report has been submitted and is locked; only a draft or returned report can be changed.',
    field: 'status',
  });
}

async function readablePlan(ctx: ActorCtx, db: Db, planId: string): Promise<repo.PlanHead> {
  const plan = await repo.findPlanHead(db, planId);
  if (!plan) throw notFound(...PLAN_WHAT);
  if (!canReadReportsOf(ctx.actor, plan)) throw forbidden();
  return plan;
}

// 404 for a missing report, 403 for one the reader may not see.
export async function loadReadableReport(ctx: ActorCtx, options: { db?: Db; reportId: string }): Promise<repo.ReportHead> {
  const [head] = await repo.loadReportHeads(options.db ?? ctx.db, { id: options.reportId });
  if (!head) throw notFound(...REPORT_WHAT);
  if (!canReadReportsOf(ctx.actor, head.report)) throw forbidden();
  return head;
}

async function viewOf(ctx: ActorCtx, db: Db, reportId: string): Promise<ReportView> {
  const head = await loadReadableReport(ctx, { db, reportId });
  const evidence = await repo.listEvidenceOf(db, reportId);
  return reportViewOf(head, { evidence, abilities: reportAbilities(ctx.actor, head.report) });
}

// A draft is written only while its period is open; a report the division returned may still be
// corrected after the period closed, since the division asked for it.
async function checkWindow(db: Db, options: { period: string; status: 'draft' | 'returned' | 'submitted' | 'verified'; now: Date }): Promise<void> {
  if (options.status === 'returned') return;
  const { reportCloseDays } = await getSettings(db);
  checkPeriodOpen(options.period, { today: localDate(options.now), closeDays: reportCloseDays });
}

export async function getReport(ctx: ActorCtx, input: { reportId: string }): Promise<ReportView> {
  return viewOf(ctx, ctx.db, input.reportId);
}

export async function listPlanReports(ctx: ActorCtx, input: { planId: string }): Promise<ReportSummaryView[]> {
  await readablePlan(ctx, ctx.db, input.planId);
  return (await repo.loadReportHeads(ctx.db, { planId: input.planId })).map(summaryOf);
}

// The division's queue (all OPDs) or an OPD's own reports.
export async function listReports(ctx: ActorCtx, raw: ReportListQuery): Promise<ReportSummaryView[]> {
  const query = parseInput(ReportListQuerySchema, raw);
  const scope = reportReadScope(ctx.actor);
  if (scope.kind === 'none') throw forbidden();
  const unitId = scope.kind === 'unit' ? scope.unitId : undefined;
  return (await repo.loadReportHeads(ctx.db, { unitId, period: query.period, status: query.status })).map(summaryOf);
}

export async function createReport(ctx: ActorCtx, { planId, ...raw }: { planId: string } & CreateReportInput): Promise<ReportView> {
  const input = parseInput(CreateReportSchema, raw);
  return ctx.db.transaction(async (tx) => {
    const plan = await readablePlan(ctx, tx, planId);
    if (!canWriteReport(ctx.actor, plan)) throw forbidden();
    await checkWindow(tx, { period: input.period, status: 'draft', now: ctx.now });
    const values = {
      period: input.period,
      summary: input.summary,
      startedOn: input.startedOn ?? null,
      endedOn: input.endedOn ?? null,
      location: input.location ?? null,
      outputs: input.outputs ?? null,
      beneficiaries: input.beneficiaries,
      funds: input.funds,
      completion: input.completion,
      obstaclesInternal: input.obstaclesInternal ?? null,
      obstaclesExternal: input.obstaclesExternal ?? null,
      followUp: input.followUp ?? null,
    };
    checkRealisation(values);
    const row = await repo.insertReport(tx, { ...values, planId, agreementId: plan.agreementId, unitId: plan.unitId, createdBy: ctx.actor.id, now: ctx.now }).catch((error: unknown) => {
      if (!isUniqueViolation(error, repo.REPORT_PLAN_PERIOD_KEY)) throw error;
      throw new AppError({
        code: 'CONFLICT',
        message: `Rencana ini sudah punya laporan realisasi periode ${input.period}.`,
        messageEn: `This plan already has a realisation report for period ${input.period}.`,
        field: 'period',
      });
    });
    await recordAudit(tx, { actor: ctx.actor, entity: ENTITY, entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
    return viewOf(ctx, tx, row.id);
  });
}

export async function updateReport(ctx: ActorCtx, { reportId, ...raw }: { reportId: string } & UpdateReportInput): Promise<ReportView> {
  const { version, ...input } = parseInput(UpdateReportSchema, raw);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findReportForUpdate(tx, reportId);
    if (!before) throw notFound(...REPORT_WHAT);
    if (!canWriteReport(ctx.actor, before)) throw forbidden();
    if (!isEditable(before.status)) throw locked();
    if (before.version !== version) throw staleVersion();
    await checkWindow(tx, { period: before.period, status: before.status, now: ctx.now });
    const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<repo.ReportRow>;
    checkRealisation({ ...before, ...defined });
    await repo.updateReportRow(tx, { id: reportId, version, patch: defined, now: ctx.now, what: REPORT_WHAT });
    const changes = diffFields(Object.fromEntries(Object.keys(defined).map((key) => [key, before[key as keyof typeof before]])), defined);
    if (changes.length > 0) await recordAudit(tx, { actor: ctx.actor, entity: ENTITY, entityId: reportId, action: 'update', at: ctx.now, changes });
    return viewOf(ctx, tx, reportId);
  });
}

type StepChange = { step: ReportStep; version: number; may: (report: repo.ReportRow) => boolean; patch: Record<string, unknown> };

// One move of the report's state machine, checked, versioned and audited.
async function moveReport(ctx: ActorCtx, reportId: string, change: StepChange): Promise<ReportView> {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findReportForUpdate(tx, reportId);
    if (!before) throw notFound(...REPORT_WHAT);
    if (!change.may(before)) throw forbidden();
    if (before.version !== change.version) throw staleVersion();
    const status = checkStep(before.status, change.step);
    if (change.step === 'submit') await checkWindow(tx, { period: before.period, status: before.status, now: ctx.now });
    const patch = { ...change.patch, status };
    await repo.updateReportRow(tx, { id: reportId, version: change.version, patch, now: ctx.now, what: REPORT_WHAT });
    const changes = diffFields(Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof typeof before]])), patch);
    await recordAudit(tx, { actor: ctx.actor, entity: ENTITY, entityId: reportId, action: change.step, at: ctx.now, changes });
    return viewOf(ctx, tx, reportId);
  });
}

export async function submitReport(ctx: ActorCtx, { reportId, ...raw }: { reportId: string } & ReportStepInput): Promise<ReportView> {
  const { version } = parseInput(ReportStepSchema, raw);
  const patch = { submittedAt: ctx.now, submittedBy: ctx.actor.id };
  return moveReport(ctx, reportId, { step: 'submit', version, may: (report) => canWriteReport(ctx.actor, report), patch });
}

export async function verifyReport(ctx: ActorCtx, { reportId, ...raw }: { reportId: string } & ReportStepInput): Promise<ReportView> {
  const { version } = parseInput(ReportStepSchema, raw);
  const patch = { verifiedAt: ctx.now, verifiedBy: ctx.actor.id };
  return moveReport(ctx, reportId, { step: 'verify', version, may: () => canVerifyReports(ctx.actor), patch });
}

export async function returnReport(ctx: ActorCtx, { reportId, ...raw }: { reportId: string } & ReturnReportInput): Promise<ReportView> {
  const { version, reason } = parseInput(ReturnReportSchema, raw);
  return moveReport(ctx, reportId, { step: 'return', version, may: () => canVerifyReports(ctx.actor), patch: { returnReason: reason } });
}

// Read functions for monitoring (no actor: the schedulers and checks run them as the system).

// Plans whose report for the period reached the division (submitted or verified).
export async function reportedPlanIds(ctx: Pick<Ctx, 'db'>, input: { period: string }): Promise<string[]> {
  checkPeriodCode(input.period);
  return repo.selectReportedPlanIds(ctx.db, input.period);
}

// The day (local) each agreement last had a report verified; agreements without one are absent.
// "A verified realisation in the last N months" decides dormancy.
export async function lastVerifiedOnByAgreement(ctx: Pick<Ctx, 'db'>, input: { agreementIds?: string[] } = {}): Promise<Map<string, string>> {
  const rows = await repo.selectLastVerifiedAt(ctx.db, input.agreementIds);
  return new Map(rows.map((row) => [row.agreementId, localDate(row.verifiedAt)]));
}

export type { PlanAwaitingReportRow, PlansAwaitingReport } from './realisation.repository';

// Plans of the period's budget year, under agreements in force during the period, whose report has
// not reached the division — of one OPD or (unitId null) of all. The reminders and the home screen
// both ask this, so "still owes a report" means one thing.
export function plansAwaitingReport(ctx: Pick<Ctx, 'db'>, input: { period: string; unitId: string | null; limit: number | null }): Promise<repo.PlansAwaitingReport> {
  checkPeriodCode(input.period);
  const { firstDay, lastDay } = periodWindow(input.period, 0);
  return repo.selectPlansAwaitingReport(ctx.db, { ...input, firstDay, lastDay });
}

// Per agreement in force during the period that has activity plans: whether its plans were reported.
export async function reportsDue(ctx: Pick<Ctx, 'db'>, input: { period: string; agreementIds?: string[] | undefined }): Promise<ReportDue[]> {
  checkPeriodCode(input.period);
  const { firstDay, lastDay } = periodWindow(input.period, 0);
  const rows = await repo.selectReportsDue(ctx.db, { period: input.period, firstDay, lastDay, agreementIds: input.agreementIds });
  return rows.map((row) => ({
    agreementId: row.agreement_id,
    leadUnitIds: row.lead_unit_ids ?? [],
    planCount: row.plan_count,
    reportedPlanCount: row.reported_count,
    verifiedPlanCount: row.verified_count,
    reported: row.plan_count > 0 && row.reported_count === row.plan_count,
  }));
}

export type ReportFacts = { planId: string; period: string; status: ReportStatus; submittedOn: string | null; beneficiaries: number };

// For the evaluation's computed indicators: each report of an agreement with the day (in Ternate)
// it was last submitted and the beneficiaries it counts in all groups.
export async function reportFactsOf(ctx: Pick<Ctx, 'db'>, input: { agreementId: string }): Promise<ReportFacts[]> {
  const rows = await repo.selectReportFacts(ctx.db, input.agreementId);
  return rows.map((row) => ({
    planId: row.planId,
    period: row.period,
    status: row.status,
    submittedOn: row.submittedAt ? localDate(row.submittedAt) : null,
    beneficiaries: row.beneficiaries.reduce((sum, entry) => sum + entry.count, 0),
  }));
}
