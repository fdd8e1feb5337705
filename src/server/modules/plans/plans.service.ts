import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { BeneficiaryView, CreateBeneficiaryInput, CreatePlanInput, InboxRow, PlanListQuery, PlanView, UpdatePlanInput } from '../../../shared/plans';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { updateVersioned } from '../../lib/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { loadReadableAgreement } from '../agreements/agreements.service';
import { agreements } from '../agreements/agreements.table';
import { disseminationBeneficiaries, disseminationOpportunities, disseminationPackages, disseminationRecipients, disseminationTasks } from '../dissemination/dissemination.table';
import { units } from '../units/units.table';
import { canReadInbox, canReadPlansOf, canWritePlan, planReadScope } from './plans.policy';
import { activityPlans } from './plans.table';

const PLAN_WHAT: [string, string] = ['Rencana kegiatan', 'Activity plan'];

// The OPD a record is for: an OPD liaison's own; the division names one.
function targetUnit(ctx: ActorCtx, requested: string | undefined): string {
  if (ctx.actor.role === 'opd') {
    if (requested && requested !== ctx.actor.unitId) throw forbidden();
    return ctx.actor.unitId ?? '';
  }
  if (!requested) throw invalid('unitId', 'OPD wajib dipilih.', 'unitId is required.');
  return requested;
}

async function checkAgreement(db: Db, agreementId: string): Promise<{ title: string }> {
  const [row] = await db.select({ title: agreements.title, isDraft: agreements.isDraft }).from(agreements).where(eq(agreements.id, agreementId));
  if (!row || row.isDraft) throw invalid('agreementId', 'Naskah kerja sama tidak ditemukan atau masih draf.', 'agreementId: no such signed agreement.');
  return row;
}

async function checkUnit(db: Db, unitId: string): Promise<void> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!row) throw invalid('unitId', 'OPD tidak ditemukan.', 'unitId: the OPD does not exist.');
}

async function checkTask(db: Db, agreementId: string, taskId: string): Promise<void> {
  const [row] = await db
    .select({ id: disseminationTasks.id })
    .from(disseminationTasks)
    .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationTasks.packageId))
    .where(and(eq(disseminationTasks.id, taskId), eq(disseminationPackages.agreementId, agreementId)));
  if (!row) throw invalid('taskId', 'Tugas bukan bagian dari paket diseminasi naskah ini.', 'taskId: not a task of this agreement’s package.');
}

// A negative budget is named on its own, so the message says what is wrong rather than "bad format".
function checkAmounts(input: { budgetAmount?: string | undefined; startMonth?: string | null | undefined; endMonth?: string | null | undefined }): void {
  if (input.budgetAmount !== undefined && input.budgetAmount.startsWith('-')) {
    throw invalid('budgetAmount', 'Nilai anggaran tidak boleh negatif.', 'budgetAmount must not be negative.');
  }
  if (input.startMonth && input.endMonth && input.endMonth < input.startMonth) {
    throw invalid('endMonth', 'Bulan selesai mendahului bulan mulai.', 'endMonth precedes startMonth.');
  }
}

const planColumns = {
  plan: activityPlans,
  agreementTitle: agreements.title,
  unitName: units.name,
  beneficiaryCount: sql<number>`(SELECT coalesce(sum(b.count), 0)::int FROM dissemination_beneficiaries b WHERE b.agreement_id = ${activityPlans.agreementId} AND b.unit_id = ${activityPlans.unitId})`,
};

function planViewOf(row: { plan: typeof activityPlans.$inferSelect; agreementTitle: string; unitName: string; beneficiaryCount: number }): PlanView {
  const { plan } = row;
  return {
    id: plan.id,
    agreementId: plan.agreementId,
    agreementTitle: row.agreementTitle,
    taskId: plan.taskId,
    unitId: plan.unitId,
    unitName: row.unitName,
    title: plan.title,
    budgetYear: plan.budgetYear,
    programCode: plan.programCode,
    kegiatanCode: plan.kegiatanCode,
    subKegiatanCode: plan.subKegiatanCode,
    budgetAmount: plan.budgetAmount,
    budgetSource: plan.budgetSource,
    indicators: plan.indicators,
    startMonth: plan.startMonth,
    endMonth: plan.endMonth,
    version: plan.version,
    beneficiaryCount: row.beneficiaryCount,
  };
}

async function loadPlans(db: Db, where: SQL | undefined): Promise<PlanView[]> {
  const rows = await db
    .select(planColumns)
    .from(activityPlans)
    .innerJoin(agreements, eq(agreements.id, activityPlans.agreementId))
    .innerJoin(units, eq(units.id, activityPlans.unitId))
    .where(where)
    .orderBy(desc(activityPlans.budgetYear), asc(units.name), asc(activityPlans.title));
  return rows.map(planViewOf);
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
    const [row] = await tx.insert(activityPlans).values({ ...values, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now }).returning({ id: activityPlans.id });
    if (!row) throw new Error('plan insert returned nothing');
    await recordAudit(tx, { actor: ctx.actor, entity: 'activity_plan', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
    const [view] = await loadPlans(tx, eq(activityPlans.id, row.id));
    if (!view) throw notFound(...PLAN_WHAT);
    return view;
  });
}

