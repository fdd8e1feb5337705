import { queueMail, type MailCtx } from '../../mail/mail.service';
import { findRecipients, notifyUsers } from '../../notifications/notifications.service';
import { staffLink } from '../core/proposals.notices';
import { divisionRoles } from '../core/proposals.policy';
import type { ProposalRow } from '../core/proposals.repository';
import type { PersonRow } from './reviews.repository';

// A tier opens: its reviewers are asked, in the app and by e-mail. Returns mail ids.
export async function announceTierOpen(
  ctx: MailCtx,
  options: { row: ProposalRow; tier: number; round: number; reviewers: readonly PersonRow[] },
): Promise<string[]> {
  const { db, mail, now } = ctx;
  const { row, tier, round, reviewers } = options;
  const title = `Usulan ${row.trackingCode} menunggu tinjauan Anda`;
  const body = [row.title, `Tingkat ${String(tier)}, putaran ${String(round)}`].join('\n');
  await notifyUsers({ db, now }, { userIds: reviewers.map((person) => person.id), notice: { kind: 'proposal_review_open', title, body, link: staffLink(row.id), entity: 'proposal', entityId: row.id } });
  const ids: string[] = [];
  for (const person of reviewers) {
    const text = [
      `Yth. ${person.name},`,
      '',
      `Usulan kerja sama "${row.title}" (kode ${row.trackingCode}) menunggu tinjauan Anda sebagai anggota TKKSD (tingkat ${String(tier)}).`,
      'Setujui, minta perbaikan, atau tolak melalui Jalin:',
      `${mail.publicUrl}${staffLink(row.id)}`,
      '',
      `(EN) Proposal ${row.trackingCode} awaits your review (tier ${String(tier)}).`,
    ].join('\n');
    ids.push(await queueMail(ctx, { to: person.email, subject: title, text, entity: 'proposal', entityId: row.id }));
  }
  return ids;
}

export type ReviewOutcome = 'passed' | 'passed_awaiting_documents' | 'revision_requested' | 'rejected';

const OUTCOME_WORDS: Record<ReviewOutcome, [string, string]> = {
  passed: ['disetujui TKKSD dan berlanjut ke tahap berikutnya', 'approved by the TKKSD and moved to the next stage'],
  passed_awaiting_documents: ['disetujui TKKSD; tahap ditutup setelah dokumen lengkap', 'approved by the TKKSD; the stage closes once its documents are complete'],
  revision_requested: ['dikembalikan TKKSD untuk diperbaiki', 'sent back by the TKKSD for revision'],
  rejected: ['ditolak TKKSD', 'rejected by the TKKSD'],
};

// The review's outcome reaches the division and the initiator (the OPD in the app, an outside
// initiator by e-mail). Returns mail ids.
export async function announceReviewOutcome(
  ctx: MailCtx,
  options: { row: ProposalRow; outcome: ReviewOutcome; note: string | null; byUserId: string },
): Promise<string[]> {
  const { db, now } = ctx;
  const { row, outcome, note } = options;
  const [word, wordEn] = OUTCOME_WORDS[outcome];
  const recipients = await findRecipients(db, { roles: divisionRoles(), unitId: row.initiatorType === 'opd' ? row.unitId : null });
  const body = [row.title, ...(note ? [`Catatan TKKSD: ${note}`] : [])].join('\n');
  const notice = { kind: `proposal_review_${outcome}`, title: `Usulan ${row.trackingCode} ${word}`, body, link: staffLink(row.id), entity: 'proposal', entityId: row.id };
  await notifyUsers({ db, now }, { userIds: recipients.filter((id) => id !== options.byUserId), notice });
  if (row.initiatorType !== 'external' || !row.externalEmail) return [];
  const text = [
    `Yth. ${row.externalContactName ?? row.externalInstitution ?? ''},`,
    '',
    `Usulan kerja sama "${row.title}" (kode ${row.trackingCode}) ${word}.`,
    ...(note ? ['', `Catatan TKKSD: ${note}`] : []),
    '',
    'Ikuti perkembangannya dan unggah dokumen yang diminta melalui tautan pelacakan pribadi yang telah kami kirimkan.',
    '',
    `(EN) Your cooperation proposal ${row.trackingCode} was ${wordEn}.`,
  ].join('\n');
  return [await queueMail(ctx, { to: row.externalEmail, subject: `Usulan ${row.trackingCode}: ${word}`, text, entity: 'proposal', entityId: row.id })];
}
