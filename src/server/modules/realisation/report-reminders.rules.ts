import { recentPeriods } from '../../../shared/realisation';
import { countdownStageOf, daysBetween } from '../../lib/calendar-days';
import { lastClosedPeriod, periodWindow } from './realisation.rules';

// When the OPDs are reminded of a realisation report they have not sent (issue 11 part 3): 14 and
// 3 days before the period's reporting window closes; the day after it closes the report is
// overdue and the pimpinan and the division are told too.

export const REPORT_REMINDER_DAYS = [14, 3] as const;

export type ReminderStage = 'before_14' | 'before_3' | 'overdue';
export type DueStage = { period: string; stage: ReminderStage; closesOn: string; daysLeft: number };

// Every (period, stage) due on `on`: at most one reminder stage per open period (the nearest, as
// for expiry alerts) and the escalation of the last period whose window has closed.
export function reminderStagesOn(on: string, closeDays: number): DueStage[] {
  const due: DueStage[] = [];
  for (const period of recentPeriods(on, 2)) {
    const { opensOn, closesOn } = periodWindow(period, closeDays);
    if (on < opensOn || on > closesOn) continue;
    const daysLeft = daysBetween(on, closesOn);
    const stage = countdownStageOf(daysLeft, REPORT_REMINDER_DAYS);
    if (stage !== null) due.push({ period, stage: stage === 14 ? 'before_14' : 'before_3', closesOn, daysLeft });
  }
  const closed = lastClosedPeriod(on, closeDays);
  const { closesOn } = periodWindow(closed, closeDays);
  if (closesOn < on) due.push({ period: closed, stage: 'overdue', closesOn, daysLeft: daysBetween(on, closesOn) });
  return due;
}

// The pimpinan hears of a missing report only once it is late.
export function stageTellsLeaders(stage: ReminderStage): boolean {
  return stage === 'overdue';
}
