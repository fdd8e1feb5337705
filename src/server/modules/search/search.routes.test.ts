import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementSearchResult, FacetBucket } from '../../../shared/search';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

// Today is 2026-06-15 in Ternate; with the default 180-day window "akan berakhir" runs to 2026-12-12.
describe('registry list: filters, facets, sort and pages', () => {
  let t: TestApp;
  let admin: string;
  let unitA: string;
  let unitB: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const db = t.database.db;
    unitA = (await buildUnit(db, { name: 'Dinas Pendidikan Uji' })).id;
    unitB = (await buildUnit(db, { name: 'Badan Pendapatan Uji' })).id;
    ids.aktif = (await buildAgreement(db, {
      title: 'Beasiswa taruna perhubungan', docType: 'KB', kind: 'KSDPK', signedOn: '2021-03-01', startsOn: '2021-03-01', endsOn: '2027-03-01',
      primarySectorCode: 'pendidikan', otherSectorCodes: ['umkm_koperasi'], partners: [{ name: 'PT Swasta Satu', categoryCode: 'swasta' }], leadUnitId: unitA,
    })).id;
    ids.akanBerakhir = (await buildAgreement(db, {
      title: 'Pelatihan pelaku usaha', docType: 'PKS', kind: 'KSDD', ksddMode: 'sukarela', signedOn: '2022-05-01', startsOn: '2022-05-01', endsOn: '2026-09-01',
      primarySectorCode: 'umkm_koperasi', partners: [{ name: 'Pemerintah Provinsi Uji', categoryCode: 'pemerintah_provinsi' }], leadUnitId: unitB, supportingUnitIds: [unitA],
    })).id;
    ids.berakhir = (await buildAgreement(db, {
      title: 'Digitalisasi pajak daerah', docType: 'KB', kind: 'SINERGI', signedOn: '2022-01-10', startsOn: '2022-01-10', endsOn: '2025-01-01',
      primarySectorCode: 'pendapatan_daerah', partners: [{ name: 'Bank Daerah Uji', categoryCode: 'bumd' }], leadUnitId: unitB,
    })).id;
    ids.diakhiri = (await buildAgreement(db, {
      title: 'Angkutan laut antarpulau', docType: 'NK', kind: 'SINERGI', signedOn: '2020-02-02', startsOn: '2020-02-02', endsOn: '2028-01-01',
      terminationKind: 'diakhiri', terminatedOn: '2025-12-01', terminationReason: 'kesepakatan_para_pihak', primarySectorCode: 'perhubungan', leadUnitId: unitB,
    })).id;
    ids.draft = (await buildAgreement(db, {
      title: 'Zonasi rancangan kerja sama', isDraft: true, signedOn: null, startsOn: null, endsOn: null, primarySectorCode: 'kesehatan', leadUnitId: unitA,
    })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function list(query: string, cookie = admin): Promise<AgreementSearchResult> {
    const response = await t.app.inject({ method: 'GET', url: `/api/agreements${query}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return response.json();
  }
  const idsOf = (result: AgreementSearchResult) => result.items.map((item) => item.id);
  const counts = (buckets: FacetBucket[]) => Object.fromEntries(buckets.map((bucket) => [bucket.value, bucket.count]));

  it('lists everything newest first with derived statuses, partners, lead OPD and document counts', async () => {
    const result = await list('');
    expect(result.total).toBe(5);
    expect(idsOf(result)).toEqual([ids.akanBerakhir, ids.berakhir, ids.aktif, ids.diakhiri, ids.draft]);
    const byId = new Map(result.items.map((item) => [item.id, item]));
    expect([ids.aktif, ids.akanBerakhir, ids.berakhir, ids.diakhiri, ids.draft].map((id) => byId.get(id!)?.status)).toEqual([
      'aktif', 'akan_berakhir', 'berakhir', 'diakhiri', 'draft',
    ]);
    expect(byId.get(ids.akanBerakhir!)).toMatchObject({
      docType: 'PKS', kind: 'KSDD', primarySectorCode: 'umkm_koperasi', documentCount: 0, snippet: null, rank: 0,
      primaryPartner: { name: 'Pemerintah Provinsi Uji', categoryCode: 'pemerintah_provinsi', groupCode: 'pemerintah' },
      partnerNames: ['Pemerintah Provinsi Uji'], leadUnit: { id: unitB, name: 'Badan Pendapatan Uji' },
    });
  });

  it('filters by derived status using the dates of today', async () => {
    expect(idsOf(await list('?status=akan_berakhir'))).toEqual([ids.akanBerakhir]);
    expect(idsOf(await list('?status=berakhir'))).toEqual([ids.berakhir]);
    expect(idsOf(await list('?status=diakhiri'))).toEqual([ids.diakhiri]);
    expect(idsOf(await list('?status=draft'))).toEqual([ids.draft]);
    expect(idsOf(await list('?status=aktif&status=akan_berakhir'))).toEqual([ids.akanBerakhir, ids.aktif]);
  });

  it('filters by year, document type, kind, partner group and category, any sector and any linked OPD', async () => {
    expect(idsOf(await list('?year=2022'))).toEqual([ids.akanBerakhir, ids.berakhir]);
    expect(idsOf(await list('?year=2020&year=2021'))).toEqual([ids.aktif, ids.diakhiri]);
    expect(idsOf(await list('?docType=NK'))).toEqual([ids.diakhiri]);
    expect(idsOf(await list('?kind=KSDD'))).toEqual([ids.akanBerakhir]);
    expect(idsOf(await list('?partnerGroup=pemerintah'))).toEqual([ids.akanBerakhir]);
    expect(idsOf(await list('?partnerCategory=bumd'))).toEqual([ids.berakhir]);
    expect(idsOf(await list('?sector=umkm_koperasi'))).toEqual([ids.akanBerakhir, ids.aktif]);
    expect(idsOf(await list(`?unit=${unitA}`))).toEqual([ids.akanBerakhir, ids.aktif, ids.draft]);
    expect(idsOf(await list(`?unit=${unitA}&year=2021`))).toEqual([ids.aktif]);
  });

  it('counts each facet over the other active filters, with labels from master data', async () => {
    const result = await list('?year=2022&sector=umkm_koperasi');
    expect(result.total).toBe(1);
    expect(counts(result.facets.year)).toEqual({ '2021': 1, '2022': 1 });
    expect(counts(result.facets.sector)).toEqual({ umkm_koperasi: 1, pendapatan_daerah: 1 });
    expect(counts(result.facets.docType)).toEqual({ PKS: 1 });
    expect(counts(result.facets.status)).toEqual({ akan_berakhir: 1 });
    expect(result.facets.partnerGroup).toEqual([{ value: 'pemerintah', label: 'Instansi Pemerintah', count: 1 }]);
    expect(result.facets.sector.find((bucket) => bucket.value === 'umkm_koperasi')?.label).toBe('UMKM dan Koperasi');
    expect(counts(result.facets.unit)).toEqual({ [unitA]: 1, [unitB]: 1 });
    const all = await list('');
    expect(counts(all.facets.status)).toEqual({ draft: 1, aktif: 1, akan_berakhir: 1, berakhir: 1, diakhiri: 1 });
    expect(all.facets.year.map((bucket) => bucket.value)).toEqual(['2022', '2021', '2020']);
  });

  it('sorts by signing date, title and end date', async () => {
    expect(idsOf(await list('?sort=signed_asc'))).toEqual([ids.diakhiri, ids.aktif, ids.berakhir, ids.akanBerakhir, ids.draft]);
    expect(idsOf(await list('?sort=title'))).toEqual([ids.diakhiri, ids.aktif, ids.berakhir, ids.akanBerakhir, ids.draft]);
    expect(idsOf(await list('?sort=ends_asc'))).toEqual([ids.berakhir, ids.akanBerakhir, ids.aktif, ids.diakhiri, ids.draft]);
  });

  it('pages through the list with a stable total', async () => {
    const first = await list('?pageSize=2&page=1');
    const second = await list('?pageSize=2&page=2');
    const third = await list('?pageSize=2&page=3');
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([...idsOf(first), ...idsOf(second), ...idsOf(third)]).toEqual(idsOf(await list('')));
    expect(second).toMatchObject({ page: 2, pageSize: 2 });
    expect((await list('?page=9')).items).toEqual([]);
  });

  it('refuses a page size above the maximum and an unknown status, naming the parameter', async () => {
    const big = await t.app.inject({ method: 'GET', url: '/api/agreements?pageSize=1000', headers: { cookie: admin } });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.field).toBe('pageSize');
    const status = await t.app.inject({ method: 'GET', url: '/api/agreements?status=hilang', headers: { cookie: admin } });
    expect(status.statusCode).toBe(400);
    expect(status.json().error.field).toMatch(/^status/);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/agreements' });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['admin', true],
    ['tkksd', true],
    ['pimpinan', false],
  ] as const)('lets %s read the registry; drafts visible: %s', async (role, seesDraft) => {
    const { cookie } = await t.loginAs(role);
    const result = await list('', cookie);
    expect(idsOf(result).includes(ids.draft!)).toBe(seesDraft);
    expect(result.total).toBe(seesDraft ? 5 : 4);
    expect(counts(result.facets.status).draft).toBe(seesDraft ? 1 : undefined);
  });

  it('shows an OPD liaison the drafts its own OPD is linked to, and no other drafts', async () => {
    const own = await t.loginAs('opd', { unitId: unitA });
    expect(idsOf(await list('?status=draft', own.cookie))).toEqual([ids.draft]);
    const other = await t.loginAs('opd', { unitId: unitB });
    const result = await list('', other.cookie);
    expect(result.total).toBe(4);
    expect(idsOf(result)).not.toContain(ids.draft);
  });
});
