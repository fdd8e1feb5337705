import { createHash, randomUUID } from 'node:crypto';
import type { Ctx } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { intakeCandidates, UPLOAD_SOURCE, type IntakeCandidate, type IntakeUpload } from '../../lib/intake-files';
import { DEFAULT_ZIP_LIMITS } from '../../lib/intake-zip';
import { loadAgreementViews } from '../agreements/agreements.service';
import { readPdfPageCount } from '../documents/documents.service';
import { pageLimitProblem } from '../documents/ocr-jobs.service';
import { getSettings } from '../settings/settings.service';
import { findConflicts } from './intake-match.rules';
import { canUseIntake } from './intake.policy';
import * as repo from './intake.repository';
import { batchView, extractionOf, fileView, type IntakeBatchSummary, type IntakeBatchView, type IntakeFileView } from './intake.views';

const MB = 1024 * 1024;
// A batch is a shelf of scans, not the archive at once: past this the upload is better split.
export const MAX_INTAKE_TOTAL_MB = 500;
const RECENT_BATCHES = 50;

export function checkIntakeAccess(ctx: Pick<Ctx, 'actor'>): void {
  if (!canUseIntake(ctx.actor)) throw forbidden();
}

// Read before the body is: each file may be as large as one document upload, the batch has a cap.
export async function intakeUploadLimits(ctx: Ctx): Promise<{ fileLimitMb: number; totalLimitMb: number }> {
  checkIntakeAccess(ctx);
  const { maxUploadMb } = await getSettings(ctx.db);
  return { fileLimitMb: maxUploadMb, totalLimitMb: MAX_INTAKE_TOTAL_MB };
}

type Prepared = { row: repo.NewIntakeFile; bytes: Buffer | null };

// A scan is read only up to the OCR page limit; a damaged PDF is named, not thrown.
export async function pageProblem(bytes: Buffer): Promise<{ pageCount: number | null; error: string | null }> {
  try {
    const pageCount = await readPdfPageCount(bytes);
    return { pageCount, error: pageLimitProblem(pageCount) };
  } catch {
    return { pageCount: null, error: 'PDF rusak dan tidak dapat dibaca / a damaged PDF that cannot be read' };
  }
}

// The files of an upload, ZIPs opened, under the division's per-file limit and the batch's cap.
export async function candidatesOf(ctx: Ctx, uploads: IntakeUpload[]): Promise<IntakeCandidate[]> {
  const { fileLimitMb } = await intakeUploadLimits(ctx);
  return intakeCandidates(uploads, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: fileLimitMb * MB, maxTotalBytes: MAX_INTAKE_TOTAL_MB * MB });
}

async function prepare(candidate: IntakeCandidate, now: Date): Promise<Prepared> {
  const base = { fileName: candidate.name, source: candidate.source === UPLOAD_SOURCE ? null : candidate.source, nextAttemptAt: now, createdAt: now };
  if ('error' in candidate) return { row: { ...base, state: 'failed', error: `${candidate.error.message} / ${candidate.error.messageEn}` }, bytes: null };
  const { pageCount, error } = await pageProblem(candidate.bytes);
  if (error) return { row: { ...base, state: 'failed', pageCount, error }, bytes: null };
  const sha256 = createHash('sha256').update(candidate.bytes).digest('hex');
  const stored = { storageKey: `intake/${randomUUID()}.pdf`, sha256, sizeBytes: candidate.bytes.length, pageCount };
  return { row: { ...base, ...stored, state: 'queued' }, bytes: candidate.bytes };
}

// The upload: every file becomes a row, queued for reading or failed with its reason. A refused ZIP
// (paths outside itself, a bomb) throws before anything is stored.
export async function createIntakeBatch(ctx: Ctx, input: { uploads: IntakeUpload[] }): Promise<IntakeBatchView> {
  checkIntakeAccess(ctx);
  if (input.uploads.length === 0) {
    throw new AppError({ code: 'VALIDATION', message: 'Pilih berkas pindaian untuk diunggah.', messageEn: 'Choose scanned files to upload.', field: 'files' });
  }
  const candidates = await candidatesOf(ctx, input.uploads);
  const prepared: Prepared[] = [];
  for (const candidate of candidates) prepared.push(await prepare(candidate, ctx.now));
  const stored: string[] = [];
  try {
    for (const { row, bytes } of prepared) {
      if (!bytes || !row.storageKey) continue;
      await ctx.files.put(row.storageKey, bytes);
      stored.push(row.storageKey);
    }
    const batch = await ctx.db.transaction((tx) => repo.insertBatch(tx, { createdBy: ctx.actor?.id ?? null, createdAt: ctx.now, files: prepared.map((entry) => entry.row) }));
    return await getIntakeBatch(ctx, { batchId: batch.id });
  } catch (error) {
    // Nothing half-written: files without their rows would never be found again.
    for (const key of stored) await ctx.files.remove(key).catch(() => undefined);
    throw error;
  }
}

// Each file as the review screen shows it; matches and conflicts are read against the register now.
export async function intakeFileViews(ctx: Pick<Ctx, 'db' | 'now'>, rows: repo.IntakeFileRow[]): Promise<IntakeFileView[]> {
  const matchIds = [...new Set(rows.flatMap((row) => (row.matchAgreementId ? [row.matchAgreementId] : [])))];
  const agreements = new Map((await loadAgreementViews(ctx, matchIds)).map((view) => [view.id, view]));
  return rows.map((row) => {
    const agreement = row.matchAgreementId ? agreements.get(row.matchAgreementId) : undefined;
    const fields = extractionOf(row)?.fields;
    if (!agreement || !fields) return fileView(row, { match: null, conflicts: [] });
    const register = { ...agreement, partnerNames: agreement.partners.map((partner) => partner.name) };
    return fileView(row, { match: { agreementId: agreement.id, title: agreement.title, numberOurs: agreement.numberOurs }, conflicts: findConflicts(register, fields) });
  });
}

export async function getIntakeBatch(ctx: Ctx, input: { batchId: string }): Promise<IntakeBatchView> {
  checkIntakeAccess(ctx);
  const batch = await repo.findBatch(ctx.db, input.batchId);
  if (!batch) throw notFound('Kiriman pindaian', 'Intake batch');
  return batchView(batch, await intakeFileViews(ctx, await repo.filesOfBatch(ctx.db, batch.id)));
}

export async function listIntakeBatches(ctx: Ctx): Promise<IntakeBatchSummary[]> {
  checkIntakeAccess(ctx);
  const batches = await repo.recentBatches(ctx.db, RECENT_BATCHES);
  const counts = await repo.stateCounts(ctx.db, batches.map((batch) => batch.id));
  return batches.map((batch) => ({
    id: batch.id,
    createdAt: batch.createdAt.toISOString(),
    fileCount: batch.fileCount,
    states: Object.fromEntries(counts.filter((count) => count.batchId === batch.id).map((count) => [count.state, count.count])),
  }));
}
