import { NUMBER_WORDS_PATTERN, parseIndonesianNumber } from './indonesian-numbers.rules';

// Dates as Indonesian agreements print them: "20 Mei 2021", "20-05-2021", "20/05/2021", and the
// signing formula written out in words ("pada hari ini Senin tanggal dua puluh bulan Mei tahun dua
// ribu dua puluh satu"). Every pattern allows any whitespace (OCR line breaks, doubled spaces).

const MONTHS: [number, string[]][] = [
  [1, ['januari', 'jan']],
  [2, ['februari', 'pebruari', 'feb', 'peb']],
  [3, ['maret', 'mar']],
  [4, ['april', 'apr']],
  [5, ['mei']],
  [6, ['juni', 'jun']],
  [7, ['juli', 'jul']],
  [8, ['agustus', 'agus', 'agt', 'ags', 'agu']],
  [9, ['september', 'sept', 'sep']],
  [10, ['oktober', 'okt']],
  [11, ['november', 'nopember', 'nov', 'nop']],
  [12, ['desember', 'des']],
];
const MONTH_BY_NAME = new Map(MONTHS.flatMap(([month, names]) => names.map((name) => [name, month] as const)));
// Longest first: "Juni" must not stop at "Jun".
const MONTH_PATTERN = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

// Index = getUTCDay(); "Jum'at" and "Ahad" are the older spellings.
const WEEKDAYS: string[][] = [['minggu', 'ahad'], ['senin'], ['selasa'], ['rabu'], ['kamis'], ['jumat', "jum'at", 'jum’at'], ['sabtu']];
const WEEKDAY_PATTERN = `(${WEEKDAYS.flat().join('|')})`;

const NUMBER_OR_WORDS = `(\\d{1,4}|${NUMBER_WORDS_PATTERN})`;
// Between the parts, OCR may leave a speck read as "." or "," ("Maret.tahun", "Mei .2022").
const GAP = '[\\s.,]*';
const SPELLED = new RegExp(
  `(?:hari\\s+(?:ini\\s+)?)?(?:${WEEKDAY_PATTERN}${GAP})?tanggal${GAP}${NUMBER_OR_WORDS}${GAP}(?:bulan${GAP})?${MONTH_PATTERN}${GAP}(?:tahun${GAP})?${NUMBER_OR_WORDS}`,
  'giu',
);
const NAMED_MONTH = new RegExp(`\\b(\\d{1,2})${GAP}${MONTH_PATTERN}${GAP}(\\d{4})\\b`, 'giu');
const NUMERIC = /\b(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})\b/gu;

export type DateMatch = {
  iso: string;
  start: number;
  end: number;
  isSpelledOut: boolean;
  // null when no weekday is written; false when it names another day than the date falls on.
  weekdayAgrees: boolean | null;
  confidence: number;
};

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

function numberOf(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseIndonesianNumber(text);
}

function weekdayAgrees(weekday: string | undefined, iso: string): boolean | null {
  if (!weekday) return null;
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[day]?.includes(weekday.toLowerCase()) ?? false;
}

function spelledMatches(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const match of text.matchAll(SPELLED)) {
    const [whole, weekday, dayText = '', monthText = '', yearText = ''] = match;
    const day = numberOf(dayText.trim());
    const year = numberOf(yearText.trim());
    const month = MONTH_BY_NAME.get(monthText.toLowerCase());
    const iso = day !== null && year !== null && month ? isoOf(year, month, day) : null;
    if (!iso) continue;
    const agrees = weekdayAgrees(weekday, iso);
    const trimmed = whole.replace(/[\s.,-]+$/, '');
    const isSpelledOut = !/^\d+$/.test(dayText.trim()) || !/^\d+$/.test(yearText.trim());
    // A weekday that names another day means one of the numbers was misread or mistyped.
    found.push({ iso, start: match.index, end: match.index + trimmed.length, isSpelledOut, weekdayAgrees: agrees, confidence: agrees === false ? 0.5 : 0.95 });
  }
  return found;
}

function digitMatches(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const match of text.matchAll(NAMED_MONTH)) {
    const month = MONTH_BY_NAME.get((match[2] ?? '').toLowerCase());
    const iso = month ? isoOf(Number(match[3]), month, Number(match[1])) : null;
    if (iso) found.push({ iso, start: match.index, end: match.index + match[0].length, isSpelledOut: false, weekdayAgrees: null, confidence: 0.9 });
  }
  for (const match of text.matchAll(NUMERIC)) {
    const iso = isoOf(Number(match[4]), Number(match[3]), Number(match[1]));
    if (iso) found.push({ iso, start: match.index, end: match.index + match[0].length, isSpelledOut: false, weekdayAgrees: null, confidence: 0.85 });
  }
  return found;
}

// Every date in the text, in reading order. A written-out date that also contains a numeric one
// ("tanggal 20 Mei 2021") is reported once, as the longer match.
export function findIndonesianDates(text: string): DateMatch[] {
  const spelled = spelledMatches(text);
  const inside = (match: DateMatch) => spelled.some((outer) => match.start >= outer.start && match.end <= outer.end);
  return [...spelled, ...digitMatches(text).filter((match) => !inside(match))].sort((a, b) => a.start - b.start);
}

// The first date in the text as 'YYYY-MM-DD', or null.
export function parseIndonesianDate(text: string): string | null {
  return findIndonesianDates(text)[0]?.iso ?? null;
}

// For writing dates the way agreements do (the test fixtures, the written-out formula).
export const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
export const WEEKDAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
