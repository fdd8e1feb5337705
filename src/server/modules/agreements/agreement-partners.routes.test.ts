import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { PartnerDetailView, PartnerDuplicateView, PartnerListView } from '../../../shared/partners';
import { auditLog } from '../audit/audit.table';
import { partnerDuplicateDismissals, partners } from '../partners/partners.table';
import { agreements } from './agreements.table';

describe('partners routes', () => {
  let t: TestApp;
  let admin: string;
  const cookies: Record<'tkksd' | 'opd' | 'pimpinan', string> = { tkksd: '', opd: '', pimpinan: '' };
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) cookies[role] = (await t.loginAs(role)).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const partnerCount = async () => (await t.database.db.select().from(partners)).length;

  it('answers 401 to every partner route without a session', async () => {
    const partner = await buildPartner(t.database.db);
    const requests: [('GET' | 'POST' | 'PATCH'), string, object?][] = [
      ['GET', '/api/partners'],
      ['GET', '/api/partners/duplicates'],
      ['GET', `/api/partners/${partner.id}`],
      ['POST', '/api/partners', { name: 'PT Tanpa Sesi', categoryCode: 'swasta' }],
      ['PATCH', `/api/partners/${partner.id}`, { name: 'PT Tanpa Sesi', version: 1 }],
      ['POST', '/api/partners/merge', { sourceId: partner.id, targetId: (await buildPartner(t.database.db)).id }],
      ['POST', '/api/partners/duplicates/dismiss', { aId: partner.id, bId: (await buildPartner(t.database.db)).id }],
    ];
    for (const [method, url, payload] of requests) expect((await call(method, url, '', payload)).statusCode, `${method} ${url}`).toBe(401);
  });

  it('lets every signed-in role read partners but only admin write them', async () => {
    const partner = await buildPartner(t.database.db);
    const other = await buildPartner(t.database.db);
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const cookie = cookies[role];
      expect((await call('GET', '/api/partners', cookie)).statusCode, role).toBe(200);
      expect((await call('GET', `/api/partners/${partner.id}`, cookie)).statusCode, role).toBe(200);
      expect((await call('GET', '/api/partners/duplicates', cookie)).statusCode, role).toBe(200);
      expect((await call('POST', '/api/partners', cookie, { name: `PT Peran ${role}`, categoryCode: 'swasta' })).statusCode, role).toBe(403);
      expect((await call('PATCH', `/api/partners/${partner.id}`, cookie, { name: 'PT Diubah', version: 1 })).statusCode, role).toBe(403);
      expect((await call('POST', '/api/partners/merge', cookie, { sourceId: partner.id, targetId: other.id })).statusCode, role).toBe(403);
      expect((await call('POST', '/api/partners/duplicates/dismiss', cookie, { aId: partner.id, bId: other.id })).statusCode, role).toBe(403);
    }
    const [unchanged] = await t.database.db.select().from(partners).where(eq(partners.id, partner.id));
    expect(unchanged).toEqual(partner);
    expect(await t.database.db.select().from(partnerDuplicateDismissals)).toEqual([]);
  });

  it('creates a partner, storing its normalised name key and an audit row', async () => {
    const response = await call('POST', '/api/partners', admin, { name: 'PT. Bank Sulutgo, Tbk', categoryCode: 'bumd', address: 'Jl. Pahlawan Revolusi' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'PT. Bank Sulutgo, Tbk', nameKey: 'pt bank sulutgo tbk', groupCode: 'bumn_bumd', agreementCount: 0, version: 1 });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, response.json().id));
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('refuses a second partner whose name differs only in punctuation and case, naming the existing one', async () => {
    const existing = await buildPartner(t.database.db, { name: 'PT Bank Rakyat Indonesia (Persero) Tbk', categoryCode: 'bumn' });
    const before = await partnerCount();
    const response = await call('POST', '/api/partners', admin, { name: 'pt. bank rakyat indonesia (persero), tbk', categoryCode: 'bumn' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', field: 'name', details: { partnerId: existing.id } });
    expect(response.json().error.message).toContain('PT Bank Rakyat Indonesia (Persero) Tbk');
    expect(await partnerCount()).toBe(before);
  });

  it('gives one of two simultaneous creations of the same partner a 409', async () => {
    const name = `PT Serentak ${Date.now()}`;
    const responses = await Promise.all([name, name.toUpperCase()].map((variant) => call('POST', '/api/partners', admin, { name: variant, categoryCode: 'swasta' })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });

  it('rejects bad partner input with a 400 naming the field and writes nothing', async () => {
    const before = await partnerCount();
    const cases: [object, string][] = [
      [{ name: 'PT Kategori Asing', categoryCode: 'alien' }, 'categoryCode'],
      [{ name: 'X', categoryCode: 'swasta' }, 'name'],
      [{ name: 'a'.repeat(301), categoryCode: 'swasta' }, 'name'],
      [{ name: 42, categoryCode: 'swasta' }, 'name'],
      [{ name: '.,;--', categoryCode: 'swasta' }, 'name'],
      [{ categoryCode: 'swasta' }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', '/api/partners', admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const malformed = await t.app.inject({ method: 'POST', url: '/api/partners', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.field).toBe('body');
    expect(await partnerCount()).toBe(before);
  });

  it('lists partners matching a fragment or a misspelt name, with agreement counts and paging', async () => {
    const unique = `Khairun${Date.now() % 100000}`;
    const university = await buildPartner(t.database.db, { name: `Universitas ${unique} Ternate`, categoryCode: 'perguruan_tinggi_negeri' });
    await buildAgreement(t.database.db, { partners: [{ id: university.id }] });
    await buildAgreement(t.database.db, { partners: [{ name: `PT Lain ${unique}` }, { id: university.id }] });
    const byFragment = (await call('GET', `/api/partners?q=${unique.toUpperCase()}`, cookies.pimpinan)).json<PartnerListView>();
    expect(byFragment.items.find((item) => item.id === university.id)?.agreementCount).toBe(2);
    const misspelt = (await call('GET', `/api/partners?q=${encodeURIComponent(`universitas ${unique} ternat`)}`, admin)).json<PartnerListView>();
    expect(misspelt.items[0]?.id).toBe(university.id);
    const byCategory = (await call('GET', `/api/partners?q=${unique}&category=perguruan_tinggi_negeri`, admin)).json<PartnerListView>();
    expect(byCategory.items.map((item) => item.id)).toEqual([university.id]);
    const paged = (await call('GET', `/api/partners?q=${unique}&pageSize=1&page=2`, admin)).json<PartnerListView>();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
  });

  it('rejects a bad page size with a 400 naming the parameter', async () => {
    const response = await call('GET', '/api/partners?pageSize=1000', admin);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('pageSize');
  });

  it('shows a partner with its agreements, hiding drafts from roles that may not see them', async () => {
    const partner = await buildPartner(t.database.db);
    const signed = await buildAgreement(t.database.db, { partners: [{ id: partner.id }], endsOn: '2026-08-01' });
    const draft = await buildAgreement(t.database.db, { partners: [{ name: 'PT Pendamping' }, { id: partner.id }], isDraft: true });
    const asAdmin = (await call('GET', `/api/partners/${partner.id}`, admin)).json<PartnerDetailView>();
    expect(asAdmin.agreements.map((row) => [row.id, row.status, row.position])).toEqual(
      expect.arrayContaining([[signed.id, 'akan_berakhir', 0], [draft.id, 'draft', 1]]),
    );
    const asLeader = (await call('GET', `/api/partners/${partner.id}`, cookies.pimpinan)).json<PartnerDetailView>();
    expect(asLeader.agreements.map((row) => row.id)).toEqual([signed.id]);
    expect((await call('GET', '/api/partners/00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
  });

  it('renames a partner, refreshing the search text of its agreements', async () => {
    const partner = await buildPartner(t.database.db, { name: 'CV Nama Lama' });
    const agreement = await buildAgreement(t.database.db, { partners: [{ id: partner.id }] });
    const response = await call('PATCH', `/api/partners/${partner.id}`, admin, { name: 'CV Cengkih Moloku', version: partner.version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'CV Cengkih Moloku', nameKey: 'cv cengkih moloku', version: 2 });
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(row?.searchVector).toContain('cengkih');
    expect(row?.searchVector).not.toContain('lama');
  });

  it('refuses a rename onto another partner’s name and a stale version, changing nothing', async () => {
    const taken = await buildPartner(t.database.db, { name: 'Yayasan Pendidikan Kie Raha' });
    const partner = await buildPartner(t.database.db, { name: 'Yayasan Sebelumnya' });
    const clash = await call('PATCH', `/api/partners/${partner.id}`, admin, { name: 'YAYASAN PENDIDIKAN KIE-RAHA', version: 1 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.partnerId).toBe(taken.id);
    expect((await call('PATCH', `/api/partners/${partner.id}`, admin, { address: 'Ternate', version: 1 })).statusCode).toBe(200);
    const stale = await call('PATCH', `/api/partners/${partner.id}`, admin, { address: 'Tidore', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    const [row] = await t.database.db.select().from(partners).where(eq(partners.id, partner.id));
    expect(row).toMatchObject({ name: 'Yayasan Sebelumnya', address: 'Ternate', version: 2 });
  });

  it('moves the primary category of its agreements when a partner’s category is corrected', async () => {
    const partner = await buildPartner(t.database.db, { categoryCode: 'swasta' });
    const primary = await buildAgreement(t.database.db, { partners: [{ id: partner.id }] });
    const secondary = await buildAgreement(t.database.db, { partners: [{ name: 'PT Utama Lain', categoryCode: 'bumn' }, { id: partner.id }] });
    const response = await call('PATCH', `/api/partners/${partner.id}`, admin, { categoryCode: 'bumd', version: 1 });
    expect(response.statusCode).toBe(200);
    const rows = await t.database.db.select().from(agreements);
    expect(rows.find((row) => row.id === primary.id)?.primaryCategoryCode).toBe('bumd');
    expect(rows.find((row) => row.id === secondary.id)?.primaryCategoryCode).toBe('bumn');
    const unknown = await call('PATCH', `/api/partners/${partner.id}`, admin, { categoryCode: 'alien', version: 2 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('categoryCode');
  });

  const pairOf = (list: PartnerDuplicateView[], x: string, y: string) => list.find((item) => [item.a.id, item.b.id].sort().join() === [x, y].sort().join());
  const duplicates = async () => (await call('GET', '/api/partners/duplicates', admin)).json<PartnerDuplicateView[]>();

  it('offers an acronym and its institution as duplicates, and not two banks or two regencies', async () => {
    const bni = await buildPartner(t.database.db, { name: 'PT Bank Negara Indonesia (Persero) Tbk' });
    const bniShort = await buildPartner(t.database.db, { name: 'BNI' });
    const bri = await buildPartner(t.database.db, { name: 'BRI' });
    const north = await buildPartner(t.database.db, { name: 'Pemerintah Kabupaten Halmahera Utara' });
    const west = await buildPartner(t.database.db, { name: 'Pemerintah Kabupaten Halmahera Barat' });
    const pairs = await duplicates();
    expect(pairOf(pairs, bni.id, bniShort.id)).toMatchObject({ similarity: 1, isStrong: true });
    expect(pairOf(pairs, bniShort.id, bri.id)).toBeUndefined();
    expect(pairOf(pairs, bni.id, bri.id)).toBeUndefined();
    expect(pairOf(pairs, north.id, west.id)).toBeUndefined();
  });

  it('remembers "bukan duplikat" for a pair in either order, once, with who said it', async () => {
    const a = await buildPartner(t.database.db, { name: 'Universitas Khairun' });
    const b = await buildPartner(t.database.db, { name: 'Universitas Khairum' });
    // A typo makes a likely pair, not a certain one.
    expect(pairOf(await duplicates(), a.id, b.id)).toMatchObject({ isStrong: false });
    const first = await call('POST', '/api/partners/duplicates/dismiss', admin, { aId: b.id, bId: a.id });
    expect(first.statusCode).toBe(204);
    expect(pairOf(await duplicates(), a.id, b.id)).toBeUndefined();
    expect((await call('POST', '/api/partners/duplicates/dismiss', admin, { aId: a.id, bId: b.id })).statusCode).toBe(204);
    const stored = await t.database.db.select().from(partnerDuplicateDismissals).where(eq(partnerDuplicateDismissals.partnerHighId, [a.id, b.id].sort()[1] ?? ''));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ partnerLowId: [a.id, b.id].sort()[0], dismissedBy: expect.any(String) });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'not-duplicate'));
    expect(audit.filter((row) => row.entityId === a.id || row.entityId === b.id)).toHaveLength(2);
  });

  it('refuses a dismissal of a partner with itself or of an unknown partner, storing nothing', async () => {
    const a = await buildPartner(t.database.db);
    const before = (await t.database.db.select().from(partnerDuplicateDismissals)).length;
    const same = await call('POST', '/api/partners/duplicates/dismiss', admin, { aId: a.id, bId: a.id });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.field).toBe('bId');
    const unknown = await call('POST', '/api/partners/duplicates/dismiss', admin, { aId: a.id, bId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(await t.database.db.select().from(partnerDuplicateDismissals)).toHaveLength(before);
  });

  it('merges two partners through the API and refuses a merge of a partner into itself', async () => {
    const source = await buildPartner(t.database.db);
    const target = await buildPartner(t.database.db);
    await buildAgreement(t.database.db, { partners: [{ id: source.id }] });
    const same = await call('POST', '/api/partners/merge', admin, { sourceId: source.id, targetId: source.id });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.field).toBe('targetId');
    const response = await call('POST', '/api/partners/merge', admin, { sourceId: source.id, targetId: target.id });
    expect(response.statusCode).toBe(200);
    expect(response.json().target).toMatchObject({ id: target.id, agreementCount: 1 });
    expect((await call('GET', `/api/partners/${source.id}`, admin)).statusCode).toBe(404);
  });
});
