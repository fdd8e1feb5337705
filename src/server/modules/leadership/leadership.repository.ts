import { sql, type SQL } from 'drizzle-orm';
import type { FunnelStep } from '../../../shared/leadership';
import { COUNTED_DOC_TYPES } from '../../../shared/stats';
import { arrayParam, selectRows } from '../../db/bulk-sql';
import type { Db } from '../../db/client';
import type { PeriodScope } from './leadership.rules';

// The dashboard's figures, each one aggregate query read by the database (decision record
// 0019-leadership-dashboard): no agreement row comes into the process except the few a list shows.
// Reads other modules' tables (agreements, packages, plans, reports, evaluations, health) in joins
// and filters only.

// Written out, not bound: the planner matches the partial index agreements_in_force_idx (migration
// 0031) only against literal values.
const counted = sql.raw(COUNTED_DOC_TYPES.map((type) => `'${type}'`).join(', '));

// The instant the period's last day ends in Ternate (WIT): facts stamped before it belong to it.
function endOf(scope: PeriodScope): SQL {
  return sql`((${scope.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Jayapura')`;
}

// The cohort: KB, PKS and NK signed by the period's end and in force at some time in it (started
// by its last day, not ended and not ended early before its first day) — the rule statistics and
// realisation's reports follow.
function inCohort(scope: PeriodScope): SQL {
  return sql`NOT a.is_draft AND a.doc_type IN (${counted}) AND a.signed_on IS NOT NULL AND a.signed_on <= ${scope.to}::date
    AND coalesce(a.starts_on, a.signed_on) <= ${scope.to}::date
    AND (a.ends_on IS NULL OR a.ends_on >= ${scope.from}::date)
    AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on < ${scope.from}::date, false)`;
}

const semestersOf = (scope: PeriodScope) => arrayParam(scope.semesters, 'text');

// Agreement ids behind each step after the first. A count reads each as a set of distinct ids joined
// to the agreements (`stepJoin`), never as `IN (…)` inside a FILTER: such a subquery is hashed only
// while it fits in work_mem, and past that PostgreSQL scans it once per agreement — minutes instead
// of milliseconds over a term of office at 100,000 agreements. A join hashes or sorts at any size.
function stepIds(step: Exclude<FunnelStep, 'signed'>, scope: PeriodScope): SQL {
  switch (step) {
    case 'disseminated':
      return sql`SELECT p.agreement_id FROM dissemination_packages p WHERE p.status = 'published' AND p.published_at < ${endOf(scope)}`;
    case 'acknowledged':
      return sql`SELECT p.agreement_id FROM dissemination_packages p JOIN dissemination_recipients r ON r.package_id = p.id
        WHERE p.status = 'published' AND r.acknowledged_at < ${endOf(scope)}`;
    case 'planned':
      return sql`SELECT ap.agreement_id FROM activity_plans ap WHERE ap.budget_year BETWEEN ${scope.firstYear} AND ${scope.lastYear}`;
    case 'implemented':
      return sql`SELECT r.agreement_id FROM realisation_reports r WHERE r.status = 'verified' AND r.period = ANY(${semestersOf(scope)})`;
    case 'evaluated':
      return sql`SELECT e.agreement_id FROM evaluations e WHERE e.status = 'final' AND e.period = ANY(${semestersOf(scope)})`;
    case 'impact':
      return sql`SELECT r.agreement_id FROM realisation_reports r WHERE r.status = 'verified' AND r.period = ANY(${semestersOf(scope)})
        AND (EXISTS (SELECT 1 FROM jsonb_array_elements(r.beneficiaries) b WHERE (b->>'count')::bigint > 0)
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(r.funds) f WHERE (f->>'realised')::numeric > 0))`;
  }
}

function stepFilter(step: FunnelStep, scope: PeriodScope): SQL {
  return step === 'signed' ? sql`true` : sql`a.id IN (${stepIds(step, scope)})`;
}

// The step's distinct agreement ids joined to `a` under the alias `step`; count(step.agreement_id)
// counts the agreements in it.
function stepJoin(step: Exclude<FunnelStep, 'signed'>, scope: PeriodScope): SQL {
  const alias = sql.identifier(step);
  return sql`LEFT JOIN (SELECT DISTINCT ids.agreement_id FROM (${stepIds(step, scope)}) ids) ${alias} ON ${alias}.agreement_id = a.id`;
}

export type FunnelCounts = Record<FunnelStep, number> & { signedInPeriod: number };

