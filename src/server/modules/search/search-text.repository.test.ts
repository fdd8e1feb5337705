import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/documents';
import type { AgreementSearchResult } from '../../../shared/search';
import { makeScanPdf, makeTextPdf, multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

describe('registry list: free-text search', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  async function search(q: string, extra = ''): Promise<AgreementSearchResult> {
    const response = await t.app.inject({ method: 'GET', url: `/api/agreements?q=${encodeURIComponent(q)}${extra}`, headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  async function upload(agreementId: string, content: Buffer) {
    const body = multipartBody({ fields: { kind: 'naskah_ttd' }, file: { fileName: 'naskah.pdf', content } });
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreementId}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(response.statusCode).toBe(201);
    return response.json<DocumentView>();
  }

  it('finds an agreement by an inflected word that appears only in its uploaded PDF, with a snippet from the PDF', async () => {
    const agreement = await buildAgreement(t.database.db, { title: 'Kesepakatan bersama bank daerah', scope: 'Layanan perbankan' });
    const other = await buildAgreement(t.database.db, { title: 'Kesepakatan bersama universitas', scope: 'Pendidikan tinggi' });
    await upload(agreement.id, await makeTextPdf(['Pasal 1', 'Pasal 2. Para pihak menyediakan pembiayaan bagi pedagang pasar dan pelaku UMKM.']));
    const result = await search('biaya');
    expect(result.items.map((item) => item.id)).toEqual([agreement.id]);
    expect(result.total).toBe(1);
    const [item] = result.items;
    expect(item?.snippet).toContain('<mark>pembiayaan</mark>');
    expect(item?.snippet).toContain('pedagang');
    expect(item?.rank).toBeGreaterThan(0);
    expect(item?.documentCount).toBe(1);
    expect((await search('universitas')).items.map((entry) => entry.id)).toEqual([other.id]);
  });

  it('matches agreement numbers and partner names as typed', async () => {
    const agreement = await buildAgreement(t.database.db, { numberOurs: '119/KB-TTE/VII/2024', partners: [{ name: 'Koperasi Gamalama Sejahtera', categoryCode: 'swasta' }] });
    expect((await search('119/KB-TTE/VII/2024')).items.map((item) => item.id)).toEqual([agreement.id]);
    expect((await search('Gamalama')).items.map((item) => item.id)).toEqual([agreement.id]);
  });

  it('escapes the text around the highlight so that only <mark> is markup', async () => {
    await buildAgreement(t.database.db, { title: 'Kerja sama penyuluhan', scope: 'Sosialisasi <script>alert("x")</script> & penyuluhan nelayan tangkap' });
    const [item] = (await search('nelayan')).items;
    expect(item?.snippet).toContain('<mark>nelayan</mark>');
    expect(item?.snippet).not.toContain('<script>');
    expect(item?.snippet).toContain('&amp;');
    expect(item?.snippet?.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('ranks a match in the title above a match only in a document by default, and sorts by date when asked', async () => {
    const inTitle = await buildAgreement(t.database.db, { title: 'Pengelolaan terumbu karang', signedOn: '2020-01-01', startsOn: '2020-01-01', endsOn: '2029-01-01' });
    const inDocument = await buildAgreement(t.database.db, { title: 'Kerja sama kelautan', signedOn: '2025-01-01', startsOn: '2025-01-01', endsOn: '2029-01-01' });
    await upload(inDocument.id, await makeTextPdf(['Rehabilitasi terumbu karang di pesisir Ternate.']));
    const ranked = await search('terumbu');
    expect(ranked.items.map((item) => item.id)).toEqual([inTitle.id, inDocument.id]);
    expect(ranked.items[0]!.rank).toBeGreaterThan(ranked.items[1]!.rank);
    const byDate = await search('terumbu', '&sort=signed_desc');
    expect(byDate.items.map((item) => item.id)).toEqual([inDocument.id, inTitle.id]);
  });

  it('ranks an agreement whose own text holds both words far apart above one whose document holds them side by side', async () => {
    // ts_rank_cd of two words far apart is small (about 0.02): a fixed amount for a document hit
    // must stay below any hit in the agreement's own text, not merely below a one-word title hit.
    const farApart = await buildAgreement(t.database.db, {
      title: 'Penataan kawasan pesisir utara', scope: 'Penyediaan sarana, pelatihan warga, pengangkutan dan pengolahan sampah rumah tangga',
      signedOn: '2019-01-01', startsOn: '2019-01-01', endsOn: '2029-01-01',
    });
    const inDocument = await buildAgreement(t.database.db, { title: 'Kerja sama kebersihan kota', signedOn: '2025-02-01', startsOn: '2025-02-01', endsOn: '2029-01-01' });
    await upload(inDocument.id, await makeTextPdf(['Pasal 2. Penanganan sampah pesisir dan sampah laut di Ternate.']));
    const ranked = await search('pesisir sampah');
    expect(ranked.items.map((item) => item.id)).toEqual([farApart.id, inDocument.id]);
  });

  it('keeps a scan needing OCR on the list but cannot find it by words it only shows as an image', async () => {
    const agreement = await buildAgreement(t.database.db, { title: 'Naskah hasil pindaian arsip' });
    const document = await upload(agreement.id, await makeScanPdf());
    expect(document.needsOcr).toBe(true);
    expect((await search('pindaian')).items.map((item) => item.id)).toEqual([agreement.id]);
  });

  it('combines text with the other filters and counts facets within the text matches', async () => {
    const a = await buildAgreement(t.database.db, { title: 'Retribusi parkir elektronik', docType: 'KB' });
    const b = await buildAgreement(t.database.db, { title: 'Retribusi pasar tradisional', docType: 'PKS' });
    const result = await search('retribusi', '&docType=PKS');
    expect(result.items.map((item) => item.id)).toEqual([b.id]);
    expect(Object.fromEntries(result.facets.docType.map((bucket) => [bucket.value, bucket.count]))).toEqual({ KB: 1, PKS: 1 });
    expect((await search('retribusi')).items.map((item) => item.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('treats a query without letters or digits as no query, and quotes and operators as web search syntax', async () => {
    const all = await search('');
    expect((await search(' !!! ')).total).toBe(all.total);
    // Each vector (the agreement's own, each document's) is matched on its own.
    const quoted = await search('"terumbu karang" -pengelolaan');
    expect(quoted.items.map((item) => item.title)).toEqual(['Kerja sama kelautan']);
    expect((await search('"karang terumbu"')).total).toBe(0);
  });
});
