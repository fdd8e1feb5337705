import type { StatsYear } from '../../../../shared/stats';

export type CountKey = 'byPartnerGroup' | 'byPartnerCategory' | 'bySector';
export type Labelled = { code: string; name: string; note?: string };

export type TableRow = { code: string; label: string; note?: string; counts: number[]; total: number };

// Rows in master-data order; a code the master list no longer holds still shows, under its code.
export function tableRows(years: readonly StatsYear[], key: CountKey, entries: readonly Labelled[]): TableRow[] {
  const codes = new Set(years.flatMap((year) => Object.keys(year[key])));
  const known = entries.filter((entry) => codes.has(entry.code));
  const unknown: Labelled[] = [...codes].filter((code) => !entries.some((entry) => entry.code === code)).map((code) => ({ code, name: code }));
  return [...known, ...unknown].map((entry): TableRow => {
    const counts = years.map((year) => year[key][entry.code] ?? 0);
    const row: TableRow = { code: entry.code, label: entry.name, counts, total: counts.reduce((sum, count) => sum + count, 0) };
    if (entry.note) row.note = entry.note;
    return row;
  });
}

// The highest count of each year column, to mark it in the table (0 marks nothing).
export function columnMaxima(rows: readonly TableRow[], yearCount: number): number[] {
  return Array.from({ length: yearCount }, (_, index) => Math.max(0, ...rows.map((row) => row.counts[index] ?? 0)));
}

export function listNames(names: readonly string[], language: string): string {
  return new Intl.ListFormat(language.startsWith('en') ? 'en' : 'id', { type: 'conjunction' }).format(names);
}

// Year choices around the data: twenty years back, through next year, always including the shown range.
export function yearOptions(shown: { from: number; to: number } | undefined, currentYear: number): number[] {
  const first = Math.min(currentYear - 20, shown?.from ?? currentYear);
  const last = Math.max(currentYear + 1, shown?.to ?? currentYear);
  return Array.from({ length: last - first + 1 }, (_, index) => last - index);
}
