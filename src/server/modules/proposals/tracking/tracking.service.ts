import type { z } from 'zod';
import {
  CLOSED_PROPOSAL_STATES,
  PUBLIC_MAX_UPLOAD_MB,
  type ConfirmProposalResponse,
  type ProposalDocumentView,
  type PublicProposalAccepted,
  type PublicProposalSchema,
} from '../../../../shared/proposals';
import type { Ctx } from '../../../lib/context';
import { PROCEDURE_DOC_TYPE_LABELS } from '../../../../shared/procedures';
import type { Db } from '../../../db/client';
import { AppError, notFound } from '../../../lib/errors';
import type { ReceivedUpload, UploadLimit } from '../../../lib/multipart';
import { deliverMail, queueMail } from '../../mail/mail.service';
import { findRecipients, notifyUsers } from '../../notifications/notifications.service';
import { missingDocuments } from '../../procedures/procedures.rules';
import { loadProcedure } from '../../procedures/procedures.service';
import { storeProposalDocument, uploadLimit } from '../documents/documents.service';
import { issueLink, markLinkUsed, resolveLink, revokeLinks } from './tracking-links.service';
import { isSameProposal, RESUBMISSION_WINDOW_DAYS } from './resubmission.rules';
import { publicLink, staffLink } from '../core/proposals.notices';
import { divisionRoles } from '../core/proposals.policy';
import { announceTransition } from '../transitions/transitions.notices';
import { machineFacts } from '../core/proposals.views';
import { applyTransition, type TransitionActor } from '../transitions/transitions.service';
import * as repo from '../core/proposals.repository';
import { checkProposalReferences, checkProposalTerm, closedProposal, insertDraftProposal, PROPOSAL_WHAT } from '../core/proposals.service';
import { isUniqueViolation } from '../../../db/unique-violation';

type PublicData = z.output<typeof PublicProposalSchema>;

function accepted(row: repo.ProposalRow): PublicProposalAccepted {
  if (row.emailConfirmedAt) {
    return { trackingCode: row.trackingCode, state: 'terkonfirmasi', isResubmission: false, message: 'Usulan ini sudah diterima dan dikonfirmasi.', messageEn: 'This proposal has already been received and confirmed.' };
  }
  return {
    trackingCode: row.trackingCode,
    state: 'menunggu_konfirmasi',
    isResubmission: false,
    message: 'Usulan diterima. Buka tautan konfirmasi yang kami kirim ke e-mail Anda agar usulan masuk antrean.',
    messageEn: 'Proposal received. Open the confirmation link we sent to your e-mail so that it enters the queue.',
  };
}

function initiatorLabel(row: Pick<repo.ProposalRow, 'externalInstitution'>): string {
  return `pemrakarsa: ${row.externalInstitution ?? 'luar'}`;
}

function isIdempotencyClash(error: unknown): boolean {
  return isUniqueViolation(error, 'proposals_idempotency_key_unique');
}

function confirmationMailOf(ctx: Pick<Ctx, 'mail'>, { row, token }: { row: repo.ProposalRow; token: string }) {
  const text = [
    `Yth. ${row.externalContactName ?? ''},`,
    '',
    `Usulan kerja sama "${row.title}" dari ${row.externalInstitution ?? ''} telah kami terima dengan kode ${row.trackingCode}.`,
    'Agar usulan masuk antrean Bagian Kerja Sama, konfirmasikan alamat e-mail Anda melalui tautan berikut (berlaku 48 jam):',
    publicLink(ctx, { page: 'konfirmasi', token }),
    '',
    'Abaikan e-mail ini bila Anda tidak mengirim usulan tersebut.',
    '',
    `(EN) Confirm your e-mail within 48 hours to submit proposal ${row.trackingCode}: open the link above.`,
  ].join('\n');
  return { to: row.externalEmail ?? '', subject: `Konfirmasi usulan kerja sama ${row.trackingCode}`, text, entity: 'proposal', entityId: row.id };
}

