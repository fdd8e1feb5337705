import { IMPORT_LIST_SEPARATOR } from '../../../shared/imports';

// Cell readers: each returns the value or a reason the cell cannot be read (shown per row and column).
export type CellResult<T> = { value: T } | { problem: string };

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number) => String(value).padStart(2, '0');

// YYYY-MM-DD or DD/MM/YYYY (Indonesian order; '-' and '.' also accepted as separators).
export function parseDateCell(text: string): CellResult<string | null> {
  if (text === '') return { value: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : null;
  if (!parts) {
    return { problem: `format tanggal tidak dikenal "${text}": tulis YYYY-MM-DD atau DD/MM/YYYY / unknown date format` };
  }
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!isRealDate(year, month, day)) return { problem: `tanggal tidak ada "${text}" / no such date` };
  return { value: `${year}-${pad(month)}-${pad(day)}` };
}

// Whole rupiah: "1500000", "1.500.000", "1,500,000", "Rp 1.500.000". Cents are refused, not rounded.
export function parseRupiahCell(text: string): CellResult<string | null> {
  const cleaned = text.replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  if (cleaned === '') return { value: null };
  const isPlain = /^\d+$/.test(cleaned);
  const isGrouped = /^\d{1,3}(\.\d{3})+$/.test(cleaned) || /^\d{1,3}(,\d{3})+$/.test(cleaned);
  if (!isPlain && !isGrouped) {
    return { problem: `nilai "${text}" bukan rupiah bulat (contoh 1.500.000) / not a whole rupiah amount` };
  }
  const digits = cleaned.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > 18) return { problem: 'nilai terlalu besar / amount too large' };
  return { value: digits };
}

export function splitList(text: string): string[] {
  return text
    .split(IMPORT_LIST_SEPARATOR)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Jalin's own ids (the export's id column, a parent named by id) in any case.
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export function textOrNull(text: string | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
}
