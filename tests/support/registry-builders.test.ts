import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { agreementPartners, agreementSectors, agreementUnits } from '../../src/server/modules/agreements/agreements.table';
import { buildUnit } from './builders';
import { buildAgreement, buildPartner } from './registry-builders';
import { createTestDatabase } from './test-db';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe('buildAgreement', () => {
  it('creates a missing partner and lead OPD, the sector rows and the search vector', async () => {
    const agreement = await buildAgreement(database.db, { otherSectorCodes: ['kesehatan'] });
    const links = await database.db.select().from(agreementPartners).where(eq(agreementPartners.agreementId, agreement.id));
    const units = await database.db.select().from(agreementUnits).where(eq(agreementUnits.agreementId, agreement.id));
    const sectors = await database.db.select().from(agreementSectors).where(eq(agreementSectors.agreementId, agreement.id));
    expect(links).toHaveLength(1);
    expect(units).toEqual([{ agreementId: agreement.id, unitId: agreement.leadUnitId, isLead: true }]);
    expect(sectors.map((row) => row.sectorCode).sort()).toEqual(['kesehatan', 'pendidikan']);
    expect(agreement.primaryCategoryCode).toBe('swasta');
    expect(agreement.searchVector).toContain('mitra');
  });

  it('links given partners in order and takes the primary category from the first', async () => {
    const bank = await buildPartner(database.db, { name: 'PT Bank Maluku Uji', categoryCode: 'bumd' });
    const supporting = await buildUnit(database.db);
    const agreement = await buildAgreement(database.db, {
      partners: [{ id: bank.id }, { name: 'Universitas Uji', categoryCode: 'perguruan_tinggi_negeri' }],
      supportingUnitIds: [supporting.id],
    });
    expect(agreement.partnerIds[0]).toBe(bank.id);
    expect(agreement.partnerIds).toHaveLength(2);
    expect(agreement.primaryCategoryCode).toBe('bumd');
    expect(agreement.supportingUnitIds).toEqual([supporting.id]);
  });
});
