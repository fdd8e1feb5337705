import { localDate, type Ctx } from '../../lib/context';
import { recordAudit } from '../audit/audit.service';
import { ensureHealthFresh } from '../agreement-health/agreement-health.service';
import { deliverMail, queueMail } from '../mail/mail.service';
import { plansAwaitingReport } from '../realisation/realisation.service';
import { reminderStagesOn } from '../realisation/report-reminders.rules';
import { extensionLetterDueOn } from '../renewal/renewal.rules';
import { getSettings } from '../settings/settings.service';
import { findActiveRecipients } from '../users/users.service';
import { decideDigest, DIGEST_ENDING_MONTHS, DIGEST_SECTION_LIMIT, monthRange, monthsAfter, type DigestDecision } from './digest.rules';
import * as repo from './digest.repository';
import { digestMail, type DigestContent, type DigestItem, type DigestSection } from './digest.views';

export { digestMail } from './digest.views';

export type DigestRecipient = { name: string; email: string };
export type DigestRun = { decision: DigestDecision; recipients: DigestRecipient[]; content: DigestContent | null; mails: number };

const agreementUrl = (publicUrl: string, id: string) => `${publicUrl}/app/agreements/${id}`;

function itemsOf(list: repo.DigestList, publicUrl: string, detailOf: (row: repo.DigestAgreementRow) => DigestItem['facts']): { total: number; items: DigestItem[] } {
  return {
    total: list.total,
    items: list.rows.map((row) => ({ title: row.title, number: row.numberOurs, partner: row.partnerName, unit: row.unitName, facts: detailOf(row), url: agreementUrl(publicUrl, row.id) })),
  };
}

// The realisation reports of the last monitoring period whose window has closed, still not sent:
// what the report reminders escalate to the pimpinan, one line per agreement.
async function overdueSection(ctx: Pick<Ctx, 'db' | 'mail'>, on: string): Promise<DigestSection> {
  const { reportCloseDays } = await getSettings(ctx.db);
  const overdue = reminderStagesOn(on, reportCloseDays).find((stage) => stage.stage === 'overdue');
  const plans = overdue ? (await plansAwaitingReport(ctx, { period: overdue.period, unitId: null, limit: null })).rows : [];
  const byAgreement = new Map<string, typeof plans>();
  for (const plan of plans) byAgreement.set(plan.agreementId, [...(byAgreement.get(plan.agreementId) ?? []), plan]);
  const items = [...byAgreement.entries()].slice(0, DIGEST_SECTION_LIMIT).map(([agreementId, rows]): DigestItem => {
    const first = rows[0];
    const units = [...new Set(rows.map((row) => row.unitName))].join(', ');
    return {
      title: first?.agreementTitle ?? '',
      number: first?.numberOurs ?? null,
      partner: null,
      unit: units,
      facts: [{ kind: 'overdue', plans: rows.length, period: overdue?.period ?? '', closedOn: overdue?.closesOn ?? '' }],
      url: agreementUrl(ctx.mail.publicUrl, agreementId),
    };
  });
  return { key: 'overdue', total: byAgreement.size, items };
}

// What the digest of `month` says, read on `on` (the day it is sent): the month's signings and
// starts, and as of `on` the dormant agreements, those ending within six months, and the overdue
// realisation reports.
export async function composeDigest(ctx: Pick<Ctx, 'db' | 'mail' | 'now'>, input: { month: string }): Promise<DigestContent> {
  const on = localDate(ctx.now);
  const { from, to } = monthRange(input.month);
  const limit = DIGEST_SECTION_LIMIT;
  const url = ctx.mail.publicUrl;
  await ensureHealthFresh(ctx);
  const [signed, started, dormant, ending] = await Promise.all([
    repo.selectSignedBetween(ctx.db, { from, to, limit }),
    repo.selectStartedBetween(ctx.db, { from, to, limit }),
    repo.selectDormant(ctx.db, { limit }),
    repo.selectEndingBetween(ctx.db, { on, until: monthsAfter(on, DIGEST_ENDING_MONTHS), limit }),
  ]);
  const sections: DigestSection[] = [
    { key: 'signed', ...itemsOf(signed, url, (row) => (row.signedOn ? [{ kind: 'signed', on: row.signedOn }] : [])) },
    { key: 'started', ...itemsOf(started, url, (row) => (row.startsOn ? [{ kind: 'started', on: row.startsOn, endsOn: row.endsOn }] : [])) },
    { key: 'dormant', ...itemsOf(dormant, url, () => []) },
    {
      key: 'ending',
      ...itemsOf(ending, url, (row) => {
        const letterBy = extensionLetterDueOn({ kind: row.kind, endsOn: row.endsOn });
        return [{ kind: 'ending', endsOn: row.endsOn ?? '', decision: row.decision, letterBy }];
      }),
    },
    await overdueSection(ctx, on),
  ];
  return { month: input.month, on, sections, registerUrl: `${url}/app/agreements` };
}