export async function updatePlan(ctx: ActorCtx, id: string, input: UpdatePlanInput): Promise<PlanView> {
  checkAmounts(input);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(activityPlans).where(eq(activityPlans.id, id)).for('update');
    if (!before) throw notFound(...PLAN_WHAT);
    if (!canWritePlan(ctx.actor, before.unitId)) throw forbidden();
    const { version, ...patch } = input;
    if (patch.taskId) await checkTask(tx, before.agreementId, patch.taskId);
    const merged = { startMonth: patch.startMonth ?? before.startMonth, endMonth: patch.endMonth ?? before.endMonth };
    checkAmounts(merged);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await updateVersioned({ db: tx, table: activityPlans, where: eq(activityPlans.id, id), version, patch: defined, now: ctx.now, what: PLAN_WHAT });
    const changes = diffFields(Object.fromEntries(Object.keys(defined).map((key) => [key, before[key as keyof typeof before]])), defined);
    await recordAudit(tx, { actor: ctx.actor, entity: 'activity_plan', entityId: id, action: 'update', at: ctx.now, changes });
    const [view] = await loadPlans(tx, eq(activityPlans.id, id));
    if (!view) throw notFound(...PLAN_WHAT);
    return view;
  });
}

// Newest budget year first, then by OPD: the order the division reads a year's plans in.
export async function listPlans(ctx: ActorCtx, query: PlanListQuery): Promise<PlanView[]> {
  const scope = planReadScope(ctx.actor);
  if (scope.kind === 'none') throw forbidden();
  if (query.unitId && !canReadPlansOf(ctx.actor, query.unitId)) throw forbidden();
  const unitId = scope.kind === 'unit' ? scope.unitId : query.unitId;
  return loadPlans(
    ctx.db,
    and(
      query.agreementId ? eq(activityPlans.agreementId, query.agreementId) : undefined,
      unitId ? eq(activityPlans.unitId, unitId) : undefined,
      query.budgetYear === undefined ? undefined : eq(activityPlans.budgetYear, query.budgetYear),
    ),
  );
}

// What an OPD must act on: every published package with a task for it, with its own progress.
export async function listInbox(ctx: ActorCtx): Promise<InboxRow[]> {
  if (!canReadInbox(ctx.actor)) throw forbidden();
  const unitId = ctx.actor.unitId ?? '';
  const rows = await ctx.db
    .select({
      packageId: disseminationPackages.id,
      agreementId: disseminationPackages.agreementId,
      title: agreements.title,
      publishedAt: disseminationPackages.publishedAt,
      firstOpenedAt: disseminationRecipients.firstOpenedAt,
      acknowledgedAt: disseminationRecipients.acknowledgedAt,
      planCount: sql<number>`(SELECT count(*)::int FROM activity_plans ap WHERE ap.agreement_id = ${disseminationPackages.agreementId} AND ap.unit_id = ${unitId})`,
    })
    .from(disseminationRecipients)
    .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationRecipients.packageId))
    .innerJoin(agreements, eq(agreements.id, disseminationPackages.agreementId))
    .where(and(eq(disseminationRecipients.unitId, unitId), eq(disseminationPackages.status, 'published')))
    .orderBy(desc(disseminationPackages.publishedAt));
  const tasks = await ctx.db
    .select({ id: disseminationTasks.id, packageId: disseminationTasks.packageId, commitment: disseminationTasks.commitment, dueOn: disseminationTasks.dueOn })
    .from(disseminationTasks)
    .where(eq(disseminationTasks.unitId, unitId))
    .orderBy(asc(disseminationTasks.position));
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
    await checkUnit(tx, unitId);
    if (input.opportunityId) {
      const [opportunity] = await tx
        .select({ id: disseminationOpportunities.id })
        .from(disseminationOpportunities)
        .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationOpportunities.packageId))
        .where(and(eq(disseminationOpportunities.id, input.opportunityId), eq(disseminationPackages.agreementId, input.agreementId)));
      if (!opportunity) throw invalid('opportunityId', 'Peluang bukan bagian dari naskah ini.', 'opportunityId: not an opportunity of this agreement.');
    }
    const values = { agreementId: input.agreementId, opportunityId: input.opportunityId ?? null, unitId, kind: input.kind, count: input.count, amountIdr: input.amountIdr ?? null, reachedOn: input.reachedOn };
    const [row] = await tx.insert(disseminationBeneficiaries).values({ ...values, createdBy: ctx.actor.id, createdAt: ctx.now }).returning();
    if (!row) throw new Error('beneficiary insert returned nothing');
    await recordAudit(tx, { actor: ctx.actor, entity: 'beneficiary', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    return { ...values, id: row.id, unitName: unit?.name ?? '' };
  });
}

export async function listBeneficiaries(ctx: ActorCtx, agreementId: string): Promise<BeneficiaryView[]> {
  const scope = planReadScope(ctx.actor);
  if (scope.kind === 'none') throw forbidden();
  await loadReadableAgreement(ctx, agreementId);
  const rows = await ctx.db
    .select({ row: disseminationBeneficiaries, unitName: units.name })
    .from(disseminationBeneficiaries)
    .innerJoin(units, eq(units.id, disseminationBeneficiaries.unitId))
    .where(eq(disseminationBeneficiaries.agreementId, agreementId))
    .orderBy(desc(disseminationBeneficiaries.reachedOn));
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

