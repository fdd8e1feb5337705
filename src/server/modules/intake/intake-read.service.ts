import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { FileStore } from '../../lib/file-store';
import { leaseFrom, ocrRunSignal, retryAfterFailure } from '../../lib/ocr/ocr-schedule';
import { OcrFailure } from '../../lib/ocr/ocr-tool';
import { listAgreementNumbers } from '../agreements/agreements.service';
import { readPdfContent } from '../documents/documents.service';
import { ocrScan, type OcrRunner } from '../documents/ocr-jobs.service';
import { extractAgreementFields, type ExtractedFields, type Extraction } from './extraction/agreement-fields.rules';
import { matchByNumber, type NumberedAgreement } from './intake-match.rules';
import * as repo from './intake.repository';

// Reading one scan of a batch: OCR when any page lacks text, field extraction, then the match with
// the register. The worker runs it for queued files; the command line runs it directly.


export type ScanReading = { pages: string[]; pageCount: number; ocrPdf: Buffer | null; extraction: Extraction };

export async function readScan(bytes: Buffer, options: { ocr?: OcrRunner; onPage?: (page: number) => void; signal?: AbortSignal }): Promise<ScanReading> {
  const content = await readPdfContent(bytes);
  if (content.pagesWithoutText.length === 0) {
    const pages = content.text.split('\f');
    return { pages, pageCount: content.pageCount, ocrPdf: null, extraction: extractAgreementFields(pages) };
  }
  const signal = ocrRunSignal(content.pageCount, options.signal);
  const scan = await ocrScan(bytes, { signal, ...(options.ocr ? { ocr: options.ocr } : {}), ...(options.onPage ? { onPage: options.onPage } : {}) });
  const pages = scan.text.split('\f');
  return { pages, pageCount: scan.pageCount, ocrPdf: scan.pdf, extraction: extractAgreementFields(pages) };
}

export async function matchScan(db: Db, fields: Pick<ExtractedFields, 'nomorPemda' | 'nomorMitra'>): Promise<NumberedAgreement | null> {
  return matchByNumber(fields, await listAgreementNumbers(db));
}

export type IntakeWorkerDeps = { db: Db; files: FileStore; clock: () => Date; ocr?: OcrRunner; stopSignal?: AbortSignal };

async function failAttempt(deps: IntakeWorkerDeps, file: repo.IntakeFileRow, error: unknown): Promise<void> {
  const failure = error instanceof OcrFailure ? error : new OcrFailure(error instanceof Error ? error.message : String(error), false);
  const nextAttemptAt = failure.isPermanent ? null : retryAfterFailure({ attempts: file.attempts, now: deps.clock() });
  if (!nextAttemptAt) {
    await repo.failFile(deps.db, { id: file.id, error: failure.message });
    return;
  }
  await repo.requeueFile(deps.db, { id: file.id, error: failure.message, nextAttemptAt });
}

async function readClaimed(deps: IntakeWorkerDeps, file: repo.IntakeFileRow): Promise<void> {
  if (!file.storageKey) throw new OcrFailure('Berkas tidak tersimpan / the file was not stored', true);
  const bytes = await deps.files.get(file.storageKey);
  let progress: Promise<void> = Promise.resolve();
  const onPage = (page: number) => {
    progress = progress.then(() => repo.recordProgress(deps.db, { id: file.id, page, leaseUntil: leaseFrom(deps.clock()) }));
  };
  const reading = await readScan(bytes, { onPage, ...(deps.ocr ? { ocr: deps.ocr } : {}), ...(deps.stopSignal ? { signal: deps.stopSignal } : {}) });
  await progress;
  const match = await matchScan(deps.db, reading.extraction.fields);
  let ocrStorageKey: string | null = null;
  if (reading.ocrPdf) {
    ocrStorageKey = `intake/${randomUUID()}-ocr.pdf`;
    await deps.files.put(ocrStorageKey, reading.ocrPdf);
  }
  const text = reading.pages.join('\f');
  await repo.storeReading(deps.db, { id: file.id, text, pageCount: reading.pageCount, ocrStorageKey, extraction: reading.extraction, matchAgreementId: match?.id ?? null });
}

// Claims the next due file and reads it; false when none was due.
export async function runNextIntakeFile(deps: IntakeWorkerDeps): Promise<boolean> {
  const now = deps.clock();
  const file = await repo.claimDueFile(deps.db, { now, leaseUntil: leaseFrom(now) });
  if (!file) return false;
  await readOrFail(deps, file);
  return true;
}

// One given file read now, if no worker has taken it (the command line's own batch).
export async function readIntakeFileNow(deps: IntakeWorkerDeps, fileId: string): Promise<void> {
  const file = await repo.claimFile(deps.db, { id: fileId, leaseUntil: leaseFrom(deps.clock()) });
  if (file) await readOrFail(deps, file);
}

async function readOrFail(deps: IntakeWorkerDeps, file: repo.IntakeFileRow): Promise<void> {
  try {
    await readClaimed(deps, file);
  } catch (error) {
    if (deps.stopSignal?.aborted) await repo.requeueFile(deps.db, { id: file.id, error: null, nextAttemptAt: deps.clock() });
    else await failAttempt(deps, file, error);
  }
}

// With one process on the database (PGlite), a file still being read at start-up was cut off.
export async function recoverInterruptedIntake(db: Db, now: Date): Promise<void> {
  await repo.requeueReadingFiles(db, now);
}
