import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ReportStatus } from '../../../shared/realisation';
import { amongIds, andAmongIds } from '../../db/bulk-sql';
import type { Db } from '../../db/client';
import { updateVersioned } from '../../lib/versioned';
import { countAndVersionSql } from '../../db/revision-sql';
import { activityPlans } from '../plans/plans.table';
import { units } from '../units/units.table';
import { realisationEvidence, realisationReports } from './realisation.table';

export type ReportRow = typeof realisationReports.$inferSelect;
export type ReportValues = Omit<typeof realisationReports.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type EvidenceRow = typeof realisationEvidence.$inferSelect;
export type PlanHead = { id: string; agreementId: string; unitId: string; title: string; budgetAmount: string; budgetSource: 'APBD' | 'mitra' | 'lainnya' };
export type ReportHead = { report: ReportRow; planTitle: string; unitName: string; plannedAmount: string; plannedSource: PlanHead['budgetSource'] };
export type ReportFilter = { id?: string; planId?: string; unitId?: string | undefined; period?: string | undefined; status?: ReportStatus | undefined };

export const REPORT_PLAN_PERIOD_KEY = 'realisation_reports_plan_period_key';

export async function findPlanHead(db: Db, planId: string): Promise<PlanHead | null> {
  const [row] = await db
    .select({ id: activityPlans.id, agreementId: activityPlans.agreementId, unitId: activityPlans.unitId, title: activityPlans.title, budgetAmount: activityPlans.budgetAmount, budgetSource: activityPlans.budgetSource })
    .from(activityPlans)
    .where(eq(activityPlans.id, planId));
  return row ?? null;
}

export async function insertReport(db: Db, { now, ...values }: ReportValues & { now: Date }): Promise<ReportRow> {
  const [row] = await db.insert(realisationReports).values({ ...values, createdAt: now, updatedAt: now }).returning();
  if (!row) throw new Error('insertReport: nothing inserted');
  return row;
}

export async function findReportForUpdate(db: Db, id: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(realisationReports).where(eq(realisationReports.id, id)).for('update');
  return row ?? null;
}

export async function updateReportRow(db: Db, change: { id: string; version: number; patch: Record<string, unknown>; now: Date; what: [string, string] }): Promise<ReportRow> {
  return updateVersioned({ db, table: realisationReports, where: eq(realisationReports.id, change.id), version: change.version, patch: change.patch, now: change.now, what: change.what });
}

// Reports with their plan's title and planned funds and their OPD's name; newest period first.
export async function loadReportHeads(db: Db, filter: ReportFilter): Promise<ReportHead[]> {
  const conditions: SQL[] = [];
  if (filter.id) conditions.push(eq(realisationReports.id, filter.id));
  if (filter.planId) conditions.push(eq(realisationReports.planId, filter.planId));
  if (filter.unitId) conditions.push(eq(realisationReports.unitId, filter.unitId));
  if (filter.period) conditions.push(eq(realisationReports.period, filter.period));
  if (filter.status) conditions.push(eq(realisationReports.status, filter.status));
  return db
    .select({ report: realisationReports, planTitle: activityPlans.title, unitName: units.name, plannedAmount: activityPlans.budgetAmount, plannedSource: activityPlans.budgetSource })
    .from(realisationReports)
    .innerJoin(activityPlans, eq(activityPlans.id, realisationReports.planId))
    .innerJoin(units, eq(units.id, realisationReports.unitId))
    .where(and(...conditions))
    .orderBy(desc(realisationReports.period), asc(units.name), asc(activityPlans.title));
}

export async function listEvidenceOf(db: Db, reportId: string): Promise<EvidenceRow[]> {
  return db.select().from(realisationEvidence).where(eq(realisationEvidence.reportId, reportId)).orderBy(asc(realisationEvidence.createdAt), asc(realisationEvidence.fileName));
}

export async function insertEvidence(db: Db, values: typeof realisationEvidence.$inferInsert): Promise<EvidenceRow> {
  const [row] = await db.insert(realisationEvidence).values(values).returning();
  if (!row) throw new Error('insertEvidence: nothing inserted');
  return row;
}

export async function findEvidence(db: Db, options: { reportId: string; evidenceId: string }): Promise<EvidenceRow | null> {
  const [row] = await db.select().from(realisationEvidence).where(and(eq(realisationEvidence.id, options.evidenceId), eq(realisationEvidence.reportId, options.reportId)));
  return row ?? null;
}

