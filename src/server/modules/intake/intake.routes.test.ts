import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementSearchResult } from '../../../shared/search';
import type { DocumentView } from '../../../shared/documents';
import type { Role } from '../../../shared/roles';
import { makeScanPdf, makeTextPdf, multipartBody } from '../../../../tests/support/pdf-fixtures';
import { OcrFailure } from '../../lib/ocr/ocr-tool';
import { intakeFiles } from './intake.table';
import { buildAgreement, buildPartner, registryCounts, type BuiltAgreement } from '../../../../tests/support/registry-builders';
import { renderScanPdf } from '../../../../tests/support/scan-pdf';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { makeRawZip, makeZip } from '../../../../tests/support/zip-fixtures';
import { storedFileHashes } from '../../../../tests/support/table-rows';
import { auditLog } from '../audit/audit.table';
import { agreements } from '../agreements/agreements.table';
import { runNextIntakeFile } from './intake-read.service';
import type { AcceptIntakeResult } from '../../../shared/intake';
import type { IntakeBatchView, IntakeFileView } from './intake.views';

function scanText(input: { numbers: string[]; title: string; date: string; body: string }): string {
  return [
    'PERJANJIAN KERJA SAMA',
    'ANTARA',
    'PEMERINTAH KOTA TERNATE',
    'DENGAN',
    'UNIVERSITAS KHAIRUN',
    `TENTANG ${input.title}`,
    '',
    ...input.numbers.map((number) => `Nomor: ${number}`),
    '',
    `Pada hari ini tanggal ${input.date} kami yang bertanda tangan di bawah ini sepakat. ${input.body}`,
  ].join('\n');
}