async function createFromForm(ctx: Ctx, input: PublicData): Promise<{ row: repo.ProposalRow; mailIds: string[] }> {
  const { initiator, idempotencyKey, website: _website, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const by: TransitionActor = { actor: null, label: `pemrakarsa: ${initiator.institution}` };
    const row = await insertDraftProposal(tx, { fields, initiator: { initiatorType: 'external', unitId: null, external: initiator }, by, idempotencyKey, now: ctx.now });
    const { token } = await issueLink({ ...ctx, db: tx }, { proposalId: row.id, purpose: 'confirm' });
    const mailId = await queueMail({ ...ctx, db: tx }, confirmationMailOf(ctx, { row, token }));
    return { row, mailIds: [mailId] };
  });
}

// The same sender's open proposal that this form repeats, if any (resubmission.rules.ts).
async function findResubmitted(ctx: Ctx, input: PublicData): Promise<repo.ProposalRow | undefined> {
  const since = new Date(ctx.now.getTime() - RESUBMISSION_WINDOW_DAYS * 86_400_000);
  const candidates = await repo.findOpenFromSender(ctx.db, { email: input.initiator.email, since });
  return candidates.find((row) => isSameProposal(row, input));
}

// A repeated form adds no proposal. If the first is still unconfirmed, its confirmation link is
// sent again (a new one: the first may have expired or be lost), and only that one works.
async function answerResubmission(ctx: Ctx, earlier: repo.ProposalRow): Promise<PublicProposalAccepted> {
  if (earlier.emailConfirmedAt) {
    return {
      trackingCode: earlier.trackingCode,
      state: 'terkonfirmasi',
      isResubmission: true,
      message: `Usulan ini sudah kami terima sebelumnya dengan kode ${earlier.trackingCode} dan sudah masuk antrean; tidak ada usulan baru yang dibuat. Ikuti prosesnya melalui tautan pelacakan yang dikirim ke e-mail Anda.`,
      messageEn: `We already received this proposal as ${earlier.trackingCode} and it is in the queue; no new proposal was made. Follow it through the tracking link sent to your e-mail.`,
    };
  }
  const mailIds = await ctx.db.transaction(async (tx) => {
    await revokeLinks({ ...ctx, db: tx }, { proposalId: earlier.id, purpose: 'confirm' });
    const { token } = await issueLink({ ...ctx, db: tx }, { proposalId: earlier.id, purpose: 'confirm' });
    await repo.insertEvent(tx, { proposalId: earlier.id, at: ctx.now, action: 'confirmation_resent', actorId: null, actorLabel: initiatorLabel(earlier) });
    return [await queueMail({ ...ctx, db: tx }, confirmationMailOf(ctx, { row: earlier, token }))];
  });
  await deliverMail(ctx, mailIds);
  return {
    trackingCode: earlier.trackingCode,
    state: 'menunggu_konfirmasi',
    isResubmission: true,
    message: `Usulan ini sudah kami terima sebelumnya dengan kode ${earlier.trackingCode}; tidak ada usulan baru yang dibuat. Tautan konfirmasi yang baru telah kami kirim lagi ke e-mail Anda.`,
    messageEn: `We already received this proposal as ${earlier.trackingCode}; no new proposal was made. A new confirmation link was sent to your e-mail.`,
  };
}

// The public form: a robot that fills the hidden field learns nothing; the same form sent twice is one
// proposal; nothing enters the queue before the e-mail address is confirmed.
export async function submitPublicProposal(ctx: Ctx, input: PublicData): Promise<PublicProposalAccepted> {
  if (input.website && input.website.trim() !== '') {
    throw new AppError({ code: 'VALIDATION', message: 'Permintaan tidak dapat diproses.', messageEn: 'The request cannot be processed.' });
  }
  const earlier = await repo.findByIdempotencyKey(ctx.db, input.idempotencyKey);
  if (earlier) return accepted(earlier);
  const repeated = await findResubmitted(ctx, input);
  if (repeated) return answerResubmission(ctx, repeated);
  await checkProposalReferences(ctx, input);
  await checkProposalTerm(ctx.db, input);
  try {
    const { row, mailIds } = await createFromForm(ctx, input);
    await deliverMail(ctx, mailIds);
    return accepted(row);
  } catch (error) {
    // Two copies of one form racing: the unique key lets one through; the other answers like it.
    const raced = isIdempotencyClash(error) ? await repo.findByIdempotencyKey(ctx.db, input.idempotencyKey) : undefined;
    if (raced) return accepted(raced);
    throw error;
  }
}

