import type { BeneficiaryView, CreateBeneficiaryInput, CreatePlanInput, InboxRow, PlanListQuery, PlanView, UpdatePlanInput } from '../../../shared/plans';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { loadReadableAgreement } from '../agreements/agreements.service';
import { canReadInbox, canReadPlansOf, canWritePlan, planReadScope, recordsForOwnUnitOnly } from './plans.policy';
import * as repo from './plans.repository';

const PLAN_WHAT: [string, string] = ['Rencana kegiatan', 'Activity plan'];

// The OPD a record is for: an OPD liaison's own; the division names one.
function targetUnit(ctx: ActorCtx, requested: string | undefined): string {
  if (recordsForOwnUnitOnly(ctx.actor)) {
    if (requested && requested !== ctx.actor.unitId) throw forbidden();
    return ctx.actor.unitId ?? '';
  }
  if (!requested) throw invalid('unitId', { message: 'OPD wajib dipilih.', messageEn: 'unitId is required.' });
  return requested;
}

async function checkAgreement(db: Db, agreementId: string): Promise<void> {
  const row = await repo.findAgreementHead(db, agreementId);
  if (!row || row.isDraft) throw invalid('agreementId', { message: 'Naskah kerja sama tidak ditemukan atau masih draf.', messageEn: 'agreementId: no such signed agreement.' });
}

async function checkUnit(db: Db, unitId: string): Promise<string> {
  const name = await repo.findUnitName(db, unitId);
  if (name === null) throw invalid('unitId', { message: 'OPD tidak ditemukan.', messageEn: 'unitId: the OPD does not exist.' });
  return name;
}

async function checkTask(db: Db, agreementId: string, taskId: string): Promise<void> {
  if (!(await repo.isTaskOfAgreement(db, { agreementId, taskId }))) {
    throw invalid('taskId', { message: 'Tugas bukan bagian dari paket diseminasi naskah ini.', messageEn: 'taskId: not a task of this agreement’s package.' });
  }
}

// A negative budget is named on its own, so the message says what is wrong rather than "bad format".
function checkAmounts(input: { budgetAmount?: string | undefined; startMonth?: string | null | undefined; endMonth?: string | null | undefined }): void {
  if (input.budgetAmount !== undefined && input.budgetAmount.startsWith('-')) {
    throw invalid('budgetAmount', { message: 'Nilai anggaran tidak boleh negatif.', messageEn: 'budgetAmount must not be negative.' });
  }
  if (input.startMonth && input.endMonth && input.endMonth < input.startMonth) {
    throw invalid('endMonth', { message: 'Bulan selesai mendahului bulan mulai.', messageEn: 'endMonth precedes startMonth.' });
  }
}

async function loadPlan(db: Db, id: string): Promise<PlanView> {
  const [view] = await repo.loadPlans(db, { id });
  if (!view) throw notFound(...PLAN_WHAT);
  return view;
}

export async function createPlan(ctx: ActorCtx, input: CreatePlanInput): Promise<PlanView> {
  const unitId = targetUnit(ctx, input.unitId);
  if (!canWritePlan(ctx.actor, unitId)) throw forbidden();
  checkAmounts(input);
  return ctx.db.transaction(async (tx) => {
    await checkAgreement(tx, input.agreementId);
    await checkUnit(tx, unitId);
    if (input.taskId) await checkTask(tx, input.agreementId, input.taskId);
    const values = {
      agreementId: input.agreementId,
      taskId: input.taskId ?? null,
      unitId,
      title: input.title,
      budgetYear: input.budgetYear,
      programCode: input.programCode ?? null,
      kegiatanCode: input.kegiatanCode ?? null,
      subKegiatanCode: input.subKegiatanCode ?? null,
      budgetAmount: input.budgetAmount,
      budgetSource: input.budgetSource,
      indicators: input.indicators,
      startMonth: input.startMonth ?? null,
      endMonth: input.endMonth ?? null,
    };
    const id = await repo.insertPlan(tx, { ...values, createdBy: ctx.actor.id, createdAt: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'activity_plan', entityId: id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
    return loadPlan(tx, id);
  });
}

export async function updatePlan(ctx: ActorCtx, { id, ...input }: UpdatePlanInput & { id: string }): Promise<PlanView> {
  checkAmounts(input);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findPlanForUpdate(tx, id);
    if (!before) throw notFound(...PLAN_WHAT);
    if (!canWritePlan(ctx.actor, before.unitId)) throw forbidden();
    const { version, ...patch } = input;
    if (patch.taskId) await checkTask(tx, before.agreementId, patch.taskId);
    const merged = { startMonth: patch.startMonth ?? before.startMonth, endMonth: patch.endMonth ?? before.endMonth };
    checkAmounts(merged);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await repo.updatePlanRow(tx, { id, version, patch: defined, now: ctx.now, what: PLAN_WHAT });
    const changes = diffFields(Object.fromEntries(Object.keys(defined).map((key) => [key, before[key as keyof typeof before]])), defined);
    await recordAudit(tx, { actor: ctx.actor, entity: 'activity_plan', entityId: id, action: 'update', at: ctx.now, changes });
    return loadPlan(tx, id);
  });
}

