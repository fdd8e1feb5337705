import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { ActorCtx } from '../../lib/context';
import { auditLog } from '../audit/audit.table';
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

  describe('resolvePartnerRefs', () => {
    it('finds partners by id and by normalised name, and creates the missing ones in order', async () => {
      const byId = await buildPartner(t.database.db);
      const byName = await buildPartner(t.database.db, { name: 'Bank Indonesia Perwakilan Maluku Utara', categoryCode: 'pemerintah_pusat' });
      const rows = await t.database.db.transaction((tx) =>
        resolvePartnerRefs({ ...ctx, db: tx }, { refs: [{ id: byId.id }, { name: 'BANK INDONESIA perwakilan, Maluku Utara', categoryCode: 'pemerintah_pusat' }, { name: 'Koperasi Nelayan Dufa-Dufa', categoryCode: 'swasta' }] }),
      );
      expect(rows.map((row) => row.id).slice(0, 2)).toEqual([byId.id, byName.id]);
      expect(rows[2]).toMatchObject({ name: 'Koperasi Nelayan Dufa-Dufa', nameKey: 'koperasi nelayan dufa dufa' });
      const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, rows[2]!.id));
      expect(audit.map((row) => row.action)).toEqual(['create']);
    });

    it('rejects an unknown category, an unknown id and a partner listed twice, naming the entry', async () => {
      const partner = await buildPartner(t.database.db);
      const attempt = (refs: Parameters<typeof resolvePartnerRefs>[1]['refs']) =>
        t.database.db.transaction((tx) => resolvePartnerRefs({ ...ctx, db: tx }, { refs })).then(
          () => null,
          (error: unknown) => error as { field?: string; status?: number },
        );
      expect(await attempt([{ id: partner.id }, { name: 'PT Tidak Jelas', categoryCode: 'alien' }])).toMatchObject({ status: 400, field: 'partners.1.categoryCode' });
      expect(await attempt([{ id: '00000000-0000-4000-8000-000000000000' }])).toMatchObject({ status: 400, field: 'partners.0.id' });
      expect(await attempt([{ id: partner.id }, { name: partner.name, categoryCode: 'swasta' }])).toMatchObject({ status: 400, field: 'partners.1' });
      expect(await t.database.db.select().from(partners).where(eq(partners.nameKey, 'pt tidak jelas'))).toEqual([]);
    });
  });
});
