import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { makeScanPdf, makeTextPdf, multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../audit/audit.table';
import { settings } from '../settings/settings.table';
import { uploadDocument } from './documents.service';
import { documents } from './documents.table';

function storedFiles(t: TestApp): string[] {
  const dir = path.join(t.env.JALIN_STORAGE_DIR ?? '', 'documents');
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function snapshot(t: TestApp) {
  const [docs] = await t.database.db.select({ n: count() }).from(documents);
  const [audits] = await t.database.db.select({ n: count() }).from(auditLog);
  return { documents: docs?.n, audits: audits?.n, files: storedFiles(t).length };
}

describe('document routes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  function upload(agreementId: string, options: { cookie?: string; content: Buffer; fileName?: string; contentType?: string; fields?: Record<string, string> }) {
    const body = multipartBody({
      fields: options.fields ?? { kind: 'naskah_ttd' },
      file: { fileName: options.fileName ?? 'naskah.pdf', content: options.content, ...(options.contentType ? { contentType: options.contentType } : {}) },
    });
    return t.app.inject({
      method: 'POST',
      url: `/api/agreements/${agreementId}/documents`,
      headers: { ...body.headers, ...(options.cookie === '' ? {} : { cookie: options.cookie ?? admin }) },
      payload: body.payload,
    });
  }

  it('stores a text PDF with its page count, checksum, extracted text and an audit row', async () => {
    const agreement = await buildAgreement(t.database.db);
    const pdf = await makeTextPdf(['Pasal 1 tentang pembiayaan pedagang', 'Pasal 2 tentang retribusi']);
    const response = await upload(agreement.id, { content: pdf, fields: { kind: 'naskah_ttd', isPublic: 'true' } });
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ agreementId: agreement.id, kind: 'naskah_ttd', fileName: 'naskah.pdf', mimeType: 'application/pdf', pageCount: 2, needsOcr: false, isPublic: true, sizeBytes: pdf.length });
    expect(view.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await t.database.db.select().from(documents).where(eq(documents.id, view.id));
    expect(row?.textContent).toContain('pembiayaan pedagang');
    expect(row?.storageKey).toMatch(/^documents\/[0-9a-f-]{36}\.pdf$/);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, agreement.id));
    expect(audits.map((audit) => audit.action)).toContain('document_upload');
  });

  it('accepts a scanned PDF without a text layer and marks it as needing OCR', async () => {
    const agreement = await buildAgreement(t.database.db);
    const response = await upload(agreement.id, { content: await makeScanPdf(2), fileName: 'pindaian.pdf' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ needsOcr: true, pageCount: 2 });
  });

  it('refuses a text file named .pdf and declared as a PDF, leaving the database and file store as they were', async () => {
    const agreement = await buildAgreement(t.database.db);
    const before = await snapshot(t);
    const response = await upload(agreement.id, { content: Buffer.from('Ini bukan PDF, hanya teks biasa.'), fileName: 'palsu.pdf', contentType: 'application/pdf' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ field: 'file', message: 'Berkas bukan PDF.' });
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a damaged PDF with a 400 that says so, storing nothing', async () => {
    const agreement = await buildAgreement(t.database.db);
    const before = await snapshot(t);
    const response = await upload(agreement.id, { content: Buffer.from('%PDF-1.7\n1 0 obj <<>> rusak') });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/rusak/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('removes the stored file when the database refuses the row', async () => {
    const agreement = await buildAgreement(t.database.db);
    const before = await snapshot(t);
    // An actor unknown to the users table: the row's foreign key fails after the file was written.
    const ghost = { id: randomUUID(), email: 'hantu@uji.jalin.local', name: 'Hantu', role: 'admin' as const, unitId: null };
    const upload = { fields: { kind: 'draf' }, file: { fileName: 'a.pdf', bytes: await makeTextPdf(['isi']) } };
    await expect(uploadDocument({ ...t.ctx(ghost), actor: ghost, files: t.files }, { agreementId: agreement.id, upload })).rejects.toThrow();
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses an empty file', async () => {
    const agreement = await buildAgreement(t.database.db);
    const response = await upload(agreement.id, { content: Buffer.alloc(0) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ field: 'file', message: 'Berkas kosong.' });
  });

  it('refuses a file above the configured upload limit with 413 naming the limit', async () => {
    const agreement = await buildAgreement(t.database.db);
    await t.database.db.update(settings).set({ value: 1 }).where(eq(settings.key, 'max_upload_mb'));
    try {
      const before = await snapshot(t);
      const big = await makeTextPdf([`Lampiran besar ${'x'.repeat(20)}`]);
      const padded = Buffer.concat([big, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const response = await upload(agreement.id, { content: padded });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.message).toContain('1 MB');
      expect(await snapshot(t)).toEqual(before);
    } finally {
      await t.database.db.update(settings).set({ value: 25 }).where(eq(settings.key, 'max_upload_mb'));
    }
  });

  it('accepts a PDF larger than the JSON body limit when it is within the upload limit', async () => {
    const agreement = await buildAgreement(t.database.db);
    const padded = Buffer.concat([await makeTextPdf(['Lampiran peta kawasan pesisir']), Buffer.alloc(3 * 1024 * 1024, 0x0a)]);
    const response = await upload(agreement.id, { content: padded });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ sizeBytes: padded.length, needsOcr: false });
  });

  it('keeps only a safe base name of a path-like file name and never uses it as a storage path', async () => {
    const agreement = await buildAgreement(t.database.db);
    const response = await upload(agreement.id, { content: await makeTextPdf(['isi']), fileName: '../../etc/pass\u0007wd\u202e.pdf' });
    expect(response.statusCode).toBe(201);
    expect(response.json().fileName).toBe('passwd.pdf');
    const [row] = await t.database.db.select().from(documents).where(eq(documents.id, response.json().id));
    expect(row?.storageKey).not.toContain('passwd');
  });

  it('names the field when the document kind is missing or unknown', async () => {
    const agreement = await buildAgreement(t.database.db);
    const response = await upload(agreement.id, { content: await makeTextPdf(['isi']), fields: { kind: 'surat_cinta' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('kind');
  });

  it('refuses a body that is not multipart', async () => {
    const agreement = await buildAgreement(t.database.db);
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreement.id}/documents`, headers: { cookie: admin }, payload: { kind: 'draf' } });
    expect(response.statusCode).toBe(415);
  });

  it('answers 404 for an upload to an agreement that does not exist', async () => {
    const response = await upload('00000000-0000-4000-8000-000000000000', { content: await makeTextPdf(['isi']) });
    expect(response.statusCode).toBe(404);
  });

  it('lists, serves as an attachment (never inline), and deletes a document with an audit row', async () => {
    const agreement = await buildAgreement(t.database.db);
    const pdf = await makeTextPdf(['Naskah "Ternate" ditandatangani']);
    const created = (await upload(agreement.id, { content: pdf, fileName: 'Naskah KB Tërnate.pdf' })).json();
    const list = await t.app.inject({ method: 'GET', url: `/api/agreements/${agreement.id}/documents`, headers: { cookie: admin } });
    expect(list.json<{ id: string }[]>().map((document) => document.id)).toEqual([created.id]);
    const served = await t.app.inject({ method: 'GET', url: `/api/documents/${created.id}/file`, headers: { cookie: admin } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(`attachment; filename="Naskah KB T_rnate.pdf"; filename*=UTF-8''Naskah%20KB%20T%C3%ABrnate.pdf`);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(pdf)).toBe(true);
    const attachment = await t.app.inject({ method: 'GET', url: `/api/documents/${created.id}/file?download=1`, headers: { cookie: admin } });
    expect(attachment.headers['content-disposition']).toMatch(/^attachment;/);
    const filesBefore = storedFiles(t).length;
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/documents/${created.id}`, headers: { cookie: admin } });
    expect(removed.statusCode).toBe(204);
    expect(storedFiles(t).length).toBe(filesBefore - 1);
    const gone = await t.app.inject({ method: 'GET', url: `/api/documents/${created.id}/file`, headers: { cookie: admin } });
    expect(gone.statusCode).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, agreement.id));
    expect(audits.map((audit) => audit.action)).toEqual(expect.arrayContaining(['document_upload', 'document_delete']));
  });
});

