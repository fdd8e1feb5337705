import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/evaluation';
import { buildAgreement, buildPartner, type AgreementOverrides } from '../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Db } from '../db/client';
import { seedEvaluationForm } from '../modules/evaluation/evaluation-form.service';
import { evaluationResponses, evaluations } from '../modules/evaluation/evaluation.table';
import { buildPlan } from '../modules/monitoring/monitoring.test-support';
import { closeTestApp } from '../modules/proposals/core/proposals.test-support';
import { realisationReports } from '../modules/realisation/realisation.table';
import { DEFAULT_EVALUATION_FORM } from '../seed/default-evaluation-form';

// 5 December 2026 in Ternate.
const NOW = new Date('2026-12-05T01:00:00Z');
// Every agreement's row last changed on this day: the statistics' "modified".
const EDITED = new Date('2025-07-01T00:00:00.000Z');
const PUBLIC_URL = 'http://localhost:3000';

// A final evaluation every respondent answered with 4: with no evidence behind it the band is Kurang.
async function buildFinalEvaluation(db: Db, input: { agreementId: string; period: string }): Promise<void> {
  const [row] = await db.insert(evaluations).values({ ...input, formRevision: 1, status: 'final', openedAt: NOW, finalisedAt: NOW }).returning({ id: evaluations.id });
  if (!row) throw new Error('no evaluation');
  for (const respondent of ['opd', 'tkksd', 'admin'] as const) {
    const answers: Answer[] = DEFAULT_EVALUATION_FORM.indicators.filter((indicator) => indicator.respondents.includes(respondent)).map((indicator) => ({ code: indicator.code, score: 4 }));
    await db.insert(evaluationResponses).values({ evaluationId: row.id, respondent, answers, submittedAt: NOW });
  }
}

function csvLines(body: string): string[] {
  return body.replace(/^\uFEFF/, '').trim().split('\r\n');
}

type Catalog = {
  '@context': string;
  '@type': string;
  conformsTo: string;
  describedBy: string;
  dataset: Record<string, unknown>[];
};