export async function deleteEvidence(db: Db, evidenceId: string): Promise<void> {
  await db.delete(realisationEvidence).where(eq(realisationEvidence.id, evidenceId));
}

// Plans whose report for the period has reached the division (submitted or verified).
export async function selectReportedPlanIds(db: Db, period: string): Promise<string[]> {
  const rows = await db
    .select({ planId: realisationReports.planId })
    .from(realisationReports)
    .where(and(eq(realisationReports.period, period), inArray(realisationReports.status, ['submitted', 'verified'])));
  return rows.map((row) => row.planId);
}

// The last moment a report of each agreement was verified.
// Without ids: every agreement's (the whole register's monitoring pass; an id list that long would
// pass PostgreSQL's limit of bound parameters).
export async function selectLastVerifiedAt(db: Db, agreementIds?: string[]): Promise<{ agreementId: string; verifiedAt: Date }[]> {
  if (agreementIds?.length === 0) return [];
  const rows = await db
    .select({ agreementId: realisationReports.agreementId, verifiedAt: sql<Date | string>`max(${realisationReports.verifiedAt})` })
    .from(realisationReports)
    .where(and(agreementIds ? amongIds(realisationReports.agreementId, agreementIds) : undefined, eq(realisationReports.status, 'verified')))
    .groupBy(realisationReports.agreementId);
  return rows.map((row) => ({ agreementId: row.agreementId, verifiedAt: new Date(row.verifiedAt) }));
}

type DueRow = { agreement_id: string; lead_unit_ids: string[] | null; plan_count: number; reported_count: number; verified_count: number };

// Agreements in force at some time in the period (signed, started by its last day, not ended or
// ended early before its first day) that have activity plans, with how many plans were reported.
type PeriodWindow = { period: string; firstDay: string; lastDay: string };

// The agreement `a` was in force at some time in the window: signed (not a draft), started by its
// last day, not ended and not terminated before its first day. A plan is reported on in the periods
// of its own budget year. Every "who owes a report" question reads these two.
function inForceDuring(window: PeriodWindow): SQL {
  return sql`NOT a.is_draft
      AND coalesce(a.starts_on, a.signed_on) <= ${window.lastDay}::date
      AND (a.ends_on IS NULL OR a.ends_on >= ${window.firstDay}::date)
      AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on < ${window.firstDay}::date, false)`;
}

function ofBudgetYear(window: PeriodWindow): SQL {
  return sql`ap.budget_year = ${Number(window.period.slice(0, 4))}`;
}

export async function selectReportsDue(db: Db, window: PeriodWindow & { agreementIds?: string[] | undefined }): Promise<DueRow[]> {
  const result: unknown = await db.execute(sql`
    SELECT a.id AS agreement_id,
      (SELECT array_agg(au.unit_id::text ORDER BY au.unit_id) FROM agreement_units au WHERE au.agreement_id = a.id AND au.is_lead) AS lead_unit_ids,
      count(ap.id)::int AS plan_count,
      count(r.id) FILTER (WHERE r.status IN ('submitted', 'verified'))::int AS reported_count,
      count(r.id) FILTER (WHERE r.status = 'verified')::int AS verified_count
    FROM agreements a
    JOIN activity_plans ap ON ap.agreement_id = a.id AND ${ofBudgetYear(window)}
    LEFT JOIN realisation_reports r ON r.plan_id = ap.id AND r.period = ${window.period}
    WHERE ${inForceDuring(window)}${andAmongIds(sql`a.id`, window.agreementIds)}
    GROUP BY a.id
    ORDER BY a.id`);
  return (result as { rows: DueRow[] }).rows;
}

export type PlanAwaitingReportRow = {
  planId: string;
  planTitle: string;
  agreementId: string;
  agreementTitle: string;
  numberOurs: string | null;
  unitId: string;
  unitName: string;
  status: 'draft' | 'returned' | null;
  returnReason: string | null;
  reportId: string | null;
};
export type PlansAwaitingReport = { total: number; returnedTotal: number; rows: PlanAwaitingReportRow[] };

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

