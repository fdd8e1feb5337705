import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UploadDocumentFieldsSchema, type DocumentOcrView, type DocumentView } from '../../../shared/documents';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { tooLarge, type ReceivedUpload, type UploadLimit } from '../../lib/multipart';
import type { SpooledFile, SpooledUpload } from '../../lib/multipart-spool';
import { recordAudit } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { canDeleteDocument, canReadDocuments, canUploadDocument } from './documents.policy';
import { looksLikePdf } from '../../lib/file-content';
import { openStoredBody } from '../../lib/file-store';
import { displayFileName, readPdfContent } from './documents.pdf';
import {
  deleteDocumentRow,
  findAgreementAccess,
  findDocument,
  insertDocument,
  listDocumentsOf,
  type AgreementAccess,
  type DocumentSummary,
} from './documents.repository';
import { ocrViewsOf, queueOcrIfNeeded } from './ocr-jobs.service';
export { publicDocumentsRevisionSql } from './documents-revision.repository';
// Bulk intake reads its scans as uploads are read.
export { readPdfContent, readPdfPageCount } from './documents.pdf';

const PDF_MIME = 'application/pdf';
const MB = 1024 * 1024;

function toView(row: DocumentSummary, ocr: DocumentOcrView | null): DocumentView {
  return {
    id: row.id,
    agreementId: row.agreementId,
    kind: row.kind,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    pageCount: row.pageCount,
    needsOcr: row.needsOcr,
    activeContent: row.activeContent,
    ocr,
    hasSearchableCopy: row.ocrStorageKey !== null,
    isPublic: row.isPublic,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

async function visibleAgreement(ctx: ActorCtx, agreementId: string): Promise<AgreementAccess> {
  const access = await findAgreementAccess(ctx.db, agreementId);
  if (!access) throw notFound('Naskah kerja sama', 'Agreement');
  if (!canReadDocuments(ctx.actor, access)) throw forbidden();
  return access;
}

// Checked before the body is read, so a refused upload costs no bandwidth.
export async function prepareUpload(ctx: ActorCtx, agreementId: string): Promise<{ limitBytes: number; limitMb: number }> {
  if (!canUploadDocument(ctx.actor)) throw forbidden();
  if (!(await findAgreementAccess(ctx.db, agreementId))) throw notFound('Naskah kerja sama', 'Agreement');
  const { maxUploadMb } = await getSettings(ctx.db);
  return { limitBytes: maxUploadMb * MB, limitMb: maxUploadMb };
}

function parseFields(fields: Record<string, string>) {
  const parsed = UploadDocumentFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'body', message: issue.message }));
  const list = issues.map((issue) => `${issue.path} (${issue.message})`).join('; ');
  throw new AppError({ code: 'VALIDATION', message: `Isian tidak valid: ${list}`, messageEn: `Invalid input: ${list}`, field: issues[0]?.path ?? 'body', issues });
}

// From HTTP the upload arrives as a temporary file (multipart-spool.ts) and goes into the store by
// stream; the demo and tests hand over bytes.
type DocumentUpload = ReceivedUpload | Pick<SpooledUpload, 'fields' | 'file'>;

async function storeUpload(ctx: ActorCtx, file: DocumentUpload['file'], limit: UploadLimit): Promise<{ storageKey: string; checked: CheckedPdf }> {
  const storageKey = `documents/${randomUUID()}.pdf`;
  if (file && 'path' in file) {
    const checked = await checkSpooledPdf(file, limit);
    await ctx.files.putStream(storageKey, file.open());
    return { storageKey, checked };
  }
  const checked = await checkPdfUpload(file, limit);
  await ctx.files.put(storageKey, checked.bytes);
  return { storageKey, checked };
}

