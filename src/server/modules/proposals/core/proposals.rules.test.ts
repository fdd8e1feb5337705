import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { checkReferences, checkTerm, trackingCodeCandidate } from './proposals.rules';

const UNIT = '11111111-1111-4111-8111-111111111111';
const master = {
  partnerCategories: [{ code: 'swasta', name: 'Swasta', groupCode: 'dn', sortOrder: 1, version: 1 }],
  sectors: [
    { code: 'umkm', name: 'UMKM', sortOrder: 1, isActive: true, version: 1 },
    { code: 'lama', name: 'Lama', sortOrder: 2, isActive: false, version: 1 },
  ],
  units: [
    { id: UNIT, name: 'Dinas', shortName: null, isActive: true, version: 1 },
    { id: '22222222-2222-4222-8222-222222222222', name: 'Tutup', shortName: null, isActive: false, version: 1 },
  ],
};

function fieldOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.field;
    throw error;
  }
  return undefined;
}

describe('proposal field rules', () => {
  it('accepts known categories, active sectors and an active OPD', () => {
    expect(fieldOf(() => checkReferences(master, { plannedPartners: [{ name: 'PT A', categoryCode: 'swasta' }], sectorCodes: ['umkm'], unitId: UNIT }))).toBeUndefined();
  });

  it('names the field of an unknown category, an inactive sector and an inactive OPD', () => {
    expect(fieldOf(() => checkReferences(master, { plannedPartners: [{ name: 'PT A', categoryCode: 'swasta' }, { name: 'PT B', categoryCode: 'x' }] }))).toBe('plannedPartners.1.categoryCode');
    expect(fieldOf(() => checkReferences(master, { sectorCodes: ['umkm', 'lama'] }))).toBe('sectorCodes.1');
    expect(fieldOf(() => checkReferences(master, { unitId: '22222222-2222-4222-8222-222222222222' }))).toBe('unitId');
  });

  it('asks a reason for a term longer than the configured years, and only then', () => {
    expect(fieldOf(() => checkTerm(5, { jangkaWaktuBulan: 60 }))).toBeUndefined();
    expect(fieldOf(() => checkTerm(5, { jangkaWaktuBulan: 61 }))).toBe('jangkaWaktuAlasan');
    expect(fieldOf(() => checkTerm(5, { jangkaWaktuBulan: 61, jangkaWaktuAlasan: 'Investasi jangka panjang' }))).toBeUndefined();
  });

  it('draws tracking codes of the year without look-alike characters', () => {
    for (let draw = 0; draw < 50; draw += 1) expect(trackingCodeCandidate('2026')).toMatch(/^USL-2026-[A-HJ-NP-Z2-9]{8}$/);
  });
});
