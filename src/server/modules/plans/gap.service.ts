import { sql } from 'drizzle-orm';
import type { GapCounts, GapResponse } from '../../../shared/plans';
import type { Db } from '../../db/client';
import { localDate, type ActorCtx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { canReadGap } from './plans.policy';

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

type CountRow = { year: number; signed: number; disseminated: number; acknowledged: number; planned: number };
type OpenRow = { id: string; title: string; signed_on: string | Date | null; disseminated: boolean };

const WITHOUT_PLAN_LIMIT = 200;

const isoOf = (value: string | Date | null): string | null => (value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

const countsOf = (row: Omit<CountRow, 'year'>): GapCounts => ({
  signed: row.signed,
  disseminated: row.disseminated,
  acknowledged: row.acknowledged,
  planned: row.planned,
});

export async function getGap(ctx: ActorCtx, query: { year?: number | undefined }): Promise<GapResponse> {
  if (!canReadGap(ctx.actor)) throw forbidden();
  const today = localDate(ctx.now);
  const yearOnly = query.year ? sql`WHERE s.year = ${query.year}` : sql``;
  const perYear = await rowsOf<CountRow>(
    ctx.db,
    sql`SELECT s.year, count(*)::int AS signed, count(*) FILTER (WHERE s.disseminated)::int AS disseminated,
          count(*) FILTER (WHERE s.acknowledged)::int AS acknowledged, count(*) FILTER (WHERE s.planned)::int AS planned
        FROM (${STEPS}) s ${yearOnly} GROUP BY s.year ORDER BY s.year DESC`,
  );
  // Active: not ended early on or before today, not past its end date (the registry's own status rule).
  const withoutPlan = await rowsOf<OpenRow>(
    ctx.db,
    sql`SELECT s.id, s.title, s.signed_on, s.disseminated FROM (${STEPS}) s
        WHERE NOT s.planned ${query.year ? sql`AND s.year = ${query.year}` : sql``}
          AND NOT (s.termination_kind IS NOT NULL AND s.terminated_on IS NOT NULL AND s.terminated_on <= ${today})
          AND (s.ends_on IS NULL OR s.ends_on >= ${today})
        ORDER BY s.signed_on DESC, s.title LIMIT ${WITHOUT_PLAN_LIMIT}`,
  );
  const yearFilter = query.year ? sql`AND extract(year FROM a.signed_on)::int = ${query.year}` : sql``;
  const byUnit = await rowsOf<{ unit_id: string; unit_name: string; tasked: number; acknowledged: number; planned: number }>(
    ctx.db,
    sql`SELECT u.id AS unit_id, u.name AS unit_name,
          count(DISTINCT a.id)::int AS tasked,
          count(DISTINCT a.id) FILTER (WHERE r.acknowledged_at IS NOT NULL)::int AS acknowledged,
          count(DISTINCT a.id) FILTER (WHERE EXISTS (SELECT 1 FROM activity_plans ap WHERE ap.agreement_id = a.id AND ap.unit_id = u.id))::int AS planned
        FROM dissemination_recipients r
        JOIN dissemination_packages p ON p.id = r.package_id AND p.status = 'published'
        JOIN agreements a ON a.id = p.agreement_id AND a.is_draft = false
        JOIN units u ON u.id = r.unit_id
        WHERE true ${yearFilter}
        GROUP BY u.id, u.name
        ORDER BY (count(DISTINCT a.id) - count(DISTINCT a.id) FILTER (WHERE EXISTS (SELECT 1 FROM activity_plans ap WHERE ap.agreement_id = a.id AND ap.unit_id = u.id))) DESC, u.name`,
  );
  const beneficiaries = await rowsOf<{ kind: string; count: number; amount: string | null }>(
    ctx.db,
    sql`SELECT b.kind, sum(b.count)::int AS count, coalesce(sum(b.amount_idr), 0)::text AS amount
        FROM dissemination_beneficiaries b JOIN agreements a ON a.id = b.agreement_id
        WHERE true ${yearFilter}
        GROUP BY b.kind ORDER BY sum(b.count) DESC, b.kind`,
  );
  return {
    totals: countsOf(perYear.reduce((sum, row) => ({ signed: sum.signed + row.signed, disseminated: sum.disseminated + row.disseminated, acknowledged: sum.acknowledged + row.acknowledged, planned: sum.planned + row.planned }), { signed: 0, disseminated: 0, acknowledged: 0, planned: 0 })),
    byYear: perYear.map((row) => ({ year: row.year, ...countsOf(row) })),
    byUnit: byUnit.map((row) => ({ unitId: row.unit_id, unitName: row.unit_name, tasked: row.tasked, acknowledged: row.acknowledged, planned: row.planned })),
    withoutPlan: withoutPlan.map((row) => ({ agreementId: row.id, title: row.title, signedOn: isoOf(row.signed_on), disseminated: row.disseminated })),
    beneficiaries: beneficiaries.map((row) => ({ kind: row.kind, count: row.count, amountIdr: row.amount ?? '0' })),
  };
}
