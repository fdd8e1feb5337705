import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImpactStudyView } from '../../../shared/impact-study';
import type { Role } from '../../../shared/roles';
import type { StatsResponse } from '../../../shared/stats';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { docxText, pdfText, xlsxSheets } from '../../../../tests/support/report-files';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../audit/audit.table';
import { buildPlan } from '../monitoring/monitoring.test-support';
import { closeTestApp } from '../proposals/core/proposals.test-support';
import { realisationReports } from '../realisation/realisation.table';

// 5 December 2026 in Ternate.
const NOW = new Date('2026-12-05T01:00:00Z');

describe('impact study routes', () => {
  let t: TestApp;
  const cookies: Partial<Record<Role, string>> = {};
  const get = (url: string, role: Role = 'pimpinan') => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[role] ?? '' } });
  const put = (url: string, narrative: string, role: Role = 'admin') => t.app.inject({ method: 'PUT', url, headers: { cookie: cookies[role] ?? '' }, payload: { narrative } });
  const del = (url: string, role: Role = 'admin') => t.app.inject({ method: 'DELETE', url, headers: { cookie: cookies[role] ?? '' } });

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    for (const role of ['admin', 'tkksd', 'opd', 'pimpinan'] as const) cookies[role] = (await t.loginAs(role)).cookie;
    const db = t.database.db;
    const region = { id: (await buildPartner(db, { name: 'Pemerintah Kabupaten Kajian', categoryCode: 'pemerintah_kabupaten_kota' })).id };
    const bank = { id: (await buildPartner(db, { name: 'Bank Daerah Kajian', categoryCode: 'bumd' })).id };
    const shop = { id: (await buildPartner(db, { name: 'PT Toko Kajian', categoryCode: 'swasta' })).id };
    // 2024: three agreements, government first; education and UMKM tied at one each… plus one more UMKM.
    const school = await buildAgreement(db, { signedOn: '2024-02-01', startsOn: '2024-02-01', endsOn: '2029-01-31', primarySectorCode: 'pendidikan', partners: [region] });
    await buildAgreement(db, { signedOn: '2024-03-01', startsOn: '2024-03-01', endsOn: '2029-02-28', primarySectorCode: 'umkm_koperasi', partners: [region] });
    await buildAgreement(db, { docType: 'PKS', parentId: school.id, signedOn: '2024-05-01', startsOn: '2024-05-01', endsOn: '2026-04-30', primarySectorCode: 'pendapatan_daerah', partners: [bank] });
    // 2025: two agreements with a private partner, sectors tied.
    const market = await buildAgreement(db, { signedOn: '2025-04-01', startsOn: '2025-04-01', endsOn: '2030-03-31', primarySectorCode: 'umkm_koperasi', partners: [shop] });
    await buildAgreement(db, { signedOn: '2025-06-01', startsOn: '2025-06-01', endsOn: '2030-05-31', primarySectorCode: 'kesehatan', partners: [shop] });
    // Not counted: an adendum and a draft.
    await buildAgreement(db, { docType: 'ADENDUM', parentId: market.id, signedOn: '2025-09-01', partners: [shop] });
    await buildAgreement(db, { isDraft: true, signedOn: '2025-09-02', partners: [shop] });
    const plan = await buildPlan(db, { agreementId: market.id, unitId: market.leadUnitId, budgetYear: 2025 });
    await db.insert(realisationReports).values({
      planId: plan, agreementId: market.id, unitId: market.leadUnitId, period: '2025-S2', status: 'verified', verifiedAt: NOW, summary: 'Pelatihan pemasaran daring',
      beneficiaries: [{ group: 'umkm', count: 40 }, { group: 'pedagang', count: 15 }], funds: [{ source: 'APBD', realised: '12500000' }, { source: 'mitra', realised: '7500000' }],
    });
  });

  afterAll(async () => {
    await closeTestApp(t);
  });

  it('reproduces the statistics\' counts for the same years, every table and the largest group and sector', async () => {
    const stats: StatsResponse = (await get('/api/stats?from=2023&to=2026')).json();
    const response = await get('/api/impact-study?from=2023&to=2026');
    expect(response.statusCode).toBe(200);
    const study: ImpactStudyView = response.json();
    expect([study.from, study.to]).toEqual([2023, 2026]);
    for (const [index, year] of stats.years.entries()) expect(study.years[index]).toMatchObject(year);
    expect(study.years.map((year) => year.total)).toEqual([0, 3, 2, 0]);
    expect(study.labels.sectors).toHaveLength(13);
  });

  it('adds what the survey could not see: plans, verified realisation, beneficiaries, funds and dormancy', async () => {
    const study: ImpactStudyView = (await get('/api/impact-study?from=2024&to=2027')).json();
    const [y2024, y2025, y2026, y2027] = study.years;
    expect(y2024).toMatchObject({ inForce: 3, planned: 0, implemented: 0, beneficiariesTotal: 0, fundsTotal: '0' });
    expect(y2025).toMatchObject({ inForce: 5, planned: 1, implemented: 1, beneficiariesTotal: 55, fundsTotal: '20000000' });
    expect(y2025?.beneficiaries).toMatchObject({ umkm: 40, pedagang: 15 });
    expect(y2025?.funds).toMatchObject({ APBD: '12500000', mitra: '7500000' });
    // Nothing planned or reported for the 2024 agreements: dormant by the end of 2025 and today.
    expect(y2025?.dormant).toBeGreaterThan(0);
    // In force on the year's last day: what was signed by then and had not ended.
    expect([y2024?.inForceOnDay, y2025?.inForceOnDay]).toEqual([3, 5]);
    expect(y2026?.inForceOnDay).toBe(4);
    expect(y2026?.dormant).toBeGreaterThan(0);
    expect(y2026?.dormant).toBeLessThanOrEqual(4);
    expect(y2027).toMatchObject({ dormant: null, inForceOnDay: null });
  });

  it('generates the narrative from the figures, ties named together', async () => {
    const study: ImpactStudyView = (await get('/api/impact-study?from=2024&to=2025')).json();
    expect(study.narrative.edited).toBeNull();
    expect(study.canEdit).toBe(false);
    expect(study.narrative.generated).toContain('Pada tahun 2024 jumlah kerja sama sebanyak 3 dokumen. Kerja sama tertinggi dengan Instansi Pemerintah sebanyak 2 dokumen.');
    expect(study.narrative.generated).toContain('Kerja sama tertinggi dengan Swasta sebanyak 2 dokumen.');
    expect(study.narrative.generated).toContain('bidang Kesehatan dan bidang UMKM dan Koperasi masing-masing 1 dokumen');
  });

  it('lets the division and the TKKSD save an edit for the range, and reset it to the generated text, each audited', async () => {
    const saved = await put('/api/impact-study/draft?from=2024&to=2025', 'Narasi yang disunting oleh bagian kerja sama.');
    expect(saved.statusCode).toBe(200);
    expect(saved.json<ImpactStudyView>().narrative).toMatchObject({ edited: 'Narasi yang disunting oleh bagian kerja sama.', updatedByName: expect.any(String) as string });
    expect((await put('/api/impact-study/draft?from=2024&to=2025', 'Disunting lagi oleh TKKSD.', 'tkksd')).statusCode).toBe(200);
    const read: ImpactStudyView = (await get('/api/impact-study?from=2024&to=2025')).json();
    expect(read.narrative.edited).toBe('Disunting lagi oleh TKKSD.');
    expect(read.narrative.generated).toContain('Pada tahun 2024');
    // Another range has its own draft.
    expect((await get('/api/impact-study?from=2024&to=2024')).json<ImpactStudyView>().narrative.edited).toBeNull();
    const reset = await del('/api/impact-study/draft?from=2024&to=2025');
    expect(reset.statusCode).toBe(200);
    expect(reset.json<ImpactStudyView>().narrative.edited).toBeNull();
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'impact_study'), eq(auditLog.entityId, '2024-2025')));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['narrative_reset', 'narrative_saved', 'narrative_saved']);
  });

  it('refuses an empty narrative and a draft without an explicit range', async () => {
    const empty = await put('/api/impact-study/draft?from=2024&to=2025', '   ');
    expect(empty.statusCode).toBe(400);
    const open = await put('/api/impact-study/draft?from=2024', 'Teks');
    expect(open.statusCode).toBe(400);
    expect(open.json().error.field).toBe('to');
  });

  it('lets the pimpinan read and export but not edit, and refuses an OPD', async () => {
    expect((await put('/api/impact-study/draft?from=2024&to=2025', 'Teks', 'pimpinan')).statusCode).toBe(403);
    expect((await del('/api/impact-study/draft?from=2024&to=2025', 'pimpinan')).statusCode).toBe(403);
    expect((await get('/api/impact-study?from=2024&to=2025', 'opd')).statusCode).toBe(403);
    expect((await get('/api/impact-study/export.pdf?from=2024&to=2025', 'opd')).statusCode).toBe(403);
    expect((await get('/api/impact-study/export.xlsx?from=2024&to=2025', 'pimpinan')).statusCode).toBe(200);
    expect((await get('/api/impact-study?from=2024&to=2025', 'tkksd')).json<ImpactStudyView>().canEdit).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/impact-study' })).statusCode).toBe(401);
  });

  it('exports a workbook that opens on "Ringkasan", one row per year with "Tahun" and "Jumlah"', async () => {
    const response = await get('/api/impact-study/export.xlsx?from=2024&to=2025');
    expect(response.headers['content-disposition']).toContain('kajian-dampak-2024-2025.xlsx');
    const sheets = await xlsxSheets(response.rawPayload);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Kelompok Mitra', 'Kategori Mitra', 'Bidang', 'Pelaksanaan', 'Penerima Manfaat', 'Dana', 'Evaluasi']);
    const [head, ...rows] = sheets[0]?.rows ?? [];
    expect(head?.slice(0, 2)).toEqual(['Tahun', 'Jumlah']);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([[2024, 3, 'Instansi Pemerintah', 2], [2025, 2, 'Swasta', 2]]);
  });

  it('exports a PDF with the narrative, the edit when saved, and the charts\' titles; a DOCX with the same text', async () => {
    const generated = await pdfText((await get('/api/impact-study/export.pdf?from=2024&to=2025')).rawPayload);
    expect(generated.text).toContain('Kajian Dampak Kerja Sama 2024–2025');
    expect(generated.text).toContain('Pada tahun 2024 jumlah kerja sama sebanyak 3 dokumen.');
    expect(generated.text).toContain('Naskah per kelompok mitra');
    expect(generated.text).toContain('Dari naskah ke pelaksanaan');
    await put('/api/impact-study/draft?from=2024&to=2025', 'Kerja sama telah menghasilkan dampak bagi UMKM.');
    const edited = await pdfText((await get('/api/impact-study/export.pdf?from=2024&to=2025')).rawPayload);
    expect(edited.text).toContain('Kerja sama telah menghasilkan dampak bagi UMKM.');
    expect(edited.text).not.toContain('Pada tahun 2024 jumlah kerja sama');
    const docx = await get('/api/impact-study/export.docx?from=2024&to=2025');
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('Kerja sama telah menghasilkan dampak bagi UMKM.');
    expect(text).toContain('Ringkasan per tahun');
  });

  it('answers an unknown format with 400', async () => {
    expect((await get('/api/impact-study/export.csv?from=2024&to=2025')).statusCode).toBe(400);
  });
});
