import { EVALUATION_BANDS, type EvaluationBand } from '../../../shared/evaluation';
import {
  FUNNEL_STEPS,
  UMKM_LENS,
  type BeneficiaryFigure,
  type DashboardPeriod,
  type DashboardQuery,
  type FundFigure,
  type FunnelList,
  type FunnelListQuery,
  type FunnelStep,
  type LeadershipDashboard,
  type UmkmLens,
} from '../../../shared/leadership';
import { BENEFICIARY_GROUPS, FUND_SOURCES, type BeneficiaryGroup } from '../../../shared/realisation';
import { localDate, type ActorCtx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { ensureHealthFresh } from '../agreement-health/agreement-health.service';
import { annualReportStatus } from '../annual-report/annual-report.service';
import { finalBandCountsByYear } from '../evaluation/evaluation.service';
import { lastClosedPeriod } from '../realisation/realisation.rules';
import { plansAwaitingReport } from '../realisation/realisation.service';
import { cachedByRevision } from '../search/search.service';
import { getSettings } from '../settings/settings.service';
import { canReadLeadershipDashboard } from './leadership.policy';
import * as repo from './leadership.repository';
import { previousPeriodOf, resolvePeriod, scopeOf, type PeriodScope } from './leadership.rules';

// The leadership's dashboard (issue 12 item 1; decision record 0019-leadership-dashboard). Every
// figure is counted by PostgreSQL in a handful of aggregate queries run side by side; the period's
// and the previous period's figures come from the same queries.

const TOP = 5;

function assertMayRead(ctx: ActorCtx): void {
  if (!canReadLeadershipDashboard(ctx.actor)) throw forbidden();
}

function sumsBy<K extends string>(codes: readonly K[], rows: repo.SumRow[]): Record<K, string> {
  const totals = Object.fromEntries(codes.map((code) => [code, '0'])) as Record<K, string>;
  for (const row of rows) if ((codes as readonly string[]).includes(row.code)) totals[row.code as K] = row.total;
  return totals;
}

function beneficiaryFigures(groups: readonly BeneficiaryGroup[], now: repo.SumRow[], before: repo.SumRow[]): BeneficiaryFigure[] {
  const [current, previous] = [sumsBy(BENEFICIARY_GROUPS, now), sumsBy(BENEFICIARY_GROUPS, before)];
  return groups.map((group) => ({ group, count: Number(current[group]), previous: Number(previous[group]) }));
}

function fundFigures(now: repo.SumRow[], before: repo.SumRow[]): FundFigure[] {
  const [current, previous] = [sumsBy(FUND_SOURCES, now), sumsBy(FUND_SOURCES, before)];
  return FUND_SOURCES.map((source) => ({ source, realised: current[source], previous: previous[source] }));
}

// Bands of the final evaluations of the years the period touches (the evaluation module decides a
// band from the answers and the form; it counts per year of the evaluation's period).
function bandsOver(counts: Map<number, Record<EvaluationBand, number>>, scope: PeriodScope): Record<EvaluationBand, number> {
  const totals: Record<EvaluationBand, number> = { efektif: 0, cukup: 0, kurang: 0, dorman: 0 };
  for (let year = scope.firstYear; year <= scope.lastYear; year += 1) {
    for (const band of EVALUATION_BANDS) totals[band] += counts.get(year)?.[band] ?? 0;
  }
  return totals;
}

async function umkmLens(ctx: ActorCtx, current: PeriodScope, previous: PeriodScope): Promise<UmkmLens> {
  const sectorCodes = UMKM_LENS.sectorCodes;
  const [now, before, fundsNow, fundsBefore, reachedNow, reachedBefore] = await Promise.all([
    repo.selectUmkmCounts(ctx.db, { scope: current, sectorCodes }),
    repo.selectUmkmCounts(ctx.db, { scope: previous, sectorCodes }),
    repo.selectVerifiedSums(ctx.db, { scope: current, list: 'funds', sectorCodes }),
    repo.selectVerifiedSums(ctx.db, { scope: previous, list: 'funds', sectorCodes }),
    repo.selectVerifiedSums(ctx.db, { scope: current, list: 'beneficiaries' }),
    repo.selectVerifiedSums(ctx.db, { scope: previous, list: 'beneficiaries' }),
  ]);
  return {
    sectorCodes: [...sectorCodes],
    beneficiaryGroups: [...UMKM_LENS.beneficiaryGroups],
    agreements: { count: now.agreements, previous: before.agreements },
    planned: { count: now.planned, previous: before.planned },
    implemented: { count: now.implemented, previous: before.implemented },
    plannedBudget: { amount: now.planned_budget, previous: before.planned_budget },
    // UMKM and traders reached through any agreement: a bank's financing scheme reaches traders too.
    beneficiaries: beneficiaryFigures(UMKM_LENS.beneficiaryGroups, reachedNow, reachedBefore),
    funds: fundFigures(fundsNow, fundsBefore),
  };
}

// Dormant and expiring agreements and overdue reports are read as of today, whatever the period:
// they are what waits for a decision now.
async function todaysConcerns(ctx: ActorCtx, on: string) {
  const settings = await getSettings(ctx.db);
  const overduePeriod = lastClosedPeriod(on, settings.reportCloseDays);
  const [dormant, expiring, overdue] = await Promise.all([
    repo.selectDormant(ctx.db, TOP),
    repo.selectExpiring(ctx.db, TOP),
    plansAwaitingReport(ctx, { period: overduePeriod, unitId: null, limit: TOP }),
  ]);
  const ref = (row: repo.HealthListRow) => ({ id: row.id, numberOurs: row.number_ours, title: row.title });
  return {
    dormant: { total: dormant[0]?.total ?? 0, top: dormant.map(ref) },
    expiring: { total: expiring[0]?.total ?? 0, withinDays: settings.expiryWarningDays, top: expiring.map((row) => ({ ...ref(row), endsOn: row.ends_on ?? '' })) },
    overdueReports: {
      period: overduePeriod,
      total: overdue.total,
      top: overdue.rows.map((row) => ({ planId: row.planId, planTitle: row.planTitle, agreementId: row.agreementId, agreementTitle: row.agreementTitle, unitName: row.unitName })),
    },
  };
}

export async function getLeadershipDashboard(ctx: ActorCtx, query: DashboardQuery): Promise<LeadershipDashboard> {
  assertMayRead(ctx);
  const on = localDate(ctx.now);
  const period = resolvePeriod(query, on);
  // Today's health first: its refresh moves the registry's revision when a state changed. Every
  // fact the dashboard counts moves that revision at commit (migration 0026's triggers, the
  // register's own), so the figures are kept under it per day and period: between two changes the
  // leadership's phones ask the same question again and again.
  await ensureHealthFresh(ctx);
  // The statutory reports' deadlines are read fresh: recording a submission moves no register revision.
  const [figures, deadlines] = await Promise.all([
    cachedByRevision(ctx.db, { key: `leadership|${on}|${period.from}|${period.to}`, compute: () => computeDashboard(ctx, { on, period }) }),
    annualReportStatus(ctx.db, on),
  ]);
  return { ...figures, deadlines };
}

async function computeDashboard(ctx: ActorCtx, { on, period }: { on: string; period: DashboardPeriod }): Promise<LeadershipDashboard> {
  const previousPeriod = previousPeriodOf(period);
  const [current, previous] = [scopeOf(period), scopeOf(previousPeriod)];
  const [funnelNow, funnelBefore, beneficiariesNow, beneficiariesBefore, fundsNow, fundsBefore, byUnit, bySector, bandCounts, umkm, concerns] = await Promise.all([
    repo.selectFunnelCounts(ctx.db, current),
    repo.selectFunnelCounts(ctx.db, previous),
    repo.selectVerifiedSums(ctx.db, { scope: current, list: 'beneficiaries' }),
    repo.selectVerifiedSums(ctx.db, { scope: previous, list: 'beneficiaries' }),
    repo.selectVerifiedSums(ctx.db, { scope: current, list: 'funds' }),
    repo.selectVerifiedSums(ctx.db, { scope: previous, list: 'funds' }),
    repo.selectUnitCounts(ctx.db, current),
    repo.selectSectorCounts(ctx.db, current),
    finalBandCountsByYear(ctx.db),
    umkmLens(ctx, current, previous),
    todaysConcerns(ctx, on),
  ]);
  const [bandsNow, bandsBefore] = [bandsOver(bandCounts, current), bandsOver(bandCounts, previous)];
  return {
    on,
    period,
    previousPeriod,
    signedInPeriod: { count: funnelNow.signedInPeriod, previous: funnelBefore.signedInPeriod },
    funnel: FUNNEL_STEPS.map((step) => ({ step, count: funnelNow[step], previous: funnelBefore[step] })),
    beneficiaries: beneficiaryFigures(BENEFICIARY_GROUPS, beneficiariesNow, beneficiariesBefore),
    funds: fundFigures(fundsNow, fundsBefore),
    bands: EVALUATION_BANDS.map((band) => ({ band, count: bandsNow[band], previous: bandsBefore[band] })),
    ...concerns,
    byUnit: byUnit.map((row) => ({ unitId: row.unit_id, unitName: row.unit_name, assigned: row.assigned, planned: row.planned, implemented: row.implemented, evaluated: row.evaluated })),
    bySector: bySector.map((row) => ({ sectorCode: row.sector_code, sectorName: row.sector_name, agreements: row.agreements, planned: row.planned, implemented: row.implemented, evaluated: row.evaluated })),
    umkm,
    deadlines: [],
  };
}

// The agreements behind one step of the funnel, a page at a time.
export async function listFunnelStep(ctx: ActorCtx, input: FunnelListQuery & { step: FunnelStep }): Promise<FunnelList> {
  assertMayRead(ctx);
  const period = resolvePeriod(input, localDate(ctx.now));
  const query = { scope: scopeOf(period), step: input.step, limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  // Kept like the dashboard's figures: a step's page is opened from them, under the same revision.
  const key = `leadership-funnel|${input.step}|${period.from}|${period.to}|${String(query.limit)}|${String(query.offset)}`;
  const rows = await cachedByRevision(ctx.db, { key, compute: () => repo.selectFunnelPage(ctx.db, query) });
  return {
    step: input.step,
    period,
    total: rows[0]?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((row) => ({ id: row.id, numberOurs: row.number_ours, numberPartner: row.number_partner, title: row.title, signedOn: row.signed_on, partnerName: row.partner_name, unitName: row.unit_name })),
  };
}