describe('bulk intake of scans', () => {
  let t: TestApp;
  let admin: string;
  let exact: BuiltAgreement;
  let lookAlike: BuiltAgreement;
  let batch: IntakeBatchView;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    exact = await buildAgreement(t.database.db, { title: 'Pengembangan Sumber Daya Manusia', numberOurs: '3/PKS/2024', numberPartner: null, signedOn: '2024-03-01', startsOn: null, endsOn: null });
    lookAlike = await buildAgreement(t.database.db, { title: 'Penelitian Perikanan Tangkap', numberOurs: '12/PKS/2024', signedOn: '2024-05-10', startsOn: null, endsOn: null });
  });
  afterAll(async () => {
    await t.close();
  });

  const worker = () => ({ db: t.database.db, files: t.files, clock: () => t.clock.now });
  const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const fileNamed = (name: string): IntakeFileView => {
    const file = batch.files.find((entry) => entry.fileName === name);
    if (!file) throw new Error(`no file ${name}`);
    return file;
  };

  async function uploadZip(entries: { name: string; data: Buffer }[], cookie = admin) {
    const body = multipartBody({ file: { fieldName: 'files', fileName: 'rak-arsip.zip', contentType: 'application/zip', content: await makeZip(entries) } });
    return t.app.inject({ method: 'POST', url: '/api/intake', headers: { ...body.headers, ...(cookie ? { cookie } : {}) }, payload: body.payload });
  }

  async function readBatch(id: string): Promise<IntakeBatchView> {
    return (await inject('GET', `/api/intake/${id}`, admin)).json<IntakeBatchView>();
  }

  it('takes a ZIP of scans, reads them and matches known numbers, look-alikes included, and proposes the rest', async () => {
    const response = await uploadZip([
      { name: 'pks-3.pdf', data: await makeTextPdf([scanText({ numbers: ['3/PKS/2024', '45/UNKHAIR/2024'], title: 'Pengembangan Sumber Daya Manusia', date: '01-03-2024', body: 'Beasiswa kelautan Halmahera.' })]) },
      { name: 'pks-12.pdf', data: await makeTextPdf([scanText({ numbers: ['I2 / pks / 2O24.'], title: 'Penelitian Perikanan Tangkap', date: '11-05-2024', body: 'Survei cakalang.' })]) },
      { name: 'baru.pdf', data: await makeTextPdf([scanText({ numbers: ['99/PKS/2025'], title: 'Pengelolaan Sampah Pesisir', date: '02-02-2025', body: 'Bank sampah Dufa-Dufa.' })]) },
      { name: 'catatan.txt', data: Buffer.from('bukan pindaian') },
    ]);
    expect(response.statusCode).toBe(201);
    batch = response.json<IntakeBatchView>();
    expect(batch.files.map((file) => [file.fileName, file.state])).toEqual(
      expect.arrayContaining([['pks-3.pdf', 'queued'], ['pks-12.pdf', 'queued'], ['baru.pdf', 'queued'], ['catatan.txt', 'failed']]),
    );
    expect(fileNamed('catatan.txt').error).toMatch(/bukan PDF atau gambar.*is not a PDF or an image/);

    for (let run = 0; run < 3; run += 1) expect(await runNextIntakeFile(worker())).toBe(true);
    expect(await runNextIntakeFile(worker())).toBe(false);

    batch = await readBatch(batch.id);
    expect(fileNamed('pks-3.pdf')).toMatchObject({ state: 'ready', match: { agreementId: exact.id, numberOurs: '3/PKS/2024' }, conflicts: [], agrees: true });
    expect(fileNamed('pks-12.pdf')).toMatchObject({ state: 'ready', match: { agreementId: lookAlike.id }, agrees: false });
    expect(fileNamed('pks-12.pdf').conflicts).toEqual([{ field: 'signedOn', register: '2024-05-10', scan: '2024-05-11' }]);
    expect(fileNamed('baru.pdf')).toMatchObject({ state: 'ready', match: null, agrees: false, fields: { nomorPemda: '99/PKS/2025' } });
    const list = await inject('GET', '/api/intake', admin);
    expect(list.json<{ id: string; states: Record<string, number> }[]>().find((entry) => entry.id === batch.id)?.states).toEqual({ ready: 3, failed: 1 });
  });

  it('accepts every agreeing file: the scan becomes the signed document, searchable at once, empty fields filled, audited', async () => {
    const response = await inject('POST', `/api/intake/accept-agreeing/${batch.id}`, admin);
    expect(response.json()).toEqual({ accepted: 1, failed: [] });

    const documents = (await inject('GET', `/api/agreements/${exact.id}/documents`, admin)).json<DocumentView[]>();
    expect(documents).toEqual([expect.objectContaining({ kind: 'naskah_ttd', fileName: 'pks-3.pdf', needsOcr: false, ocr: null })]);
    const found = await inject('GET', '/api/agreements?q=Halmahera', admin);
    expect(found.json<AgreementSearchResult>().items.map((item) => item.id)).toContain(exact.id);
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, exact.id));
    // The partner's number was empty in the register: filled from the scan. The rest is unchanged.
    expect(row).toMatchObject({ numberPartner: '45/UNKHAIR/2024', numberOurs: '3/PKS/2024', signedOn: '2024-03-01' });
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, exact.id))).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['update', 'document_upload', 'intake_accept']));
    expect((await readBatch(batch.id)).files.find((file) => file.fileName === 'pks-3.pdf')).toMatchObject({ state: 'accepted', acceptedAgreementId: exact.id });
  });

  it('refuses to accept a file twice with 409', async () => {
    const again = await inject('POST', `/api/intake/files/${fileNamed('pks-3.pdf').id}/accept`, admin, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageEn).toMatch(/already been decided/);
  });

  it('keeps a register value that the corrected scan contradicts, and says so', async () => {
    const response = await inject('POST', `/api/intake/files/${fileNamed('pks-12.pdf').id}/accept`, admin, { fields: { signedOn: '2024-05-11' } });
    expect(response.statusCode).toBe(200);
    expect(response.json<AcceptIntakeResult>()).toMatchObject({ agreementId: lookAlike.id, isNew: false, conflictsKept: [{ field: 'signedOn', register: '2024-05-10', scan: '2024-05-11' }] });
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, lookAlike.id));
    expect(row?.signedOn).toBe('2024-05-10');
  });

  it('refuses a new agreement without its lead OPD, naming the field, and writes nothing', async () => {
    const before = await registryCounts(t.database.db);
    const response = await inject('POST', `/api/intake/files/${fileNamed('baru.pdf').id}/accept`, admin, { kind: 'KSDPL', primarySectorCode: 'lingkungan_hidup', partner: { name: 'Universitas Khairun', categoryCode: 'perguruan_tinggi_negeri' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'leadUnitId' } });
    expect(await registryCounts(t.database.db)).toEqual(before);
    expect((await readBatch(batch.id)).files.find((file) => file.fileName === 'baru.pdf')?.state).toBe('ready');
  });

  it('creates a draft agreement with the scan attached for a file without a match', async () => {
    const partner = await buildPartner(t.database.db);
    const response = await inject('POST', `/api/intake/files/${fileNamed('baru.pdf').id}/accept`, admin, { leadUnitId: exact.leadUnitId, kind: 'KSDPL', primarySectorCode: 'pendidikan', partner: { id: partner.id } });
    expect(response.statusCode).toBe(200);
    const result = response.json<AcceptIntakeResult>();
    expect(result.isNew).toBe(true);
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, result.agreementId));
    expect(row).toMatchObject({ isDraft: true, numberOurs: '99/PKS/2025', docType: 'PKS', title: 'Pengelolaan Sampah Pesisir', signedOn: '2025-02-02' });
    const documents = (await inject('GET', `/api/agreements/${result.agreementId}/documents`, admin)).json<DocumentView[]>();
    expect(documents.map((document) => document.id)).toEqual([result.documentId]);
  });

  it('refuses a whole upload whose ZIP leads outside itself, storing nothing', async () => {
    const batches = (await inject('GET', '/api/intake', admin)).json<unknown[]>().length;
    const stored = Object.keys(await storedFileHashes(t.files)).length;
    const evil = makeRawZip([{ name: 'baik.pdf', data: await makeTextPdf(['x']) }, { name: '../../etc/jalin.pdf', data: await makeTextPdf(['y']) }]);
    const body = multipartBody({ file: { fieldName: 'files', fileName: 'jahat.zip', contentType: 'application/zip', content: evil } });
    const response = await t.app.inject({ method: 'POST', url: '/api/intake', headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('jahat.zip');
    expect((await inject('GET', '/api/intake', admin)).json<unknown[]>()).toHaveLength(batches);
    expect(Object.keys(await storedFileHashes(t.files))).toHaveLength(stored);
  });

  it('fails a 300-page scan at once with the OCR limit named, keeping nothing of it, while the rest of the upload is read', async () => {
    const stored = Object.keys(await storedFileHashes(t.files)).length;
    const response = await uploadZip([
      { name: 'tebal.pdf', data: await makeScanPdf(300) },
      { name: 'tipis.pdf', data: await makeTextPdf([scanText({ numbers: ['6/PKS/2021'], title: 'Uji Tipis', date: '01-01-2021', body: 'Satu halaman.' })]) },
    ]);
    expect(response.statusCode).toBe(201);
    const files = response.json<IntakeBatchView>().files;
    expect(files.find((file) => file.fileName === 'tebal.pdf')).toMatchObject({ state: 'failed', pageCount: 300, error: expect.stringContaining('Pindaian 300 halaman melebihi batas OCR 200 halaman') });
    expect(files.find((file) => file.fileName === 'tipis.pdf')).toMatchObject({ state: 'queued', pageCount: 1 });
    // Only the one-page scan was stored.
    expect(Object.keys(await storedFileHashes(t.files))).toHaveLength(stored + 1);
    // Out of the queue, so that the tests after this one read their own files.
    expect((await inject('POST', `/api/intake/files/${files.find((file) => file.fileName === 'tipis.pdf')?.id ?? ''}/reject`, admin)).statusCode).toBe(204);
  });

  it('rejects a file once', async () => {
    const second = await uploadZip([{ name: 'lain.pdf', data: await makeTextPdf([scanText({ numbers: ['5/PKS/2020'], title: 'Uji Tolak', date: '01-01-2020', body: 'Ditolak.' })]) }]);
    const fileId = second.json<IntakeBatchView>().files[0]?.id ?? '';
    expect((await inject('POST', `/api/intake/files/${fileId}/reject`, admin)).statusCode).toBe(204);
    expect((await inject('POST', `/api/intake/files/${fileId}/reject`, admin)).statusCode).toBe(409);
    expect((await inject('POST', `/api/intake/files/${fileId}/accept`, admin, {})).statusCode).toBe(409);
  });

  it('lets only admin use intake: 401 without a session, 403 for tkksd, pimpinan and opd', async () => {
    const fileId = fileNamed('catatan.txt').id;
    const check = async (cookie: string, expected: number, who: string) => {
      expect((await inject('GET', '/api/intake', cookie)).statusCode, `${who} list`).toBe(expected);
      expect((await inject('GET', `/api/intake/${batch.id}`, cookie)).statusCode, `${who} read`).toBe(expected);
      expect((await uploadZip([{ name: 'a.pdf', data: await makeTextPdf(['x']) }], cookie)).statusCode, `${who} upload`).toBe(expected);
      expect((await inject('POST', `/api/intake/files/${fileId}/accept`, cookie, {})).statusCode, `${who} accept`).toBe(expected);
      expect((await inject('POST', `/api/intake/accept-agreeing/${batch.id}`, cookie)).statusCode, `${who} accept agreeing`).toBe(expected);
      expect((await inject('POST', `/api/intake/files/${fileId}/reject`, cookie)).statusCode, `${who} reject`).toBe(expected);
    };
    await check('', 401, 'anonymous');
    for (const role of ['tkksd', 'pimpinan', 'opd'] as Role[]) await check((await t.loginAs(role)).cookie, 403, role);
    expect((await readBatch(batch.id)).files.find((file) => file.id === fileId)?.state).toBe('failed');
  });

  it('records the page being read, retries a failed reading after a minute and gives up on a permanent failure', async () => {
    const response = await uploadZip([{ name: 'rusak.pdf', data: await makeScanPdf(2) }]);
    const fileId = response.json<IntakeBatchView>().files[0]?.id ?? '';
    const pages: (number | null)[] = [];
    const transient = async (_bytes: Buffer, options: { onPage?: (page: number) => void }) => {
      options.onPage?.(1);
      // The progress is written beside the reading: wait for it, as a reader of the batch would see it.
      let page: number | null = null;
      for (let tries = 0; tries < 100 && page === null; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        page = (await t.database.db.select().from(intakeFiles).where(eq(intakeFiles.id, fileId)))[0]?.page ?? null;
      }
      pages.push(page);
      throw new OcrFailure('tesseract berhenti / tesseract stopped', false);
    };
    expect(await runNextIntakeFile({ ...worker(), ocr: transient })).toBe(true);
    expect(pages).toEqual([1]);
    const [queued] = await t.database.db.select().from(intakeFiles).where(eq(intakeFiles.id, fileId));
    expect(queued).toMatchObject({ state: 'queued', attempts: 1, error: 'tesseract berhenti / tesseract stopped' });
    expect(queued?.nextAttemptAt.getTime()).toBe(t.clock.now.getTime() + 60_000);

    const later = { ...worker(), clock: () => new Date(t.clock.now.getTime() + 61_000), ocr: () => Promise.reject(new OcrFailure('PDF tidak dapat dibaca / unreadable PDF', true)) };
    expect(await runNextIntakeFile(later)).toBe(true);
    const [failed] = await t.database.db.select().from(intakeFiles).where(eq(intakeFiles.id, fileId));
    expect(failed).toMatchObject({ state: 'failed', attempts: 2, error: 'PDF tidak dapat dibaca / unreadable PDF' });
  });

  it('reads an image-only scan through OCR and keeps its searchable copy for the document', async () => {
    const agreement = await buildAgreement(t.database.db, { numberOurs: '8/PKS/2022', startsOn: null, endsOn: null });
    const scan = await renderScanPdf([scanText({ numbers: ['8/PKS/2022'], title: 'Budidaya Rumput Laut', date: '01-06-2022', body: 'Rumput laut Pulau Hiri.' })], { rotationDegrees: 1, seed: 3 });
    const response = await uploadZip([{ name: 'pindaian.pdf', data: scan }]);
    const [file] = response.json<IntakeBatchView>().files;
    expect(await runNextIntakeFile(worker())).toBe(true);
    const read = (await readBatch(response.json<IntakeBatchView>().id)).files[0];
    expect(read).toMatchObject({ id: file?.id, state: 'ready', match: { agreementId: agreement.id } });
    const accepted = await inject('POST', `/api/intake/files/${file?.id ?? ''}/accept`, admin, {});
    expect(accepted.statusCode).toBe(200);
    const documents = (await inject('GET', `/api/agreements/${agreement.id}/documents`, admin)).json<DocumentView[]>();
    expect(documents).toEqual([expect.objectContaining({ hasSearchableCopy: true, needsOcr: false, ocr: null })]);
    const found = await inject('GET', '/api/agreements?q=rumput%20laut%20Hiri', admin);
    expect(found.json<AgreementSearchResult>().items.map((item) => item.id)).toContain(agreement.id);
  }, 240_000);
});
