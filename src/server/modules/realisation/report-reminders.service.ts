import { localDate, type Ctx } from '../../lib/context';
import { recordAudit } from '../audit/audit.service';
import { deliverMail, queueMail } from '../mail/mail.service';
import { notifyUsers } from '../notifications/notifications.service';
import { getSettings } from '../settings/settings.service';
import { findActiveRecipients } from '../users/users.service';
import { plansAwaitingReport, type PlanAwaitingReportRow } from './realisation.service';
import * as repo from './report-reminders.repository';
import { reminderStagesOn, stageTellsLeaders, type DueStage } from './report-reminders.rules';

export type ReportReminderRun = { reminders: number; people: number; mails: number };

// Where an OPD writes its reports, and where the division checks them.
export const REPORTS_LINK = '/app/realisation';

type Due = { plan: PlanAwaitingReportRow; stage: DueStage };

function headlineOf(stage: DueStage): string {
  if (stage.stage === 'overdue') return `Laporan realisasi ${stage.period} terlambat (batas ${stage.closesOn}) / Realisation reports for ${stage.period} overdue (closed ${stage.closesOn})`;
  return `Laporan realisasi ${stage.period}: batas ${stage.closesOn}, ${stage.daysLeft} hari lagi / Realisation reports for ${stage.period} due ${stage.closesOn}, in ${stage.daysLeft} days`;
}

function digestOf(items: Due[], publicUrl: string): { subject: string; text: string } {
  const stages = [...new Map(items.map((item) => [`${item.stage.period}:${item.stage.stage}`, item.stage])).values()];
  const subject = stages.some((stage) => stage.stage === 'overdue') ? `Laporan realisasi terlambat / Realisation reports overdue (${items.length})` : `Pengingat laporan realisasi / Realisation report reminder (${items.length})`;
  const sections = stages.map((stage) => {
    const lines = items.filter((item) => item.stage === stage).map(({ plan }) => `- ${plan.unitName}: ${plan.planTitle}\n  ${plan.numberOurs ? `${plan.numberOurs} — ` : ''}${plan.agreementTitle}`);
    return [headlineOf(stage), ...lines].join('\n');
  });
  const text = [
    'Rencana kegiatan berikut belum memiliki laporan realisasi yang dikirim untuk periodenya.',
    'The activity plans below have no realisation report sent for their period.',
    '',
    ...sections,
    '',
    `${publicUrl}${REPORTS_LINK}`,
  ].join('\n');
  return { subject, text };
}

// Run by the server every hour and by `npm run jalin -- reminders`. Before a period's reporting
// window closes, the OPD liaisons of each plan still without a submitted report are reminded; once
// it has closed, they, the division and the pimpinan are told it is overdue. Each (plan, period,
// stage, person) is claimed in report_reminders in the transaction that queues the person's one
// digest, so nothing goes twice across restarts or two processes on one PostgreSQL.
export async function runReportReminders(ctx: Ctx): Promise<ReportReminderRun> {
  const on = localDate(ctx.now);
  const { reportCloseDays } = await getSettings(ctx.db);
  const stages = reminderStagesOn(on, reportCloseDays);
  const duesByPerson = new Map<string, Due[]>();
  const leadersAndDivision = stages.some((stage) => stageTellsLeaders(stage.stage)) ? await findActiveRecipients(ctx.db, { roles: ['admin', 'pimpinan'] }) : [];
  for (const stage of stages) {
    const { rows: plans } = await plansAwaitingReport(ctx, { period: stage.period, unitId: null, limit: null });
    const liaisons = await findActiveRecipients(ctx.db, { unitIds: [...new Set(plans.map((plan) => plan.unitId))] });
    for (const plan of plans) {
      const opdUserIds = liaisons.filter((liaison) => liaison.unitId === plan.unitId).map((liaison) => liaison.id);
      const people = new Set([...opdUserIds, ...(stageTellsLeaders(stage.stage) ? leadersAndDivision.map((person) => person.id) : [])]);
      for (const personId of people) duesByPerson.set(personId, [...(duesByPerson.get(personId) ?? []), { plan, stage }]);
    }
  }
  const people = await findActiveRecipients(ctx.db, { ids: [...duesByPerson.keys()] });
  const run: ReportReminderRun = { reminders: 0, people: 0, mails: 0 };
  const mailIds: string[] = [];
  for (const person of people) {
    const dues = duesByPerson.get(person.id) ?? [];
    await ctx.db.transaction(async (tx) => {
      const claimed = await repo.claimReminders(tx, { claims: dues.map((due) => ({ planId: due.plan.planId, period: due.stage.period, stage: due.stage.stage, userId: person.id })), now: ctx.now });
      const items = dues.filter((due) => claimed.some((claim) => claim.planId === due.plan.planId && claim.period === due.stage.period && claim.stage === due.stage.stage));
      const [first] = items;
      if (!first) return;
      const digest = digestOf(items, ctx.mail.publicUrl);
      // One notice per person and run: a liaison with ten plans gets one line in the bell, not ten.
      await notifyUsers({ db: tx, now: ctx.now }, { userIds: [person.id], notice: { kind: 'report_reminder', title: digest.subject, body: headlineOf(first.stage), link: REPORTS_LINK } });
      for (const item of items) {
        await recordAudit(tx, { actor: null, entity: 'activity_plan', entityId: item.plan.planId, action: item.stage.stage === 'overdue' ? 'report_overdue' : 'report_reminder', at: ctx.now, changes: [{ field: 'period', old: null, new: item.stage.period }, { field: 'userId', old: null, new: person.id }] });
      }
      mailIds.push(await queueMail({ ...ctx, db: tx }, { to: person.email, ...digest, entity: 'activity_plan', entityId: first.plan.planId }));
      run.reminders += items.length;
      run.people += 1;
      run.mails += 1;
    });
  }
  await deliverMail(ctx, mailIds);
  return run;
}
