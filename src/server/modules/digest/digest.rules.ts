// Pure rules of the monthly digest to the pimpinan (issue 12 item 4): which month a check sends,
// and what the month covers. Months are written YYYY-MM, days YYYY-MM-DD in Ternate's time (WIT).

// How far ahead "ends soon" looks: the six months Permendagri 25/2020 Ps 33(2) gives a foreign
// cooperation to ask for its extension, and the first expiry alert (180 days) of the register.
export const DIGEST_ENDING_MONTHS = 6;
// A section lists at most this many agreements and says how many more there are: a mail is read,
// the register is where a long list lives.
export const DIGEST_SECTION_LIMIT = 25;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

// The first and the last day of a month.
export function monthRange(month: string): { from: string; to: string } {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

// The latest month whose digest is due on `on`: last month once `digestDay` has come, otherwise the
// month before it. A server that was off on the day sends on its next check; a month that was missed
// altogether is not caught up later (last month's news is what the pimpinan reads).
export function dueMonth(on: string, digestDay: number): string {
  const day = Number(on.slice(8, 10));
  return addMonths(monthOf(on), day >= digestDay ? -1 : -2);
}

export type DigestDecision = { action: 'baseline'; month: string } | { action: 'send'; month: string } | { action: 'none'; reason: 'disabled' | 'before_baseline' | 'already_sent' };

// What the scheduled check does on `on`. The very first check on an install records the month
// before it as the baseline and sends nothing: a new install (or one just upgraded) would otherwise
// mail, on its first start, a summary of a month Jalin did not yet hold. From then on each month
// after the baseline is sent once, on or after `digestDay`, while the digest is on.
export function decideDigest(input: { on: string; digestDay: number; isEnabled: boolean; baseline: string | null; isDueMonthRecorded: boolean }): DigestDecision {
  if (input.baseline === null) return { action: 'baseline', month: addMonths(monthOf(input.on), -1) };
  if (!input.isEnabled) return { action: 'none', reason: 'disabled' };
  const month = dueMonth(input.on, input.digestDay);
  if (month <= input.baseline) return { action: 'none', reason: 'before_baseline' };
  if (input.isDueMonthRecorded) return { action: 'none', reason: 'already_sent' };
  return { action: 'send', month };
}

// The same day `months` later; a day the later month lacks falls on its last day (31 Aug + 6 → 28 Feb).
export function monthsAfter(isoDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
