import type { ImpactLabel, ImpactYear } from '../../../../shared/impact-study';

export type YearRow = { code: string; label: string; values: number[]; total: number };

// One row per item (group, sector, band …), one value per year, in the order the server gave.
export function yearRows(years: readonly ImpactYear[], items: readonly ImpactLabel[], pick: (year: ImpactYear, code: string) => number): YearRow[] {
  return items.map((item) => {
    const values = years.map((year) => pick(year, item.code));
    return { code: item.code, label: item.name, values, total: values.reduce((sum, value) => sum + value, 0) };
  });
}

export function namesOf(codes: readonly string[], labels: readonly ImpactLabel[]): string[] {
  return codes.map((code) => labels.find((label) => label.code === code)?.name ?? code);
}

export function dormantShare(year: Pick<ImpactYear, 'dormant' | 'inForceOnDay'>): number | null {
  if (year.dormant === null || !year.inForceOnDay) return null;
  return year.dormant / year.inForceOnDay;
}

// Year choices: twenty years back through next year, always including the shown range.
export function yearOptions(shown: { from: number; to: number } | undefined, currentYear: number): number[] {
  const first = Math.min(currentYear - 20, shown?.from ?? currentYear);
  const last = Math.max(currentYear + 1, shown?.to ?? currentYear);
  return Array.from({ length: last - first + 1 }, (_, index) => last - index);
}