export async function uploadDocument(ctx: ActorCtx, { agreementId, upload }: { agreementId: string; upload: DocumentUpload }): Promise<DocumentView> {
  const limit = await prepareUpload(ctx, agreementId);
  const fields = parseFields(upload.fields);
  const { storageKey, checked } = await storeUpload(ctx, upload.file, limit);
  const { bytes: _bytes, pagesWithoutText, ...pdf } = checked;
  try {
    return await ctx.db.transaction(async (tx) => {
      if (!(await findAgreementAccess(tx, agreementId))) throw notFound('Naskah kerja sama', 'Agreement');
      const row = await insertDocument(tx, {
        agreementId,
        kind: fields.kind,
        ...pdf,
        storageKey,
        isPublic: fields.isPublic,
        uploadedBy: ctx.actor.id,
        createdAt: ctx.now,
      });
      const summary = { id: row.id, fileName: row.fileName, kind: row.kind, sizeBytes: row.sizeBytes, sha256: row.sha256, isPublic: row.isPublic };
      await recordAudit(tx, { actor: ctx.actor, entity: 'agreement', entityId: agreementId, action: 'document_upload', at: ctx.now, changes: [{ field: 'document', old: null, new: summary }] });
      await queueOcrIfNeeded(tx, { documentId: row.id, pagesWithoutText, pageCount: pdf.pageCount, now: ctx.now });
      return withOcr({ ...ctx, db: tx }, row);
    });
  } catch (error) {
    // Nothing half-written: a file without its row would never be found again.
    await ctx.files.remove(storageKey);
    throw error;
  }
}

async function withOcr(ctx: ActorCtx, row: DocumentSummary): Promise<DocumentView> {
  const ocr = await ocrViewsOf(ctx, [row.id]);
  return toView(row, ocr.get(row.id) ?? null);
}

export async function listAgreementDocuments(ctx: ActorCtx, agreementId: string): Promise<DocumentView[]> {
  await visibleAgreement(ctx, agreementId);
  const rows = await listDocumentsOf(ctx.db, agreementId);
  const ocr = await ocrViewsOf(ctx, rows.map((row) => row.id));
  return rows.map((row) => toView(row, ocr.get(row.id) ?? null));
}

// The file as uploaded, or the searchable copy OCR made of it (named so that both can be kept side by side).
export async function openDocumentFile(ctx: ActorCtx, input: { documentId: string; isSearchableCopy: boolean }) {
  const document = await findDocument(ctx.db, input.documentId);
  if (!document) throw notFound('Dokumen', 'Document');
  await visibleAgreement(ctx, document.agreementId);
  const key = input.isSearchableCopy ? document.ocrStorageKey : document.storageKey;
  const body = key ? await openStoredBody(ctx.files, key) : null;
  if (!body) throw notFound('Berkas dokumen', 'Document file');
  const fileName = input.isSearchableCopy ? document.fileName.replace(/\.pdf$/i, ' (OCR).pdf') : document.fileName;
  return { body, fileName, mimeType: document.mimeType };
}

export async function deleteDocument(ctx: ActorCtx, documentId: string): Promise<void> {
  if (!canDeleteDocument(ctx.actor)) throw forbidden();
  const removed = await ctx.db.transaction(async (tx) => {
    const row = await deleteDocumentRow(tx, documentId);
    if (!row) throw notFound('Dokumen', 'Document');
    const summary = { id: row.id, fileName: row.fileName, kind: row.kind, sha256: row.sha256 };
    await recordAudit(tx, { actor: ctx.actor, entity: 'agreement', entityId: row.agreementId, action: 'document_delete', at: ctx.now, changes: [{ field: 'document', old: summary, new: null }] });
    return row;
  });
  // After the commit: a failed removal leaves an unreferenced file, never a row without its file.
  for (const key of [removed.storageKey, removed.ocrStorageKey]) {
    if (key) await ctx.files.remove(key).catch(() => undefined);
  }
}

// The stored form of an uploaded PDF: its bytes, and the columns a document row keeps of them.
export type CheckedPdf = {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  pageCount: number;
  textContent: string | null;
  needsOcr: boolean;
  // 1-based pages without a text layer: OCR reads these (ocr-jobs.service.ts).
  pagesWithoutText: number[];
  activeContent: string[];
};

// The one check of an uploaded PDF, for agreement and proposal documents alike: judged by its bytes,
// whatever its name or declared type says, then read once for its pages and text.
export async function checkPdfUpload(file: ReceivedUpload['file'], limit: UploadLimit): Promise<CheckedPdf> {
  const checked = checkPdfSize(file?.bytes.length ?? null, limit);
  if (!file || !checked) throw noFile();
  return readCheckedPdf({ fileName: file.fileName, head: file.bytes, bytes: async () => file.bytes, sha256: createHash('sha256').update(file.bytes).digest('hex') });
}