// Newest budget year first, then by OPD: the order the division reads a year's plans in.
export async function listPlans(ctx: ActorCtx, query: PlanListQuery): Promise<PlanView[]> {
  const scope = planReadScope(ctx.actor);
  if (scope.kind === 'none') throw forbidden();
  if (query.unitId && !canReadPlansOf(ctx.actor, query.unitId)) throw forbidden();
  const unitId = scope.kind === 'unit' ? scope.unitId : query.unitId;
  return repo.loadPlans(ctx.db, { agreementId: query.agreementId, unitId, budgetYear: query.budgetYear });
}

// What an OPD must act on: every published package with a task for it, with its own progress.
export async function listInbox(ctx: ActorCtx): Promise<InboxRow[]> {
  if (!canReadInbox(ctx.actor)) throw forbidden();
  const unitId = ctx.actor.unitId ?? '';
  const rows = await repo.loadInboxPackages(ctx.db, unitId);
  const tasks = await repo.loadTasksOfUnit(ctx.db, unitId);
  return rows.map((row) => ({
    agreementId: row.agreementId,
    agreementTitle: row.title,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    tasks: tasks.filter((task) => task.packageId === row.packageId).map(({ packageId: _packageId, ...task }) => task),
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    planCount: row.planCount,
  }));
}

export async function createBeneficiary(ctx: ActorCtx, input: CreateBeneficiaryInput): Promise<BeneficiaryView> {
  const unitId = targetUnit(ctx, input.unitId);
  if (!canWritePlan(ctx.actor, unitId)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await checkAgreement(tx, input.agreementId);
    const unitName = await checkUnit(tx, unitId);
    if (input.opportunityId && !(await repo.isOpportunityOfAgreement(tx, { agreementId: input.agreementId, opportunityId: input.opportunityId }))) {
      throw invalid('opportunityId', { message: 'Peluang bukan bagian dari naskah ini.', messageEn: 'opportunityId: not an opportunity of this agreement.' });
    }
    const values = { agreementId: input.agreementId, opportunityId: input.opportunityId ?? null, unitId, kind: input.kind, count: input.count, amountIdr: input.amountIdr ?? null, reachedOn: input.reachedOn };
    const row = await repo.insertBeneficiary(tx, { ...values, createdBy: ctx.actor.id, createdAt: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'beneficiary', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
    return { ...values, id: row.id, unitName };
  });
}

export async function listBeneficiaries(ctx: ActorCtx, agreementId: string): Promise<BeneficiaryView[]> {
  const scope = planReadScope(ctx.actor);
  if (scope.kind === 'none') throw forbidden();
  await loadReadableAgreement(ctx, { id: agreementId });
  const rows = await repo.loadBeneficiaries(ctx.db, agreementId);
  return rows.map(({ row, unitName }) => ({
    id: row.id,
    agreementId: row.agreementId,
    opportunityId: row.opportunityId,
    unitId: row.unitId,
    unitName,
    kind: row.kind,
    count: row.count,
    amountIdr: row.amountIdr,
    reachedOn: row.reachedOn,
  }));
}

// For the evaluation's computed indicators (a higher module asks, as the system): an agreement's
// plans with their budget year and indicator targets.
export async function plansOfAgreement(ctx: { db: Db }, input: { agreementId: string }): Promise<Pick<PlanView, 'id' | 'budgetYear' | 'indicators'>[]> {
  const plans = await repo.loadPlans(ctx.db, { agreementId: input.agreementId });
  return plans.map(({ id, budgetYear, indicators }) => ({ id, budgetYear, indicators }));
}

// For the open data: per budget year, how many agreements have an activity plan.
export async function plannedAgreementCountsByYear(ctx: { db: Db }, range: { from: number; to: number }): Promise<Map<number, number>> {
  const rows = await repo.selectPlannedAgreementCounts(ctx.db, range);
  return new Map(rows.map((row) => [row.year, row.count]));
}

// When a plan last changed: the open data's "modified" date.
export function lastPlanChangeAt(ctx: { db: Db }): Promise<Date | null> {
  return repo.selectLastPlanChange(ctx.db);
}
export { plansRevisionSql } from './plans.repository';
