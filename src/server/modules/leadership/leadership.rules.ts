import type { DashboardPeriod } from '../../../shared/leadership';
import { MAX_DASHBOARD_DAYS } from '../../../shared/leadership';
import { addDays, daysBetween } from '../../lib/calendar-days';
import { invalid } from '../../lib/errors';

// The dashboard's periods and what they overlap. Pure: the service hands in today's date.

export type PeriodScope = DashboardPeriod & {
  // Monitoring periods (semesters, realisation.rules) that overlap the period: a realisation report
  // or an evaluation of one of them belongs to it.
  semesters: string[];
  // Budget years the period touches: an activity plan of one of them belongs to it.
  firstYear: number;
  lastYear: number;
};

// Missing ends: from the first of January of `to`'s year (year to date by default) to today.
export function resolvePeriod(query: { from?: string | undefined; to?: string | undefined }, today: string): DashboardPeriod {
  const to = query.to ?? (query.from !== undefined && query.from > today ? query.from : today);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid('from', { message: 'Tanggal "from" tidak boleh sesudah "to".', messageEn: '"from" must not be after "to".' });
  if (daysBetween(from, to) + 1 > MAX_DASHBOARD_DAYS) {
    throw invalid('to', { message: 'Rentang paling panjang sepuluh tahun.', messageEn: 'The range may span at most ten years.' });
  }
  return { from, to };
}

// The period of the same length that ends the day before `period` begins.
export function previousPeriodOf(period: DashboardPeriod): DashboardPeriod {
  const length = daysBetween(period.from, period.to) + 1;
  const to = addDays(period.from, -1);
  return { from: addDays(to, -(length - 1)), to };
}

export function scopeOf(period: DashboardPeriod): PeriodScope {
  const firstYear = Number(period.from.slice(0, 4));
  const lastYear = Number(period.to.slice(0, 4));
  const semesters: string[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    const halves: [string, string, string][] = [
      ['S1', `${String(year)}-01-01`, `${String(year)}-06-30`],
      ['S2', `${String(year)}-07-01`, `${String(year)}-12-31`],
    ];
    for (const [half, first, last] of halves) if (first <= period.to && last >= period.from) semesters.push(`${String(year)}-${half}`);
  }
  return { ...period, semesters, firstYear, lastYear };
}
