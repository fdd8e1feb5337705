import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

// The gap dashboard's counts, in raw SQL over the registry, the dissemination tables (read only)
// and the plans.

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  // Both drivers answer raw SQL with { rows }.
  return (result as { rows: T[] }).rows;
}

// Per signed agreement, the four steps of the loop the article asks to close:
// signed → disseminated (package published) → acknowledged (every OPD told has confirmed) → planned.
// Counted in the database, so the dashboard stays one pass over the registry however large it is.
const STEPS = sql`
  SELECT a.id, a.title, a.signed_on, a.ends_on, a.termination_kind, a.terminated_on,
    extract(year FROM a.signed_on)::int AS year,
    coalesce(p.status = 'published', false) AS disseminated,
    coalesce(p.status = 'published' AND EXISTS (SELECT 1 FROM dissemination_recipients r WHERE r.package_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM dissemination_recipients r WHERE r.package_id = p.id AND r.acknowledged_at IS NULL), false) AS acknowledged,
    EXISTS (SELECT 1 FROM activity_plans ap WHERE ap.agreement_id = a.id) AS planned
  FROM agreements a
  LEFT JOIN dissemination_packages p ON p.agreement_id = a.id
  WHERE a.is_draft = false AND a.signed_on IS NOT NULL`;

export type GapCountRow = { year: number; signed: number; disseminated: number; acknowledged: number; planned: number };
export type WithoutPlanRow = { id: string; title: string; signed_on: string | Date | null; disseminated: boolean };
export type UnitGapRow = { unit_id: string; unit_name: string; tasked: number; acknowledged: number; planned: number };
export type BeneficiaryTotalRow = { kind: string; count: number; amount: string | null };

export async function countStepsPerYear(db: Db, year: number | undefined): Promise<GapCountRow[]> {
  const yearOnly = year ? sql`WHERE s.year = ${year}` : sql``;
  return rowsOf<GapCountRow>(
    db,
    sql`SELECT s.year, count(*)::int AS signed, count(*) FILTER (WHERE s.disseminated)::int AS disseminated,
          count(*) FILTER (WHERE s.acknowledged)::int AS acknowledged, count(*) FILTER (WHERE s.planned)::int AS planned
        FROM (${STEPS}) s ${yearOnly} GROUP BY s.year ORDER BY s.year DESC`,
  );
}

// Active: not ended early on or before today, not past its end date (the registry's own status rule).
export async function findActiveWithoutPlan(db: Db, options: { year: number | undefined; today: string; limit: number }): Promise<WithoutPlanRow[]> {
  const { year, today, limit } = options;
  return rowsOf<WithoutPlanRow>(
    db,
    sql`SELECT s.id, s.title, s.signed_on, s.disseminated FROM (${STEPS}) s
        WHERE NOT s.planned ${year ? sql`AND s.year = ${year}` : sql``}
          AND NOT (s.termination_kind IS NOT NULL AND s.terminated_on IS NOT NULL AND s.terminated_on <= ${today})
          AND (s.ends_on IS NULL OR s.ends_on >= ${today})
        ORDER BY s.signed_on DESC, s.title LIMIT ${limit}`,
  );
}

function yearFilter(year: number | undefined) {
  return year ? sql`AND extract(year FROM a.signed_on)::int = ${year}` : sql``;
}

export async function countStepsPerUnit(db: Db, year: number | undefined): Promise<UnitGapRow[]> {
  return rowsOf<UnitGapRow>(
    db,
    sql`SELECT u.id AS unit_id, u.name AS unit_name,
          count(DISTINCT a.id)::int AS tasked,
          count(DISTINCT a.id) FILTER (WHERE r.acknowledged_at IS NOT NULL)::int AS acknowledged,
          count(DISTINCT a.id) FILTER (WHERE EXISTS (SELECT 1 FROM activity_plans ap WHERE ap.agreement_id = a.id AND ap.unit_id = u.id))::int AS planned
        FROM dissemination_recipients r
        JOIN dissemination_packages p ON p.id = r.package_id AND p.status = 'published'
        JOIN agreements a ON a.id = p.agreement_id AND a.is_draft = false
        JOIN units u ON u.id = r.unit_id
        WHERE true ${yearFilter(year)}
        GROUP BY u.id, u.name
        ORDER BY (count(DISTINCT a.id) - count(DISTINCT a.id) FILTER (WHERE EXISTS (SELECT 1 FROM activity_plans ap WHERE ap.agreement_id = a.id AND ap.unit_id = u.id))) DESC, u.name`,
  );
}

export async function sumBeneficiaries(db: Db, year: number | undefined): Promise<BeneficiaryTotalRow[]> {
  return rowsOf<BeneficiaryTotalRow>(
    db,
    sql`SELECT b.kind, sum(b.count)::int AS count, coalesce(sum(b.amount_idr), 0)::text AS amount
        FROM dissemination_beneficiaries b JOIN agreements a ON a.id = b.agreement_id
        WHERE true ${yearFilter(year)}
        GROUP BY b.kind ORDER BY sum(b.count) DESC, b.kind`,
  );
}
