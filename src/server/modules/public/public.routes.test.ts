import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/documents';
import type { PublicAgreementList } from '../../../shared/public';
import { makeTextPdf, multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement, buildSignedDocument } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

describe('public API', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  let publicDoc: DocumentView;
  let privateDoc: DocumentView;
  let draftDoc: DocumentView;

  async function upload(agreementId: string, text: string, isPublic: boolean): Promise<DocumentView> {
    const body = multipartBody({ fields: { kind: 'lampiran', isPublic: String(isPublic) }, file: { fileName: `${text.slice(0, 8)}.pdf`, content: await makeTextPdf([text]) } });
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreementId}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(response.statusCode).toBe(201);
    return response.json<DocumentView>();
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const db = t.database.db;
    const visible = await buildAgreement(db, {
      title: 'Beasiswa taruna sekolah tinggi perhubungan', numberOurs: 'RAHASIA/001/2025', numberPartner: 'MITRA/XYZ/9', valueIdr: '987654321',
      purpose: 'Catatan internal anggaran tertutup', scope: 'Pengiriman siswa nelayan', signedOn: '2025-02-01', startsOn: '2025-02-01', endsOn: '2030-01-31',
      primarySectorCode: 'pendidikan', otherSectorCodes: ['perhubungan'], partners: [{ name: 'Politeknik Pelayaran Uji', categoryCode: 'perguruan_tinggi_negeri' }], onPortal: true,
    });
    ids.visible = visible.id;
    ids.endingSoon = (await buildAgreement(db, { title: 'Pembiayaan pedagang pasar', signedOn: '2021-09-01', startsOn: '2021-09-01', endsOn: '2026-08-31', primarySectorCode: 'umkm_koperasi', onPortal: true })).id;
    ids.draft = (await buildAgreement(db, { title: 'Rancangan nelayan draf', isDraft: true, onPortal: true })).id;
    ids.hidden = (await buildAgreement(db, { title: 'Pengamanan nelayan tertutup', isPublic: false })).id;
    ids.ended = (await buildAgreement(db, { title: 'Nelayan lama berakhir', signedOn: '2023-01-01', startsOn: '2023-01-01', endsOn: '2026-01-01', onPortal: true })).id;
    ids.revoked = (await buildAgreement(db, { title: 'Nelayan dicabut', terminationKind: 'dicabut', terminatedOn: '2026-03-01', terminationReason: 'pelanggaran', onPortal: true })).id;
    // Safer defaults (issue 14): chosen public but no signed document yet; signed document but never chosen.
    ids.chosenWithoutDocument = (await buildAgreement(db, { title: 'Nelayan dipilih tanpa naskah', isPublic: true })).id;
    ids.signedNotChosen = (await buildAgreement(db, { title: 'Nelayan bernaskah belum dipilih' })).id;
    await buildSignedDocument(db, ids.signedNotChosen);
    publicDoc = await upload(visible.id, 'Ringkasan program beasiswa untuk masyarakat umum', true);
    privateDoc = await upload(visible.id, 'Negosiasi tarif sandiwara internal', false);
    draftDoc = await upload(ids.draft, 'Lampiran rancangan untuk umum', true);
  });
  afterAll(async () => {
    await t.close();
  });

  async function list(query = ''): Promise<PublicAgreementList> {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/agreements${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<PublicAgreementList>();
  }

  it('lists only signed, public agreements in force, without a session', async () => {
    const result = await list();
    expect(result.items.map((item) => item.id)).toEqual([ids.visible, ids.endingSoon]);
    expect(result).toMatchObject({ total: 2, page: 1, pageSize: 20 });
  });

  it('shows only public fields: never the value, numbers, internal notes or non-public documents', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/agreements' });
    const body = response.body;
    for (const secret of ['987654321', 'RAHASIA', 'MITRA/XYZ', 'Catatan internal', 'valueIdr', 'numberOurs', 'purpose', privateDoc.id, draftDoc.id, ids.draft, ids.hidden]) {
      expect(body).not.toContain(secret);
    }
    const [item] = response.json<PublicAgreementList>().items;
    expect(Object.keys(item!).sort()).toEqual(['docType', 'documents', 'endsOn', 'id', 'kind', 'partnerNames', 'scope', 'sectorCodes', 'signedOn', 'startsOn', 'title']);
    expect(item).toMatchObject({
      partnerNames: ['Politeknik Pelayaran Uji'],
      sectorCodes: ['pendidikan', 'perhubungan'],
      scope: 'Pengiriman siswa nelayan',
      documents: [{ id: publicDoc.id, fileName: publicDoc.fileName }],
    });
  });

  it('searches public fields and public documents only', async () => {
    const ids_ = async (q: string) => (await list(`?q=${encodeURIComponent(q)}`)).items.map((item) => item.id);
    expect(await ids_('nelayan')).toEqual([ids.visible]);
    expect(await ids_('biaya')).toEqual([ids.endingSoon]);
    expect(await ids_('masyarakat')).toEqual([ids.visible]);
    expect(await ids_('Politeknik Pelayaran')).toEqual([ids.visible]);
    // Only in a number, in the purpose, or in a non-public document.
    expect(await ids_('RAHASIA/001/2025')).toEqual([]);
    expect(await ids_('anggaran')).toEqual([]);
    expect(await ids_('sandiwara')).toEqual([]);
  });

  it('filters by sector and pages', async () => {
    expect((await list('?sector=perhubungan')).items.map((item) => item.id)).toEqual([ids.visible]);
    const second = await list('?pageSize=1&page=2');
    expect(second.items.map((item) => item.id)).toEqual([ids.endingSoon]);
    expect(second.total).toBe(2);
  });

  it('serves a public document without a session and answers 404 for any other', async () => {
    const served = await t.app.inject({ method: 'GET', url: `/api/public/documents/${publicDoc.id}/file` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    const download = await t.app.inject({ method: 'GET', url: `/api/public/documents/${publicDoc.id}/file?download=1` });
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    for (const id of [privateDoc.id, draftDoc.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/public/documents/${id}/file` });
      expect(response.statusCode).toBe(404);
    }
  });

  it('refuses a page size above the public maximum, naming it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/agreements?pageSize=500' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('pageSize');
  });

  // Last: it attaches a document, which changes what the portal lists.
  it('lists an agreement only once it is chosen public and its signed document is attached', async () => {
    const listed = (await list()).items.map((item) => item.id);
    expect(listed).not.toContain(ids.chosenWithoutDocument);
    expect(listed).not.toContain(ids.signedNotChosen);
    // The signed document attached through the route: now both hold, and the portal lists it.
    const body = multipartBody({ fields: { kind: 'naskah_ttd', isPublic: 'false' }, file: { fileName: 'naskah.pdf', content: await makeTextPdf(['Naskah bertanda tangan nelayan']) } });
    const attached = await t.app.inject({ method: 'POST', url: `/api/agreements/${ids.chosenWithoutDocument ?? ''}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(attached.statusCode, attached.body).toBe(201);
    expect((await list()).items.map((item) => item.id)).toContain(ids.chosenWithoutDocument);
  });
});
