import type { ExpiryAlertRun } from '../../../shared/renewal';
import { localDate, type Ctx } from '../../lib/context';
import { recordAudit } from '../audit/audit.service';
import { deliverMail, queueMail } from '../mail/mail.service';
import { daysBetween } from '../monitoring/monitoring.rules';
import { notifyUsers } from '../notifications/notifications.service';
import { getSettings } from '../settings/settings.service';
import { findActiveRecipients } from '../users/users.service';
import * as repo from './renewal.repository';
import { alertStageOf, alertsPimpinan, extensionLetterDueOn } from './renewal.rules';

type Due = { candidate: repo.AlertCandidate; stageDays: number; daysLeft: number };

function lineOf(due: Due, publicUrl: string): string {
  const { candidate, daysLeft } = due;
  const name = candidate.numberOurs ? `${candidate.numberOurs} — ${candidate.title}` : candidate.title;
  const when = daysLeft === 0 ? 'berakhir hari ini / ends today' : `berakhir ${candidate.endsOn}, ${daysLeft} hari lagi / ends ${candidate.endsOn}, in ${daysLeft} days`;
  const letter = extensionLetterDueOn(candidate);
  const letterLine = letter ? `\n  Surat perpanjangan ke Menteri paling lambat / extension letter to the Minister by: ${letter} (Permendagri 25/2020 Ps 33)` : '';
  return `- ${name}\n  ${when}${letterLine}\n  ${publicUrl}/app/agreements/${candidate.agreementId}`;
}

function digestOf(items: Due[], publicUrl: string): { subject: string; text: string } {
  const subject = items.length === 1 ? `Kerja sama akan berakhir / Agreement ending: ${items[0]?.candidate.title ?? ''}` : `${items.length} kerja sama akan berakhir / ${items.length} agreements ending`;
  const text = [
    'Kerja sama berikut mendekati tanggal berakhirnya dan belum ada keputusan perpanjangan (diperpanjang, diakhiri lebih awal, atau dibiarkan berakhir).',
    'The agreements below are nearing their end and have no renewal decision yet (extend, end early, or let lapse).',
    '',
    ...items.map((item) => lineOf(item, publicUrl)),
    '',
    'Pengingat berhenti setelah keputusan dicatat di Jalin. / Alerts stop once the decision is recorded in Jalin.',
  ].join('\n');
  return { subject, text };
}

// Run by the server every hour and by `npm run jalin -- reminders`. Each (agreement, end date,
// stage, person) is claimed in expiry_alerts in the same transaction that queues the person's mail,
// so it goes out once — across restarts and across processes sharing one PostgreSQL. Everything a
// person is due today goes in one e-mail (one digest a day: stages move by the calendar day).
export async function runExpiryAlerts(ctx: Ctx): Promise<ExpiryAlertRun> {
  const on = localDate(ctx.now);
  const { expiryAlertDays } = await getSettings(ctx.db);
  const candidates = await repo.selectAlertCandidates(ctx.db, { on, maxDays: Math.max(...expiryAlertDays) });
  const [admins, leaders, liaisons] = await Promise.all([
    findActiveRecipients(ctx.db, { roles: ['admin'] }),
    findActiveRecipients(ctx.db, { roles: ['pimpinan'] }),
    findActiveRecipients(ctx.db, { unitIds: [...new Set(candidates.flatMap((candidate) => candidate.leadUnitIds))] }),
  ]);
  const duesByPerson = new Map<string, Due[]>();
  for (const candidate of candidates) {
    const daysLeft = daysBetween(on, candidate.endsOn);
    const stageDays = alertStageOf(daysLeft, expiryAlertDays);
    if (stageDays === null) continue;
    const opdUserIds = liaisons.filter((liaison) => liaison.unitId !== null && candidate.leadUnitIds.includes(liaison.unitId)).map((liaison) => liaison.id);
    const people = new Set([...opdUserIds, ...admins.map((admin) => admin.id), ...(alertsPimpinan(stageDays) ? leaders.map((leader) => leader.id) : [])]);
    for (const personId of people) duesByPerson.set(personId, [...(duesByPerson.get(personId) ?? []), { candidate, stageDays, daysLeft }]);
  }
  const people = await findActiveRecipients(ctx.db, { ids: [...duesByPerson.keys()] });
  const run: ExpiryAlertRun = { alerts: 0, people: 0, mails: 0 };
  const mailIds: string[] = [];
  for (const person of people) {
    const dues = duesByPerson.get(person.id) ?? [];
    await ctx.db.transaction(async (tx) => {
      const claimed = await repo.claimAlerts(tx, { claims: dues.map((due) => ({ agreementId: due.candidate.agreementId, endsOn: due.candidate.endsOn, stageDays: due.stageDays, userId: person.id })), now: ctx.now });
      const items = dues.filter((due) => claimed.some((claim) => claim.agreementId === due.candidate.agreementId));
      if (items.length === 0) return;
      for (const item of items) {
        const { candidate, daysLeft } = item;
        await notifyUsers({ db: tx, now: ctx.now }, { userIds: [person.id], notice: {
            kind: 'expiry_alert',
            title: `Akan berakhir dalam ${daysLeft} hari: ${candidate.title}`,
            body: 'Belum ada keputusan perpanjangan. / No renewal decision yet.',
            link: `/app/agreements/${candidate.agreementId}`,
            entity: 'agreement',
            entityId: candidate.agreementId,
          } });
        await recordAudit(tx, { actor: null, entity: 'agreement', entityId: candidate.agreementId, action: 'expiry_alert', at: ctx.now, changes: [{ field: 'stageDays', old: null, new: item.stageDays }, { field: 'userId', old: null, new: person.id }] });
      }
      mailIds.push(await queueMail({ ...ctx, db: tx }, { to: person.email, ...digestOf(items, ctx.mail.publicUrl), entity: 'agreement', entityId: items[0]?.candidate.agreementId ?? '' }));
      run.alerts += items.length;
      run.people += 1;
      run.mails += 1;
    });
  }
  await deliverMail(ctx, mailIds);
  return run;
}
