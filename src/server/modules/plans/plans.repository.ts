import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PlanView } from '../../../shared/plans';
import type { Db } from '../../db/client';
import { updateVersioned } from '../../lib/versioned';
import { countAndVersionSql } from '../../db/revision-sql';
import { agreements } from '../agreements/agreements.table';
import { disseminationOpportunities, disseminationPackages, disseminationRecipients, disseminationTasks } from '../dissemination/dissemination.table';
import { units } from '../units/units.table';
import { activityPlans, disseminationBeneficiaries } from './plans.table';

// Plans sit above dissemination: the joins on its tables here only read them.

export type PlanRow = typeof activityPlans.$inferSelect;
export type PlanValues = Omit<typeof activityPlans.$inferInsert, 'id' | 'version' | 'createdBy' | 'createdAt' | 'updatedAt'>;
export type BeneficiaryRow = typeof disseminationBeneficiaries.$inferSelect;
export type BeneficiaryValues = Omit<typeof disseminationBeneficiaries.$inferInsert, 'id' | 'createdBy' | 'createdAt'>;
export type PlanFilter = { id?: string | undefined; agreementId?: string | undefined; unitId?: string | undefined; budgetYear?: number | undefined };

export async function findAgreementHead(db: Db, agreementId: string): Promise<{ isDraft: boolean } | null> {
  const [row] = await db.select({ isDraft: agreements.isDraft }).from(agreements).where(eq(agreements.id, agreementId));
  return row ?? null;
}

export async function findUnitName(db: Db, unitId: string): Promise<string | null> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name ?? null;
}

export async function isTaskOfAgreement(db: Db, { agreementId, taskId }: { agreementId: string; taskId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: disseminationTasks.id })
    .from(disseminationTasks)
    .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationTasks.packageId))
    .where(and(eq(disseminationTasks.id, taskId), eq(disseminationPackages.agreementId, agreementId)));
  return row !== undefined;
}

export async function isOpportunityOfAgreement(db: Db, { agreementId, opportunityId }: { agreementId: string; opportunityId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: disseminationOpportunities.id })
    .from(disseminationOpportunities)
    .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationOpportunities.packageId))
    .where(and(eq(disseminationOpportunities.id, opportunityId), eq(disseminationPackages.agreementId, agreementId)));
  return row !== undefined;
}

const planColumns = {
  plan: activityPlans,
  agreementTitle: agreements.title,
  unitName: units.name,
  beneficiaryCount: sql<number>`(SELECT coalesce(sum(b.count), 0)::int FROM dissemination_beneficiaries b WHERE b.agreement_id = ${activityPlans.agreementId} AND b.unit_id = ${activityPlans.unitId})`,
};

function planViewOf(row: { plan: PlanRow; agreementTitle: string; unitName: string; beneficiaryCount: number }): PlanView {
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

// Newest budget year first, then by OPD: the order the division reads a year's plans in.
export async function loadPlans(db: Db, filter: PlanFilter): Promise<PlanView[]> {
  const where: SQL | undefined = and(
    filter.id ? eq(activityPlans.id, filter.id) : undefined,
    filter.agreementId ? eq(activityPlans.agreementId, filter.agreementId) : undefined,
    filter.unitId ? eq(activityPlans.unitId, filter.unitId) : undefined,
    filter.budgetYear === undefined ? undefined : eq(activityPlans.budgetYear, filter.budgetYear),
  );
  const rows = await db
    .select(planColumns)
    .from(activityPlans)
    .innerJoin(agreements, eq(agreements.id, activityPlans.agreementId))
    .innerJoin(units, eq(units.id, activityPlans.unitId))
    .where(where)
    .orderBy(desc(activityPlans.budgetYear), asc(units.name), asc(activityPlans.title));
  return rows.map(planViewOf);
}

export async function insertPlan(tx: Db, values: PlanValues & { createdBy: string; createdAt: Date }): Promise<string> {
  const [row] = await tx
    .insert(activityPlans)
    .values({ ...values, updatedAt: values.createdAt })
    .returning({ id: activityPlans.id });
  if (!row) throw new Error('plan insert returned nothing');
  return row.id;
}

export async function findPlanForUpdate(tx: Db, id: string): Promise<PlanRow | null> {
  const [row] = await tx.select().from(activityPlans).where(eq(activityPlans.id, id)).for('update');
  return row ?? null;
}

export async function updatePlanRow(tx: Db, change: { id: string; version: number; patch: Record<string, unknown>; now: Date; what: [string, string] }): Promise<void> {
  await updateVersioned({ db: tx, table: activityPlans, where: eq(activityPlans.id, change.id), version: change.version, patch: change.patch, now: change.now, what: change.what });
}

// The (agreement, OPD) pairs among these agreements that have at least one plan, as `agreementId:unitId`.
export async function plannedPairs(db: Db, agreementIds: string[]): Promise<Set<string>> {
  if (agreementIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ agreementId: activityPlans.agreementId, unitId: activityPlans.unitId })
    .from(activityPlans)
    .where(inArray(activityPlans.agreementId, agreementIds));
  return new Set(rows.map((row) => `${row.agreementId}:${row.unitId}`));
}

// The OPD's published packages it was told about, newest first, with its own progress on each.
export async function loadInboxPackages(db: Db, unitId: string) {
  return db
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
}

export async function loadTasksOfUnit(db: Db, unitId: string) {
  return db
    .select({ id: disseminationTasks.id, packageId: disseminationTasks.packageId, commitment: disseminationTasks.commitment, dueOn: disseminationTasks.dueOn })
    .from(disseminationTasks)
    .where(eq(disseminationTasks.unitId, unitId))
    .orderBy(asc(disseminationTasks.position));
}

export async function insertBeneficiary(tx: Db, values: BeneficiaryValues & { createdBy: string; createdAt: Date }): Promise<BeneficiaryRow> {
  const [row] = await tx.insert(disseminationBeneficiaries).values(values).returning();
  if (!row) throw new Error('beneficiary insert returned nothing');
  return row;
}

export async function loadBeneficiaries(db: Db, agreementId: string) {
  return db
    .select({ row: disseminationBeneficiaries, unitName: units.name })
    .from(disseminationBeneficiaries)
    .innerJoin(units, eq(units.id, disseminationBeneficiaries.unitId))
    .where(eq(disseminationBeneficiaries.agreementId, agreementId))
    .orderBy(desc(disseminationBeneficiaries.reachedOn));
}

// Per budget year of the range, how many signed agreements have at least one activity plan.
export async function selectPlannedAgreementCounts(db: Db, range: { from: number; to: number }): Promise<{ year: number; count: number }[]> {
  const result: unknown = await db.execute(sql`
    SELECT ap.budget_year::int AS year, count(DISTINCT ap.agreement_id)::int AS count
    FROM ${activityPlans} ap JOIN ${agreements} a ON a.id = ap.agreement_id
    WHERE NOT a.is_draft AND ap.budget_year BETWEEN ${range.from} AND ${range.to}
    GROUP BY 1`);
  return (result as { rows: { year: number; count: number }[] }).rows;
}

export async function selectLastPlanChange(db: Db): Promise<Date | null> {
  const result: unknown = await db.execute(sql`SELECT max(updated_at) AS at FROM ${activityPlans}`);
  const at = (result as { rows: { at: Date | string | null }[] }).rows[0]?.at ?? null;
  return at === null ? null : new Date(at);
}

// Changes when any plan is added, removed or edited: the portal's page cache compares it.
export function plansRevisionSql(): SQL {
  return countAndVersionSql(activityPlans, { version: activityPlans.version });
}
