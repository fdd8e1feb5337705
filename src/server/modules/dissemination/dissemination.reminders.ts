import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import { agreements } from '../agreements/agreements.table';
import { deliverMail, queueMail, type MailSettings } from '../mail/mail.service';
import { notifyUsers } from '../notifications/notifications.service';
import { getSettings } from '../settings/settings.service';
import { units } from '../units/units.table';
import { activeAdmins, usersOfUnits } from './dissemination.repository';
import { disseminationPackages, disseminationRecipients, disseminationReminders } from './dissemination.table';

const DAY_MS = 24 * 60 * 60 * 1000;

// Days an OPD has to acknowledge before it is reminded; as many again before the admin is told.
export async function reminderDays(db: Db): Promise<number> {
  return (await getSettings(db)).disseminationReminderDays;
}

export type ReminderRun = { reminders: number; escalations: number };
type Pending = { packageId: string; agreementId: string; title: string; unitId: string; unitName: string; sentAt: Date };

// Claims a stage for one OPD: true only for the run that wrote the record, so nothing is sent twice
// even when two runs overlap.
async function claim(db: Db, pending: Pending, stage: 'opd_reminder' | 'admin_escalation', now: Date): Promise<boolean> {
  const rows = await db
    .insert(disseminationReminders)
    .values({ packageId: pending.packageId, unitId: pending.unitId, stage, sentAt: now })
    .onConflictDoNothing()
    .returning({ stage: disseminationReminders.stage });
  return rows.length > 0;
}

async function reminderSentAt(db: Db, pending: Pending): Promise<Date | null> {
  const [row] = await db
    .select({ sentAt: disseminationReminders.sentAt })
    .from(disseminationReminders)
    .where(and(eq(disseminationReminders.packageId, pending.packageId), eq(disseminationReminders.unitId, pending.unitId), eq(disseminationReminders.stage, 'opd_reminder')));
  return row?.sentAt ?? null;
}

async function remindOpd(tx: Db, mail: MailSettings, pending: Pending, days: number, now: Date): Promise<string[]> {
  const people = await usersOfUnits(tx, [pending.unitId]);
  const link = `/app/dissemination/${pending.agreementId}`;
  await notifyUsers(tx, people.map((person) => person.id), { kind: 'dissemination_reminder', title: `Pengingat: konfirmasi paket diseminasi "${pending.title}"`, body: `Belum dikonfirmasi setelah ${days} hari.`, link, entity: 'dissemination_package', entityId: pending.packageId }, now);
  const ids: string[] = [];
  for (const person of people) {
    const text = `Paket diseminasi kerja sama "${pending.title}" belum dikonfirmasi oleh ${pending.unitName} setelah ${days} hari.\n\nBuka dan konfirmasi: ${mail.publicUrl}${link}`;
    ids.push(await queueMail(tx, mail, { to: person.email, subject: `Pengingat paket diseminasi: ${pending.title}`, text, entity: 'dissemination_package', entityId: pending.packageId }, now));
  }
  return ids;
}

async function escalate(tx: Db, mail: MailSettings, pending: Pending, days: number, now: Date): Promise<string[]> {
  const admins = await activeAdmins(tx);
  const link = `/app/dissemination/${pending.agreementId}`;
  const body = `${pending.unitName} belum mengonfirmasi paket diseminasi setelah ${days} hari dan satu pengingat.`;
  await notifyUsers(tx, admins.map((admin) => admin.id), { kind: 'dissemination_escalation', title: `Belum dikonfirmasi: ${pending.title}`, body, link, entity: 'dissemination_package', entityId: pending.packageId }, now);
  const ids: string[] = [];
  for (const admin of admins) {
    ids.push(await queueMail(tx, mail, { to: admin.email, subject: `Paket diseminasi belum dikonfirmasi: ${pending.title}`, text: `${body}\n\n${mail.publicUrl}${link}`, entity: 'dissemination_package', entityId: pending.packageId }, now));
  }
  return ids;
}

// Run every hour by the server and on demand by `npm run jalin -- reminders`. Idempotent: each
// (package, OPD, stage) is sent once, recorded in dissemination_reminders in the same transaction.
export async function runDisseminationReminders(ctx: { db: Db; now: Date; mail: MailSettings }): Promise<ReminderRun> {
  const days = await reminderDays(ctx.db);
  const firstDue = new Date(ctx.now.getTime() - days * DAY_MS);
  const pending: Pending[] = await ctx.db
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
  const result: ReminderRun = { reminders: 0, escalations: 0 };
  const mailIds: string[] = [];
  for (const item of pending) {
    await ctx.db.transaction(async (tx) => {
      if (await claim(tx, item, 'opd_reminder', ctx.now)) {
        mailIds.push(...(await remindOpd(tx, ctx.mail, item, days, ctx.now)));
        await recordAudit(tx, { actor: null, entity: 'dissemination_package', entityId: item.packageId, action: 'remind', at: ctx.now, changes: [{ field: 'unitId', old: null, new: item.unitId }] });
        result.reminders += 1;
        return;
      }
      // The admin is told only N days after the reminder went out, however late the job ran.
      const remindedAt = await reminderSentAt(tx, item);
      if (remindedAt && remindedAt <= firstDue && (await claim(tx, item, 'admin_escalation', ctx.now))) {
        mailIds.push(...(await escalate(tx, ctx.mail, item, 2 * days, ctx.now)));
        await recordAudit(tx, { actor: null, entity: 'dissemination_package', entityId: item.packageId, action: 'escalate', at: ctx.now, changes: [{ field: 'unitId', old: null, new: item.unitId }] });
        result.escalations += 1;
      }
    });
  }
  await deliverMail(ctx.db, ctx.mail, mailIds, ctx.now);
  return result;
}
