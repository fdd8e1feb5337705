import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { agreementPayload, buildAgreement, buildPartner, registryCounts } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { AgreementView, AuditEntryView } from '../../../shared/agreements';
import { agreements } from './agreements.table';

type Method = 'GET' | 'POST' | 'PATCH';

describe('agreements routes', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let pimpinan: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    tkksd = (await t.loginAs('tkksd')).cookie;
    pimpinan = (await t.loginAs('pimpinan')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: Method, url: string, cookie: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const create = async (cookie: string, overrides = {}) => call('POST', '/api/agreements', cookie, await agreementPayload(t.database.db, overrides));
  const endBody = { kind: 'diakhiri', endedOn: '2026-06-01', reason: 'kesepakatan_para_pihak', version: 1 };

  describe('permissions', () => {
    it('answers 401 to every agreement route without a session', async () => {
      const agreement = await buildAgreement(t.database.db);
      const requests: [Method, string, unknown?][] = [
        ['POST', '/api/agreements', await agreementPayload(t.database.db)],
        ['GET', `/api/agreements/${agreement.id}`],
        ['PATCH', `/api/agreements/${agreement.id}`, { title: 'Judul tanpa sesi', version: 1 }],
        ['POST', `/api/agreements/${agreement.id}/end`, endBody],
        ['GET', `/api/agreements/${agreement.id}/audit`],
      ];
      for (const [method, url, payload] of requests) expect((await call(method, url, '', payload)).statusCode, `${method} ${url}`).toBe(401);
    });

    it('lets every role read a signed agreement but only admin create, update or end it', async () => {
      const before = await registryCounts(t.database.db);
      for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
        const { cookie } = await t.loginAs(role);
        const agreement = await buildAgreement(t.database.db);
        const snapshot = await registryCounts(t.database.db);
        const read = await call('GET', `/api/agreements/${agreement.id}`, cookie);
        expect(read.statusCode, role).toBe(200);
        // The view offers this reader nothing the routes below refuse.
        expect(read.json<AgreementView>().abilities, role).toEqual({ canEdit: false, canEnd: false, canUploadDocuments: false, canDeleteDocuments: false });
        expect((await call('GET', `/api/agreements/${agreement.id}/audit`, cookie)).statusCode, role).toBe(200);
        expect((await create(cookie, { leadUnitId: agreement.leadUnitId })).statusCode, role).toBe(403);
        expect((await call('PATCH', `/api/agreements/${agreement.id}`, cookie, { title: 'Judul yang diubah', version: 1 })).statusCode, role).toBe(403);
        expect((await call('POST', `/api/agreements/${agreement.id}/end`, cookie, endBody)).statusCode, role).toBe(403);
        expect(await registryCounts(t.database.db), role).toEqual(snapshot);
      }
      expect((await registryCounts(t.database.db)).agreements).toBe(before.agreements + 3);
      const agreement = await buildAgreement(t.database.db);
      const read = await call('GET', `/api/agreements/${agreement.id}`, admin);
      expect(read.statusCode).toBe(200);
      expect(read.json<AgreementView>().abilities).toEqual({ canEdit: true, canEnd: true, canUploadDocuments: true, canDeleteDocuments: true });
      expect((await create(admin)).statusCode).toBe(201);
      expect((await call('PATCH', `/api/agreements/${agreement.id}`, admin, { title: 'Judul yang diubah', version: 1 })).statusCode).toBe(200);
      expect((await call('POST', `/api/agreements/${agreement.id}/end`, admin, { ...endBody, version: 2 })).statusCode).toBe(200);
    });

    it('shows a draft to admin, tkksd and a linked OPD only', async () => {
      const unit = await buildUnit(t.database.db);
      const draft = await buildAgreement(t.database.db, { isDraft: true, supportingUnitIds: [unit.id] });
      const linked = await t.loginAs('opd', { unitId: unit.id });
      const other = await t.loginAs('opd');
      const expected: [string, string, number][] = [['admin', admin, 200], ['tkksd', tkksd, 200], ['linked opd', linked.cookie, 200], ['other opd', other.cookie, 403], ['pimpinan', pimpinan, 403]];
      for (const [who, cookie, status] of expected) {
        expect((await call('GET', `/api/agreements/${draft.id}`, cookie)).statusCode, who).toBe(status);
        expect((await call('GET', `/api/agreements/${draft.id}/audit`, cookie)).statusCode, who).toBe(status);
      }
    });

    it('answers 404 for an agreement that does not exist and 400 for a malformed id', async () => {
      expect((await call('GET', '/api/agreements/00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
      const malformed = await call('GET', '/api/agreements/not-a-uuid', admin);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.field).toBe('id');
    });
  });

  describe('create', () => {
    it('creates an agreement with partners in order, lead and supporting OPDs, sectors and a derived status', async () => {
      const bank = await buildPartner(t.database.db, { name: 'PT Bank Pembangunan Daerah Maluku Malut', categoryCode: 'bumd' });
      const supporting = await buildUnit(t.database.db, { name: `Badan Pendapatan Daerah ${Date.now()}` });
      const payload = await agreementPayload(t.database.db, {
        numberOurs: `  100/KB/2026-${Date.now()} `,
        partners: [{ id: bank.id }, { name: 'Koperasi Pedagang Pasar Gamalama', categoryCode: 'swasta' }],
        supportingUnitIds: [supporting.id],
        otherSectorCodes: ['pendapatan_daerah', 'umkm_koperasi'],
        valueIdr: '1500000000',
      });
      const response = await call('POST', '/api/agreements', admin, payload);
      expect(response.statusCode).toBe(201);
      const view = response.json<AgreementView>();
      expect(view).toMatchObject({ docType: 'KB', status: 'aktif', version: 1, valueIdr: '1500000000', numberOurs: payload.numberOurs?.trim() });
      // Safer default (issue 14): not on the portal until a person chooses it.
      expect(view.isPublic).toBe(false);
      expect(view.partners.map((partner) => [partner.name, partner.groupCode])).toEqual([[bank.name, 'bumn_bumd'], ['Koperasi Pedagang Pasar Gamalama', 'swasta']]);
      expect(view.units.map((unit) => [unit.id, unit.isLead])).toEqual([[payload.leadUnitId, true], [supporting.id, false]]);
      expect(view).toMatchObject({ primarySectorCode: 'umkm_koperasi', otherSectorCodes: ['pendapatan_daerah'] });
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, view.id));
      expect(row?.primaryCategoryCode).toBe('bumd');
      expect(row?.searchVector).toContain('gamalama');
    });

    it('refuses a document number already in use with a 409 naming it, and keeps the first', async () => {
      const numberOurs = `200/PKS/${Date.now()}`;
      await buildAgreement(t.database.db, { numberOurs, title: 'Naskah pemilik nomor' });
      const before = await registryCounts(t.database.db);
      const response = await create(admin, { numberOurs });
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'CONFLICT', field: 'numberOurs' });
      expect(response.json().error.message).toContain(numberOurs);
      expect(await registryCounts(t.database.db)).toEqual(before);
    });

    it('gives one of two simultaneous saves with the same number a 409', async () => {
      const numberOurs = `300/KB/${Date.now()}`;
      const bodies = [await agreementPayload(t.database.db, { numberOurs }), await agreementPayload(t.database.db, { numberOurs })];
      const responses = await Promise.all(bodies.map((body) => call('POST', '/api/agreements', admin, body)));
      expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
      expect(responses.find((response) => response.statusCode === 409)?.json().error.field).toBe('numberOurs');
    });

    it('rejects bad input with a 400 naming the field and leaves the database unchanged', async () => {
      const unknownId = '00000000-0000-4000-8000-000000000000';
      const cases: [string, object, string][] = [
        ['a title of the wrong type', { title: 12345 }, 'title'],
        ['an over-long title', { title: 'x'.repeat(501) }, 'title'],
        ['an end date before the start date', { startsOn: '2026-05-01', endsOn: '2026-04-30' }, 'endsOn'],
        ['an impossible date', { signedOn: '2026-02-30' }, 'signedOn'],
        ['an unknown primary sector', { primarySectorCode: 'astronomi' }, 'primarySectorCode'],
        ['an unknown other sector', { otherSectorCodes: ['kesehatan', 'astronomi'] }, 'otherSectorCodes.1'],
        ['an unknown partner category', { partners: [{ name: 'PT Tanpa Kategori', categoryCode: 'alien' }] }, 'partners.0.categoryCode'],
        ['an unknown partner id', { partners: [{ id: unknownId }] }, 'partners.0.id'],
        ['no partner', { partners: [] }, 'partners'],
        ['an unknown lead OPD', { leadUnitId: unknownId }, 'leadUnitId'],
        ['an unknown supporting OPD', { supportingUnitIds: [unknownId] }, 'supportingUnitIds.0'],
        ['an unknown document type', { docType: 'MOU' }, 'docType'],
        ['KSDD without wajib/sukarela', { kind: 'KSDD' }, 'ksddMode'],
        ['wajib/sukarela on a non-KSDD kind', { kind: 'KSDPK', ksddMode: 'wajib' }, 'ksddMode'],
        ['a value that is not whole rupiah', { valueIdr: '12.5' }, 'valueIdr'],
        ['a term over five years without a reason', { startsOn: '2026-01-01', endsOn: '2031-01-02' }, 'longTermReason'],
        ['a PKS whose parent does not exist', { docType: 'PKS', parentId: unknownId }, 'parentId'],
      ];
      const before = await registryCounts(t.database.db);
      for (const [what, overrides, field] of cases) {
        const response = await create(admin, overrides);
        expect(response.statusCode, what).toBe(400);
        expect(response.json().error.field, what).toBe(field);
        expect(response.json().error.messageEn, what).toBeTruthy();
      }
      const malformed = await t.app.inject({ method: 'POST', url: '/api/agreements', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"title":' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.field).toBe('body');
      expect(await registryCounts(t.database.db)).toEqual(before);
    });

    it('accepts a long term when a reason is given', async () => {
      const response = await create(admin, { startsOn: '2026-01-01', endsOn: '2046-01-01', longTermReason: 'Pemanfaatan aset daerah 20 tahun.' });
      expect(response.statusCode).toBe(201);
    });
  });

  describe('update', () => {
    it('updates fields and lists, moves the version on and audits each change', async () => {
      const agreement = await buildAgreement(t.database.db, { isPublic: false });
      const newPartner = await buildPartner(t.database.db, { name: 'Perumda Air Minum Ake Gaale', categoryCode: 'bumd' });
      const response = await call('PATCH', `/api/agreements/${agreement.id}`, admin, {
        title: 'Kesepakatan Bersama tentang Penyediaan Air Minum',
        partners: [{ id: newPartner.id }],
        otherSectorCodes: ['lingkungan_hidup'],
        version: 1,
      });
      expect(response.statusCode).toBe(200);
      const view = response.json<AgreementView>();
      expect(view).toMatchObject({ version: 2, isPublic: false, isDraft: false, otherSectorCodes: ['lingkungan_hidup'] });
      expect(view.partners.map((partner) => partner.id)).toEqual([newPartner.id]);
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
      expect(row).toMatchObject({ primaryCategoryCode: 'bumd' });
      expect(row?.searchVector).toContain('gaal');
      const audit = (await call('GET', `/api/agreements/${agreement.id}/audit`, tkksd)).json<AuditEntryView[]>();
      expect(audit[0]?.action).toBe('update');
      expect(audit[0]?.changes.map((change) => change.field).sort()).toEqual(['otherSectorCodes', 'partners', 'title']);
      expect(audit[0]?.changes.find((change) => change.field === 'partners')?.new).toEqual(['Perumda Air Minum Ake Gaale']);
    });

    it('answers 409 STALE to an update from an old version and keeps the newer data', async () => {
      const agreement = await buildAgreement(t.database.db);
      expect((await call('PATCH', `/api/agreements/${agreement.id}`, admin, { title: 'Perubahan pertama yang sah', version: 1 })).statusCode).toBe(200);
      const before = await registryCounts(t.database.db);
      const stale = await call('PATCH', `/api/agreements/${agreement.id}`, admin, { title: 'Perubahan dari layar lama', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('STALE');
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
      expect(row).toMatchObject({ title: 'Perubahan pertama yang sah', version: 2 });
      expect(await registryCounts(t.database.db)).toEqual(before);
    });

    it('rejects an end date moved before the stored start date, naming endsOn, and changes nothing', async () => {
      const agreement = await buildAgreement(t.database.db, { startsOn: '2026-01-10', endsOn: '2027-01-10' });
      const before = await registryCounts(t.database.db);
      const response = await call('PATCH', `/api/agreements/${agreement.id}`, admin, { endsOn: '2025-12-31', version: 1 });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe('endsOn');
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
      expect(row).toMatchObject({ endsOn: '2027-01-10', version: 1 });
      expect(await registryCounts(t.database.db)).toEqual(before);
    });

    it('rejects an update that replaces partners with an unknown category and keeps the old partners', async () => {
      const agreement = await buildAgreement(t.database.db);
      const before = await registryCounts(t.database.db);
      const response = await call('PATCH', `/api/agreements/${agreement.id}`, admin, {
        title: 'Judul yang tidak boleh tersimpan',
        partners: [{ name: 'PT Baru Sekali', categoryCode: 'swasta' }, { name: 'PT Kategori Salah', categoryCode: 'alien' }],
        version: 1,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe('partners.1.categoryCode');
      expect(await registryCounts(t.database.db)).toEqual(before);
      const view = (await call('GET', `/api/agreements/${agreement.id}`, admin)).json<AgreementView>();
      expect(view.partners.map((partner) => partner.id)).toEqual(agreement.partnerIds);
    });
  });

  describe('end', () => {
    it('ends an agreement early with a reason, shows the termination and audits it', async () => {
      const agreement = await buildAgreement(t.database.db);
      const response = await call('POST', `/api/agreements/${agreement.id}/end`, admin, { ...endBody, note: 'Disepakati kedua pihak.' });
      expect(response.statusCode).toBe(200);
      expect(response.json<AgreementView>()).toMatchObject({
        status: 'diakhiri',
        version: 2,
        termination: { kind: 'diakhiri', endedOn: '2026-06-01', reason: 'kesepakatan_para_pihak', note: 'Disepakati kedua pihak.' },
      });
      const audit = (await call('GET', `/api/agreements/${agreement.id}/audit`, admin)).json<AuditEntryView[]>();
      expect(audit[0]).toMatchObject({ action: 'end' });
      expect(audit[0]?.changes).toContainEqual({ field: 'terminationReason', old: null, new: 'kesepakatan_para_pihak' });
    });

    it('revokes an agreement for a violation', async () => {
      const agreement = await buildAgreement(t.database.db);
      const response = await call('POST', `/api/agreements/${agreement.id}/end`, admin, { kind: 'dicabut', endedOn: '2026-06-10', reason: 'pelanggaran', version: 1 });
      expect(response.statusCode).toBe(200);
      expect(response.json<AgreementView>().status).toBe('dicabut');
    });

    it('rejects an unknown reason, a stale version and a second ending, leaving the agreement as it was', async () => {
      const agreement = await buildAgreement(t.database.db);
      const unknownReason = await call('POST', `/api/agreements/${agreement.id}/end`, admin, { ...endBody, reason: 'bosan' });
      expect(unknownReason.statusCode).toBe(400);
      expect(unknownReason.json().error.field).toBe('reason');
      const stale = await call('POST', `/api/agreements/${agreement.id}/end`, admin, { ...endBody, version: 7 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('STALE');
      expect((await call('POST', `/api/agreements/${agreement.id}/end`, admin, endBody)).statusCode).toBe(200);
      const again = await call('POST', `/api/agreements/${agreement.id}/end`, admin, { ...endBody, version: 2 });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('CONFLICT');
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
      expect(row).toMatchObject({ version: 2, terminatedOn: '2026-06-01' });
    });
  });

  it('lists the audit trail newest first', async () => {
    const created = (await create(admin)).json<AgreementView>();
    await call('PATCH', `/api/agreements/${created.id}`, admin, { scope: 'Ruang lingkup baru', version: 1 });
    await call('POST', `/api/agreements/${created.id}/end`, admin, { ...endBody, version: 2 });
    const audit = (await call('GET', `/api/agreements/${created.id}/audit`, pimpinan)).json<AuditEntryView[]>();
    expect(audit.map((entry) => entry.action)).toEqual(['end', 'update', 'create']);
    expect(audit[1]?.changes).toEqual([{ field: 'scope', old: null, new: 'Ruang lingkup baru' }]);
    expect(audit[2]?.actor).toMatch(/@uji\.jalin\.local$/);
  });
});