function alreadyConfirmed(): AppError {
  return new AppError({
    code: 'CONFLICT',
    message: 'Usulan ini sudah dikonfirmasi. Tautan pelacakan telah dikirim ke e-mail Anda.',
    messageEn: 'This proposal is already confirmed. The tracking link was sent to your e-mail.',
    details: { reason: 'used' },
  });
}

export async function confirmPublicProposal(ctx: Ctx, token: string): Promise<ConfirmProposalResponse> {
  const { response, mailIds } = await ctx.db.transaction(async (tx) => {
    const link = await resolveLink({ ...ctx, db: tx }, { token, purpose: 'confirm', lock: true });
    if (link.usedAt) throw alreadyConfirmed();
    // Reached through the initiator's private link, checked just above.
    // eslint-disable-next-line no-restricted-syntax
    const before = await repo.lockProposal(tx, link.proposalId);
    if (!before) throw notFound(...PROPOSAL_WHAT);
    await markLinkUsed({ ...ctx, db: tx }, { linkId: link.id });
    const by: TransitionActor = { actor: null, label: initiatorLabel(before) };
    const extraPatch = { emailConfirmedAt: ctx.now };
    const { row } = await applyTransition(tx, { before, action: 'submit', note: null, version: before.version, now: ctx.now, by, extraPatch });
    const notices = await announceTransition({ ...ctx, db: tx }, { row, action: 'submit', note: null, by });
    const tracking = await issueLink({ ...ctx, db: tx }, { proposalId: row.id, purpose: 'track' });
    const trackingMail = await queueMail({ ...ctx, db: tx }, trackingMailOf(ctx, { row, token: tracking.token }));
    const confirmed = { trackingCode: row.trackingCode, trackingToken: tracking.token, trackingExpiresAt: tracking.expiresAt.toISOString() };
    return { response: confirmed, mailIds: [...notices, trackingMail] };
  });
  await deliverMail(ctx, mailIds);
  return response;
}

export function trackingMailOf(ctx: Pick<Ctx, 'mail'>, { row, token }: { row: repo.ProposalRow; token: string }) {
  const text = [
    `Yth. ${row.externalContactName ?? row.externalInstitution ?? ''},`,
    '',
    `Usulan kerja sama "${row.title}" (kode ${row.trackingCode}) telah masuk antrean Bagian Kerja Sama.`,
    'Ikuti statusnya, baca permintaan kami dan unggah dokumen yang diminta melalui tautan pribadi berikut. Jangan bagikan tautan ini:',
    publicLink(ctx, { page: 'lacak', token }),
    '',
    `(EN) Follow proposal ${row.trackingCode} and upload what is asked through the private link above. Do not share it.`,
  ].join('\n');
  return { to: row.externalEmail ?? '', subject: `Tautan pelacakan usulan ${row.trackingCode}`, text, entity: 'proposal', entityId: row.id };
}

export type TrackingUpload = { proposalId: string; limit: UploadLimit; label: string };

// Checked before the body is read: a dead link or a closed proposal costs no upload.
export async function prepareTrackingUpload(ctx: Ctx, token: string): Promise<TrackingUpload> {
  const link = await resolveLink(ctx, { token, purpose: 'track' });
  // Reached through the initiator's private link, checked just above.
  // eslint-disable-next-line no-restricted-syntax
  const row = await repo.findProposal(ctx.db, link.proposalId);
  if (!row) throw notFound(...PROPOSAL_WHAT);
  if (CLOSED_PROPOSAL_STATES.includes(row.state)) throw closedProposal();
  return { proposalId: row.id, limit: await uploadLimit(ctx.db, PUBLIC_MAX_UPLOAD_MB), label: initiatorLabel(row) };
}

