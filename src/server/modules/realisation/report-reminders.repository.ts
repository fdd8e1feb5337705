import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../users/users.table';
import { reportReminders } from './report-reminders.table';

export type UnreportedPlan = {
  planId: string;
  planTitle: string;
  agreementId: string;
  agreementTitle: string;
  numberOurs: string | null;
  unitName: string;
  opdUserIds: string[];
};

// Plans of the period's budget year, of agreements in force at some time in the period, whose
// report for the period has not reached the division (none, a draft, or returned and not resent).
// The same reading of "in force" as selectReportsDue.
export async function selectUnreportedPlans(db: Db, window: { period: string; firstDay: string; lastDay: string }): Promise<UnreportedPlan[]> {
  const result: unknown = await db.execute(sql`
    SELECT ap.id AS plan_id, ap.title AS plan_title, a.id AS agreement_id, a.title AS agreement_title, a.number_ours, un.name AS unit_name,
      coalesce((SELECT array_agg(u.id::text ORDER BY u.id) FROM users u WHERE u.unit_id = ap.unit_id AND u.role = 'opd' AND u.is_active), '{}') AS opd_user_ids
    FROM activity_plans ap
    JOIN agreements a ON a.id = ap.agreement_id
    JOIN units un ON un.id = ap.unit_id
    WHERE ap.budget_year = ${Number(window.period.slice(0, 4))}
      AND NOT a.is_draft
      AND coalesce(a.starts_on, a.signed_on) <= ${window.lastDay}::date
      AND (a.ends_on IS NULL OR a.ends_on >= ${window.firstDay}::date)
      AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on < ${window.firstDay}::date, false)
      AND NOT EXISTS (SELECT 1 FROM realisation_reports r WHERE r.plan_id = ap.id AND r.period = ${window.period} AND r.status IN ('submitted', 'verified'))
    ORDER BY un.name, a.number_ours, ap.title`);
  return (result as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    planId: String(row.plan_id),
    planTitle: String(row.plan_title),
    agreementId: String(row.agreement_id),
    agreementTitle: String(row.agreement_title),
    numberOurs: (row.number_ours as string | null) ?? null,
    unitName: String(row.unit_name),
    opdUserIds: (row.opd_user_ids as string[] | null) ?? [],
  }));
}

export type Recipient = { id: string; email: string; name: string };
const recipientColumns = { id: users.id, email: users.email, name: users.name };

export function selectActiveUsersOfRoles(db: Db, roles: ('admin' | 'pimpinan')[]): Promise<Recipient[]> {
  return db.select(recipientColumns).from(users).where(and(inArray(users.role, roles), eq(users.isActive, true)));
}

export async function selectRecipients(db: Db, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  return db.select(recipientColumns).from(users).where(and(inArray(users.id, ids), eq(users.isActive, true)));
}

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
