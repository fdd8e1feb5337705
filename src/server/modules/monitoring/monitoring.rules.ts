import type { DocType } from '../../../shared/agreement-codes';
import { deriveAgreementStatus } from '../../../shared/agreement-status';
import type { DormantAgreement, DormantReason, ExpiringAgreement } from '../../../shared/monitoring';

// Health derived as of a date, never typed by hand (issue 11, domain.md "Monitoring, evaluation,
// reporting, renewal"). Pure: the repository hands in the facts, the service the settings.

const DAY_MS = 86_400_000;

// What the rules look at for one agreement of the register.
export type MonitoredAgreement = {
  id: string;
  numberOurs: string | null;
  docType: DocType;
  parentId: string | null;
  isDraft: boolean;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  terminationKind: 'diakhiri' | 'dicabut' | null;
  terminatedOn: string | null;
  // Budget years of the agreement's activity plans (the plans module).
  planYears: number[];
  // Dates of verified realisation reports (the service fills in the latest one).
  verifiedReportDates: string[];
  // A dissemination package has been published for it.
  disseminated: boolean;
};

function parseDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

// The same day `months` earlier; a day the earlier month lacks falls on its last day (31 Aug − 6 → 28 Feb).
export function monthsBefore(isoDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

// In force as the register says it (aktif or akan berakhir): signed, not ended early, not past its end.
export function inForce(agreement: MonitoredAgreement, on: string): boolean {
  const status = deriveAgreementStatus(agreement, on, 0);
  return status === 'aktif' || status === 'akan_berakhir';
}

// Ending within the warning window after `on`: the day itself (0 days left) up to `on` + window.
export function expiringOf(agreements: MonitoredAgreement[], { on, warningDays }: { on: string; warningDays: number }): ExpiringAgreement[] {
  return agreements
    .filter((agreement) => deriveAgreementStatus(agreement, on, warningDays) === 'akan_berakhir')
    .map((agreement) => ({ nomorPemda: agreement.numberOurs, endsOn: agreement.endsOn ?? on, daysLeft: daysBetween(on, agreement.endsOn ?? on) }))
    .sort((a, b) => a.daysLeft - b.daysLeft || (a.nomorPemda ?? '').localeCompare(b.nomorPemda ?? ''));
}

export type DormancyRule = { on: string; months: number };

// The budget year is the calendar year (UU 17/2003 Ps 4): a plan for this year or the last keeps
// an agreement alive.
export function hasRecentPlan(agreement: MonitoredAgreement, on: string): boolean {
  const year = Number(on.slice(0, 4));
  return agreement.planYears.some((planYear) => planYear === year || planYear === year - 1);
}

function hasRecentVerifiedReport(agreement: MonitoredAgreement, rule: DormancyRule): boolean {
  const since = monthsBefore(rule.on, rule.months);
  return agreement.verifiedReportDates.some((date) => date >= since && date <= rule.on);
}

// The agreement's own reasons to be dormant, or null when it is not: in force, signed more than
// `months` before `on`, no plan for the current or previous budget year and no verified
// realisation in the last `months`. An adendum amends another document and is judged with it.
// A document without a signing date is dated by its start; with neither, its age is unknown.
export function ownDormancy(agreement: MonitoredAgreement, rule: DormancyRule): DormantReason[] | null {
  if (agreement.docType === 'ADENDUM' || !inForce(agreement, rule.on)) return null;
  const signed = agreement.signedOn ?? agreement.startsOn;
  if (!signed || signed >= monthsBefore(rule.on, rule.months)) return null;
  if (hasRecentPlan(agreement, rule.on) || hasRecentVerifiedReport(agreement, rule)) return null;
  const reasons: DormantReason[] = ['no_plan', 'no_verified_report'];
  if (!agreement.disseminated) reasons.push('not_disseminated');
  return reasons;
}

// Each dormant agreement's id with its reasons, as of `on`. A KB (or an NK, its counterpart with
// central government) lives through its PKS: one PKS under it that is in force and not dormant
// itself keeps it alive.
export function dormantReasonsById(agreements: MonitoredAgreement[], rule: DormancyRule): Map<string, DormantReason[]> {
  const livingParents = new Set(
    agreements
      .filter((agreement) => agreement.docType === 'PKS' && agreement.parentId && inForce(agreement, rule.on) && ownDormancy(agreement, rule) === null)
      .map((agreement) => agreement.parentId),
  );
  const dormant = new Map<string, DormantReason[]>();
  for (const agreement of agreements) {
    const reasons = ownDormancy(agreement, rule);
    if (!reasons) continue;
    if ((agreement.docType === 'KB' || agreement.docType === 'NK') && livingParents.has(agreement.id)) continue;
    dormant.set(agreement.id, reasons);
  }
  return dormant;
}

// Dormant agreements as of `on`, by our number.
export function dormantOf(agreements: MonitoredAgreement[], rule: DormancyRule): DormantAgreement[] {
  const reasonsById = dormantReasonsById(agreements, rule);
  return agreements
    .flatMap((agreement) => {
      const reasons = reasonsById.get(agreement.id);
      return reasons ? [{ nomorPemda: agreement.numberOurs, reasons }] : [];
    })
    .sort((a, b) => (a.nomorPemda ?? '').localeCompare(b.nomorPemda ?? ''));
}