export async function uploadViaTracking(ctx: Ctx, { token, prepared, upload }: { token: string; prepared: TrackingUpload; upload: ReceivedUpload }): Promise<ProposalDocumentView> {
  return storeProposalDocument(ctx, {
    proposalId: prepared.proposalId,
    upload,
    limit: prepared.limit,
    by: { actor: null, label: prepared.label },
    async onStored(tx, proposal, document) {
      // Revoked while the file was on its way: nothing is kept.
      await resolveLink({ ...ctx, db: tx }, { token, purpose: 'track' });
      const admins = await findRecipients(tx, { roles: divisionRoles() });
      const notice = { kind: 'proposal_document', title: `Dokumen baru untuk usulan ${proposal.trackingCode}`, body: `${document.docType} versi ${document.versionNo}: ${document.fileName}`, link: staffLink(proposal.id), entity: 'proposal', entityId: proposal.id };
      await notifyUsers({ db: tx, now: ctx.now }, { userIds: admins, notice });
    },
  });
}

// The timeline tells the division the initiator resubmitted, and through which door.
function resubmitLabel(row: Pick<repo.ProposalRow, 'externalInstitution'>): string {
  return `${initiatorLabel(row)} (tautan pelacakan)`;
}

// A second copy of the same resubmission (a double click, a retried request) finds the proposal
// already moving again because of this link, after the division's last request: it changes nothing.
async function isResubmittedThroughLink(db: Db, row: repo.ProposalRow): Promise<boolean> {
  if (row.state !== 'aktif') return false;
  const events = await repo.listEventsOf(db, row.id);
  const lastRequest = events.filter((event) => event.action === 'send_back').at(-1);
  if (!lastRequest) return false;
  return events.some((event) => event.action === 'resume' && event.actorId === null && event.at >= lastRequest.at);
}

// The stage's documents must all be there before the proposal goes back to the division.
async function assertRevisionComplete(db: Db, row: repo.ProposalRow): Promise<void> {
  const procedure = await loadProcedure(db, row.kind);
  const stage = procedure.stages.find((candidate) => candidate.code === row.stageCode);
  if (!stage) return;
  const present = await repo.presentDocTypes(db, row.id);
  const missing = missingDocuments(stage, machineFacts(row, { procedure, documents: present.map((docType) => ({ docType })) }));
  if (missing.length === 0) return;
  const names = missing.map((type) => PROCEDURE_DOC_TYPE_LABELS[type].id).join(', ');
  const namesEn = missing.map((type) => PROCEDURE_DOC_TYPE_LABELS[type].en).join(', ');
  throw new AppError({
    code: 'CONFLICT',
    message: `Usulan belum dapat dikirim ulang. Unggah dulu dokumen yang masih diperlukan: ${names}.`,
    messageEn: `The proposal cannot be resubmitted yet. First upload the documents still needed: ${namesEn}.`,
    details: { reason: 'missing_documents', missingDocTypes: missing },
  });
}

// The initiator resubmits a proposal sent back for revision: the same resume the division takes,
// under the proposal's row lock, announced to the division as when an OPD resumes its own.
export async function resubmitViaTracking(ctx: Ctx, { token, note }: { token: string; note: string | null }): Promise<void> {
  const mailIds = await ctx.db.transaction(async (tx) => {
    const link = await resolveLink({ ...ctx, db: tx }, { token, purpose: 'track' });
    // Reached through the initiator's private link, checked just above.
    // eslint-disable-next-line no-restricted-syntax
    const before = await repo.lockProposal(tx, link.proposalId);
    if (!before) throw notFound(...PROPOSAL_WHAT);
    if (await isResubmittedThroughLink(tx, before)) return [];
    // Any other state is refused below by the state machine, with its reason.
    if (before.state === 'dikembalikan') await assertRevisionComplete(tx, before);
    const by: TransitionActor = { actor: null, label: resubmitLabel(before) };
    const { row } = await applyTransition(tx, { before, action: 'resume', note, version: before.version, now: ctx.now, by });
    return announceTransition({ ...ctx, db: tx }, { row, action: 'resume', note, by });
  });
  await deliverMail(ctx, mailIds);
}
