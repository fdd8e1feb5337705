import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import type { StatsResponse } from '../../../shared/stats';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

describe('statistics routes', () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    cookie = (await t.loginAs('pimpinan')).cookie;
    const db = t.database.db;
    const region = await buildPartner(db, { name: 'Pemerintah Kabupaten Statistik', categoryCode: 'pemerintah_kabupaten_kota' });
    const province = await buildPartner(db, { name: 'Pemerintah Provinsi Statistik', categoryCode: 'pemerintah_provinsi' });
    const bank = await buildPartner(db, { name: 'PT Bank Statistik', categoryCode: 'bumd' });
    const shop = await buildPartner(db, { name: 'PT Toko Statistik', categoryCode: 'swasta' });
    const kb = await buildAgreement(db, { partners: [{ id: region.id }], signedOn: '2011-02-01', primarySectorCode: 'umkm_koperasi' });
    await buildAgreement(db, { docType: 'PKS', parentId: kb.id, partners: [{ id: region.id }], signedOn: '2011-06-01', primarySectorCode: 'umkm_koperasi' });
    await buildAgreement(db, { docType: 'NK', partners: [{ id: province.id }, { id: shop.id }], signedOn: '2011-12-31', primarySectorCode: 'pendidikan' });
    await buildAgreement(db, { partners: [{ id: bank.id }], signedOn: '2011-08-17', primarySectorCode: 'pendidikan' });
    // Not counted: an adendum, a draft, an unsigned document.
    await buildAgreement(db, { docType: 'ADENDUM', parentId: kb.id, partners: [{ id: region.id }], signedOn: '2011-09-01' });
    await buildAgreement(db, { isDraft: true, partners: [{ id: shop.id }], signedOn: '2011-09-02' });
    await buildAgreement(db, { partners: [{ id: shop.id }], signedOn: null });
    await buildAgreement(db, { partners: [{ id: shop.id }], signedOn: '2013-01-05', primarySectorCode: 'kesehatan' });
    await buildAgreement(db, { partners: [{ id: shop.id }], signedOn: '2018-03-03', primarySectorCode: 'kesehatan' });
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, headers: Record<string, string> = { cookie }) => t.app.inject({ method: 'GET', url, headers });

  it('counts signed KB, PKS and NK per year by partner group, category and sector, with every year in the range', async () => {
    const response = await get('/api/stats?from=2011&to=2013');
    expect(response.statusCode).toBe(200);
    const body: StatsResponse = response.json();
    expect(body.from).toBe(2011);
    expect(body.to).toBe(2013);
    expect(body.years.map((year) => [year.year, year.total])).toEqual([[2011, 4], [2012, 0], [2013, 1]]);
    const first = body.years[0]!;
    const empty = body.years[1]!;
    expect(first.byPartnerGroup).toEqual({ pemerintah: 3, bumn_bumd: 1, swasta: 0, lainnya: 0 });
    expect(first.byPartnerCategory).toMatchObject({ pemerintah_kabupaten_kota: 2, pemerintah_provinsi: 1, bumd: 1, swasta: 0 });
    expect(first.bySector).toMatchObject({ umkm_koperasi: 2, pendidikan: 2, kesehatan: 0 });
    expect(Object.keys(first.bySector)).toHaveLength(13);
    expect(first.largestPartnerGroup).toEqual(['pemerintah']);
    expect(first.largestSector).toEqual(['pendidikan', 'umkm_koperasi']);
    expect(empty).toMatchObject({ year: 2012, total: 0, largestPartnerGroup: [], largestSector: [] });
  });

  it('defaults to every year that has data, the early ones included', async () => {
    const body = (await get('/api/stats')).json();
    expect([body.from, body.to]).toEqual([2011, 2018]);
    expect(body.years).toHaveLength(8);
    expect(body.years[0]).toMatchObject({ year: 2011, total: 4 });
    expect(body.years[7]).toMatchObject({ year: 2018, total: 1, largestSector: ['kesehatan'] });
  });

  it('answers a range that ends before the first signing when asked for one', async () => {
    const body = (await get('/api/stats?to=2009')).json();
    expect([body.from, body.to]).toEqual([2009, 2009]);
  });

  it.each([
    ['from=abc&to=2022', 'from'],
    ['from=2022&to=20x2', 'to'],
    ['from=2023&to=2020', 'from'],
    ['from=1950&to=2022', 'to'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const response = await get(`/api/stats?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe(field);
  });

  it('exports the tables as an XLSX workbook, one sheet per table', async () => {
    const response = await get('/api/stats/export?from=2011&to=2013');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('statistik-kerja-sama-2011-2013.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Per Tahun', 'Kelompok Mitra', 'Kategori Mitra', 'Bidang']);
    const groups = workbook.getWorksheet('Kelompok Mitra')!;
    expect(groups.getRow(1).values).toEqual([undefined, 'Kode', 'Nama', '2011', '2012', '2013', 'Total']);
    expect(groups.getRow(2).values).toEqual([undefined, 'pemerintah', 'Instansi Pemerintah', 3, 0, 0, 3]);
    expect(workbook.getWorksheet('Per Tahun')!.getRow(2).values).toEqual([undefined, 2011, 4]);
  });

  it('lets every signed-in role read the statistics and refuses an anonymous caller', async () => {
    expect((await get('/api/stats', {})).statusCode).toBe(401);
    expect((await get('/api/stats/export', {})).statusCode).toBe(401);
    for (const role of ['admin', 'tkksd', 'opd', 'pimpinan'] as Role[]) {
      const session = await t.loginAs(role);
      expect((await get('/api/stats?from=2011&to=2011', { cookie: session.cookie })).statusCode, role).toBe(200);
      expect((await get('/api/stats/export?from=2011&to=2011', { cookie: session.cookie })).statusCode, role).toBe(200);
    }
  });
});
