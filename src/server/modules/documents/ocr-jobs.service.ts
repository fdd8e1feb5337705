import { randomUUID } from 'node:crypto';
import type { DocumentOcrView } from '../../../shared/documents';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { forbidden, notFound } from '../../lib/errors';
import type { FileStore } from '../../lib/file-store';
import { DEFAULT_OCR_COMMANDS, OcrFailure, ocrPdf, ocrToolStatus, type OcrCommands, type OcrOptions, type OcrResult, type OcrToolStatus } from '../../lib/ocr/ocr-tool';
import { leaseFrom, ocrRunSignal, retryAfterFailure } from '../../lib/ocr/ocr-schedule';
import { canUploadDocument } from './documents.policy';
import { cleanPageText, PAGE_BREAK, readPdfContent } from './documents.pdf';
import * as repo from './ocr-jobs.repository';

// The OCR of uploaded scans as background jobs (docs/decisions/0024-ocr-jobs.md). The upload only
// queues the job, in its own transaction; a worker (ocr.schedule.ts) claims due jobs one at a time.

export { OCR_MAX_ATTEMPTS } from '../../lib/ocr/ocr-schedule';
// Past this many pages a scan is not read (about 20 minutes on two cores): it is better split.
export const OCR_MAX_PAGES = 200;

// Why a scan is too long to OCR, in both languages; null when it may be read. One message for a
// document's OCR and for bulk intake.
export function pageLimitProblem(pageCount: number | null): string | null {
  if (pageCount === null || pageCount <= OCR_MAX_PAGES) return null;
  const [pages, limit] = [String(pageCount), String(OCR_MAX_PAGES)];
  return `Pindaian ${pages} halaman melebihi batas OCR ${limit} halaman; pisahkan berkasnya / a scan of ${pages} pages exceeds the OCR limit of ${limit} pages; split the file`;
}

// The tools this process runs, and whether they are there (asked once, then remembered).
let commands: OcrCommands = DEFAULT_OCR_COMMANDS;
let toolStatus: Promise<OcrToolStatus> | null = null;

export function configureOcrTools(next: OcrCommands): void {
  commands = next;
  toolStatus = null;
}

export function currentOcrToolStatus(): Promise<OcrToolStatus> {
  toolStatus ??= ocrToolStatus(commands);
  return toolStatus;
}

// Queued with the document, in the caller's transaction, when any page has no text layer.
export async function queueOcrIfNeeded(db: Db, input: { documentId: string; pagesWithoutText: number[]; pageCount: number; now: Date }): Promise<boolean> {
  if (input.pagesWithoutText.length === 0) return false;
  await repo.insertOcrJob(db, { documentId: input.documentId, pageCount: input.pageCount, now: input.now });
  return true;
}

export function ocrViewOf(job: repo.OcrJobRow, input: { isToolAvailable: boolean; canRetry: boolean }): DocumentOcrView {
  const isWaiting = job.state === 'queued' || job.state === 'running';
  return {
    state: job.state,
    page: job.page,
    pageCount: job.pageCount,
    attempts: job.attempts,
    error: job.error,
    nextAttemptAt: job.state === 'queued' ? job.nextAttemptAt.toISOString() : null,
    isToolMissing: isWaiting && !input.isToolAvailable,
    canRetry: input.canRetry && job.state === 'failed',
  };
}

// The OCR state of each given document that has a job.
export async function ocrViewsOf(ctx: Pick<ActorCtx, 'db' | 'actor'>, documentIds: string[]): Promise<Map<string, DocumentOcrView>> {
  const jobs = await repo.findOcrJobs(ctx.db, documentIds);
  if (jobs.length === 0) return new Map();
  const status = await currentOcrToolStatus();
  const canRetry = canUploadDocument(ctx.actor);
  return new Map(jobs.map((job) => [job.documentId, ocrViewOf(job, { isToolAvailable: status.isAvailable, canRetry })]));
}

// A failed OCR tried again now, from the start (a person asked: the tools were installed, say).
export async function retryOcr(ctx: ActorCtx, documentId: string): Promise<void> {
  if (!canUploadDocument(ctx.actor)) throw forbidden();
  const [job] = await repo.findOcrJobs(ctx.db, [documentId]);
  if (!job) throw notFound('OCR dokumen', 'Document OCR');
  if (job.state !== 'failed') return;
  await repo.requeueOcrJob(ctx.db, { documentId, error: null, nextAttemptAt: ctx.now, resetAttempts: true });
}

export type OcrRunner = (input: Buffer, options: Pick<OcrOptions, 'onPage' | 'signal'> & { pageCount: number }) => Promise<OcrResult>;
// stopSignal: the server is stopping; a job cut off by it is queued again as it was.
export type OcrWorkerDeps = { db: Db; files: FileStore; clock: () => Date; ocr?: OcrRunner; stopSignal?: AbortSignal };

