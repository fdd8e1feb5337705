import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { ActorCtx } from '../../lib/context';
import { auditLog } from '../audit/audit.table';
import { partners } from '../partners/partners.table';
import { mergePartners } from './agreement-partners-merge.service';
import { agreementPartners, agreements } from './agreements.table';

describe('partner merge', () => {
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
