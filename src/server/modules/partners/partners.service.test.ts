import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { ActorCtx } from '../../lib/context';
import { agreementPartners, agreements } from '../agreements/agreements.table';
import { auditLog } from '../audit/audit.table';
import { mergePartners } from './partners-merge.service';
import { resolvePartnerRefs } from './partners.service';
import { partners } from './partners.table';

describe('partners service', () => {
  let t: TestApp;
  let ctx: ActorCtx;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildUser(t.database.db, { role: 'admin' });
    ctx = { ...t.ctx(), actor: { id: admin.id, email: admin.email, name: admin.name, role: 'admin', unitId: null } };
  });
  afterAll(async () => {
    await t.close();
  });

  const linksOf = async (agreementId: string) =>
    t.database.db
      .select({ partnerId: agreementPartners.partnerId, position: agreementPartners.position })
      .from(agreementPartners)
      .where(eq(agreementPartners.agreementId, agreementId))
      .orderBy(asc(agreementPartners.position));

  describe('resolvePartnerRefs', () => {
    it('finds partners by id and by normalised name, and creates the missing ones in order', async () => {
      const byId = await buildPartner(t.database.db);
      const byName = await buildPartner(t.database.db, { name: 'Bank Indonesia Perwakilan Maluku Utara', categoryCode: 'pemerintah_pusat' });
      const rows = await t.database.db.transaction((tx) =>
        resolvePartnerRefs(tx, [{ id: byId.id }, { name: 'BANK INDONESIA perwakilan, Maluku Utara', categoryCode: 'pemerintah_pusat' }, { name: 'Koperasi Nelayan Dufa-Dufa', categoryCode: 'swasta' }], ctx),
      );
      expect(rows.map((row) => row.id).slice(0, 2)).toEqual([byId.id, byName.id]);
      expect(rows[2]).toMatchObject({ name: 'Koperasi Nelayan Dufa-Dufa', nameKey: 'koperasi nelayan dufa dufa' });
      const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, rows[2]!.id));
      expect(audit.map((row) => row.action)).toEqual(['create']);
    });

    it('rejects an unknown category, an unknown id and a partner listed twice, naming the entry', async () => {
      const partner = await buildPartner(t.database.db);
      const attempt = (refs: Parameters<typeof resolvePartnerRefs>[1]) =>
        t.database.db.transaction((tx) => resolvePartnerRefs(tx, refs, ctx)).then(
          () => null,
          (error: unknown) => error as { field?: string; status?: number },
        );
      expect(await attempt([{ id: partner.id }, { name: 'PT Tidak Jelas', categoryCode: 'alien' }])).toMatchObject({ status: 400, field: 'partners.1.categoryCode' });
      expect(await attempt([{ id: '00000000-0000-4000-8000-000000000000' }])).toMatchObject({ status: 400, field: 'partners.0.id' });
      expect(await attempt([{ id: partner.id }, { name: partner.name, categoryCode: 'swasta' }])).toMatchObject({ status: 400, field: 'partners.1' });
      expect(await t.database.db.select().from(partners).where(eq(partners.nameKey, 'pt tidak jelas'))).toEqual([]);
    });
  });

  describe('mergePartners', () => {
    it('moves every agreement of the source to the target and deletes the source', async () => {
      const source = await buildPartner(t.database.db, { name: 'Univ Khairun', categoryCode: 'perguruan_tinggi_swasta' });
      const target = await buildPartner(t.database.db, { name: 'Universitas Khairun', categoryCode: 'perguruan_tinggi_negeri' });
      const agreement = await buildAgreement(t.database.db, { partners: [{ id: source.id }, { name: 'PT Pihak Ketiga' }] });
      const result = await mergePartners(ctx, { sourceId: source.id, targetId: target.id });
      expect(result.movedAgreementIds).toEqual([agreement.id]);
      expect(result.target.agreementCount).toBe(1);
      expect((await linksOf(agreement.id)).map((link) => link.partnerId)).toEqual([target.id, agreement.partnerIds[1]]);
      expect(await t.database.db.select().from(partners).where(eq(partners.id, source.id))).toEqual([]);
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
      expect(row).toMatchObject({ primaryCategoryCode: 'perguruan_tinggi_negeri', version: agreement.version + 1 });
      expect(row?.searchVector).toContain('universita');
      const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, agreement.id));
      expect(audit.at(-1)?.changes).toEqual([
        { field: 'partners', old: ['Univ Khairun', 'PT Pihak Ketiga'], new: ['Universitas Khairun', 'PT Pihak Ketiga'] },
        { field: 'primaryCategoryCode', old: 'perguruan_tinggi_swasta', new: 'perguruan_tinggi_negeri' },
      ]);
    });

    it('keeps one link at the better position when an agreement already has both partners', async () => {
      const source = await buildPartner(t.database.db, { categoryCode: 'bumd' });
      const target = await buildPartner(t.database.db, { categoryCode: 'swasta' });
      const agreement = await buildAgreement(t.database.db, { partners: [{ id: source.id }, { name: 'PT Tengah' }, { id: target.id }] });
      await mergePartners(ctx, { sourceId: source.id, targetId: target.id });
      expect(await linksOf(agreement.id)).toEqual([
        { partnerId: target.id, position: 0 },
        { partnerId: agreement.partnerIds[1], position: 1 },
      ]);
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
      expect(row?.primaryCategoryCode).toBe('swasta');
    });

    it('leaves the primary category alone where the source was not the primary partner', async () => {
      const source = await buildPartner(t.database.db, { categoryCode: 'bumd' });
      const target = await buildPartner(t.database.db, { categoryCode: 'swasta' });
      const agreement = await buildAgreement(t.database.db, { partners: [{ name: 'Pemprov Uji', categoryCode: 'pemerintah_provinsi' }, { id: source.id }] });
      await mergePartners(ctx, { sourceId: source.id, targetId: target.id });
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreement.id));
      expect(row?.primaryCategoryCode).toBe('pemerintah_provinsi');
      expect((await linksOf(agreement.id)).map((link) => link.partnerId)).toEqual([agreement.partnerIds[0], target.id]);
    });

    it('answers 404 for an unknown partner and changes nothing', async () => {
      const target = await buildPartner(t.database.db);
      const error = await mergePartners(ctx, { sourceId: '00000000-0000-4000-8000-000000000000', targetId: target.id }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 404 });
      expect(await t.database.db.select().from(partners).where(eq(partners.id, target.id))).toEqual([target]);
    });
  });
});
