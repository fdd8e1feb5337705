import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { agreementPayload, buildAgreement, registryCounts } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { ActorCtx } from '../../lib/context';
import { readSettings, updateSettings } from '../settings/settings.service';
import { createAgreement, endAgreement, getAgreement, loadAgreementViews, updateAgreement } from './agreements.service';
import { agreements } from './agreements.table';

describe('agreements service', () => {
  let t: TestApp;
  let ctx: ActorCtx;
  beforeAll(async () => {
    // 15 June 2026, 08:00 in Ternate (WIT, UTC+9).
    t = await createTestApp({ now: new Date('2026-06-14T23:00:00Z') });
    const admin = await buildUser(t.database.db, { role: 'admin' });
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: 'admin' as const, unitId: null };
    ctx = { ...t.ctx(actor), actor };
  });
  afterAll(async () => {
    await t.close();
  });

  const failure = (pending: Promise<unknown>) => pending.then(() => null, (error: unknown) => error as { status: number; field?: string; code?: string });

  describe('parent documents', () => {
    it('links a PKS to its KB and shows the link both ways', async () => {
      const kb = await buildAgreement(t.database.db, { docType: 'KB' });
      const pks = await createAgreement(ctx, await agreementPayload(t.database.db, { docType: 'PKS', parentId: kb.id }));
      expect(pks.parent).toMatchObject({ id: kb.id, docType: 'KB' });
      const parent = await getAgreement(ctx, kb.id);
      expect(parent.children).toEqual([{ id: pks.id, title: pks.title, docType: 'PKS', numberOurs: null }]);
    });

    it('rejects a PKS whose parent is another PKS', async () => {
      const pks = await buildAgreement(t.database.db, { docType: 'PKS' });
      expect(await failure(createAgreement(ctx, await agreementPayload(t.database.db, { docType: 'PKS', parentId: pks.id })))).toMatchObject({ status: 400, field: 'parentId' });
    });

    it('accepts an adendum of a PKS and rejects an adendum of an adendum or without a parent', async () => {
      const pks = await buildAgreement(t.database.db, { docType: 'PKS' });
      const adendum = await createAgreement(ctx, await agreementPayload(t.database.db, { docType: 'ADENDUM', parentId: pks.id }));
      expect(adendum.parent?.id).toBe(pks.id);
      expect(await failure(createAgreement(ctx, await agreementPayload(t.database.db, { docType: 'ADENDUM', parentId: adendum.id })))).toMatchObject({ status: 400, field: 'parentId' });
      expect(await failure(createAgreement(ctx, await agreementPayload(t.database.db, { docType: 'ADENDUM' })))).toMatchObject({ status: 400, field: 'parentId' });
    });

    it('rejects a KB with a parent and an agreement made its own parent', async () => {
      const kb = await buildAgreement(t.database.db);
      expect(await failure(createAgreement(ctx, await agreementPayload(t.database.db, { docType: 'KB', parentId: kb.id })))).toMatchObject({ status: 400, field: 'parentId' });
      const adendum = await buildAgreement(t.database.db, { docType: 'ADENDUM', parentId: kb.id });
      expect(await failure(updateAgreement(ctx, { id: adendum.id, parentId: adendum.id, version: 1 }))).toMatchObject({ status: 400, field: 'parentId' });
    });

    it('rejects a parent link that would close a cycle', async () => {
      const pks = await buildAgreement(t.database.db, { docType: 'PKS' });
      const adendum = await buildAgreement(t.database.db, { docType: 'ADENDUM', parentId: pks.id });
      // Rows written around the rules (as an old import might have) must still not loop.
      await t.database.db.update(agreements).set({ docType: 'ADENDUM', parentId: adendum.id }).where(eq(agreements.id, pks.id));
      const other = await buildAgreement(t.database.db, { docType: 'ADENDUM', parentId: adendum.id });
      expect(await failure(updateAgreement(ctx, { id: pks.id, docType: 'PKS', parentId: other.id, version: 1 }))).toMatchObject({ status: 400, field: 'parentId' });
    });

    it('refuses to change the type of a KB that has a PKS under it', async () => {
      const kb = await buildAgreement(t.database.db);
      await buildAgreement(t.database.db, { docType: 'PKS', parentId: kb.id });
      expect(await failure(updateAgreement(ctx, { id: kb.id, docType: 'PKS', version: 1 }))).toMatchObject({ status: 400 });
    });
  });

  describe('status and settings', () => {
    it('derives the status from the end date in Ternate’s local date and the warning setting', async () => {
      const endsToday = await buildAgreement(t.database.db, { endsOn: '2026-06-15' });
      const endedYesterday = await buildAgreement(t.database.db, { endsOn: '2026-06-14' });
      const endsInFiveMonths = await buildAgreement(t.database.db, { endsOn: '2026-11-15' });
      const endsLater = await buildAgreement(t.database.db, { endsOn: '2027-06-15' });
      const draft = await buildAgreement(t.database.db, { isDraft: true, startsOn: '2019-01-01', endsOn: '2020-01-01' });
      const ids = [endsToday.id, endedYesterday.id, endsInFiveMonths.id, endsLater.id, draft.id];
      const statuses = async () => (await loadAgreementViews({ db: t.database.db, now: t.clock.now }, ids)).map((view) => view.status);
      expect(await statuses()).toEqual(['akan_berakhir', 'berakhir', 'akan_berakhir', 'aktif', 'draft']);
      await updateSettings(ctx, { expiryWarningDays: 30, version: 1 });
      expect(await statuses()).toEqual(['akan_berakhir', 'berakhir', 'aktif', 'aktif', 'draft']);
    });

    it('follows the maximum-term setting for the long-term reason', async () => {
      const body = await agreementPayload(t.database.db, { startsOn: '2026-01-01', endsOn: '2033-01-01' });
      expect(await failure(createAgreement(ctx, body))).toMatchObject({ status: 400, field: 'longTermReason' });
      const { version } = await readSettings(ctx);
      await updateSettings(ctx, { maxTermYears: 10, version });
      expect((await createAgreement(ctx, body)).endsOn).toBe('2033-01-01');
    });
  });

  describe('update', () => {
    it('leaves draft and public flags alone when a partial update does not send them', async () => {
      const agreement = await buildAgreement(t.database.db, { isDraft: true, isPublic: false });
      const view = await updateAgreement(ctx, { id: agreement.id, title: 'Judul baru untuk draf ini', version: 1 });
      expect(view).toMatchObject({ isDraft: true, isPublic: false, status: 'draft' });
    });

    it('clears wajib/sukarela when the kind changes away from KSDD', async () => {
      const agreement = await buildAgreement(t.database.db, { kind: 'KSDD', ksddMode: 'sukarela' });
      const view = await updateAgreement(ctx, { id: agreement.id, kind: 'KSDPK', version: 1 });
      expect(view).toMatchObject({ kind: 'KSDPK', ksddMode: null });
    });

    it('makes the new lead OPD lead and keeps the supporting OPDs', async () => {
      const agreement = await buildAgreement(t.database.db);
      const payload = await agreementPayload(t.database.db);
      const view = await updateAgreement(ctx, { id: agreement.id, leadUnitId: payload.leadUnitId, supportingUnitIds: [agreement.leadUnitId], version: 1 });
      expect(view.units.map((unit) => [unit.id, unit.isLead])).toEqual([[payload.leadUnitId, true], [agreement.leadUnitId, false]]);
    });
  });

  describe('ending', () => {
    it('refuses to end a draft, a date before the start, and reasons that do not fit', async () => {
      const draft = await buildAgreement(t.database.db, { isDraft: true });
      const ksdd = await buildAgreement(t.database.db, { kind: 'KSDD', ksddMode: 'wajib', startsOn: '2026-01-10' });
      const before = await registryCounts(t.database.db);
      const end = (id: string, body: object) => failure(endAgreement(ctx, { id, endedOn: '2026-06-01', reason: 'tujuan_tercapai', version: 1, ...body }));
      expect(await end(draft.id, {})).toMatchObject({ status: 409, field: 'kind' });
      expect(await end(ksdd.id, { endedOn: '2025-12-31' })).toMatchObject({ status: 400, field: 'endedOn' });
      expect(await end(ksdd.id, { endedOn: '2030-01-01' })).toMatchObject({ status: 400, field: 'endedOn' });
      expect(await end(ksdd.id, { reason: 'mitra_pailit' })).toMatchObject({ status: 400, field: 'reason' });
      expect(await end(ksdd.id, { reason: 'jangka_waktu_berakhir' })).toMatchObject({ status: 400, field: 'reason' });
      expect(await end(ksdd.id, { kind: 'dicabut', reason: 'tujuan_tercapai' })).toMatchObject({ status: 400, field: 'reason' });
      expect(await registryCounts(t.database.db)).toEqual(before);
    });

    it('accepts a partner’s bankruptcy as the reason for a KSDPK and keeps status aktif until the ending date', async () => {
      const agreement = await buildAgreement(t.database.db, { kind: 'KSDPK' });
      const view = await endAgreement(ctx, { id: agreement.id, endedOn: '2026-07-01', reason: 'mitra_pailit', version: 1 });
      expect(view).toMatchObject({ status: 'aktif', termination: { kind: 'diakhiri', endedOn: '2026-07-01' } });
      expect((await loadAgreementViews({ db: t.database.db, now: new Date('2026-07-01T01:00:00Z') }, [agreement.id]))[0]?.status).toBe('diakhiri');
    });
  });

  it('reports bad input from a non-HTTP caller as a 400 naming the field', async () => {
    const body = await agreementPayload(t.database.db, { title: 'abc' });
    expect(await failure(createAgreement(ctx, body))).toMatchObject({ status: 400, field: 'title', code: 'VALIDATION' });
  });
});
