import { eq } from 'drizzle-orm';
import {
  CreateSigningSchema,
  DRAFT_TYPE_LABELS,
  UpdateSigningSchema,
  type CreateSigningInput,
  type SigningView,
  type UpdateSigningInput,
} from '../../../../shared/proposal-signing';
import type { ProcedureView } from '../../../../shared/procedures';
import type { Db } from '../../../db/client';
import type { ActorCtx } from '../../../lib/context';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { diffFields, recordAudit } from '../../audit/audit.service';
import { deliverMail } from '../../mail/mail.service';
import { parseInput } from '../../agreements/agreements.rules';
import { loadProcedure } from '../../procedures/procedures.service';
import { announceSigning } from './signing.notices';
import { canReadSignings, canRecordSigningCheck, canScheduleSigning } from './signing.policy';
import * as signingRepo from './signing.repository';
import { checkSchedulingAllowed, checkTypeFitsKind, placeOf, SIGNING_STAGES } from './signing.rules';
import { proposalSignings } from './signing.table';
import * as repo from '../core/proposals.repository';
import { loadReadableProposal } from '../core/proposals-access.service';

export const SIGNING_WHAT: [string, string] = ['Penandatanganan', 'Signing'];
const CHECK_FIELDS = ['parafEveryPage', 'meterai', 'sealEveryCopy'] as const;
const SCHEDULE_FIELDS = ['mode', 'scheduledOn', 'place', 'note'] as const;

export const isCheckComplete = (row: signingRepo.SigningRow) => row.parafEveryPage && row.meterai && row.sealEveryCopy;

function blockersOf(row: signingRepo.SigningRow, proposal: repo.ProposalRow, procedure: ProcedureView, signed: signingRepo.SignedDocumentRow | undefined): SigningView['blockers'] {
  if (row.agreementId) return [{ code: 'registered', message: 'Naskah sudah terdaftar.', messageEn: 'The document is already registered.' }];
  const blockers: SigningView['blockers'] = [];
  if (!isCheckComplete(row)) {
    blockers.push({ code: 'check_incomplete', message: 'Pemeriksaan paraf, meterai dan cap belum lengkap.', messageEn: 'The check of initials, duty stamp and seal is not complete.' });
  }
  if (!signed) {
    const label = DRAFT_TYPE_LABELS[row.docType];
    blockers.push({ code: 'signed_pdf_missing', message: `PDF ${label.id} yang telah ditandatangani belum diunggah.`, messageEn: `The signed PDF of the ${label.en} has not been uploaded.` });
  }
  const place = placeOf(procedure, { currentStage: proposal.stageCode, stageCode: SIGNING_STAGES[row.docType].signing });
  if (proposal.state !== 'aktif' || place === null || place === 'before') {
    blockers.push({ code: 'wrong_stage', message: 'Usulan belum berada pada tahap penandatanganan naskah ini.', messageEn: 'The proposal is not at the signing stage of this document.' });
  }
  return blockers;
}