describe('open data: statistics, implementation and the catalogue', () => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    const db = t.database.db;
    await seedEvaluationForm(db, { form: DEFAULT_EVALUATION_FORM, now: NOW });
    // Chosen public with their signed text attached: what the portal's open data is made of.
    const made = (overrides: AgreementOverrides) => buildAgreement(db, { updatedAt: EDITED, onPortal: true, ...overrides });
    const university = { id: (await buildPartner(db, { name: 'Universitas Uji Data Terbuka', categoryCode: 'perguruan_tinggi_negeri' })).id };
    const bank = { id: (await buildPartner(db, { name: 'Bank Daerah Uji Data Terbuka', categoryCode: 'bumd' })).id };
    // Two 2025 agreements with a government partner in education; the first also names transport.
    const cadets = await made({ signedOn: '2025-02-01', startsOn: '2025-02-01', endsOn: '2030-01-31', primarySectorCode: 'pendidikan', otherSectorCodes: ['perhubungan'], partners: [university] });
    const research = await made({ docType: 'PKS', signedOn: '2025-05-01', startsOn: '2025-05-01', endsOn: '2027-04-30', primarySectorCode: 'pendidikan', partners: [university] });
    await made({ signedOn: '2023-09-01', startsOn: '2023-09-01', endsOn: '2028-08-31', primarySectorCode: 'umkm_koperasi', partners: [bank] });
    await made({ signedOn: '2020-01-15', startsOn: '2020-01-15', endsOn: '2022-12-31', primarySectorCode: 'umkm_koperasi', partners: [bank] });
    // Neither a draft nor an adendum is a new agreement.
    await made({ isDraft: true, signedOn: '2025-03-01', primarySectorCode: 'pendidikan', partners: [university] });
    await made({ docType: 'ADENDUM', parentId: cadets.id, signedOn: '2025-06-01', startsOn: '2025-06-01', endsOn: '2030-01-31', primarySectorCode: 'pendidikan', partners: [university] });

    const cadetPlan = await buildPlan(db, { agreementId: cadets.id, unitId: cadets.leadUnitId, budgetYear: 2025 });
    const researchPlan = await buildPlan(db, { agreementId: research.id, unitId: research.leadUnitId, budgetYear: 2025 });
    await db.insert(realisationReports).values([
      {
        planId: cadetPlan, agreementId: cadets.id, unitId: cadets.leadUnitId, period: '2025-S1', status: 'verified', verifiedAt: NOW, summary: 'Pelatihan taruna',
        beneficiaries: [{ group: 'umkm', count: 12 }, { group: 'pelajar_mahasiswa', count: 30 }], funds: [{ source: 'APBD', realised: '5000000' }, { source: 'mitra', realised: '2500000' }],
      },
      // Submitted, not verified: not counted.
      { planId: researchPlan, agreementId: research.id, unitId: research.leadUnitId, period: '2025-S2', status: 'submitted', summary: 'Penelitian', beneficiaries: [{ group: 'umkm', count: 100 }], funds: [{ source: 'APBD', realised: '9' }] },
    ]);
    await buildFinalEvaluation(db, { agreementId: cadets.id, period: '2025-S2' });
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  it('counts signed agreements per year, partner group and primary sector as the statistics do, without drafts or adenda', async () => {
    const csv = await get('/data/statistik.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = csvLines(csv.body);
    expect(header).toBe('tahun,kode_kelompok_mitra,kelompok_mitra,kode_bidang,bidang,jumlah_naskah');
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.startsWith('2025,'))).toMatch(/^2025,pemerintah,Instansi Pemerintah,pendidikan,.*,2$/);
    expect(lines.some((line) => line.includes('perhubungan'))).toBe(false);
    expect(lines.filter((line) => /^20(20|23),bumn_bumd,/.test(line))).toHaveLength(2);
    const json = (await get('/data/statistik.json')).json<{ diperbarui: string; jumlah: number; data: Record<string, unknown>[] }>();
    expect(json.jumlah).toBe(3);
    expect(json.diperbarui).toBe(EDITED.toISOString());
    expect(json.data.reduce((sum, row) => sum + Number(row.jumlah_naskah), 0)).toBe(4);
  });

  it('gives per year the agreements in force, planned and reported, beneficiaries and funds of verified reports, and evaluation bands', async () => {
    const csv = await get('/data/pelaksanaan.csv');
    expect(csv.statusCode).toBe(200);
    const [header, ...lines] = csvLines(csv.body);
    expect(header).toBe(
      'tahun,naskah_berlaku,naskah_dengan_rencana_kegiatan,naskah_dengan_laporan_terverifikasi,' +
        'penerima_manfaat_umkm,penerima_manfaat_pedagang,penerima_manfaat_pelajar_mahasiswa,penerima_manfaat_warga,penerima_manfaat_asn,penerima_manfaat_lainnya,' +
        'dana_apbd,dana_mitra,dana_lainnya,evaluasi_efektif,evaluasi_cukup,evaluasi_kurang,evaluasi_dorman',
    );
    expect(lines.map((line) => line.split(',')[0])).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    const json = (await get('/data/pelaksanaan.json')).json<{ data: Record<string, number>[] }>();
    const year = (tahun: number) => json.data.find((row) => row.tahun === tahun);
    expect(year(2021)?.naskah_berlaku).toBe(1);
    expect(year(2023)?.naskah_berlaku).toBe(1);
    expect(year(2025)).toMatchObject({
      naskah_berlaku: 3,
      naskah_dengan_rencana_kegiatan: 2,
      naskah_dengan_laporan_terverifikasi: 1,
      penerima_manfaat_umkm: 12,
      penerima_manfaat_pelajar_mahasiswa: 30,
      dana_apbd: 5000000,
      dana_mitra: 2500000,
      evaluasi_kurang: 1,
      evaluasi_efektif: 0,
    });
    expect(year(2026)?.naskah_dengan_laporan_terverifikasi).toBe(0);
  });

  it('publishes a DCAT-US catalogue whose every distribution answers with its media type', async () => {
    const response = await get('/data/catalog.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const catalog = response.json<Catalog>();
    expect(catalog).toMatchObject({
      '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
      '@type': 'dcat:Catalog',
      conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
      describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    });
    expect(catalog.dataset.map((dataset) => dataset.identifier)).toEqual(['kerja-sama', 'statistik', 'pelaksanaan'].map((slug) => `${PUBLIC_URL}/data/${slug}`));
    for (const dataset of catalog.dataset) {
      for (const field of ['title', 'description', 'keyword', 'modified', 'publisher', 'contactPoint', 'identifier', 'license', 'temporal', 'distribution']) {
        expect(dataset[field], `${String(dataset.identifier)}: ${field}`).toBeTruthy();
      }
      expect(dataset).toMatchObject({ '@type': 'dcat:Dataset', accessLevel: 'public', spatial: 'Kota Ternate' });
      expect(dataset.modified).not.toBe(NOW.toISOString());
      const distributions = dataset.distribution as { downloadURL: string; mediaType: string; format: string }[];
      expect(distributions.map((item) => item.format)).toEqual(['CSV', 'JSON']);
      for (const item of distributions) {
        expect(item.downloadURL.startsWith(PUBLIC_URL)).toBe(true);
        const file = await get(item.downloadURL.slice(PUBLIC_URL.length));
        expect(file.statusCode, item.downloadURL).toBe(200);
        expect(file.headers['content-type']).toMatch(new RegExp(`^${item.mediaType}`));
      }
    }
    const statistics = catalog.dataset[1]!;
    expect(statistics.modified).toBe(EDITED.toISOString());
    expect(statistics.temporal).toBe('2020-01-01/2025-12-31');
    expect(String(statistics.description)).toContain('bidang utamanya');
  });

  it('lists every dataset with its formats, description and the catalogue on /data', async () => {
    const page = await get('/data');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<link rel="alternate" type="application/json" title="Katalog data terbuka (DCAT-US data.json)" href="/data/catalog.json"/>');
    for (const slug of ['kerja-sama', 'statistik', 'pelaksanaan']) {
      expect(html).toContain(`href="/data/${slug}.csv"`);
      expect(html).toContain(`href="/data/${slug}.json"`);
    }
    expect(html).toContain('Pelaksanaan dan dampak kerja sama daerah Kota Ternate per tahun');
    expect(html).toContain('penerima_manfaat_umkm');
    expect(html).toContain('jumlah_naskah');
    expect(html).toContain('href="/data/catalog.json"');
  });
});
