import type { Db } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import { deliverMail, queueMail, type MailCtx } from '../mail/mail.service';
import { notifyUsers } from '../notifications/notifications.service';
import { getSettings } from '../settings/settings.service';
import { findActiveRecipients } from '../users/users.service';
import { claimStage, findUnacknowledged, reminderSentAt, type Pending } from './dissemination-reminders.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

// Days an OPD has to acknowledge before it is reminded; as many again before the admin is told.
export async function reminderDays(db: Db): Promise<number> {
  return (await getSettings(db)).disseminationReminderDays;
}

export type ReminderRun = { reminders: number; escalations: number };
// `ctx.db` is the run's transaction for this package.
async function remindOpd(ctx: MailCtx, pending: Pending, days: number): Promise<string[]> {
  const { db: tx, mail, now } = ctx;
  const people = await findActiveRecipients(tx, { unitIds: [pending.unitId] });
  const link = `/app/dissemination/${pending.agreementId}`;
  await notifyUsers({ db: tx, now }, { userIds: people.map((person) => person.id), notice: { kind: 'dissemination_reminder', title: `Pengingat: konfirmasi paket diseminasi "${pending.title}"`, body: `Belum dikonfirmasi setelah ${days} hari.`, link, entity: 'dissemination_package', entityId: pending.packageId } });
  const ids: string[] = [];
  for (const person of people) {
    const text = `Paket diseminasi kerja sama "${pending.title}" belum dikonfirmasi oleh ${pending.unitName} setelah ${days} hari.\n\nBuka dan konfirmasi: ${mail.publicUrl}${link}`;
    ids.push(await queueMail(ctx, { to: person.email, subject: `Pengingat paket diseminasi: ${pending.title}`, text, entity: 'dissemination_package', entityId: pending.packageId }));
  }
  return ids;
}

async function escalate(ctx: MailCtx, pending: Pending, days: number): Promise<string[]> {
  const { db: tx, mail, now } = ctx;
  const admins = await findActiveRecipients(tx, { roles: ['admin'] });
  const link = `/app/dissemination/${pending.agreementId}`;
  const body = `${pending.unitName} belum mengonfirmasi paket diseminasi setelah ${days} hari dan satu pengingat.`;
  await notifyUsers({ db: tx, now }, { userIds: admins.map((admin) => admin.id), notice: { kind: 'dissemination_escalation', title: `Belum dikonfirmasi: ${pending.title}`, body, link, entity: 'dissemination_package', entityId: pending.packageId } });
  const ids: string[] = [];
  for (const admin of admins) {
    ids.push(await queueMail(ctx, { to: admin.email, subject: `Paket diseminasi belum dikonfirmasi: ${pending.title}`, text: `${body}\n\n${mail.publicUrl}${link}`, entity: 'dissemination_package', entityId: pending.packageId }));
  }
  return ids;
}

// Run every hour by the server and on demand by `npm run jalin -- reminders`. Idempotent: each
// (package, OPD, stage) is sent once, recorded in dissemination_reminders in the same transaction.
export async function runDisseminationReminders(ctx: MailCtx): Promise<ReminderRun> {
  const days = await reminderDays(ctx.db);
  const firstDue = new Date(ctx.now.getTime() - days * DAY_MS);
  const pending = await findUnacknowledged(ctx.db, firstDue);
  const result: ReminderRun = { reminders: 0, escalations: 0 };
  const mailIds: string[] = [];
  for (const item of pending) {
    await ctx.db.transaction(async (tx) => {
      if (await claimStage(tx, { pending: item, stage: 'opd_reminder', now: ctx.now })) {
        mailIds.push(...(await remindOpd({ ...ctx, db: tx }, item, days)));
        await recordAudit(tx, { actor: null, entity: 'dissemination_package', entityId: item.packageId, action: 'remind', at: ctx.now, changes: [{ field: 'unitId', old: null, new: item.unitId }] });
        result.reminders += 1;
        return;
      }
      // The admin is told only N days after the reminder went out, however late the job ran.
      const remindedAt = await reminderSentAt(tx, item);
      if (remindedAt && remindedAt <= firstDue && (await claimStage(tx, { pending: item, stage: 'admin_escalation', now: ctx.now }))) {
        mailIds.push(...(await escalate({ ...ctx, db: tx }, item, 2 * days)));
        await recordAudit(tx, { actor: null, entity: 'dissemination_package', entityId: item.packageId, action: 'escalate', at: ctx.now, changes: [{ field: 'unitId', old: null, new: item.unitId }] });
        result.escalations += 1;
      }
    });
  }
  await deliverMail(ctx, mailIds);
  return result;
}
