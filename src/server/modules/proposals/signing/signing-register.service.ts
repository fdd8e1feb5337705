import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DRAFT_TYPE_DOC, DRAFT_TYPE_LABELS, RegisterSigningSchema, type RegisterSigningInput, type RegisterSigningResponse } from '../../../../shared/proposal-signing';
import type { CreateAgreementInput } from '../../../../shared/agreements';
import type { ProcedureView } from '../../../../shared/procedures';
import type { Db } from '../../../db/client';
import type { ActorCtx } from '../../../lib/context';
import { AppError, invalid, staleVersion } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { recordAudit } from '../../audit/audit.service';
import { createAgreement, refreshAgreementSearchOf } from '../../agreements/agreements.service';
import { parseInput } from '../../agreements/agreements.rules';
import { addCheckedDocument } from '../../documents/documents.service';
import { deliverMail } from '../../mail/mail.service';
import { loadProcedure } from '../../procedures/procedures.service';
import { announceTransition } from '../transitions/transitions.notices';
import { canReadSignings, canRegisterSigning } from './signing.policy';
import * as signingRepo from './signing.repository';
import { endOfTerm, registrationPlace } from './signing.rules';
import { isCheckComplete, SIGNING_WHAT, signingOf, signingViewOf } from './signing.service';
import { proposalSignings } from './signing.table';
import { applyTransition } from '../transitions/transitions.service';
import * as repo from '../core/proposals.repository';
import { loadReadableProposal } from '../core/proposals-access.service';

type RegisterData = ReturnType<typeof parseRegister>;
const parseRegister = (input: RegisterSigningInput) => parseInput(RegisterSigningSchema, input);

function refused(message: string, messageEn: string, reason: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError({ code: 'CONFLICT', message, messageEn, details: { reason, ...extra } });
}

// Everything the registry needs, taken from the proposal and its signing; nobody types it again.
const REGISTERED_WITHOUT_KB = 'Didaftarkan dari usulan tanpa KB';

function agreementInput(proposal: repo.ProposalRow, signing: signingRepo.SigningRow, data: RegisterData, parentId: string | null): CreateAgreementInput {
  const leadUnitId = data.leadUnitId ?? proposal.unitId;
  if (!leadUnitId) throw invalid('leadUnitId', { message: 'Usulan dari pihak luar: pilih OPD pengampu naskah.', messageEn: 'A proposal from outside names no unit: choose the lead unit.' });
  if (proposal.kind === 'KSDD' && !data.ksddMode) throw invalid('ksddMode', { message: 'Kerja sama antar-daerah (KSDD): pilih wajib atau sukarela.', messageEn: 'Cooperation between regions (KSDD): choose wajib or sukarela.' });
  const [primarySectorCode, ...otherSectorCodes] = proposal.sectorCodes;
  if (!primarySectorCode) throw invalid('sectorCodes', { message: 'Usulan belum memiliki bidang.', messageEn: 'The proposal has no sector.' });
  const startsOn = data.startsOn ?? signing.scheduledOn;
  const endsOn = data.endsOn !== undefined ? data.endsOn : proposal.jangkaWaktuBulan ? endOfTerm(startsOn, proposal.jangkaWaktuBulan) : null;
  return {
    docType: DRAFT_TYPE_DOC[signing.docType],
    kind: proposal.kind,
    ksddMode: proposal.kind === 'KSDD' ? (data.ksddMode ?? null) : null,
    title: data.title ?? proposal.title,
    numberOurs: data.numberOurs ?? null,
    numberPartner: data.numberPartner ?? null,
    signedOn: signing.scheduledOn,
    startsOn,
    endsOn,
    scope: proposal.ruangLingkup,
    purpose: proposal.maksudTujuan,
    valueIdr: data.valueIdr ?? null,
    parentId,
    // By name: an existing partner with the same normalised name is matched, a new one is created.
    partners: proposal.plannedPartners.map((partner) => ({ name: partner.name, categoryCode: partner.categoryCode })),
    leadUnitId,
    supportingUnitIds: data.supportingUnitIds ?? [],
    primarySectorCode,
    otherSectorCodes,
    isDraft: false,
    isPublic: data.isPublic ?? false,
    longTermReason: data.longTermReason ?? proposal.jangkaWaktuAlasan ?? null,
    // A proposal signed as a PKS without a KB went through the procedure; that is its reason.
    noParentReason: parentId || DRAFT_TYPE_DOC[signing.docType] !== 'PKS' ? null : REGISTERED_WITHOUT_KB,
  };
}

// The signed PDF becomes the agreement's signed document: copied through the file store, with the
// text already extracted at upload, so the registry finds the agreement by the words of its text.
// `ctx.db` is the registering transaction.
async function attachSignedPdf(ctx: ActorCtx, { agreementId, signed, storageKey }: { agreementId: string; signed: signingRepo.SignedDocumentRow; storageKey: string }) {
  const bytes = await ctx.files.get(signed.storageKey);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== signed.sha256) throw new AppError({ code: 'CONFLICT', message: 'Berkas PDF bertanda tangan tidak cocok dengan yang diunggah.', messageEn: 'The stored signed PDF does not match its upload.', details: { reason: 'file_changed' } });
  await ctx.files.put(storageKey, bytes);
  const { fileName, mimeType, sizeBytes, pageCount, textContent, needsOcr, activeContent } = signed;
  await addCheckedDocument(
    ctx,
    {
      agreementId,
      kind: 'naskah_ttd',
      file: { fileName, mimeType, sizeBytes, sha256, pageCount, textContent, needsOcr, activeContent },
      storageKey,
      isPublic: false,
      origin: { fromProposalDocument: signed.id },
    },
  );
}