// OCR with the tools this process was configured with (bulk intake reads its scans with it too).
function defaultRunner(): OcrRunner {
  return (input, options) => ocrPdf(input, { ...options, commands });
}

export type ScanText = { pdf: Buffer; pageCount: number; text: string };

// A scan's searchable copy and its text page by page (joined by form feeds, as documents.pdf.ts
// keeps texts): Tesseract's text for the pages it read, the original text layer for the others.
export async function ocrScan(bytes: Buffer, options: { ocr?: OcrRunner; onPage?: (page: number) => void; signal?: AbortSignal } = {}): Promise<ScanText> {
  const original = await readPdfContent(bytes);
  const { ocr, ...rest } = options;
  const result = await (ocr ?? defaultRunner())(bytes, { ...rest, pageCount: original.pageCount });
  if (result.pages.every((page) => page === null)) {
    // No sidecar text (nothing was read, or OCRmyPDF changed its format): the copy's own text layer.
    const copy = await readPdfContent(result.pdf);
    return { pdf: result.pdf, pageCount: copy.pageCount, text: copy.text };
  }
  const originalPages = original.text === '' ? [] : original.text.split(PAGE_BREAK);
  const pages = result.pages.map((page, index) => cleanPageText(page ?? originalPages[index] ?? ''));
  return { pdf: result.pdf, pageCount: original.pageCount, text: pages.some((page) => /\p{L}/u.test(page)) ? pages.join(PAGE_BREAK) : '' };
}

async function failAttempt(deps: OcrWorkerDeps, job: repo.OcrJobRow, failure: OcrFailure): Promise<void> {
  const now = deps.clock();
  const nextAttemptAt = failure.isPermanent ? null : retryAfterFailure({ attempts: job.attempts, now });
  if (!nextAttemptAt) {
    await repo.finishOcrJob(deps.db, { documentId: job.documentId, state: 'failed', error: failure.message, now });
    return;
  }
  await repo.requeueOcrJob(deps.db, { documentId: job.documentId, error: failure.message, nextAttemptAt, resetAttempts: false });
}

function asFailure(error: unknown): OcrFailure {
  if (error instanceof OcrFailure) return error;
  return new OcrFailure(error instanceof Error ? error.message : String(error), false);
}

// Reads the scan, keeps the searchable copy beside the original and puts its text in the search.
async function readScan(deps: OcrWorkerDeps, job: repo.OcrJobRow, source: { storageKey: string; ocrStorageKey: string | null; pageCount: number | null }): Promise<void> {
  const tooLong = pageLimitProblem(source.pageCount);
  if (tooLong) throw new OcrFailure(tooLong, true);
  const bytes = await deps.files.get(source.storageKey);
  let progress: Promise<void> = Promise.resolve();
  const onPage = (page: number) => {
    progress = progress.then(() => repo.recordOcrProgress(deps.db, { documentId: job.documentId, page, leaseUntil: leaseFrom(deps.clock()) }));
  };
  const signal = ocrRunSignal(source.pageCount, deps.stopSignal);
  const scan = await ocrScan(bytes, { ...(deps.ocr ? { ocr: deps.ocr } : {}), onPage, signal });
  await progress;
  const ocrStorageKey = `documents/${randomUUID()}-ocr.pdf`;
  await deps.files.put(ocrStorageKey, scan.pdf);
  const isStored = await deps.db.transaction(async (tx) => {
    const stored = await repo.storeOcrResult(tx, { documentId: job.documentId, text: scan.text, pageCount: scan.pageCount, ocrStorageKey });
    if (stored) await repo.finishOcrJob(tx, { documentId: job.documentId, state: 'done', error: null, now: deps.clock() });
    return stored;
  });
  // The document was deleted meanwhile (its copy goes with it), or an older copy is replaced.
  const unused = isStored ? source.ocrStorageKey : ocrStorageKey;
  if (unused) await deps.files.remove(unused).catch(() => undefined);
}

// Claims the next due job and runs it to its end; false when none was due.
export async function runNextOcrJob(deps: OcrWorkerDeps): Promise<boolean> {
  const now = deps.clock();
  const job = await repo.claimDueJob(deps.db, { now, leaseUntil: leaseFrom(now) });
  if (!job) return false;
  const source = await repo.findOcrSource(deps.db, job.documentId);
  if (!source) return true;
  try {
    await readScan(deps, job, source);
  } catch (error) {
    if (deps.stopSignal?.aborted) await repo.requeueOcrJob(deps.db, { documentId: job.documentId, error: null, nextAttemptAt: deps.clock(), resetAttempts: false });
    else await failAttempt(deps, job, asFailure(error));
  }
  return true;
}

// With one process on the database (PGlite), a job still running at start-up was cut off: it is due now.
export async function recoverInterruptedOcr(db: Db, now: Date): Promise<void> {
  await repo.requeueRunningJobs(db, now);
}
