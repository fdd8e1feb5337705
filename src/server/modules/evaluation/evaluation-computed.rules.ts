import { recentPeriods } from '../../../shared/realisation';
import type { ComputedFigures, ComputedSource, ComputedValue, IndicatorInput } from '../../../shared/evaluation';
import { periodWindow } from '../realisation/realisation.rules';

// Computed indicators (issue 11 item 4; decision 0018): each source turns the facts of one
// agreement, as of one day, into a score 0–4 and the figures people are shown. Pure: the service
// gathers the facts through the other modules' services and hands in today's date.

export type OccurrenceFact = { dueOn: string; state: 'met' | 'waived' | 'open'; metOn: string | null };
export type PlanFact = { id: string; budgetYear: number; indicators: { unit: string; target: number }[] };
export type ReportFact = { planId: string; period: string; status: 'draft' | 'submitted' | 'verified' | 'returned'; submittedOn: string | null; beneficiaries: number };
export type DisseminationFact = { isPublished: boolean; recipients: number; acknowledged: number };
export type AgreementSpan = { startsOn: string | null; endsOn: string | null; endedEarlyOn: string | null };

export type ComputedFacts = {
  today: string;
  period: string;
  reportCloseDays: number;
  agreement: AgreementSpan;
  occurrences: OccurrenceFact[];
  plans: PlanFact[];
  reports: ReportFact[];
  dissemination: DisseminationFact;
};

export type Computed = { score: number | null; figures: ComputedFigures | null };

const NO_DATA: Computed = { score: null, figures: null };

// The seed form's SHARE_SCALE: 0 % → 0, below 50 % → 1, 50–74 % → 2, 75–99 % → 3, 100 % or more → 4.
// Nothing to measure (a denominator of 0) is null: neither failed nor achieved.
export function shareScore(count: number, of: number): number | null {
  if (of <= 0) return null;
  const share = count / of;
  if (count <= 0) return 0;
  if (share < 0.5) return 1;
  if (share < 0.75) return 2;
  if (share < 1) return 3;
  return 4;
}

function share(count: number, of: number): Computed {
  const score = shareScore(count, of);
  return score === null ? NO_DATA : { score, figures: { count, of } };
}

// Occurrences due up to the end of the period. Waived ones are left out; one still open whose day
// has not passed is not due yet and left out too. A met occurrence is on time when it was recorded
// on or before its due day; one met as a whole without a record of its own counts as on time (the
// division said it was met and no day says otherwise).
export function obligationsOnTime(facts: Pick<ComputedFacts, 'today' | 'period' | 'occurrences'>): Computed {
  const { lastDay } = periodWindow(facts.period, 0);
  let due = 0;
  let onTime = 0;
  for (const occurrence of facts.occurrences) {
    if (occurrence.dueOn > lastDay || occurrence.state === 'waived') continue;
    if (occurrence.state === 'open' && occurrence.dueOn >= facts.today) continue;
    due += 1;
    if (occurrence.state === 'met' && (occurrence.metOn === null || occurrence.metOn <= occurrence.dueOn)) onTime += 1;
  }
  return share(onTime, due);
}

// Which plan indicator targets count people or businesses reached (the realisation report counts
// beneficiaries by group: UMKM, pedagang, pelajar/mahasiswa, warga, ASN); targets in other units
// (km, dokumen, paket) are not beneficiaries.
const BENEFICIARY_UNIT = /orang|peserta|penerima|jiwa|siswa|pelajar|mahasiswa|taruna|warga|pedagang|umkm|usaha|pelaku|keluarga|\bkk\b|asn|pegawai|nelayan|petani/i;

export function isBeneficiaryUnit(unit: string): boolean {
  return BENEFICIARY_UNIT.test(unit);
}

