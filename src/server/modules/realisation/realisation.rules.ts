import { periodOfDate, recentPeriods, type BeneficiaryEntry, type FundEntry, type ReportStatus } from '../../../shared/realisation';
import { addDays } from '../../lib/calendar-days';
import { invalid } from '../../lib/errors';

// Monitoring periods and the life of a realisation report. Pure: the service hands in today's date
// and the settings. Permendagri 25/2020 Ps 39: monitoring at least twice a year, so a period is a
// semester (S1 January–June, S2 July–December).

export type PeriodWindow = { firstDay: string; lastDay: string; opensOn: string; closesOn: string };
export type ReportStep = 'submit' | 'verify' | 'return';

const PERIOD_CODE = /^\d{4}-S[12]$/;

export function checkPeriodCode(period: string): void {
  if (!PERIOD_CODE.test(period)) throw invalid('period', { message: `Periode "${period}" tidak valid; tulis sebagai TTTT-S1 atau TTTT-S2.`, messageEn: `"${period}" is not a period; write it as YYYY-S1 or YYYY-S2.` });
}

// The semester a date (YYYY-MM-DD) falls in, as 'YYYY-S1' or 'YYYY-S2'.
export function periodOf(isoDate: string): string {
  return periodOfDate(isoDate);
}

// A report may be written from the period's first day until `closeDays` after its last day (the OPD
// needs time after the semester ends to gather its evidence).
export function periodWindow(period: string, closeDays: number): PeriodWindow {
  const year = period.slice(0, 4);
  const isFirstHalf = period.endsWith('S1');
  const firstDay = `${year}-${isFirstHalf ? '01-01' : '07-01'}`;
  const lastDay = `${year}-${isFirstHalf ? '06-30' : '12-31'}`;
  return { firstDay, lastDay, opensOn: firstDay, closesOn: addDays(lastDay, closeDays) };
}

// The latest period whose reporting window closed before `on`: the one whose missing reports are overdue.
// With at most 180 days of grace (the setting's ceiling) the period two before `on`'s has always closed.
export function lastClosedPeriod(on: string, closeDays: number): string {
  const [current, previous, beforeThat] = recentPeriods(on, 3);
  return [current, previous].find((period) => period !== undefined && periodWindow(period, closeDays).closesOn < on) ?? beforeThat ?? periodOfDate(on);
}

export function isPeriodOpen(period: string, { today, closeDays }: { today: string; closeDays: number }): boolean {
  const window = periodWindow(period, closeDays);
  return today >= window.opensOn && today <= window.closesOn;
}

export function checkPeriodOpen(period: string, { today, closeDays }: { today: string; closeDays: number }): void {
  if (isPeriodOpen(period, { today, closeDays })) return;
  const { opensOn, closesOn } = periodWindow(period, closeDays);
  throw invalid('period', { message: `Periode ${period} tidak terbuka untuk pelaporan (dibuka ${opensOn} sampai ${closesOn}).`, messageEn: `Period ${period} is not open for reporting (open from ${opensOn} to ${closesOn}).` });
}

// Only a draft or a returned report is the OPD's to change; a submitted one is locked.
export function isEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

// draft → submitted → verified | returned; returned → submitted.
export function nextStatus(from: ReportStatus, step: ReportStep): ReportStatus | null {
  switch (step) {
    case 'submit':
      return isEditable(from) ? 'submitted' : null;
    case 'verify':
      return from === 'submitted' ? 'verified' : null;
    case 'return':
      return from === 'submitted' ? 'returned' : null;
  }
}

export function checkStep(from: ReportStatus, step: ReportStep): ReportStatus {
  const to = nextStatus(from, step);
  if (to === null) {
    throw invalid('status', { message: `Laporan berstatus "${from}" tidak dapat di-${step}.`, messageEn: `A report in status "${from}" cannot be ${step === 'submit' ? 'submitted' : step === 'verify' ? 'verified' : 'returned'}.` });
  }
  return to;
}

// Counts and sums are never negative; each fund source appears once; the activity ends after it starts.
export function checkRealisation(report: { beneficiaries: BeneficiaryEntry[]; funds: FundEntry[]; startedOn: string | null; endedOn: string | null }): void {
  report.beneficiaries.forEach((entry, index) => {
    if (entry.count < 0) throw invalid(`beneficiaries.${index}.count`, { message: 'Jumlah penerima manfaat tidak boleh negatif.', messageEn: 'A beneficiary count must not be negative.' });
  });
  const seen = new Set<string>();
  report.funds.forEach((entry, index) => {
    if (entry.realised.startsWith('-')) throw invalid(`funds.${index}.realised`, { message: 'Realisasi dana tidak boleh negatif.', messageEn: 'Realised funds must not be negative.' });
    if (seen.has(entry.source)) throw invalid(`funds.${index}.source`, { message: `Sumber dana ${entry.source} tercantum dua kali.`, messageEn: `Fund source ${entry.source} is listed twice.` });
    seen.add(entry.source);
  });
  if (report.startedOn && report.endedOn && report.endedOn < report.startedOn) {
    throw invalid('endedOn', { message: 'Tanggal selesai mendahului tanggal mulai.', messageEn: 'endedOn precedes startedOn.' });
  }
}
