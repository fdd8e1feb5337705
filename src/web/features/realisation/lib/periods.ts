import { recentPeriods } from '../../../../shared/realisation';

// Which semesters the screens offer. The server decides whether a period is open
// (realisation.rules: from the period's first day until `reportCloseDays` after its last); this
// only spares the OPD from choosing one it would refuse.

export type PeriodChoice = { period: string; isOpen: boolean };

const DAY_MS = 86_400_000;

function closesOn(period: string, closeDays: number): string {
  const lastDay = `${period.slice(0, 4)}-${period.endsWith('S1') ? '06-30' : '12-31'}`;
  return new Date(Date.parse(`${lastDay}T00:00:00Z`) + closeDays * DAY_MS).toISOString().slice(0, 10);
}

// The current semester and the three before it, newest first, each marked open or closed.
export function reportingPeriods(today: string, closeDays: number): PeriodChoice[] {
  return recentPeriods(today, 4).map((period) => ({ period, isOpen: today <= closesOn(period, closeDays) }));
}

// The oldest period still open: in January last semester's reports are still due, and due first.
export function defaultPeriod(today: string, closeDays: number): string {
  const open = reportingPeriods(today, closeDays).filter((choice) => choice.isOpen);
  return open[open.length - 1]?.period ?? recentPeriods(today, 1)[0] ?? today.slice(0, 4);
}

const PERIOD = /^\d{4}-S[12]$/;

export function isPeriodCode(text: string | null | undefined): text is string {
  return typeof text === 'string' && PERIOD.test(text);
}

const PLAN_ID = /^[0-9A-Za-z-]{1,64}$/;

// `/realisation?plan=<id>&period=<YYYY-SN>` (older home links and mails) names one plan's report:
// the page that shows it, or starts it. Anything else in the address keeps the list.
export function planReportPath(params: URLSearchParams): string | null {
  const plan = params.get('plan');
  const period = params.get('period');
  if (!plan || !PLAN_ID.test(plan) || !isPeriodCode(period)) return null;
  return `/realisation/plans/${plan}/${period}`;
}
