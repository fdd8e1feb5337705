// Calendar arithmetic on local dates written YYYY-MM-DD. Dates are days, not instants: they are
// read at UTC midnight so that no time zone or daylight rule shifts them.

const DAY_MS = 86_400_000;

function parseDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(parseDay(isoDate).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

// The stage a countdown has reached `daysLeft` days before its date: the nearest scheduled day at
// or above it. A run that missed earlier stages (the server was off) sends only the current one —
// telling someone "180 days left" when 60 are left helps no one. Past the date: no stage.
export function countdownStageOf(daysLeft: number, schedule: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const reached = schedule.filter((days) => daysLeft <= days);
  return reached.length === 0 ? null : Math.min(...reached);
}
