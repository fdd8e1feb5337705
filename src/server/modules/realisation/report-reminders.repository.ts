import type { Db } from '../../db/client';
import { reportReminders } from './report-reminders.table';

export type ReminderClaim = { planId: string; period: string; stage: string; userId: string };

// Only the rows this run inserted come back: a second run, or a second process racing this one,
// gets nothing to send.
export async function claimReminders(db: Db, { claims, now }: { claims: ReminderClaim[]; now: Date }): Promise<ReminderClaim[]> {
  if (claims.length === 0) return [];
  return db
    .insert(reportReminders)
    .values(claims.map((claim) => ({ ...claim, sentAt: now })))
    .onConflictDoNothing()
    .returning({ planId: reportReminders.planId, period: reportReminders.period, stage: reportReminders.stage, userId: reportReminders.userId });
}
