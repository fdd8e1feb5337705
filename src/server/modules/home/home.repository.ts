import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

// The home screen reads across modules: each query joins other modules' tables read-only and is
// scoped by the caller (the service) to what the person may see. Each returns every matching row's
// count beside the first `limit` rows.

type Rows = { rows: Record<string, unknown>[] };
export type Listed<T> = { total: number; rows: T[] };

async function listed<T>(db: Db, query: SQL, map: (row: Record<string, unknown>) => T): Promise<Listed<T>> {
  const result: unknown = await db.execute(query);
  const { rows } = result as Rows;
  return { total: Number(rows[0]?.total ?? 0), rows: rows.map(map) };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export type ReportToVerify = { reportId: string; planTitle: string; unitName: string; period: string; submittedAt: string | null };

export function selectReportsToVerify(db: Db, query: { limit: number }): Promise<Listed<ReportToVerify>> {
  return listed(
    db,
    sql`
    SELECT r.id, ap.title AS plan_title, un.name AS unit_name, r.period, r.submitted_at::date::text AS submitted_on, count(*) OVER () AS total
    FROM realisation_reports r JOIN activity_plans ap ON ap.id = r.plan_id JOIN units un ON un.id = r.unit_id
    WHERE r.status = 'submitted'
    ORDER BY r.submitted_at NULLS LAST
    LIMIT ${query.limit}`,
    (row) => ({ reportId: String(row.id), planTitle: String(row.plan_title), unitName: String(row.unit_name), period: String(row.period), submittedAt: text(row.submitted_on) }),
  );
}

export type OpenObligation = { obligationId: string; agreementId: string; agreementTitle: string; description: string; dueOn: string | null };

// The partner's obligations the lead OPD has not yet confirmed.
export function selectObligationsToConfirm(db: Db, query: { unitId: string; limit: number }): Promise<Listed<OpenObligation>> {
  return listed(
    db,
    sql`
    SELECT o.id, a.id AS agreement_id, a.title AS agreement_title, o.description, o.due_on::text AS due_on, count(*) OVER () AS total
    FROM obligations o JOIN agreements a ON a.id = o.agreement_id
    WHERE o.party = 'partner' AND o.confirmed_at IS NULL
      AND EXISTS (SELECT 1 FROM agreement_units au WHERE au.agreement_id = a.id AND au.is_lead AND au.unit_id = ${query.unitId})
    ORDER BY o.due_on NULLS LAST, a.title
    LIMIT ${query.limit}`,
    (row) => ({ obligationId: String(row.id), agreementId: String(row.agreement_id), agreementTitle: String(row.agreement_title), description: String(row.description), dueOn: text(row.due_on) }),
  );
}

export type EvaluationToAnswer = { evaluationId: string; agreementId: string; agreementTitle: string; period: string };

// Open evaluations without this respondent's answer; an OPD answers only for its lead agreements.
export function selectEvaluationsToAnswer(db: Db, query: { respondent: 'opd' | 'tkksd' | 'admin'; unitId: string | null; limit: number }): Promise<Listed<EvaluationToAnswer>> {
  const unit = query.unitId === null ? sql`true` : sql`EXISTS (SELECT 1 FROM agreement_units au WHERE au.agreement_id = a.id AND au.is_lead AND au.unit_id = ${query.unitId})`;
  return listed(
    db,
    sql`
    SELECT e.id, a.id AS agreement_id, a.title AS agreement_title, e.period, count(*) OVER () AS total
    FROM evaluations e JOIN agreements a ON a.id = e.agreement_id
    WHERE e.status = 'open' AND ${unit}
      AND NOT EXISTS (SELECT 1 FROM evaluation_responses er WHERE er.evaluation_id = e.id AND er.respondent = ${query.respondent})
    ORDER BY e.opened_at
    LIMIT ${query.limit}`,
    (row) => ({ evaluationId: String(row.id), agreementId: String(row.agreement_id), agreementTitle: String(row.agreement_title), period: String(row.period) }),
  );
}

export type EndingAgreement = { agreementId: string; title: string; numberOurs: string | null; endsOn: string };

// Agreements in force ending within `withinDays` with no renewal decision for that end.
export function selectEndingWithoutDecision(db: Db, query: { unitId: string | null; on: string; withinDays: number; limit: number }): Promise<Listed<EndingAgreement>> {
  const unit = query.unitId === null ? sql`true` : sql`EXISTS (SELECT 1 FROM agreement_units au WHERE au.agreement_id = a.id AND au.is_lead AND au.unit_id = ${query.unitId})`;
  return listed(
    db,
    sql`
    SELECT a.id, a.title, a.number_ours, a.ends_on::text AS ends_on, count(*) OVER () AS total
    FROM agreements a
    WHERE NOT a.is_draft AND ${unit}
      AND a.ends_on BETWEEN ${query.on}::date AND ${query.on}::date + ${query.withinDays}::int
      AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on <= ${query.on}::date, false)
      AND NOT EXISTS (SELECT 1 FROM renewal_decisions d WHERE d.agreement_id = a.id AND d.ends_on IS NOT DISTINCT FROM a.ends_on)
    ORDER BY a.ends_on, a.title
    LIMIT ${query.limit}`,
    (row) => ({ agreementId: String(row.id), title: String(row.title), numberOurs: text(row.number_ours), endsOn: String(row.ends_on) }),
  );
}

export type ReviewWaiting = { proposalId: string; title: string; stageCode: string; round: number };

// Reviews where it is this reviewer's tier's turn and the reviewer has not decided this round.
export function selectReviewsWaiting(db: Db, query: { reviewerId: string; limit: number }): Promise<Listed<ReviewWaiting>> {
  return listed(
    db,
    sql`
    SELECT p.id, p.title, rv.stage_code, rv.round, count(*) OVER () AS total
    FROM proposal_review_assignments asg
    JOIN proposal_reviews rv ON rv.id = asg.review_id
    JOIN proposals p ON p.id = rv.proposal_id
    WHERE asg.reviewer_id = ${query.reviewerId} AND asg.ended_at IS NULL
      AND rv.status = 'berjalan' AND asg.tier_position = rv.current_tier
      AND NOT EXISTS (SELECT 1 FROM proposal_review_decisions d WHERE d.assignment_id = asg.id AND d.round = rv.round)
    ORDER BY rv.updated_at
    LIMIT ${query.limit}`,
    (row) => ({ proposalId: String(row.id), title: String(row.title), stageCode: String(row.stage_code), round: Number(row.round) }),
  );
}

export type PackageToAcknowledge = { agreementId: string; agreementTitle: string; publishedOn: string | null };

export function selectPackagesToAcknowledge(db: Db, query: { unitId: string; limit: number }): Promise<Listed<PackageToAcknowledge>> {
  return listed(
    db,
    sql`
    SELECT a.id AS agreement_id, a.title AS agreement_title, pk.published_at::date::text AS published_on, count(*) OVER () AS total
    FROM dissemination_recipients rc
    JOIN dissemination_packages pk ON pk.id = rc.package_id
    JOIN agreements a ON a.id = pk.agreement_id
    WHERE rc.unit_id = ${query.unitId} AND rc.acknowledged_at IS NULL AND pk.status = 'published'
    ORDER BY pk.published_at
    LIMIT ${query.limit}`,
    (row) => ({ agreementId: String(row.agreement_id), agreementTitle: String(row.agreement_title), publishedOn: text(row.published_on) }),
  );
}