// The year's plans' beneficiary targets against the beneficiaries counted in their VERIFIED reports
// of that year up to and including the evaluation's period. Targets are per budget year, so an S1
// evaluation sees half a year's work against the whole year's target. No target set → no data.
export function beneficiariesVsTarget(facts: Pick<ComputedFacts, 'period' | 'plans' | 'reports'>): Computed {
  const year = Number(facts.period.slice(0, 4));
  const plans = facts.plans.filter((plan) => plan.budgetYear === year);
  const target = plans.flatMap((plan) => plan.indicators).reduce((sum, indicator) => sum + (isBeneficiaryUnit(indicator.unit) ? indicator.target : 0), 0);
  const planIds = new Set(plans.map((plan) => plan.id));
  const reached = facts.reports
    .filter((report) => report.status === 'verified' && planIds.has(report.planId) && report.period.startsWith(`${String(year)}-`) && report.period <= facts.period)
    .reduce((sum, report) => sum + report.beneficiaries, 0);
  return share(reached, target);
}

// An activity plan for the period's budget year or the one before (the dormancy rule's window).
export function planExists(facts: Pick<ComputedFacts, 'period' | 'plans'>): Computed {
  const year = Number(facts.period.slice(0, 4));
  const count = facts.plans.filter((plan) => plan.budgetYear === year || plan.budgetYear === year - 1).length;
  return { score: count > 0 ? 4 : 0, figures: { count, of: null } };
}

function inForceDuring(agreement: AgreementSpan, window: { firstDay: string; lastDay: string }): boolean {
  if (agreement.startsOn !== null && agreement.startsOn > window.lastDay) return false;
  if (agreement.endsOn !== null && agreement.endsOn < window.firstDay) return false;
  return agreement.endedEarlyOn === null || agreement.endedEarlyOn >= window.firstDay;
}

// The reports owed in the last 12 months: the evaluation's period and the one before. In each period
// the agreement was in force, every plan of that budget year owes one report, on time when it was
// submitted (and not returned since) by the period's close. A report still missing while its period
// is open for reporting is not owed yet.
export function reportsOnTime(facts: Pick<ComputedFacts, 'today' | 'period' | 'reportCloseDays' | 'agreement' | 'plans' | 'reports'>): Computed {
  const periods = recentPeriods(periodWindow(facts.period, 0).lastDay, 2);
  let owed = 0;
  let onTime = 0;
  for (const period of periods) {
    const window = periodWindow(period, facts.reportCloseDays);
    if (!inForceDuring(facts.agreement, window)) continue;
    for (const plan of facts.plans.filter((candidate) => candidate.budgetYear === Number(period.slice(0, 4)))) {
      const report = facts.reports.find((candidate) => candidate.planId === plan.id && candidate.period === period);
      const isOnTime = report !== undefined && (report.status === 'submitted' || report.status === 'verified') && report.submittedOn !== null && report.submittedOn <= window.closesOn;
      if (!isOnTime && facts.today <= window.closesOn) continue;
      owed += 1;
      if (isOnTime) onTime += 1;
    }
  }
  return share(onTime, owed);
}

// The OPDs told by the published package that acknowledged it. Nothing published scores 0: the
// agreement was never passed on to those who carry it out.
export function disseminationAcknowledged(facts: Pick<ComputedFacts, 'dissemination'>): Computed {
  const { isPublished, recipients, acknowledged } = facts.dissemination;
  if (!isPublished) return { score: 0, figures: { count: 0, of: null } };
  return share(acknowledged, recipients);
}

export function computeSource(source: ComputedSource, facts: ComputedFacts): Computed {
  switch (source) {
    case 'obligations_on_time':
      return obligationsOnTime(facts);
    case 'beneficiaries_vs_target':
      return beneficiariesVsTarget(facts);
    case 'plan_exists':
      return planExists(facts);
    case 'reports_on_time':
      return reportsOnTime(facts);
    case 'dissemination_acknowledged':
      return disseminationAcknowledged(facts);
  }
}

// Every computed indicator of a form revision, in the form's order.
export function computeIndicators(indicators: Pick<IndicatorInput, 'code' | 'computedFrom'>[], facts: ComputedFacts): ComputedValue[] {
  return indicators.flatMap(({ code, computedFrom }) => (computedFrom === null ? [] : [{ code, source: computedFrom, ...computeSource(computedFrom, facts) }]));
}