// Queues one mail per pimpinan and delivers them after the commit; the month is claimed in the
// same transaction, so a second run (a restart, another process) finds it taken and sends nothing.
async function sendMonth(ctx: Ctx, input: { month: string; content: DigestContent; recipients: DigestRecipient[] }): Promise<number> {
  // Nobody to tell yet: the month stays open, and a pimpinan account made later this month gets it.
  if (input.recipients.length === 0) return 0;
  const mail = digestMail(input.content);
  const mailIds: string[] = [];
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.claimMonth(tx, { month: input.month, status: 'sent', recipients: input.recipients.length, createdAt: ctx.now }))) return;
    for (const person of input.recipients) {
      mailIds.push(await queueMail({ ...ctx, db: tx }, { to: person.email, ...mail, entity: 'digest', entityId: input.month }));
    }
    await recordAudit(tx, { actor: null, entity: 'digest', entityId: input.month, action: 'digest_sent', at: ctx.now, changes: [{ field: 'recipients', old: null, new: input.recipients.length }] });
  });
  await deliverMail(ctx, mailIds);
  return mailIds.length;
}

async function pimpinan(ctx: Pick<Ctx, 'db'>): Promise<DigestRecipient[]> {
  const people = await findActiveRecipients(ctx.db, { roles: ['pimpinan'] });
  return people.filter((person) => person.email.includes('@')).map((person) => ({ name: person.name, email: person.email }));
}

// The hourly check (and `npm run jalin -- digest`): sends the month that is due, once.
export async function runMonthlyDigest(ctx: Ctx, options: { dryRun?: boolean } = {}): Promise<DigestRun> {
  const on = localDate(ctx.now);
  const { digestEnabled, digestDay } = await getSettings(ctx.db);
  const baseline = await repo.selectBaseline(ctx.db);
  const probe = decideDigest({ on, digestDay, isEnabled: digestEnabled, baseline, isDueMonthRecorded: false });
  const isDueMonthRecorded = probe.action === 'send' ? (await repo.selectRunStatus(ctx.db, probe.month)) !== null : false;
  const decision = decideDigest({ on, digestDay, isEnabled: digestEnabled, baseline, isDueMonthRecorded });
  if (decision.action === 'baseline') {
    if (!options.dryRun) await repo.claimMonth(ctx.db, { month: decision.month, status: 'baseline', createdAt: ctx.now });
    return { decision, recipients: [], content: null, mails: 0 };
  }
  if (decision.action === 'none') return { decision, recipients: [], content: null, mails: 0 };
  return sendDigestOf(ctx, { month: decision.month, dryRun: options.dryRun ?? false, decision });
}

// A month named by the division (`digest --month`): sent now whatever the day, the setting or the
// baseline, but still once — a month already sent is not sent again.
export async function sendDigestFor(ctx: Ctx, input: { month: string; dryRun: boolean }): Promise<DigestRun> {
  const decision: DigestDecision = (await repo.selectRunStatus(ctx.db, input.month)) === 'sent' ? { action: 'none', reason: 'already_sent' } : { action: 'send', month: input.month };
  if (decision.action === 'none') return { decision, recipients: await pimpinan(ctx), content: await composeDigest(ctx, input), mails: 0 };
  return sendDigestOf(ctx, { month: input.month, dryRun: input.dryRun, decision });
}

async function sendDigestOf(ctx: Ctx, input: { month: string; dryRun: boolean; decision: DigestDecision }): Promise<DigestRun> {
  const recipients = await pimpinan(ctx);
  const content = await composeDigest(ctx, { month: input.month });
  if (input.dryRun) return { decision: input.decision, recipients, content, mails: 0 };
  const mails = await sendMonth(ctx, { month: input.month, content, recipients });
  return { decision: input.decision, recipients, content, mails };
}
