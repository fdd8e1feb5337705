import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, ne } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/documents';
import type { AgreementSearchResult } from '../../../shared/search';
import { multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { renderScanPdf } from '../../../../tests/support/scan-pdf';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { OcrFailure, ocrPdf, ocrToolStatus } from '../../lib/ocr/ocr-tool';
import { documents } from './documents.table';
import { OCR_MAX_ATTEMPTS, OCR_MAX_PAGES, recoverInterruptedOcr, runNextOcrJob, type OcrRunner } from './ocr-jobs.service';
import { documentOcrJobs } from './ocr-jobs.table';

const PAGE_ONE = 'PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KOTA TERNATE DENGAN KOPERASI NELAYAN tentang pengembangan perikanan tangkap.';
const PAGE_TWO = 'Pasal 5\nBudidaya rumput laut di Pulau Hiri dilaksanakan oleh kelompok nelayan setempat dengan pendampingan dinas.';

describe('OCR of uploaded scans', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(agreementId: string, content: Buffer): Promise<DocumentView> {
    const body = multipartBody({ fields: { kind: 'naskah_ttd' }, file: { fileName: 'pindaian.pdf', content } });
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreementId}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(response.statusCode).toBe(201);
    return response.json<DocumentView>();
  }

  async function viewOf(agreementId: string, documentId: string): Promise<DocumentView | undefined> {
    const response = await t.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/documents`, headers: { cookie: admin } });
    return response.json<DocumentView[]>().find((document) => document.id === documentId);
  }

  const worker = (ocr?: OcrRunner) => ({ db: t.database.db, files: t.files, clock: () => t.clock.now, ...(ocr ? { ocr } : {}) });

  it('reads a rotated, noisy image-only scan in Indonesian; a word of its second page finds the agreement and names that page', async () => {
    const agreement = await buildAgreement(t.database.db, { title: 'Kerja sama perikanan' });
    const uploaded = await upload(agreement.id, await renderScanPdf([PAGE_ONE, PAGE_TWO], { rotationDegrees: 1.5, seed: 7 }));
    expect(uploaded).toMatchObject({ needsOcr: true, hasSearchableCopy: false, ocr: { state: 'queued', pageCount: 2, isToolMissing: false } });
    const before = await t.app.inject({ method: 'GET', url: '/api/agreements?q=rumput%20laut', headers: { cookie: admin } });
    expect(before.json<AgreementSearchResult>().items.map((item) => item.id)).not.toContain(agreement.id);

    expect(await runNextOcrJob(worker())).toBe(true);

    expect(await viewOf(agreement.id, uploaded.id)).toMatchObject({ needsOcr: false, hasSearchableCopy: true, ocr: { state: 'done', attempts: 1, error: null } });
    const found = await t.app.inject({ method: 'GET', url: '/api/agreements?q=rumput%20laut', headers: { cookie: admin } });
    const hit = found.json<AgreementSearchResult>().items.find((item) => item.id === agreement.id);
    expect(hit?.snippetSource).toEqual({ documentId: uploaded.id, fileName: 'pindaian.pdf', page: 2 });
    expect(hit?.snippet).toMatch(/<mark>rumput<\/mark>/i);
    // The original is kept as uploaded; the searchable copy is offered beside it.
    const original = await t.app.inject({ method: 'GET', url: `/api/documents/${uploaded.id}/file`, headers: { cookie: admin } });
    const copy = await t.app.inject({ method: 'GET', url: `/api/documents/${uploaded.id}/file?variant=ocr`, headers: { cookie: admin } });
    expect(original.rawPayload.equals(await t.files.get((await storedRow(uploaded.id)).storageKey))).toBe(true);
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-disposition']).toContain('pindaian (OCR).pdf');
  }, 300_000);

  async function storedRow(id: string) {
    const [row] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    if (!row) throw new Error('no document row');
    return row;
  }

  // Each test's job is the only one due, whatever the tests before it left queued.
  async function onlyJobOf(id: string) {
    await t.database.db.delete(documentOcrJobs).where(ne(documentOcrJobs.documentId, id));
  }

  async function jobOf(id: string) {
    const [row] = await t.database.db.select().from(documentOcrJobs).where(eq(documentOcrJobs.documentId, id));
    if (!row) throw new Error('no OCR job');
    return row;
  }

  it('tries a failed OCR again after 1, 5 and 30 minutes, then gives up with the reason, and a person may retry', async () => {
    const agreement = await buildAgreement(t.database.db);
    const uploaded = await upload(agreement.id, await renderScanPdf(['Halaman kosong'], { seed: 3 }));
    await onlyJobOf(uploaded.id);
    const failing: OcrRunner = () => Promise.reject(new OcrFailure('tesseract berhenti / tesseract stopped', false));
    const start = t.clock.now;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= OCR_MAX_ATTEMPTS; attempt += 1) {
      expect(await runNextOcrJob(worker(failing))).toBe(true);
      const job = await jobOf(uploaded.id);
      expect(job.attempts).toBe(attempt);
      if (job.state === 'queued') {
        waits.push((job.nextAttemptAt.getTime() - t.clock.now.getTime()) / 60_000);
        // Not due before its time.
        expect(await runNextOcrJob(worker(failing))).toBe(false);
        t.clock.now = job.nextAttemptAt;
      }
    }
    t.clock.now = start;
    expect(waits).toEqual([1, 5, 30]);
    expect(await viewOf(agreement.id, uploaded.id)).toMatchObject({ ocr: { state: 'failed', error: 'tesseract berhenti / tesseract stopped', canRetry: true } });

    const opd = (await t.loginAs('opd')).cookie;
    expect((await t.app.inject({ method: 'POST', url: `/api/documents/${uploaded.id}/ocr`, headers: { cookie: opd } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/documents/${uploaded.id}/ocr`, headers: { cookie: admin } })).statusCode).toBe(204);
    expect(await jobOf(uploaded.id)).toMatchObject({ state: 'queued', attempts: 0, error: null });
  });

  it('claims again a job a stopped server left running', async () => {
    const agreement = await buildAgreement(t.database.db);
    const uploaded = await upload(agreement.id, await renderScanPdf(['Halaman'], { seed: 4 }));
    await onlyJobOf(uploaded.id);
    let claimed = false;
    const stopped: OcrRunner = () => {
      claimed = true;
      return new Promise<never>(() => undefined);
    };
    // The server stops while the job runs: the row stays "running".
    void runNextOcrJob(worker(stopped));
    await expect.poll(() => claimed).toBe(true);
    expect((await jobOf(uploaded.id)).state).toBe('running');
    await recoverInterruptedOcr(t.database.db, t.clock.now);
    expect((await jobOf(uploaded.id)).state).toBe('queued');
    const echo: OcrRunner = (input) => Promise.resolve({ pdf: input, pages: ['Halaman'] });
    expect(await runNextOcrJob(worker(echo))).toBe(true);
    expect((await jobOf(uploaded.id)).state).toBe('done');
  });

  it(`refuses to read a scan of more than ${String(OCR_MAX_PAGES)} pages, saying so, and keeps the document`, async () => {
    const agreement = await buildAgreement(t.database.db);
    const pdf = await PDFDocument.create();
    for (let page = 0; page <= OCR_MAX_PAGES; page += 1) pdf.addPage([595, 842]);
    const uploaded = await upload(agreement.id, Buffer.from(await pdf.save()));
    await onlyJobOf(uploaded.id);
    const never: OcrRunner = () => Promise.reject(new Error('must not run'));
    expect(await runNextOcrJob(worker(never))).toBe(true);
    const view = await viewOf(agreement.id, uploaded.id);
    expect(view?.ocr).toMatchObject({ state: 'failed', attempts: 1 });
    expect(view?.ocr?.error).toContain(`${String(OCR_MAX_PAGES + 1)} halaman melebihi batas OCR`);
  });

  it('queues nothing for a PDF whose every page has text', async () => {
    const agreement = await buildAgreement(t.database.db);
    const { makeTextPdf } = await import('../../../../tests/support/pdf-fixtures');
    const uploaded = await upload(agreement.id, await makeTextPdf(['Pasal 1', 'Pasal 2']));
    expect(uploaded.ocr).toBeNull();
  });
});

