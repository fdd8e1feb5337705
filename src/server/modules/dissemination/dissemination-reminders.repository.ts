import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreements } from '../agreements/agreements.table';
import { units } from '../units/units.table';
import { disseminationPackages, disseminationRecipients, disseminationReminders } from './dissemination.table';

export type Pending = { packageId: string; agreementId: string; title: string; unitId: string; unitName: string; sentAt: Date };
export type ReminderStage = 'opd_reminder' | 'admin_escalation';

// OPDs told of a published package on or before firstDue that have not acknowledged it.
export async function findUnacknowledged(db: Db, firstDue: Date): Promise<Pending[]> {
  return db
    .select({
      packageId: disseminationRecipients.packageId,
      agreementId: disseminationPackages.agreementId,
      title: agreements.title,
      unitId: disseminationRecipients.unitId,
      unitName: units.name,
      sentAt: disseminationRecipients.sentAt,
    })
    .from(disseminationRecipients)
    .innerJoin(disseminationPackages, eq(disseminationPackages.id, disseminationRecipients.packageId))
    .innerJoin(agreements, eq(agreements.id, disseminationPackages.agreementId))
    .innerJoin(units, eq(units.id, disseminationRecipients.unitId))
    .where(and(eq(disseminationPackages.status, 'published'), isNull(disseminationRecipients.acknowledgedAt), lte(disseminationRecipients.sentAt, firstDue)));
}

// Claims a stage for one OPD: true only for the run that wrote the record, so nothing is sent twice
// even when two runs overlap.
export async function claimStage(db: Db, { pending, stage, now }: { pending: Pending; stage: ReminderStage; now: Date }): Promise<boolean> {
  const rows = await db
    .insert(disseminationReminders)
    .values({ packageId: pending.packageId, unitId: pending.unitId, stage, sentAt: now })
    .onConflictDoNothing()
    .returning({ stage: disseminationReminders.stage });
  return rows.length > 0;
}

export async function reminderSentAt(db: Db, pending: Pending): Promise<Date | null> {
  const [row] = await db
    .select({ sentAt: disseminationReminders.sentAt })
    .from(disseminationReminders)
    .where(and(eq(disseminationReminders.packageId, pending.packageId), eq(disseminationReminders.unitId, pending.unitId), eq(disseminationReminders.stage, 'opd_reminder')));
  return row?.sentAt ?? null;
}
