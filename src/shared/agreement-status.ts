import type { AgreementStatus } from './agreement-codes';

export type StatusInput = {
  isDraft: boolean;
  endsOn: string | null;
  terminationKind: 'diakhiri' | 'dicabut' | null;
  terminatedOn: string | null;
};

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// Status is derived from dates and end events, never stored by hand (design.md).
// `today` is the local date in Ternate (WIT) as 'YYYY-MM-DD'.
export function deriveAgreementStatus(agreement: StatusInput, today: string, warningDays: number): AgreementStatus {
  if (agreement.isDraft) return 'draft';
  if (agreement.terminationKind && agreement.terminatedOn && agreement.terminatedOn <= today) {
    return agreement.terminationKind;
  }
  if (!agreement.endsOn) return 'aktif';
  if (agreement.endsOn < today) return 'berakhir';
  if (agreement.endsOn <= addDays(today, warningDays)) return 'akan_berakhir';
  return 'aktif';
}

// The same rule as SQL-friendly bounds, for filtering lists by status in the database.
export function statusDateBounds(today: string, warningDays: number): { today: string; warnUntil: string } {
  return { today, warnUntil: addDays(today, warningDays) };
}

// Whole years between two dates, for the maximum-term rule.
export function termExceedsYears(startsOn: string, endsOn: string, maxYears: number): boolean {
  const limit = new Date(`${startsOn}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + maxYears);
  return new Date(`${endsOn}T00:00:00Z`) > limit;
}
