import { AcceptIntakeSchema, SCAN_FIELD_COLUMNS, type AcceptAgreeingResult, type AcceptIntakeResult, type IntakeFields } from '../../../shared/intake';
import type { AgreementView, CreateAgreementInput } from '../../../shared/agreements';
import type { Db } from '../../db/client';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { createAgreement, loadAgreementViews, updateAgreement } from '../agreements/agreements.service';
import { parseInput } from '../agreements/agreements.rules';
import { addCheckedDocument, readPdfContent } from '../documents/documents.service';
import type { ExtractedFields } from './extraction/agreement-fields.rules';
import { findConflicts } from './intake-match.rules';
import { checkIntakeAccess, intakeFileViews } from './intake.service';
import * as repo from './intake.repository';
import { extractionOf } from './intake.views';

// Accepting a scan writes the register: all of it in one transaction, audited, or nothing.

type Accepted = ExtractedFields;
type Parsed = ReturnType<typeof AcceptIntakeSchema.parse>;

function decided(): AppError {
  return new AppError({ code: 'CONFLICT', message: 'Berkas ini sudah diputuskan (diterima atau ditolak).', messageEn: 'This file has already been decided (accepted or rejected).' });
}

function notReady(): AppError {
  return new AppError({ code: 'CONFLICT', message: 'Berkas ini belum selesai dibaca.', messageEn: 'This file has not been read yet.' });
}

async function lockedReadyFile(tx: Db, fileId: string): Promise<repo.IntakeFileRow & { storageKey: string }> {
  const file = await repo.findFile(tx, { id: fileId, lock: true });
  if (!file) throw notFound('Berkas pindaian', 'Intake file');
  if (file.state === 'accepted' || file.state === 'rejected') throw decided();
  if (file.state !== 'ready' || !file.storageKey) throw notReady();
  return { ...file, storageKey: file.storageKey };
}

function acceptedFields(file: repo.IntakeFileRow, corrected: IntakeFields | undefined): Accepted {
  const extracted = extractionOf(file)?.fields;
  if (!extracted) throw notReady();
  const merged: Accepted = { ...extracted };
  for (const [key, value] of Object.entries(corrected ?? {})) if (value !== undefined) Object.assign(merged, { [key]: value });
  return merged;
}

// Register columns a scan fills only where the register has them empty; a differing value is
// never written over (issue 13: "never silently overwritten"). A title is never empty.

async function fillEmpty(ctx: ActorCtx, input: { agreement: AgreementView; fields: Accepted }): Promise<string[]> {
  const patch: Record<string, string> = {};
  for (const [field, column] of SCAN_FIELD_COLUMNS) {
    const value = input.fields[field];
    if (input.agreement[column] === null && typeof value === 'string' && value !== '') patch[column] = value;
  }
  if (Object.keys(patch).length === 0) return [];
  await updateAgreement(ctx, { id: input.agreement.id, version: input.agreement.version, ...patch });
  return Object.keys(patch);
}

async function attachScan(ctx: Ctx, input: { file: repo.IntakeFileRow & { storageKey: string }; agreementId: string; activeContent: string[] }): Promise<string> {
  const { file } = input;
  const stored = {
    // A photographed page was wrapped as a PDF on upload: the document is that PDF.
    fileName: file.fileName.replace(/\.(jpe?g|png)$/i, '.pdf'),
    mimeType: 'application/pdf',
    sizeBytes: file.sizeBytes ?? 0,
    sha256: file.sha256 ?? '',
    pageCount: file.pageCount,
    textContent: file.text,
    needsOcr: false,
    activeContent: input.activeContent,
  };
  const origin = { intakeFileId: file.id, intakeBatchId: file.batchId };
  const document = await addCheckedDocument(ctx, { agreementId: input.agreementId, kind: 'naskah_ttd', file: stored, storageKey: file.storageKey, ocrStorageKey: file.ocrStorageKey, isPublic: false, origin });
  await recordAudit(ctx.db, { actor: ctx.actor, entity: 'agreement', entityId: input.agreementId, action: 'intake_accept', at: ctx.now, changes: [{ field: 'intake', old: null, new: { ...origin, fileName: file.fileName } }] });
  return document.id;
}

function requireNewFields(body: Parsed) {
  const { leadUnitId, primarySectorCode, partner, kind } = body;
  const present: [string, unknown][] = [['leadUnitId', leadUnitId], ['primarySectorCode', primarySectorCode], ['partner', partner], ['kind', kind]];
  const missing = present.find(([, value]) => value === undefined)?.[0];
  if (missing || !leadUnitId || !primarySectorCode || !partner || !kind) {
    const field = missing ?? 'body';
    throw invalid(field, { message: `Pindaian tanpa padanan di register: isi ${field} untuk membuat draf baru.`, messageEn: `A scan without a match in the register: fill in ${field} to create a new draft.` });
  }
  return { leadUnitId, primarySectorCode, partner, kind };
}

