import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementView } from '../../../shared/agreements';
import type { MasterData } from '../../../shared/master';
import type { PartnerView } from '../../../shared/partners';
import { SearchQuerySchema, type AgreementSearchResult } from '../../../shared/search';
import type { StatsResponse } from '../../../shared/stats';
import { buildUnit } from '../../../../tests/support/builders';
import { agreementPayload, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { anotherHandle, type Db } from '../../db/client';
import { toCsv } from '../../lib/sheet-files';
import { importFile } from '../imports/imports.service';
import { readRevision } from './search-revision.repository';
import { searchAgreements } from './search.service';

// agreement_search is derived from agreements and their links in the transaction of every write,
// and the registry revision moves with it; the counts kept under a revision must therefore always
// equal freshly computed ones. Each write path is exercised through its own API or service.
describe('registry list rows and revision', () => {
  let t: TestApp;
  let admin: string;
  let adminUser: Awaited<ReturnType<TestApp['loginAs']>>['user'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ cookie: admin, user: adminUser } = await t.loginAs('admin'));
  });
  afterAll(async () => {
    await t.close();
  });

  // Another handle on the same database starts with an empty cache, as a new app process would.
  function freshHandle(db: Db): Db {
    return anotherHandle(db);
  }

  async function call<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> {
    const response = await t.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json<T>();
  }

  // Agreements whose list row is missing, left over, or differs from what the agreement says.
  async function driftedRows(): Promise<number> {
    const result: unknown = await t.database.db.execute(sql`
      SELECT count(*)::int AS n FROM agreements a FULL JOIN agreement_search s ON s.agreement_id = a.id
      WHERE a.id IS NULL OR s.agreement_id IS NULL
         OR (a.signed_on, a.doc_type, a.kind, a.is_draft, a.ends_on, a.termination_kind, a.terminated_on,
             a.primary_category_code, a.primary_sector_code, a.search_vector,
             ARRAY(SELECT x.sector_code FROM agreement_sectors x WHERE x.agreement_id = a.id ORDER BY 1),
             ARRAY(SELECT x.unit_id FROM agreement_units x WHERE x.agreement_id = a.id ORDER BY 1))
        IS DISTINCT FROM
            (s.signed_on, s.doc_type, s.kind, s.is_draft, s.ends_on, s.termination_kind, s.terminated_on,
             s.primary_category_code, s.primary_sector_code, s.search_vector, s.sector_codes, s.unit_ids)
         -- The vector itself as every writer computes it (the import computes it in its INSERT).
         OR a.search_vector IS DISTINCT FROM jalin_agreement_vector(a.title, a.number_ours, a.number_partner,
             (SELECT string_agg(p.name, ' ' ORDER BY ap.position) FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id
               WHERE ap.agreement_id = a.id), a.scope, a.purpose)`);
    return (result as { rows: { n: number }[] }).rows[0]?.n ?? -1;
  }

  const list = () => call<AgreementSearchResult>('GET', '/api/agreements');

  // The list as this app answers it (counts possibly kept) must equal the list computed afresh.
  async function expectCurrent(): Promise<AgreementSearchResult> {
    const kept = await list();
    const fresh = await searchAgreements({ ...t.ctx(adminUser), db: freshHandle(t.database.db), actor: adminUser }, SearchQuerySchema.parse({}));
    expect(kept).toEqual(fresh);
    expect(await driftedRows()).toBe(0);
    return kept;
  }

  const counts = (result: AgreementSearchResult, facet: keyof AgreementSearchResult['facets']) =>
    Object.fromEntries(result.facets[facet].map((bucket) => [bucket.value, bucket.count]));

  it('keeps the list and its counts current through creating, editing and ending agreements', async () => {
    const before = await expectCurrent();
    const created = await call<AgreementView>('POST', '/api/agreements', await agreementPayload(t.database.db, { docType: 'PKS', noParentReason: 'KB induk belum diterima', signedOn: '2024-02-01', startsOn: '2024-02-01', endsOn: '2027-01-31' }));
    const afterCreate = await expectCurrent();
    expect(afterCreate.total).toBe(before.total + 1);
    const lead = await buildUnit(t.database.db);
    const edited = await call<AgreementView>('PATCH', `/api/agreements/${created.id}`, {
      version: created.version, docType: 'KB', otherSectorCodes: ['pendidikan', 'kesehatan'], leadUnitId: lead.id, endsOn: '2026-09-01',
    });
    const afterEdit = await expectCurrent();
    expect(counts(afterEdit, 'docType').PKS ?? 0).toBe((counts(afterCreate, 'docType').PKS ?? 0) - 1);
    expect(counts(afterEdit, 'unit')[lead.id]).toBe(1);
    await call('POST', `/api/agreements/${created.id}/end`, { kind: 'dicabut', endedOn: '2026-06-01', reason: 'pelanggaran', version: edited.version });
    expect(counts(await expectCurrent(), 'status').dicabut).toBe(1);
  });

  it('keeps the list current through an import that creates and one that updates', async () => {
    // The file spells a known partner differently: the vector holds the registry's spelling.
    await buildPartner(t.database.db, { name: 'PT Pasar Rakyat Revisi', categoryCode: 'swasta' });
    const before = await expectCurrent();
    const row = {
      nomor_pemda: '900/KB/REV/2023', judul: 'Kesepakatan Bersama Pengelolaan Pasar Rakyat', jenis_dokumen: 'KB', jenis_kerja_sama: 'KSDPK',
      mitra: 'pt  pasar rakyat revisi', kategori_mitra: 'swasta', bidang: 'umkm_koperasi', opd: 'Dinas Perdagangan Revisi',
      tanggal_ttd: '2023-03-01', tanggal_mulai: '2023-03-01', tanggal_berakhir: '2027-02-28',
    };
    await importFile(t.ctx(), { fileName: 'register.csv', bytes: toCsv([row]), dryRun: false });
    const created = await expectCurrent();
    expect(created.total).toBe(before.total + 1);
    expect(counts(created, 'year')['2023']).toBe((counts(before, 'year')['2023'] ?? 0) + 1);
    await importFile(t.ctx(), { fileName: 'register.csv', bytes: toCsv([{ ...row, jenis_dokumen: 'NK', jenis_kerja_sama: 'SINERGI' }]), dryRun: false });
    expect(counts(await expectCurrent(), 'docType').NK).toBe((counts(created, 'docType').NK ?? 0) + 1);
  });

  it('keeps the list current when partners are renamed, recategorised or merged', async () => {
    const shop = await buildPartner(t.database.db, { name: 'PT Toko Revisi', categoryCode: 'swasta' });
    const bank = await buildPartner(t.database.db, { name: 'PT Bank Revisi', categoryCode: 'bumd' });
    await call('POST', '/api/agreements', await agreementPayload(t.database.db, { partners: [{ id: shop.id }] }));
    const before = await expectCurrent();
    const renamed = await call<PartnerView>('PATCH', `/api/partners/${shop.id}`, { name: 'PT Toko Revisi Baru', version: shop.version });
    await expectCurrent();
    await call('PATCH', `/api/partners/${shop.id}`, { categoryCode: 'perseorangan', version: renamed.version });
    const recategorised = await expectCurrent();
    expect(counts(recategorised, 'partnerCategory').perseorangan).toBe((counts(before, 'partnerCategory').perseorangan ?? 0) + 1);
    await call('POST', '/api/partners/merge', { sourceId: shop.id, targetId: bank.id });
    const merged = await expectCurrent();
    expect(counts(merged, 'partnerCategory').bumd).toBe((counts(recategorised, 'partnerCategory').bumd ?? 0) + 1);
  });

  it('recounts partner groups when master data moves a category to another group', async () => {
    const before = await expectCurrent();
    const master = await call<MasterData>('GET', '/api/master');
    const category = master.partnerCategories.find((entry) => entry.code === 'bumd');
    await call('PATCH', '/api/partner-categories/bumd', { groupCode: 'swasta', version: category?.version ?? 0 });
    const after = await expectCurrent();
    expect(counts(after, 'partnerGroup').swasta).toBe((counts(before, 'partnerGroup').swasta ?? 0) + (counts(before, 'partnerCategory').bumd ?? 0));
  });

  it('moves the revision once for a committed write and not at all for a refused one', async () => {
    const start = await readRevision(t.database.db);
    const refused = await t.app.inject({
      method: 'POST', url: '/api/agreements', headers: { cookie: admin },
      payload: await agreementPayload(t.database.db, { partners: [{ name: 'PT Kategori Hilang', categoryCode: 'tidak_ada' }] }),
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(await readRevision(t.database.db)).toBe(start);
    // One agreement with several sectors and OPDs: many rows written, one transaction, one step.
    const supporting = await buildUnit(t.database.db);
    await call('POST', '/api/agreements', await agreementPayload(t.database.db, { otherSectorCodes: ['pendidikan'], supportingUnitIds: [supporting.id] }));
    expect(await readRevision(t.database.db)).toBe(start + 1);
  });

  it('keeps the statistics current after a change', async () => {
    const stats = () => call<StatsResponse>('GET', '/api/stats?from=2019&to=2019');
    const before = await stats();
    await call('POST', '/api/agreements', await agreementPayload(t.database.db, { signedOn: '2019-05-01', startsOn: '2019-05-01', endsOn: '2021-04-30' }));
    expect((await stats()).years[0]?.total).toBe((before.years[0]?.total ?? 0) + 1);
  });
});