// Plans (of one OPD, or all) whose report for the period has not reached the division: none, a
// draft, or returned and not resent. Returned ones first: they wait on a fix. The counts cover every
// matching plan, not only the first `limit`.
export async function selectPlansAwaitingReport(db: Db, query: PeriodWindow & { unitId: string | null; limit: number | null }): Promise<PlansAwaitingReport> {
  const unit = query.unitId === null ? sql`true` : sql`ap.unit_id = ${query.unitId}`;
  const limit = query.limit === null ? sql`` : sql`LIMIT ${query.limit}`;
  const result: unknown = await db.execute(sql`
    SELECT ap.id AS plan_id, ap.title AS plan_title, a.id AS agreement_id, a.title AS agreement_title, a.number_ours, un.id AS unit_id, un.name AS unit_name,
      r.status, r.return_reason, r.id AS report_id,
      count(*) OVER () AS total, count(*) FILTER (WHERE r.status = 'returned') OVER () AS returned_total
    FROM activity_plans ap
    JOIN agreements a ON a.id = ap.agreement_id
    JOIN units un ON un.id = ap.unit_id
    LEFT JOIN realisation_reports r ON r.plan_id = ap.id AND r.period = ${query.period}
    WHERE ${unit} AND ${ofBudgetYear(query)} AND ${inForceDuring(query)}
      AND coalesce(r.status, 'none') NOT IN ('submitted', 'verified')
    ORDER BY un.name, (r.status = 'returned') DESC NULLS LAST, a.title, ap.title, ap.id
    ${limit}`);
  const rows = (result as { rows: Record<string, unknown>[] }).rows;
  return {
    total: Number(rows[0]?.total ?? 0),
    returnedTotal: Number(rows[0]?.returned_total ?? 0),
    rows: rows.map((row) => ({
      planId: String(row.plan_id),
      planTitle: String(row.plan_title),
      agreementId: String(row.agreement_id),
      agreementTitle: String(row.agreement_title),
      numberOurs: textOrNull(row.number_ours),
      unitId: String(row.unit_id),
      unitName: String(row.unit_name),
      status: textOrNull(row.status) as PlanAwaitingReportRow['status'],
      returnReason: textOrNull(row.return_reason),
      reportId: textOrNull(row.report_id),
    })),
  };
}

// An agreement's reports, reduced to what the evaluation's computed indicators read.
export function selectReportFacts(db: Db, agreementId: string): Promise<Pick<ReportRow, 'planId' | 'period' | 'status' | 'submittedAt' | 'beneficiaries'>[]> {
  return db
    .select({ planId: realisationReports.planId, period: realisationReports.period, status: realisationReports.status, submittedAt: realisationReports.submittedAt, beneficiaries: realisationReports.beneficiaries })
    .from(realisationReports)
    .where(eq(realisationReports.agreementId, agreementId));
}

export type VerifiedYearRow = { year: number; agreements: number };
export type VerifiedSumRow = { year: number; code: string; total: string };

// Verified reports only: what the division accepted. The year is the report period's.
const verified = sql`r.status = 'verified' AND left(r.period, 4)::int BETWEEN`;

export async function selectVerifiedAgreementCounts(db: Db, range: { from: number; to: number }): Promise<VerifiedYearRow[]> {
  const result: unknown = await db.execute(sql`
    SELECT left(r.period, 4)::int AS year, count(DISTINCT r.agreement_id)::int AS agreements
    FROM ${realisationReports} r WHERE ${verified} ${range.from} AND ${range.to} GROUP BY 1`);
  return (result as { rows: VerifiedYearRow[] }).rows;
}

// Sums of one jsonb list of the verified reports (beneficiaries by group, funds by source) by year.
export async function selectVerifiedSums(db: Db, query: { from: number; to: number; list: 'beneficiaries' | 'funds' }): Promise<VerifiedSumRow[]> {
  const [list, code, value] = query.list === 'beneficiaries' ? [sql`r.beneficiaries`, 'group', 'count'] : [sql`r.funds`, 'source', 'realised'];
  const result: unknown = await db.execute(sql`
    SELECT left(r.period, 4)::int AS year, e.item->>${code} AS code, sum((e.item->>${value})::numeric)::text AS total
    FROM ${realisationReports} r CROSS JOIN LATERAL jsonb_array_elements(${list}) AS e(item)
    WHERE ${verified} ${query.from} AND ${query.to} GROUP BY 1, 2`);
  return (result as { rows: VerifiedSumRow[] }).rows;
}

export async function selectLastVerifiedChange(db: Db): Promise<Date | null> {
  const result: unknown = await db.execute(sql`SELECT max(verified_at) AS at FROM ${realisationReports}`);
  const at = (result as { rows: { at: Date | string | null }[] }).rows[0]?.at ?? null;
  return at === null ? null : new Date(at);
}

// Changes when any report is added, removed or moves a step: the portal's page cache compares it.
export function reportsRevisionSql(): SQL {
  return countAndVersionSql(realisationReports, { version: realisationReports.version });
}