describe('document permissions', () => {
  let t: TestApp;
  let admin: string;
  let signedDoc: string;
  let draftDoc: string;
  let signedId: string;
  let draftId: string;
  let draftUnitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const unit = await buildUnit(t.database.db);
    draftUnitId = unit.id;
    const signed = await buildAgreement(t.database.db);
    const draft = await buildAgreement(t.database.db, { isDraft: true, leadUnitId: unit.id });
    signedId = signed.id;
    draftId = draft.id;
    const send = async (id: string) => {
      const body = multipartBody({ fields: { kind: 'draf' }, file: { fileName: 'a.pdf', content: await makeTextPdf(['isi']) } });
      return (await t.app.inject({ method: 'POST', url: `/api/agreements/${id}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload })).json().id as string;
    };
    signedDoc = await send(signed.id);
    draftDoc = await send(draft.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 to every document route without a session', async () => {
    const body = multipartBody({ fields: { kind: 'draf' }, file: { fileName: 'a.pdf', content: await makeTextPdf(['isi']) } });
    const responses = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/agreements/${signedId}/documents`, headers: body.headers, payload: body.payload }),
      t.app.inject({ method: 'GET', url: `/api/agreements/${signedId}/documents` }),
      t.app.inject({ method: 'GET', url: `/api/documents/${signedDoc}/file` }),
      t.app.inject({ method: 'DELETE', url: `/api/documents/${signedDoc}` }),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([401, 401, 401, 401]);
  });

  it.each(['tkksd', 'opd', 'pimpinan'] as const)('refuses upload and delete to %s with 403', async (role) => {
    const { cookie } = await t.loginAs(role);
    const body = multipartBody({ fields: { kind: 'draf' }, file: { fileName: 'a.pdf', content: await makeTextPdf(['isi']) } });
    const posted = await t.app.inject({ method: 'POST', url: `/api/agreements/${signedId}/documents`, headers: { ...body.headers, cookie }, payload: body.payload });
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/documents/${signedDoc}`, headers: { cookie } });
    expect([posted.statusCode, deleted.statusCode]).toEqual([403, 403]);
  });

  it.each(['admin', 'tkksd', 'opd', 'pimpinan'] as const)('lets %s read the documents of a signed agreement', async (role) => {
    const { cookie } = await t.loginAs(role);
    const list = await t.app.inject({ method: 'GET', url: `/api/agreements/${signedId}/documents`, headers: { cookie } });
    const file = await t.app.inject({ method: 'GET', url: `/api/documents/${signedDoc}/file`, headers: { cookie } });
    expect([list.statusCode, file.statusCode]).toEqual([200, 200]);
  });

  it.each([
    ['admin', 200],
    ['tkksd', 200],
    ['opd', 403],
    ['pimpinan', 403],
  ] as const)('shows the documents of a draft to %s: %i', async (role, status) => {
    const { cookie } = await t.loginAs(role);
    const list = await t.app.inject({ method: 'GET', url: `/api/agreements/${draftId}/documents`, headers: { cookie } });
    const file = await t.app.inject({ method: 'GET', url: `/api/documents/${draftDoc}/file`, headers: { cookie } });
    expect([list.statusCode, file.statusCode]).toEqual([status, status]);
  });

  it('shows the documents of a draft to the liaison of an OPD linked to it', async () => {
    const { cookie } = await t.loginAs('opd', { unitId: draftUnitId });
    const file = await t.app.inject({ method: 'GET', url: `/api/documents/${draftDoc}/file`, headers: { cookie } });
    expect(file.statusCode).toBe(200);
  });
});