function newAgreementInput(fields: Accepted, body: Parsed): CreateAgreementInput {
  const needed = requireNewFields(body);
  if (!fields.title) throw invalid('fields.title', { message: 'Judul kerja sama wajib diisi.', messageEn: 'The agreement title is required.' });
  return {
    docType: fields.kind ?? 'PKS',
    kind: needed.kind,
    title: fields.title,
    numberOurs: fields.nomorPemda,
    numberPartner: fields.nomorMitra,
    signedOn: fields.signedOn,
    startsOn: fields.startsOn,
    endsOn: fields.endsOn,
    scope: fields.scope,
    partners: [needed.partner],
    leadUnitId: needed.leadUnitId,
    primarySectorCode: needed.primarySectorCode,
    isDraft: true,
  };
}

type Decided = Omit<AcceptIntakeResult, 'documentId' | 'fileId'>;

// What every acceptance shares, in one transaction: the file locked and still ready, the agreement
// it goes to decided by the caller, the scan attached to it, the decision recorded. The file's
// active content is read before the transaction, so that no lock waits on parsing a PDF.
export async function acceptInto(ctx: Ctx, input: { fileId: string; decide: (tx: Ctx, file: repo.IntakeFileRow) => Promise<Decided> }): Promise<AcceptIntakeResult> {
  const before = await repo.findFile(ctx.db, { id: input.fileId });
  const activeContent = before?.storageKey ? (await readPdfContent(await ctx.files.get(before.storageKey))).activeContent : [];
  return ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const file = await lockedReadyFile(db, input.fileId);
    const result = await input.decide(tx, file);
    const documentId = await attachScan(tx, { file, agreementId: result.agreementId, activeContent });
    await repo.recordDecision(db, { id: file.id, state: 'accepted', acceptedAgreementId: result.agreementId, decidedBy: ctx.actor?.id ?? null, decidedAt: ctx.now });
    return { ...result, fileId: file.id, documentId };
  });
}

// One file: attached to its matched agreement (empty fields filled), or a new draft agreement.
// From the command line (no actor) a matched scan is only attached: filling the register's fields
// and creating agreements are left to a person reviewing the batch in the app.
export async function acceptIntakeFile(ctx: Ctx, input: { fileId: string; body: unknown }): Promise<AcceptIntakeResult> {
  checkIntakeAccess(ctx);
  const body = parseInput(AcceptIntakeSchema, input.body);
  return acceptInto(ctx, {
    fileId: input.fileId,
    decide: async (tx, file) => {
      const fields = acceptedFields(file, body.fields);
      const [agreement] = file.matchAgreementId ? await loadAgreementViews(tx, [file.matchAgreementId]) : [];
      const { actor } = ctx;
      if (agreement) {
        const filled = actor ? await fillEmpty({ ...tx, actor }, { agreement, fields }) : [];
        const conflictsKept = findConflicts({ ...agreement, partnerNames: agreement.partners.map((partner) => partner.name) }, fields);
        return { agreementId: agreement.id, isNew: false, filled, conflictsKept };
      }
      if (!actor) throw forbidden();
      const created = await createAgreement({ ...tx, actor }, newAgreementInput(fields, body));
      return { agreementId: created.id, isNew: true, filled: [], conflictsKept: [] };
    },
  });
}

// Every read, matched, conflict-free file of the batch, each in its own transaction.
export async function acceptAgreeingFiles(ctx: Ctx, input: { batchId: string }): Promise<AcceptAgreeingResult> {
  checkIntakeAccess(ctx);
  const views = await intakeFileViews(ctx, await repo.filesOfBatch(ctx.db, input.batchId));
  let accepted = 0;
  const failed: { fileId: string; message: string }[] = [];
  for (const view of views.filter((file) => file.agrees)) {
    try {
      await acceptIntakeFile(ctx, { fileId: view.id, body: {} });
      accepted += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ fileId: view.id, message: `${error.message} / ${error.messageEn}` });
    }
  }
  return { accepted, failed };
}

export async function rejectIntakeFile(ctx: ActorCtx, input: { fileId: string }): Promise<void> {
  checkIntakeAccess(ctx);
  await ctx.db.transaction(async (db) => {
    const file = await repo.findFile(db, { id: input.fileId, lock: true });
    if (!file) throw notFound('Berkas pindaian', 'Intake file');
    if (file.state === 'accepted' || file.state === 'rejected') throw decided();
    await repo.recordDecision(db, { id: file.id, state: 'rejected', acceptedAgreementId: null, decidedBy: ctx.actor.id, decidedAt: ctx.now });
  });
}