// The same check of an upload spooled to a temporary file: judged by its first bytes before the
// whole file is read. pdf.js still parses it in memory (the text layer, the page count): the
// limit (settings, maxUploadMb) bounds that.
export async function checkSpooledPdf(file: SpooledFile | null, limit: UploadLimit): Promise<CheckedPdf> {
  if (!file || !checkPdfSize(file.sizeBytes, limit)) throw noFile();
  return readCheckedPdf({ fileName: file.fileName, head: await file.head(), bytes: () => readFile(file.path), sha256: file.sha256 });
}

function noFile(): AppError {
  return new AppError({ code: 'VALIDATION', message: 'Pilih berkas PDF untuk diunggah.', messageEn: 'Choose a PDF file to upload.', field: 'file' });
}

function checkPdfSize(sizeBytes: number | null, limit: UploadLimit): boolean {
  if (sizeBytes === null) return false;
  if (sizeBytes === 0) {
    throw new AppError({ code: 'BAD_FILE', message: 'Berkas kosong.', messageEn: 'The file is empty.', field: 'file' });
  }
  if (sizeBytes > limit.limitBytes) throw tooLarge(limit.limitMb);
  return true;
}

async function readCheckedPdf(file: { fileName: string | undefined; head: Buffer; bytes: () => Promise<Buffer>; sha256: string }): Promise<CheckedPdf> {
  if (!looksLikePdf(file.head)) {
    throw new AppError({ code: 'UNSUPPORTED_MEDIA', message: 'Berkas bukan PDF.', messageEn: 'The file is not a PDF.', field: 'file' });
  }
  const bytes = await file.bytes();
  const content = await readPdfContent(bytes);
  return {
    bytes,
    fileName: displayFileName(file.fileName),
    mimeType: PDF_MIME,
    sizeBytes: bytes.length,
    sha256: file.sha256,
    pageCount: content.pageCount,
    textContent: content.needsOcr ? null : content.text,
    needsOcr: content.needsOcr,
    pagesWithoutText: content.pagesWithoutText,
    activeContent: content.activeContent,
  };
}

// What a stored PDF's row carries (a document read before page counts were kept has none).
export type StoredPdf = Omit<CheckedPdf, 'bytes' | 'pageCount' | 'pagesWithoutText'> & { pageCount: number | null };

// A PDF another module already checked and stored (a proposal's signed copy, registered as the
// agreement's signed document): its row and audit entry in the caller's transaction (ctx.db).
// `origin` is added to the audit entry to say where the file came from. ocrStorageKey: a searchable
// copy already made of a scan (bulk intake OCRs before it attaches), so no second OCR is queued.
export async function addCheckedDocument(
  ctx: Ctx,
  input: { agreementId: string; kind: DocumentView['kind']; file: StoredPdf; storageKey: string; isPublic: boolean; origin: Record<string, unknown>; ocrStorageKey?: string | null },
): Promise<DocumentView> {
  const row = await insertDocument(ctx.db, {
    agreementId: input.agreementId,
    kind: input.kind,
    ...input.file,
    storageKey: input.storageKey,
    ocrStorageKey: input.ocrStorageKey ?? null,
    isPublic: input.isPublic,
    uploadedBy: ctx.actor?.id ?? null,
    createdAt: ctx.now,
  });
  const summary = { id: row.id, fileName: row.fileName, kind: row.kind, sizeBytes: row.sizeBytes, sha256: row.sha256, isPublic: row.isPublic, ...input.origin };
  await recordAudit(ctx.db, { actor: ctx.actor, entity: 'agreement', entityId: input.agreementId, action: 'document_upload', at: ctx.now, changes: [{ field: 'document', old: null, new: summary }] });
  // A stored file's row keeps whether it is a scan, not which pages lack text: a scan is read whole.
  const pageCount = row.pageCount ?? 1;
  const pagesWithoutText = input.file.needsOcr ? Array.from({ length: pageCount }, (_, index) => index + 1) : [];
  await queueOcrIfNeeded(ctx.db, { documentId: row.id, pagesWithoutText, pageCount, now: ctx.now });
  // The command line (no actor: bulk intake from a shell) has no reader to show the OCR state to.
  return ctx.actor ? withOcr({ ...ctx, actor: ctx.actor }, row) : toView(row, null);
}