export async function selectFunnelCounts(db: Db, scope: PeriodScope): Promise<FunnelCounts> {
  const [row] = await selectRows<FunnelCounts>(
    db,
    sql`SELECT count(*)::int AS signed,
        count(*) FILTER (WHERE a.signed_on >= ${scope.from}::date)::int AS "signedInPeriod",
        count(disseminated.agreement_id)::int AS disseminated,
        count(acknowledged.agreement_id)::int AS acknowledged,
        count(planned.agreement_id)::int AS planned,
        count(implemented.agreement_id)::int AS implemented,
        count(evaluated.agreement_id)::int AS evaluated,
        count(impact.agreement_id)::int AS impact
      FROM agreements a
        ${stepJoin('disseminated', scope)} ${stepJoin('acknowledged', scope)} ${stepJoin('planned', scope)}
        ${stepJoin('implemented', scope)} ${stepJoin('evaluated', scope)} ${stepJoin('impact', scope)}
      WHERE ${inCohort(scope)}`,
  );
  if (!row) throw new Error('selectFunnelCounts: no row');
  return row;
}

export type FunnelItemRow = {
  id: string;
  number_ours: string | null;
  number_partner: string | null;
  title: string;
  signed_on: string | null;
  partner_name: string | null;
  unit_name: string | null;
  total: number;
};

// One page of the agreements behind a step, newest signing first, with the primary partner and the
// lead OPD; `total` counts every agreement of the step.
export function selectFunnelPage(db: Db, query: { scope: PeriodScope; step: FunnelStep; limit: number; offset: number }): Promise<FunnelItemRow[]> {
  return selectRows<FunnelItemRow>(
    db,
    sql`SELECT a.id, a.number_ours, a.number_partner, a.title, a.signed_on::text AS signed_on,
        (SELECT pa.name FROM agreement_partners ap JOIN partners pa ON pa.id = ap.partner_id WHERE ap.agreement_id = a.id ORDER BY ap.position LIMIT 1) AS partner_name,
        (SELECT u.name FROM agreement_units au JOIN units u ON u.id = au.unit_id WHERE au.agreement_id = a.id ORDER BY au.is_lead DESC, u.name LIMIT 1) AS unit_name,
        count(*) OVER ()::int AS total
      FROM agreements a
      WHERE ${inCohort(query.scope)} AND ${stepFilter(query.step, query.scope)}
      ORDER BY a.signed_on DESC, a.id
      LIMIT ${query.limit} OFFSET ${query.offset}`,
  );
}

export type SumRow = { code: string; total: string };

// Sums of one jsonb list of the period's verified reports (beneficiaries by group, funds by
// source); `sectorCodes` keeps to the reports of agreements in those sectors.
export function selectVerifiedSums(db: Db, query: { scope: PeriodScope; list: 'beneficiaries' | 'funds'; sectorCodes?: readonly string[] }): Promise<SumRow[]> {
  const [list, code, value] = query.list === 'beneficiaries' ? [sql`r.beneficiaries`, 'group', 'count'] : [sql`r.funds`, 'source', 'realised'];
  const sectors = query.sectorCodes
    ? sql`AND r.agreement_id IN (SELECT s.agreement_id FROM agreement_sectors s WHERE s.sector_code = ANY(${arrayParam(query.sectorCodes, 'text')}))`
    : sql``;
  return selectRows<SumRow>(
    db,
    sql`SELECT e.item->>${code} AS code, sum((e.item->>${value})::numeric)::text AS total
      FROM realisation_reports r CROSS JOIN LATERAL jsonb_array_elements(${list}) AS e(item)
      WHERE r.status = 'verified' AND r.period = ANY(${semestersOf(query.scope)}) ${sectors}
      GROUP BY 1`,
  );
}

export type UnitCountRow = { unit_id: string; unit_name: string; assigned: number; planned: number; implemented: number; evaluated: number };

