const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// The locale Intl writes numbers and dates in for the interface language.
export function intlLocale(language: string): 'en-GB' | 'id-ID' {
  return language.startsWith('en') ? 'en-GB' : 'id-ID';
}

// Thousands grouped as the reader expects: 20.000 in Indonesian, 20,000 in English.
export function formatNumber(value: number, language = 'id', options?: Intl.NumberFormatOptions): string {
  return value.toLocaleString(intlLocale(language), options);
}

// A duration in days, to one decimal (a median can fall between two days).
export function formatDays(days: number | null, language = 'id'): string {
  if (days === null) return '—';
  return formatNumber(days, language, { maximumFractionDigits: 1 });
}

// A legal date 'YYYY-MM-DD' as written in Indonesian documents: "27 November 2026".
// Parsed by hand so that no time zone can move it to the previous day.
export function formatDate(isoDate: string | null | undefined, language = 'id'): string {
  if (!isoDate) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const months = language.startsWith('en') ? MONTHS_EN : MONTHS_ID;
  return `${Number(day)} ${months[Number(month) - 1] ?? month} ${year}`;
}

// An instant (timestamptz) in Ternate time (WIT, UTC+9) with the time of day.
export function formatDateTime(instant: string | null | undefined, language = 'id'): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const formatter = new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'Asia/Jayapura',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${formatter.format(date)} WIT`;
}

// Whole rupiah kept as a digit string (never a float): "Rp 1.500.000".
export function formatRupiah(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const digits = value.replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits)) return value;
  return `Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

// What a person types for an amount of rupiah ("1.500.000", "1 500 000") as the digit string the API takes.
export function rupiahDigits(typed: string): string {
  return typed.replace(/[.\s]/g, '');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

// Today in Ternate as 'YYYY-MM-DD', for default dates in forms.
export function todayInTernate(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}
