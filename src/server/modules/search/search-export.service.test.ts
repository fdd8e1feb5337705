import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../shared/search';
import { buildUnit } from '../../../../tests/support/builders';
import { multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { exportAgreements } from './search-export.service';

function sheetRows(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const values = (row.values as (string | number | null | undefined)[]).slice(1);
    rows.push(Object.fromEntries(header.map((key, column) => [key, String(values[column] ?? '')])));
  });
  return rows;
}

describe('registry export', () => {
  let t: TestApp;
  let admin: string;
  let firstId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const db = t.database.db;
    const lead = await buildUnit(db, { name: 'Dinas Koperasi dan UKM Uji' });
    const support = await buildUnit(db, { name: 'Badan Perencanaan Uji' });
    const bank = await buildPartner(db, { name: 'PT Bank Maluku Malut Uji', categoryCode: 'bumd' });
    const parent = await buildAgreement(db, { title: 'Kesepakatan induk', numberOurs: '400/KB/2021', signedOn: '2021-01-01', startsOn: '2021-01-01', endsOn: '2021-12-31' });
    firstId = (await buildAgreement(db, {
      parentId: parent.id, valueIdr: '1500000000', longTermReason: 'Investasi jangka panjang',
      title: 'Pembiayaan pedagang pasar', numberOurs: '500/01/KB/2022', numberPartner: 'BMM/22/7', docType: 'PKS', kind: 'KSDPK',
      signedOn: '2022-04-05', startsOn: '2022-04-05', endsOn: '2027-04-04', scope: '=SUM(A1) kredit usaha', primarySectorCode: 'umkm_koperasi',
      otherSectorCodes: ['perbankan_keuangan'], partners: [{ id: bank.id }, { name: 'Koperasi Uji Dua', categoryCode: 'swasta' }],
      leadUnitId: lead.id, supportingUnitIds: [support.id],
    })).id;
    await buildAgreement(db, { title: 'Kerja sama lama', signedOn: '2020-01-01', startsOn: '2020-01-01', endsOn: '2021-01-01' });
    await buildAgreement(db, { title: 'Rancangan baru', isDraft: true, signedOn: null, startsOn: null, endsOn: null });
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports every matching row as XLSX with Indonesian columns that read back as written', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/agreements/export?format=xlsx&status=aktif&status=berakhir', headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="registri-kerja-sama-2026-06-15\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMNS]);
    const rows = sheetRows(sheet);
    expect(rows.map((row) => row.judul)).toEqual(['Pembiayaan pedagang pasar', 'Kesepakatan induk', 'Kerja sama lama']);
    expect(rows[0]).toEqual({
      nomor_pemda: '500/01/KB/2022', nomor_mitra: 'BMM/22/7', judul: 'Pembiayaan pedagang pasar', jenis_dokumen: 'PKS', jenis_kerja_sama: 'KSDPK',
      mitra: 'PT Bank Maluku Malut Uji; Koperasi Uji Dua', kategori_mitra: 'bumd; swasta', bidang: 'umkm_koperasi; perbankan_keuangan',
      opd: 'Dinas Koperasi dan UKM Uji; Badan Perencanaan Uji', tanggal_ttd: '2022-04-05', tanggal_mulai: '2022-04-05', tanggal_berakhir: '2027-04-04',
      status: 'aktif', ruang_lingkup: '=SUM(A1) kredit usaha', induk: '400/KB/2021', nilai: '1500000000', jenis_ksdd: '', alasan_jangka_panjang: 'Investasi jangka panjang',
      id: firstId,
    });
    expect(sheet.getRow(2).getCell(EXPORT_COLUMNS.indexOf('ruang_lingkup') + 1).type).toBe(ExcelJS.ValueType.String);
  });

  it('exports CSV with the same columns and defuses cells that would run as formulas', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/agreements/export?format=csv&q=${encodeURIComponent('500/01/KB/2022')}`, headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const workbook = new ExcelJS.Workbook();
    // Values kept as text: the reader would otherwise turn dates into Date objects.
    const sheet = await workbook.csv.read(Readable.from(response.rawPayload), { map: (value: unknown) => value });
    const rows = sheetRows(sheet);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ nomor_pemda: '500/01/KB/2022', tanggal_ttd: '2022-04-05', ruang_lingkup: "'=SUM(A1) kredit usaha" });
  });

  it('produces a file that the import reads back as unchanged rows', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/agreements/export?format=xlsx&q=500%2F01%2FKB%2F2022', headers: { cookie: admin } });
    const body = multipartBody({ file: { fileName: 'ekspor.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: exported.rawPayload } });
    const preview = await t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ totalRows: 1, unchanged: 1, toCreate: 0, toUpdate: 0, issues: [] });
  });

  it('leaves drafts out of the export for leadership', async () => {
    const { cookie } = await t.loginAs('pimpinan');
    const response = await t.app.inject({ method: 'GET', url: '/api/agreements/export', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(sheetRows(workbook.worksheets[0]!).map((row) => row.judul).sort()).toEqual(['Kerja sama lama', 'Kesepakatan induk', 'Pembiayaan pedagang pasar']);
  });

  it('refuses an export above the row cap with a message that names the count and the limit', async () => {
    const { user } = await t.loginAs('admin');
    const refused = exportAgreements({ ...t.ctx(user), actor: user }, { format: 'xlsx', maxRows: 2 });
    await expect(refused).rejects.toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringMatching(/4 naskah; batas 2/) });
    expect(firstId).toBeTruthy();
  });

  it.each(['admin', 'tkksd', 'opd', 'pimpinan'] as const)('lets %s export', async (role) => {
    const { cookie } = await t.loginAs(role);
    const response = await t.app.inject({ method: 'GET', url: '/api/agreements/export?format=csv', headers: { cookie } });
    expect(response.statusCode).toBe(200);
  });

  it('answers 401 without a session and 400 for an unknown format', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/agreements/export' })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/agreements/export?format=pdf', headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('format');
  });
});
