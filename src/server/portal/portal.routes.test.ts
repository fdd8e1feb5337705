import { SaxesParser } from 'saxes';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageView } from '../../shared/dissemination';
import type { ProcedureView } from '../../shared/procedures';
import { agreementSlug } from '../../shared/slug';
import { makeTextPdf, multipartBody } from '../../../tests/support/pdf-fixtures';
import { buildAgreement, buildSignedDocument } from '../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { agreements } from '../modules/agreements/agreements.table';
import { disseminationOpportunities, disseminationPackages } from '../modules/dissemination/dissemination.table';
import { closeTestApp } from '../modules/proposals/core/proposals.test-support';
import { portalPageVisits } from '../modules/dissemination/portal-visits.table';

function parsesAsXml(text: string): boolean {
  const parser = new SaxesParser();
  parser.write(text).close();
  return true;
}

describe('public portal pages', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const titles = {
    visible: 'Beasiswa taruna sekolah tinggi perhubungan',
    older: 'Pembiayaan pedagang pasar tradisional',
    hidden: 'Pengamanan pelabuhan tertutup',
    draft: 'Rancangan kerja sama draf rahasia',
  };

  async function upload(agreementId: string, text: string, fileName: string, isPublic: boolean) {
    const body = multipartBody({ fields: { kind: 'lampiran', isPublic: String(isPublic) }, file: { fileName, content: await makeTextPdf([text]) } });
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreementId}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(response.statusCode).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const db = t.database.db;
    ids.visible = (
      await buildAgreement(db, {
        title: titles.visible, numberOurs: 'RAHASIA/001/2025', valueIdr: '987654321', purpose: 'Catatan internal anggaran tertutup', scope: 'Pengiriman siswa nelayan',
        signedOn: '2025-02-01', startsOn: '2025-02-01', endsOn: '2030-01-31', primarySectorCode: 'pendidikan', otherSectorCodes: ['perhubungan'],
        partners: [{ name: 'Politeknik Pelayaran Uji', categoryCode: 'perguruan_tinggi_negeri' }], onPortal: true,
      })
    ).id;
    ids.older = (await buildAgreement(db, { title: titles.older, signedOn: '2023-09-01', startsOn: '2023-09-01', endsOn: '2028-08-31', primarySectorCode: 'umkm_koperasi', partners: [{ name: 'Bank Daerah Uji', categoryCode: 'bumd' }], onPortal: true })).id;
    ids.hidden = (await buildAgreement(db, { title: titles.hidden, isPublic: false, signedOn: '2025-03-01' })).id;
    ids.draft = (await buildAgreement(db, { title: titles.draft, isDraft: true, onPortal: true })).id;
    await upload(ids.visible, 'Ringkasan program beasiswa', 'ringkasan-beasiswa.pdf', true);
    await upload(ids.visible, 'Negosiasi tarif internal', 'negosiasi-internal.pdf', false);
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const pathOf = (key: 'visible' | 'older' | 'hidden' | 'draft') => `/kerja-sama/${agreementSlug(ids[key]!, titles[key])}`;

  it('serves the home page in Indonesian with the cooperation figures as charts and tables, and the latest public agreements', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toMatch(/^<!doctype html><html lang="id">/);
    expect(html).toContain('<title>Kerja Sama Kota Ternate</title>');
    expect(html).toContain('<meta name="description"');
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/"/>');
    expect(html).toContain('property="og:title"');
    expect(html).toContain('<svg');
    expect(html).toContain('Tampilkan sebagai tabel');
    expect(html).toContain('Per kelompok mitra');
    expect(html).toContain(titles.visible);
    expect(html).toContain('href="/peluang"');
    expect(html).toContain('href="/usulan"');
    expect(html).not.toContain(titles.hidden);
    expect(html).not.toContain(titles.draft);
  });

  it('lists public agreements and filters them by words, year, sector and partner group through GET parameters', async () => {
    const all = (await get('/kerja-sama')).body;
    expect(all).toContain(titles.visible);
    expect(all).toContain(titles.older);
    expect(all).toContain('2 kerja sama ditemukan');
    expect(all).not.toContain(titles.hidden);
    const byYear = (await get('/kerja-sama?tahun=2023')).body;
    expect(byYear).toContain(titles.older);
    expect(byYear).not.toContain(titles.visible);
    const bySector = (await get('/kerja-sama?bidang=perhubungan')).body;
    expect(bySector).toContain(titles.visible);
    expect(bySector).not.toContain(titles.older);
    const byGroup = (await get('/kerja-sama?mitra=bumn_bumd')).body;
    expect(byGroup).toContain(titles.older);
    expect(byGroup).not.toContain(titles.visible);
    const byWords = (await get('/kerja-sama?q=pedagang')).body;
    expect(byWords).toContain('1 kerja sama ditemukan');
    expect(byWords).toContain(titles.older);
    // A word found only in a non-public field never reveals an agreement.
    expect((await get('/kerja-sama?q=anggaran')).body).toContain('0 kerja sama ditemukan');
    expect((await get('/kerja-sama?tahun=abc&halaman=-3')).statusCode).toBe(200);
  });

  it('shows one agreement with its public fields and public documents only, and counts the visit', async () => {
    const response = await get(pathOf('visible'));
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain(`<h1>${titles.visible}</h1>`);
    expect(html).toContain('Politeknik Pelayaran Uji');
    expect(html).toContain('ringkasan-beasiswa.pdf');
    for (const secret of ['negosiasi-internal.pdf', 'RAHASIA/001/2025', '987654321', 'Catatan internal anggaran']) expect(html).not.toContain(secret);
    await get(pathOf('visible'));
    const [row] = await t.database.db.select().from(portalPageVisits).where(eq(portalPageVisits.entityId, ids.visible!));
    expect(row).toMatchObject({ page: 'agreement', day: '2026-06-15', visits: 2 });
  });

  it('sends an old slug of a renamed agreement to its current address', async () => {
    const response = await get(`/kerja-sama/judul-lama-${ids.visible!.slice(0, 8)}`);
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(pathOf('visible'));
  });

  it('answers a non-public, draft or unknown agreement with the same 404 page that names nothing', async () => {
    const pages = await Promise.all([get(pathOf('hidden')), get(pathOf('draft')), get('/kerja-sama/tidak-ada-0123abcd'), get('/kerja-sama/tanpa-kode')]);
    for (const page of pages) {
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('Halaman tidak ditemukan');
      expect(page.body).not.toContain(titles.hidden);
      expect(page.body).not.toContain(titles.draft);
    }
    expect(pages[0].body.replace(/kerja-sama\/[a-z0-9-]+/g, '')).toBe(pages[2].body.replace(/kerja-sama\/[a-z0-9-]+/g, ''));
    expect(await t.database.db.select().from(portalPageVisits).where(eq(portalPageVisits.entityId, ids.hidden!))).toEqual([]);
  });

  it('drops an agreement from the portal as soon as it is made non-public', async () => {
    expect((await get(pathOf('older'))).statusCode).toBe(200);
    await t.database.db.update(agreements).set({ isPublic: false, version: sql`${agreements.version} + 1` }).where(eq(agreements.id, ids.older!));
    expect((await get(pathOf('older'))).statusCode).toBe(404);
    expect((await get('/kerja-sama')).body).not.toContain(titles.older);
    await t.database.db.update(agreements).set({ isPublic: true, version: sql`${agreements.version} + 1` }).where(eq(agreements.id, ids.older!));
  });

  it('offers open data in CSV and JSON with public fields only and no non-public agreement', async () => {
    const csv = await get('/data/kerja-sama.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('id,judul,jenis_naskah,bentuk_kerja_sama,mitra,bidang,tanggal_tanda_tangan,mulai_berlaku,berakhir,ruang_lingkup,jumlah_dokumen_publik,url');
    expect(lines).toHaveLength(2);
    const json = await get('/data/kerja-sama.json');
    const body = json.json<{ jumlah: number; data: Record<string, unknown>[] }>();
    expect(body.jumlah).toBe(2);
    expect(Object.keys(body.data[0]!)).toEqual(header!.split(','));
    for (const text of [csv.body, json.body]) {
      expect(text).toContain(titles.visible);
      for (const secret of [titles.hidden, titles.draft, 'RAHASIA/001/2025', '987654321', 'Catatan internal', 'negosiasi-internal']) expect(text).not.toContain(secret);
    }
    const page = await get('/data');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('jumlah_dokumen_publik');
  });

  it('publishes a well-formed Atom feed, robots.txt and a sitemap of public pages', async () => {
    const feed = await get('/feed.xml');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(parsesAsXml(feed.body)).toBe(true);
    expect(feed.body).toContain(`<title>${titles.visible}</title>`);
    expect(feed.body).not.toContain(titles.hidden);
    const map = await get('/sitemap.xml');
    expect(parsesAsXml(map.body)).toBe(true);
    expect(map.body).toContain(`http://localhost:3000${pathOf('visible')}`);
    expect(map.body).not.toContain(ids.hidden!.slice(0, 8));
    expect((await get('/robots.txt')).body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });

  it('serves the proposal pages with their scripts from long-cached hashed addresses', async () => {
    const page = await get('/usulan');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="proposal-form"');
    expect(page.body).toContain('name="website"');
    const script = /<script src="(\/aset\/[0-9a-f]{12}\/proposal-form\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script!);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/aset/000000000000/proposal-form.js')).statusCode).toBe(404);
    for (const url of ['/usulan/konfirmasi', '/usulan/lacak']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<meta name="robots" content="noindex"/>');
    }
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('takes the proposal form without JavaScript: one proposal for the same form sent twice, clear messages for bad input', async () => {
    const form = new URLSearchParams({
      institution: 'Yayasan Bahari Hiri', contactName: 'Rahmawati Umar', email: 'rahma@yayasan.example', kind: 'KSDPK', title: 'Wisata bahari Pulau Hiri',
      'partner-0-name': 'Yayasan Bahari Hiri', 'partner-0-category': 'swasta', sectorCodes: 'pendidikan',
      latarBelakang: 'Potensi wisata bahari belum dikelola.', maksudTujuan: 'Mengembangkan paket wisata bersama warga.', ruangLingkup: 'Pelatihan pemandu dan perahu wisata.', manfaat: 'Pendapatan warga meningkat setiap tahun.', website: '',
    }).toString();
    const post = (payload: string) => t.app.inject({ method: 'POST', url: '/usulan', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    const first = await post(form);
    expect(first.statusCode).toBe(202);
    const code = /Kode usulan: ([A-Z0-9-]+)/.exec(first.body)?.[1];
    expect(code).toBeDefined();
    const again = await post(form);
    expect(again.body).toContain(`Kode usulan: ${code}`);
    const bad = await post(form.replace('email=rahma%40yayasan.example', 'email=bukan-email'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('initiator.email');
    const robot = await post(form.replace('website=', 'website=http%3A%2F%2Fspam.example'));
    expect(robot.statusCode).toBe(400);
    expect(robot.body).toContain('Permintaan tidak dapat diproses.');
  });

  it('keeps the guide in step with the procedure an admin edits', async () => {
    expect((await get('/usulan/panduan/KSDD')).body).toContain('Registrasi');
    const current = (await t.app.inject({ method: 'GET', url: '/api/procedures/KSDD', headers: { cookie: admin } })).json<ProcedureView>();
    const stages = current.stages.map((stage, index) => (index === 1 ? { ...stage, name: 'Pembahasan oleh tim khusus', targetDays: 21 } : stage));
    const saved = await t.app.inject({ method: 'PUT', url: '/api/procedures/KSDD', headers: { cookie: admin }, payload: { name: current.name, description: current.description, stages, version: current.version } });
    expect(saved.statusCode).toBe(200);
    const guide = (await get('/usulan/panduan/KSDD')).body;
    expect(guide).toContain('Pembahasan oleh tim khusus');
    expect(guide).toContain('Target: 21 hari');
    expect((await get('/usulan/panduan/XYZ')).statusCode).toBe(404);
  });

  it("links an adendum's page to the agreement it amends and the agreement's page to its adenda, never to a hidden one", async () => {
    const db = t.database.db;
    const adendum = await buildAgreement(db, { docType: 'ADENDUM', parentId: ids.older, title: 'Adendum pembiayaan pedagang pasar tradisional', onPortal: true, signedOn: '2024-05-02', startsOn: '2024-05-02', endsOn: '2028-08-31' });
    // Hidden although its signed text is attached: nobody chose to publish it.
    const hidden = await buildAgreement(db, { docType: 'ADENDUM', parentId: ids.older, title: 'Adendum tertutup pembiayaan', isPublic: false, signedOn: '2024-06-03' });
    await buildSignedDocument(db, hidden.id);
    const child = (await get(`/kerja-sama/${agreementSlug(adendum.id, adendum.title)}`)).body;
    expect(child).toContain('Naskah terkait');
    expect(child).toContain(`<dt>Mengubah</dt><dd><a href="${pathOf('older')}">Kesepakatan Bersama: ${titles.older}</a></dd>`);
    const parent = (await get(pathOf('older'))).body;
    expect(parent).toContain(`href="/kerja-sama/${agreementSlug(adendum.id, adendum.title)}"`);
    expect(parent).not.toContain('Adendum tertutup pembiayaan');
    expect((await get(pathOf('visible'))).body).not.toContain('Naskah terkait');
  });

  it('answers an unknown portal address with an HTML 404 and leaves /api answers in JSON', async () => {
    const page = await get('/tidak-ada');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    const api = await get('/api/tidak-ada');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/json');
  });
});

describe('public portal opportunities', () => {
  let t: TestApp;
  const ids: Record<string, string | undefined> = {};
  const bankTitle = 'Layanan keuangan Bank Daerah Uji untuk pedagang';

  async function publishPackage(agreementId: string, status: 'published' | 'draft', opportunities: Omit<typeof disseminationOpportunities.$inferInsert, 'packageId'>[]): Promise<string[]> {
    const db = t.database.db;
    const [pkg] = await db
      .insert(disseminationPackages)
      .values({ agreementId, status, summaryWhat: 'Kredit usaha dan pembayaran pajak daerah secara digital', summaryWhy: 'Pedagang pasar mendapat modal', publishedAt: status === 'published' ? t.clock.now : null })
      .returning();
    const rows = await db.insert(disseminationOpportunities).values(opportunities.map((row) => ({ ...row, packageId: pkg!.id }))).returning();
    return rows.map((row) => row.id);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids.bank = (await buildAgreement(db, { title: bankTitle, primarySectorCode: 'umkm_koperasi', partners: [{ name: 'Bank Daerah Uji', categoryCode: 'bumd' }], onPortal: true })).id;
    ids.school = (await buildAgreement(db, { title: 'Beasiswa taruna perhubungan uji', primarySectorCode: 'pendidikan', onPortal: true })).id;
    ids.hidden = (await buildAgreement(db, { title: 'Kerja sama tertutup uji', isPublic: false })).id;
    [ids.financing, ids.closedTraining] = await publishPackage(ids.bank, 'published', [
      { type: 'pembiayaan', title: 'Kredit modal pedagang pasar', sectorCodes: ['umkm_koperasi'], deadline: '2026-12-31', applyUrl: 'https://bank.example/kredit', scheme: 'Kredit usaha rakyat', position: 0 },
      { type: 'pelatihan', title: 'Pelatihan pembukuan digital', sectorCodes: ['umkm_koperasi'], deadline: '2026-01-31', howToApply: 'Datang ke kantor cabang.', position: 1 },
    ]);
    [ids.draftScholarship] = await publishPackage(ids.school, 'draft', [{ type: 'beasiswa', title: 'Beasiswa taruna belum terbit', deadline: '2026-12-31', applyUrl: 'https://kampus.example', position: 0 }]);
    [ids.hiddenOffer] = await publishPackage(ids.hidden, 'published', [{ type: 'layanan', title: 'Layanan tertutup uji', deadline: '2026-12-31', applyUrl: 'https://rahasia.example', position: 0 }]);
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const clicksOf = async (id: string) => (await t.database.db.select().from(disseminationOpportunities).where(eq(disseminationOpportunities.id, id)))[0]?.applyClicks;

  it('lists open opportunities of published packages only, filterable by type, sector and open or closed', async () => {
    const open = (await get('/peluang')).body;
    expect(open).toContain('Kredit modal pedagang pasar');
    expect(open).not.toContain('Pelatihan pembukuan digital');
    expect(open).not.toContain('Beasiswa taruna belum terbit');
    expect(open).not.toContain('Layanan tertutup uji');
    expect(open).toContain(`href="/peluang/${ids.financing}/daftar"`);
    expect(open).toContain(`/kerja-sama/${agreementSlug(ids.bank!, bankTitle)}`);
    const closed = (await get('/peluang?status=ditutup')).body;
    expect(closed).toContain('Pelatihan pembukuan digital');
    expect(closed).not.toContain('Kredit modal pedagang pasar');
    expect((await get('/peluang?status=semua&jenis=beasiswa')).body).toContain('0 peluang ditemukan');
    expect((await get('/peluang?status=semua&bidang=pendidikan')).body).toContain('0 peluang ditemukan');
    expect((await get('/peluang?status=semua&bidang=umkm_koperasi')).body).toContain('2 peluang ditemukan');
    expect((await get('/')).body).toMatch(/<strong>1<\/strong> peluang masih dibuka/);
  });

  it("shows the published summary and opportunities on the agreement's page", async () => {
    const html = (await get(`/kerja-sama/${agreementSlug(ids.bank!, bankTitle)}`)).body;
    expect(html).toContain('Kredit usaha dan pembayaran pajak daerah secara digital');
    expect(html).toContain('Kredit modal pedagang pasar');
    expect(html).toContain('Kredit usaha rakyat');
    const school = (await get(`/kerja-sama/${agreementSlug(ids.school!, 'Beasiswa taruna perhubungan uji')}`)).body;
    expect(school).not.toContain('Beasiswa taruna belum terbit');
  });

  it('counts a "how to apply" click and sends the reader on, and refuses opportunities the portal does not show', async () => {
    const first = await get(`/peluang/${ids.financing}/daftar`);
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('https://bank.example/kredit');
    await get(`/peluang/${ids.financing}/daftar`);
    expect(await clicksOf(ids.financing!)).toBe(2);
    const local = await get(`/peluang/${ids.closedTraining}/daftar`);
    expect(local.headers.location).toBe(`/kerja-sama/${agreementSlug(ids.bank!, bankTitle)}#peluang-${ids.closedTraining}`);
    for (const id of [ids.draftScholarship!, ids.hiddenOffer!, '00000000-0000-4000-8000-000000000000', 'bukan-id']) {
      const refused = await get(`/peluang/${id}/daftar`);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain('rahasia.example');
    }
    expect(await clicksOf(ids.draftScholarship!)).toBe(0);
    expect(await clicksOf(ids.hiddenOffer!)).toBe(0);
  });

  it("shows the division the uptake: the agreement page's visits and each offer's clicks on the package", async () => {
    const admin = (await t.loginAs('admin')).cookie;
    await t.database.db.insert(portalPageVisits).values([
      { page: 'agreement', entityId: ids.bank!, day: '2026-01-05', visits: 5 },
      { page: 'agreement', entityId: ids.bank!, day: '2026-01-06', visits: 2 },
      { page: 'agreement', entityId: ids.school!, day: '2026-01-06', visits: 9 },
    ]);
    // Visits of the pages read by the tests above may have been written too: count what the table holds.
    const bankRows = await t.database.db.select().from(portalPageVisits).where(eq(portalPageVisits.entityId, ids.bank!));
    const expected = bankRows.reduce((sum, row) => sum + row.visits, 0);
    expect(expected).toBeGreaterThanOrEqual(7);
    const response = await t.app.inject({ method: 'GET', url: `/api/agreements/${ids.bank!}/dissemination`, headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    const view = response.json<PackageView>();
    expect(view.portalVisits).toBe(expected);
    expect(view.opportunities.find((offer) => offer.id === ids.financing)?.applyClicks).toBe(await clicksOf(ids.financing!));
  });

  it('picks up a newly published package at once', async () => {
    expect((await get('/peluang')).body).not.toContain('Beasiswa taruna belum terbit');
    await t.database.db.update(disseminationPackages).set({ status: 'published', publishedAt: t.clock.now, version: sql`${disseminationPackages.version} + 1` }).where(eq(disseminationPackages.agreementId, ids.school!));
    expect((await get('/peluang')).body).toContain('Beasiswa taruna belum terbit');
  });
});