describe('a server without the OCR tools', () => {
  it('keeps the scan and says on the document that OCR is not available here', async () => {
    const t = await createTestApp({ env: { JALIN_OCRMYPDF: 'jalin-no-such-ocrmypdf' } });
    try {
      const admin = (await t.loginAs('admin')).cookie;
      const agreement = await buildAgreement(t.database.db);
      const body = multipartBody({ fields: { kind: 'naskah_ttd' }, file: { fileName: 'pindaian.pdf', content: await renderScanPdf(['Halaman'], { seed: 5 }) } });
      const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreement.id}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
      expect(response.statusCode).toBe(201);
      expect(response.json<DocumentView>()).toMatchObject({ needsOcr: true, ocr: { state: 'queued', isToolMissing: true } });
    } finally {
      await t.close();
    }
  });
});

describe('OCR tools', () => {
  it('fails a run in which Tesseract gave up on a page, instead of keeping the page without text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jalin-fake-ocr-'));
    const fake = path.join(dir, 'ocrmypdf');
    // OCRmyPDF's own words when a page passes --tesseract-timeout; it still exits with 0.
    writeFileSync(fake, '#!/bin/sh\necho "    1 [tesseract] took too long to OCR - skipping" >&2\nexit 0\n', { mode: 0o755 });
    try {
      const failure = await ocrPdf(await renderScanPdf(['Halaman'], { seed: 6, dpi: 100 }), { pageCount: 1, commands: { ocrmypdf: fake, tesseract: 'tesseract' } }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OcrFailure);
      expect(failure).toMatchObject({ isPermanent: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names what is missing when the programs are not installed', async () => {
    expect(await ocrToolStatus({ ocrmypdf: 'jalin-no-such-ocrmypdf', tesseract: 'jalin-no-such-tesseract' })).toEqual({ isAvailable: false, missing: ['ocrmypdf', 'tesseract-ocr'] });
  });

  it('finds OCRmyPDF with the Indonesian and English data on this machine', async () => {
    expect(await ocrToolStatus()).toMatchObject({ isAvailable: true });
  });
});