// Closes the signing stage through the state machine: advance past it, and for the last document
// (PKS, NK) register at the final stage. A KB registered later than its stage moves nothing.
async function closeSigningStages(tx: Db, ctx: ActorCtx, options: { proposal: repo.ProposalRow; procedure: ProcedureView; place: 'at' | 'after'; docType: signingRepo.SigningRow['docType']; note: string }) {
  let row = options.proposal;
  const steps: { row: repo.ProposalRow; action: 'advance' | 'register' }[] = [];
  const by = { actor: ctx.actor };
  if (options.place === 'at') {
    row = (await applyTransition(tx, { before: row, action: 'advance', note: options.note, version: row.version, now: ctx.now, by })).row;
    steps.push({ row, action: 'advance' });
  }
  const last = options.procedure.stages[options.procedure.stages.length - 1];
  if (options.docType !== 'kb' && last && row.stageCode === last.code && row.state === 'aktif') {
    row = (await applyTransition(tx, { before: row, action: 'register', note: options.note, version: row.version, now: ctx.now, by })).row;
    steps.push({ row, action: 'register' });
  }
  return { row, steps };
}

export async function registerSigning(ctx: ActorCtx, { proposalId, signingId, ...input }: { proposalId: string; signingId: string } & RegisterSigningInput): Promise<RegisterSigningResponse> {
  const data = parseRegister(input);
  const storageKey = `documents/${randomUUID()}.pdf`;
  let result;
  try {
    result = await ctx.db.transaction(async (tx) => {
      const proposal = await loadReadableProposal(ctx, { id: proposalId, db: tx, lock: true, may: (actor, row) => canReadSignings(actor, row) && canRegisterSigning(actor) });
      const signing = await signingOf(tx, { proposalId, signingId, lock: true });
      const label = DRAFT_TYPE_LABELS[signing.docType];
      if (signing.agreementId) {
        throw refused(`${label.id} ini sudah terdaftar.`, `This ${label.en} is already registered.`, 'already_registered', { agreementId: signing.agreementId });
      }
      if (signing.version !== data.version) throw staleVersion();
      if (!isCheckComplete(signing)) {
        const missing = (['parafEveryPage', 'meterai', 'sealEveryCopy'] as const).filter((field) => !signing[field]);
        throw refused('Pemeriksaan setelah penandatanganan belum lengkap: paraf setiap halaman, meterai dan cap pada setiap rangkap.', 'The post-signing check is incomplete: initials on every page, duty stamp and seal on every copy.', 'check_incomplete', { missing });
      }
      const signed = await signingRepo.latestSignedDocument(tx, { proposalId, docType: signing.docType });
      if (!signed) throw refused(`Unggah PDF ${label.id} yang telah ditandatangani terlebih dahulu.`, `Upload the signed PDF of the ${label.en} first.`, 'signed_pdf_missing');
      const procedure = await loadProcedure(tx, proposal.kind);
      const place = registrationPlace(procedure, { proposal, type: signing.docType });
      // A PKS implements the KB signed earlier for the same proposal.
      const kb = signing.docType === 'pks' ? await signingRepo.findSigningOfType(tx, { proposalId, docType: 'kb' }) : undefined;
      const parentId = kb?.agreementId ?? null;
      const agreement = await createAgreement({ ...ctx, db: tx }, agreementInput(proposal, signing, data, parentId));
      await attachSignedPdf({ ...ctx, db: tx }, { agreementId: agreement.id, signed, storageKey });
      await refreshAgreementSearchOf({ ...ctx, db: tx }, [agreement.id]);
      const patch = { agreementId: agreement.id, signedDocumentId: signed.id, registeredAt: ctx.now, registeredBy: ctx.actor.id };
      const after = await updateVersioned({ db: tx, table: proposalSignings, where: eq(proposalSignings.id, signing.id), version: signing.version, patch, now: ctx.now, what: SIGNING_WHAT });
      const note = `${label.id} didaftarkan dalam register kerja sama.`;
      const details = { signingId: signing.id, agreementId: agreement.id, docType: signing.docType, parentId, signedDocumentId: signed.id };
      await repo.insertEvent(tx, { proposalId, at: ctx.now, action: 'signing_register', note, details, actorId: ctx.actor.id, actorLabel: ctx.actor.email });
      await recordAudit(tx, { actor: ctx.actor, entity: 'proposal', entityId: proposalId, action: 'signing_register', at: ctx.now, changes: Object.entries(details).map(([field, value]) => ({ field, old: null, new: value })) });
      const closed = await closeSigningStages(tx, ctx, { proposal, procedure, place, docType: signing.docType, note });
      const mailIds: string[] = [];
      for (const step of closed.steps) mailIds.push(...(await announceTransition({ ...ctx, db: tx }, { row: step.row, action: step.action, note, by: { actor: ctx.actor } })));
      return { after, proposal: closed.row, agreementId: agreement.id, parentId, mailIds };
    });
  } catch (error) {
    // Nothing half-written: a copied file without its row would never be found again.
    await ctx.files.remove(storageKey).catch(() => undefined);
    throw error;
  }
  await deliverMail(ctx, result.mailIds);
  return {
    signing: await signingViewOf(ctx.db, { row: result.after, proposal: result.proposal }),
    agreementId: result.agreementId,
    parentId: result.parentId,
    proposalState: result.proposal.state,
    proposalStageCode: result.proposal.stageCode,
  };
}
