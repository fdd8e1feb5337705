import type { ProposalAction } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import { queueMail, type MailSettings } from '../../mail/mail.service';
import { findRecipients, notifyUsers } from '../../notifications/notifications.service';
import { loadProcedure } from '../../procedures/procedures.service';
import * as reviewRepo from '../reviews/reviews.repository';
import type { TransitionActor } from '../transitions/transitions.service';
import type { ProposalRow } from './proposals.repository';

const ACTION_WORDS: Record<ProposalAction, [string, string]> = {
  submit: ['diajukan', 'submitted'],
  validate: ['divalidasi', 'validated'],
  advance: ['berlanjut ke tahap berikutnya', 'moved to the next stage'],
  send_back: ['dikembalikan untuk diperbaiki', 'sent back for revision'],
  resume: ['dilanjutkan kembali', 'resumed'],
  reject: ['ditolak', 'rejected'],
  withdraw: ['dibatalkan', 'withdrawn'],
  register: ['terdaftar', 'registered'],
};

export function staffLink(proposalId: string): string {
  return `/app/proposals/${proposalId}`;
}

// The token travels in the fragment, which browsers never send to a server, so no log ever holds it.
export function publicLink(mail: MailSettings, page: 'konfirmasi' | 'lacak', token: string): string {
  return `${mail.publicUrl}/usulan/${page}#${token}`;
}

// Whoever did not act hears of it: the division when the initiator acts, the initiating OPD when the
// division acts; an outside initiator by e-mail. Written in the caller's transaction; returns mail ids.
export async function announceTransition(
  db: Db,
  mail: MailSettings,
  options: { row: ProposalRow; action: ProposalAction; note: string | null; by: TransitionActor; now: Date },
): Promise<string[]> {
  const { row, action, note, by, now } = options;
  const procedure = await loadProcedure(db, row.kind);
  const stageName = procedure.stages.find((stage) => stage.code === row.stageCode)?.name ?? row.stageCode;
  const [word, wordEn] = ACTION_WORDS[action];
  const byDivision = by.actor?.role === 'admin';
  const recipients = byDivision
    ? await findRecipients(db, { unitId: row.initiatorType === 'opd' ? row.unitId : null })
    : await findRecipients(db, { roles: ['admin'] });
  const body = [row.title, `Tahap: ${stageName}`, ...(note ? [`Catatan: ${note}`] : [])].join('\n');
  await notifyUsers(
    db,
    recipients.filter((id) => id !== by.actor?.id),
    { kind: `proposal_${action}`, title: `Usulan ${row.trackingCode} ${word}`, body, link: staffLink(row.id), entity: 'proposal', entityId: row.id },
    now,
  );
  // A resumed proposal reopens its TKKSD review for a new round: the open tier hears of it.
  const reviewMail = action === 'resume' ? await announceReopenedReview(db, mail, { row, now }) : [];
  if (row.initiatorType !== 'external' || !row.externalEmail || !byDivision) return reviewMail;
  const text = [
    `Yth. ${row.externalContactName ?? row.externalInstitution ?? ''},`,
    '',
    `Usulan kerja sama "${row.title}" (kode ${row.trackingCode}) ${word}.`,
    `Tahap saat ini: ${stageName}.`,
    ...(note ? ['', `Catatan Bagian Kerja Sama: ${note}`] : []),
    '',
    'Ikuti perkembangannya dan unggah dokumen yang diminta melalui tautan pelacakan pribadi yang telah kami kirimkan.',
    '',
    `(EN) Your cooperation proposal ${row.trackingCode} was ${wordEn}.`,
  ].join('\n');
  const id = await queueMail(db, mail, { to: row.externalEmail, subject: `Usulan ${row.trackingCode}: ${word}`, text, entity: 'proposal', entityId: row.id }, now);
  return [id, ...reviewMail];
}

// ——— TKKSD review ———

// A tier opens: its reviewers are asked, in the app and by e-mail. Returns mail ids.
export async function announceTierOpen(
  db: Db,
  mail: MailSettings,
  options: { row: ProposalRow; tier: number; round: number; reviewers: readonly reviewRepo.PersonRow[]; now: Date },
): Promise<string[]> {
  const { row, tier, round, reviewers, now } = options;
  const title = `Usulan ${row.trackingCode} menunggu tinjauan Anda`;
  const body = [row.title, `Tingkat ${String(tier)}, putaran ${String(round)}`].join('\n');
  await notifyUsers(db, reviewers.map((person) => person.id), { kind: 'proposal_review_open', title, body, link: staffLink(row.id), entity: 'proposal', entityId: row.id }, now);
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
    ids.push(await queueMail(db, mail, { to: person.email, subject: title, text, entity: 'proposal', entityId: row.id }, now));
  }
  return ids;
}

async function announceReopenedReview(db: Db, mail: MailSettings, options: { row: ProposalRow; now: Date }): Promise<string[]> {
  const review = await reviewRepo.findReview(db, options.row.id, options.row.stageCode);
  if (review?.status !== 'berjalan') return [];
  const reviewers = await reviewRepo.activeTierReviewers(db, review.id, review.currentTier);
  return announceTierOpen(db, mail, { ...options, tier: review.currentTier, round: review.round, reviewers });
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
  db: Db,
  mail: MailSettings,
  options: { row: ProposalRow; outcome: ReviewOutcome; note: string | null; byUserId: string; now: Date },
): Promise<string[]> {
  const { row, outcome, note, now } = options;
  const [word, wordEn] = OUTCOME_WORDS[outcome];
  const recipients = await findRecipients(db, { roles: ['admin'], unitId: row.initiatorType === 'opd' ? row.unitId : null });
  const body = [row.title, ...(note ? [`Catatan TKKSD: ${note}`] : [])].join('\n');
  const notice = { kind: `proposal_review_${outcome}`, title: `Usulan ${row.trackingCode} ${word}`, body, link: staffLink(row.id), entity: 'proposal', entityId: row.id };
  await notifyUsers(db, recipients.filter((id) => id !== options.byUserId), notice, now);
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
  return [await queueMail(db, mail, { to: row.externalEmail, subject: `Usulan ${row.trackingCode}: ${word}`, text, entity: 'proposal', entityId: row.id }, now)];
}