export function toSigningView(
  row: signingRepo.SigningRow,
  { proposal, procedure, signed }: { proposal: repo.ProposalRow; procedure: ProcedureView; signed: signingRepo.SignedDocumentRow | undefined },
): SigningView {
  return {
    id: row.id,
    proposalId: row.proposalId,
    docType: row.docType,
    mode: row.mode,
    scheduledOn: row.scheduledOn,
    place: row.place,
    note: row.note,
    check: { parafEveryPage: row.parafEveryPage, meterai: row.meterai, sealEveryCopy: row.sealEveryCopy, complete: isCheckComplete(row), checkedAt: row.checkedAt?.toISOString() ?? null },
    signedDocument: signed ? { id: signed.id, fileName: signed.fileName, versionNo: signed.versionNo, createdAt: signed.createdAt.toISOString() } : null,
    agreementId: row.agreementId,
    registeredAt: row.registeredAt?.toISOString() ?? null,
    blockers: blockersOf(row, proposal, procedure, signed),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function signingViewOf(db: Db, { row, proposal }: { row: signingRepo.SigningRow; proposal: repo.ProposalRow }): Promise<SigningView> {
  const [procedure, signed] = await Promise.all([loadProcedure(db, proposal.kind), signingRepo.latestSignedDocument(db, { proposalId: proposal.id, docType: row.docType })]);
  return toSigningView(row, { proposal, procedure, signed });
}

// The signing of this proposal, or 404: an id from another proposal is not found here.
export async function signingOf(db: Db, { proposalId, signingId, lock }: { proposalId: string; signingId: string; lock?: boolean }): Promise<signingRepo.SigningRow> {
  const row = await signingRepo.findSigning(db, { id: signingId, lock });
  if (!row || row.proposalId !== proposalId) throw notFound(...SIGNING_WHAT);
  return row;
}

export async function listSignings(ctx: ActorCtx, proposalId: string): Promise<SigningView[]> {
  const proposal = await loadReadableProposal(ctx, { id: proposalId, may: canReadSignings });
  const rows = await signingRepo.listSigningsOf(ctx.db, proposalId);
  return Promise.all(rows.map((row) => signingViewOf(ctx.db, { row, proposal })));
}

async function writeTrail(tx: Db, ctx: ActorCtx, options: { proposalId: string; signingId: string; action: string; note?: string | null; changes: ReturnType<typeof diffFields> }) {
  const fields = options.changes.map((change) => change.field);
  await repo.insertEvent(tx, { proposalId: options.proposalId, at: ctx.now, action: options.action, note: options.note ?? null, details: { signingId: options.signingId, fields, changes: options.changes }, actorId: ctx.actor.id, actorLabel: ctx.actor.email });
  await recordAudit(tx, { actor: ctx.actor, entity: 'proposal', entityId: options.proposalId, action: options.action, at: ctx.now, changes: [{ field: 'signingId', old: null, new: options.signingId }, ...options.changes] });
}

export async function createSigning(ctx: ActorCtx, { proposalId, ...input }: { proposalId: string } & CreateSigningInput): Promise<SigningView> {
  const fields = parseInput(CreateSigningSchema, input);
  const { row, proposal, mailIds } = await ctx.db.transaction(async (tx) => {
    const proposal = await loadReadableProposal(ctx, { id: proposalId, db: tx, lock: true, may: (actor, row) => canReadSignings(actor, row) && canScheduleSigning(actor) });
    checkTypeFitsKind(proposal.kind, fields.docType);
    checkSchedulingAllowed(await loadProcedure(tx, proposal.kind), { proposal, type: fields.docType });
    const existing = await signingRepo.findSigningOfType(tx, { proposalId, docType: fields.docType });
    if (existing) {
      throw new AppError({
        code: 'CONFLICT',
        message: `Penandatanganan ${DRAFT_TYPE_LABELS[fields.docType].id} sudah dijadwalkan; ubah jadwalnya.`,
        messageEn: `The signing of the ${DRAFT_TYPE_LABELS[fields.docType].en} is already scheduled; reschedule it instead.`,
        details: { reason: 'already_scheduled', signingId: existing.id },
      });
    }
    const row = await signingRepo.insertSigning(tx, { proposalId, ...fields, note: fields.note ?? null, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now });
    const changes = diffFields({}, { docType: row.docType, mode: row.mode, scheduledOn: row.scheduledOn, place: row.place, note: row.note });
    await writeTrail(tx, ctx, { proposalId, signingId: row.id, action: 'signing_schedule', note: row.note, changes });
    const mailIds = await announceSigning({ ...ctx, db: tx }, { proposal, signing: row, rescheduled: false, by: ctx.actor });
    return { row, proposal, mailIds };
  });
  await deliverMail(ctx, mailIds);
  return signingViewOf(ctx.db, { row, proposal });
}

// Rescheduling (mode, date, place) and the check after signing; one request may do both.
export async function updateSigning(ctx: ActorCtx, { proposalId, signingId, ...input }: { proposalId: string; signingId: string } & UpdateSigningInput): Promise<SigningView> {
  const { version, ...fields } = parseInput(UpdateSigningSchema, input);
  const reschedules = SCHEDULE_FIELDS.some((field) => fields[field] !== undefined);
  const checks = CHECK_FIELDS.some((field) => fields[field] !== undefined);
  const { row, proposal, mailIds } = await ctx.db.transaction(async (tx) => {
    const proposal = await loadReadableProposal(ctx, { id: proposalId, db: tx, lock: true, may: canReadSignings });
    if ((reschedules && !canScheduleSigning(ctx.actor)) || (checks && !canRecordSigningCheck(ctx.actor))) throw forbidden();
    const before = await signingOf(tx, { proposalId, signingId, lock: true });
    if (before.agreementId) {
      throw new AppError({ code: 'CONFLICT', message: 'Naskah sudah terdaftar; penandatanganannya tidak dapat diubah.', messageEn: 'The document is registered; its signing can no longer change.', details: { reason: 'registered' } });
    }
    const patch: Record<string, unknown> = { ...fields };
    if (checks) patch.checkedAt = ctx.now;
    const after = await updateVersioned({ db: tx, table: proposalSignings, where: eq(proposalSignings.id, signingId), version, patch, now: ctx.now, what: SIGNING_WHAT });
    const pick = (row: signingRepo.SigningRow, keys: readonly string[]) => Object.fromEntries(keys.filter((key) => key in fields).map((key) => [key, row[key as keyof signingRepo.SigningRow]]));
    const keys = [...SCHEDULE_FIELDS, ...CHECK_FIELDS];
    const changes = diffFields(pick(before, keys), pick(after, keys));
    await writeTrail(tx, ctx, { proposalId, signingId, action: checks && !reschedules ? 'signing_check' : 'signing_update', changes });
    // Only a changed date, place or mode is news to those who attend.
    const moved = changes.some((change) => change.field === 'scheduledOn' || change.field === 'place' || change.field === 'mode');
    const mailIds = moved ? await announceSigning({ ...ctx, db: tx }, { proposal, signing: after, rescheduled: true, by: ctx.actor }) : [];
    return { row: after, proposal, mailIds };
  });
  await deliverMail(ctx, mailIds);
  return signingViewOf(ctx.db, { row, proposal });
}

// For the agreement's view, which names the proposal it came from (wired in modules/routes.ts).
export async function findProposalOfAgreement(db: Db, agreementId: string): Promise<string | null> {
  return signingRepo.proposalOfAgreement(db, agreementId);
}