// Per OPD linked to cohort agreements: how many it was given, and of those how many it planned and
// reported as implemented itself; evaluated is the agreement's.
export function selectUnitCounts(db: Db, scope: PeriodScope): Promise<UnitCountRow[]> {
  return selectRows<UnitCountRow>(
    db,
    sql`SELECT au.unit_id, u.name AS unit_name, count(*)::int AS assigned,
        count(unit_planned.agreement_id)::int AS planned,
        count(unit_implemented.agreement_id)::int AS implemented,
        count(evaluated.agreement_id)::int AS evaluated
      FROM agreements a JOIN agreement_units au ON au.agreement_id = a.id JOIN units u ON u.id = au.unit_id
        LEFT JOIN (SELECT DISTINCT ap.agreement_id, ap.unit_id FROM activity_plans ap WHERE ap.budget_year BETWEEN ${scope.firstYear} AND ${scope.lastYear}) unit_planned
          ON unit_planned.agreement_id = a.id AND unit_planned.unit_id = au.unit_id
        LEFT JOIN (SELECT DISTINCT r.agreement_id, r.unit_id FROM realisation_reports r WHERE r.status = 'verified' AND r.period = ANY(${semestersOf(scope)})) unit_implemented
          ON unit_implemented.agreement_id = a.id AND unit_implemented.unit_id = au.unit_id
        ${stepJoin('evaluated', scope)}
      WHERE ${inCohort(scope)}
      GROUP BY au.unit_id, u.name
      ORDER BY u.name`,
  );
}

export type SectorCountRow = { sector_code: string; sector_name: string; agreements: number; planned: number; implemented: number; evaluated: number };

// Per primary sector of the cohort's agreements.
export function selectSectorCounts(db: Db, scope: PeriodScope): Promise<SectorCountRow[]> {
  return selectRows<SectorCountRow>(
    db,
    sql`SELECT s.code AS sector_code, s.name AS sector_name, count(*)::int AS agreements,
        count(planned.agreement_id)::int AS planned,
        count(implemented.agreement_id)::int AS implemented,
        count(evaluated.agreement_id)::int AS evaluated
      FROM agreements a JOIN sectors s ON s.code = a.primary_sector_code
        ${stepJoin('planned', scope)} ${stepJoin('implemented', scope)} ${stepJoin('evaluated', scope)}
      WHERE ${inCohort(scope)}
      GROUP BY s.code, s.name, s.sort_order
      ORDER BY s.sort_order, s.code`,
  );
}

export type UmkmCounts = { agreements: number; planned: number; implemented: number; planned_budget: string };

// The cohort's agreements with a UMKM sector (any of their sectors), and the budget of their plans.
export async function selectUmkmCounts(db: Db, query: { scope: PeriodScope; sectorCodes: readonly string[] }): Promise<UmkmCounts> {
  const { scope } = query;
  const [row] = await selectRows<UmkmCounts>(
    db,
    sql`WITH umkm AS (
        SELECT a.id FROM agreements a
        WHERE ${inCohort(scope)} AND a.id IN (SELECT s.agreement_id FROM agreement_sectors s WHERE s.sector_code = ANY(${arrayParam(query.sectorCodes, 'text')}))
      )
      SELECT (SELECT count(*) FROM umkm)::int AS agreements,
        (SELECT count(*) FROM umkm a WHERE ${stepFilter('planned', scope)})::int AS planned,
        (SELECT count(*) FROM umkm a WHERE ${stepFilter('implemented', scope)})::int AS implemented,
        (SELECT coalesce(sum(ap.budget_amount), 0)::text FROM activity_plans ap JOIN umkm ON umkm.id = ap.agreement_id
          WHERE ap.budget_year BETWEEN ${scope.firstYear} AND ${scope.lastYear}) AS planned_budget`,
  );
  if (!row) throw new Error('selectUmkmCounts: no row');
  return row;
}

export type HealthListRow = { id: string; number_ours: string | null; title: string; ends_on: string | null; total: number };

// Agreements whose stored health (agreement-health module, refreshed before this is read) is
// dormant, the ones sleeping since longest first.
export function selectDormant(db: Db, limit: number): Promise<HealthListRow[]> {
  return selectRows<HealthListRow>(
    db,
    sql`SELECT a.id, a.number_ours, a.title, a.ends_on::text AS ends_on, count(*) OVER ()::int AS total
      FROM agreement_health h JOIN agreements a ON a.id = h.agreement_id
      WHERE h.status = 'dorman' AND a.doc_type IN (${counted})
      ORDER BY coalesce(a.starts_on, a.signed_on), a.id LIMIT ${limit}`,
  );
}

// Agreements whose stored health says they end within the warning window, the nearest end first.
export function selectExpiring(db: Db, limit: number): Promise<HealthListRow[]> {
  return selectRows<HealthListRow>(
    db,
    sql`SELECT a.id, a.number_ours, a.title, a.ends_on::text AS ends_on, count(*) OVER ()::int AS total
      FROM agreement_health h JOIN agreements a ON a.id = h.agreement_id
      WHERE 'ending_soon' = ANY(h.reasons) AND a.doc_type IN (${counted})
      ORDER BY a.ends_on, a.id LIMIT ${limit}`,
  );
}
