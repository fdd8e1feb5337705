import type { ProposalAction } from '../../../../shared/proposals';
import { queueMail, type MailCtx } from '../../mail/mail.service';
import { findRecipients, notifyUsers } from '../../notifications/notifications.service';
import { loadProcedure } from '../../procedures/procedures.service';
import { staffLink } from '../core/proposals.notices';
import { actsForDivision, divisionRoles } from '../core/proposals.policy';
import type { ProposalRow } from '../core/proposals.repository';
import { announceTierOpen } from '../reviews/reviews.notices';
import * as reviewRepo from '../reviews/reviews.repository';
import type { TransitionActor } from './transitions.service';

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

// Whoever did not act hears of it: the division when the initiator acts, the initiating OPD when the
// division acts; an outside initiator by e-mail. Written in the caller's transaction; returns mail ids.
export async function announceTransition(
  ctx: MailCtx,
  options: { row: ProposalRow; action: ProposalAction; note: string | null; by: TransitionActor },
): Promise<string[]> {
  const { db, now } = ctx;
  const { row, action, note, by } = options;
  const procedure = await loadProcedure(db, row.kind);
  const stageName = procedure.stages.find((stage) => stage.code === row.stageCode)?.name ?? row.stageCode;
  const [word, wordEn] = ACTION_WORDS[action];
  const byDivision = actsForDivision(by.actor);
  const recipients = byDivision
    ? await findRecipients(db, { unitId: row.initiatorType === 'opd' ? row.unitId : null })
    : await findRecipients(db, { roles: divisionRoles() });
  const body = [row.title, `Tahap: ${stageName}`, ...(note ? [`Catatan: ${note}`] : [])].join('\n');
  await notifyUsers(
    { db, now },
    {
      userIds: recipients.filter((id) => id !== by.actor?.id),
      notice: { kind: `proposal_${action}`, title: `Usulan ${row.trackingCode} ${word}`, body, link: staffLink(row.id), entity: 'proposal', entityId: row.id },
    },
  );
  // A resumed proposal reopens its TKKSD review for a new round: the open tier hears of it.
  const reviewMail = action === 'resume' ? await announceReopenedReview(ctx, { row }) : [];
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
  const id = await queueMail(ctx, { to: row.externalEmail, subject: `Usulan ${row.trackingCode}: ${word}`, text, entity: 'proposal', entityId: row.id });
  return [id, ...reviewMail];
}

async function announceReopenedReview(ctx: MailCtx, options: { row: ProposalRow }): Promise<string[]> {
  const review = await reviewRepo.findReview(ctx.db, { proposalId: options.row.id, stageCode: options.row.stageCode });
  if (review?.status !== 'berjalan') return [];
  const reviewers = await reviewRepo.activeTierReviewers(ctx.db, { reviewId: review.id, tierPosition: review.currentTier });
  return announceTierOpen(ctx, { ...options, tier: review.currentTier, round: review.round, reviewers });
}
