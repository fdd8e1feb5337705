import { randomInt } from 'node:crypto';
import type { MasterData } from '../../../../shared/master';
import type { PlannedPartner } from '../../../../shared/proposals';
import { invalid } from '../../../lib/errors';

// Pure rules of a proposal's fields; the service reads the master data and settings they judge by.

export type ReferencedFields = {
  plannedPartners?: PlannedPartner[] | undefined;
  sectorCodes?: string[] | undefined;
  unitId?: string | null | undefined;
  jangkaWaktuBulan?: number | null | undefined;
  jangkaWaktuAlasan?: string | null | undefined;
};

// Codes and OPDs must exist in master data.
export function checkReferences(master: Pick<MasterData, 'partnerCategories' | 'sectors' | 'units'>, fields: ReferencedFields): void {
  const categories = new Set(master.partnerCategories.map((category) => category.code));
  fields.plannedPartners?.forEach((partner, index) => {
    if (!categories.has(partner.categoryCode)) {
      throw invalid(`plannedPartners.${index}.categoryCode`, { message: `Kategori mitra "${partner.categoryCode}" tidak dikenal.`, messageEn: `Unknown partner category "${partner.categoryCode}".` });
    }
  });
  const sectors = new Set(master.sectors.filter((sector) => sector.isActive).map((sector) => sector.code));
  fields.sectorCodes?.forEach((code, index) => {
    if (!sectors.has(code)) throw invalid(`sectorCodes.${index}`, { message: `Bidang "${code}" tidak dikenal.`, messageEn: `Unknown sector "${code}".` });
  });
  if (fields.unitId && !master.units.some((unit) => unit.id === fields.unitId && unit.isActive)) {
    throw invalid('unitId', { message: 'OPD tidak ditemukan atau tidak aktif.', messageEn: 'Unit not found or inactive.' });
  }
}

// domain.md: at most the configured number of years, longer only with a reason.
export function checkTerm(maxTermYears: number, fields: Pick<ReferencedFields, 'jangkaWaktuBulan' | 'jangkaWaktuAlasan'>): void {
  if ((fields.jangkaWaktuBulan ?? 0) > maxTermYears * 12 && !fields.jangkaWaktuAlasan) {
    throw invalid(
      'jangkaWaktuAlasan',
      { message: `Jangka waktu lebih dari ${maxTermYears} tahun memerlukan alasan.`, messageEn: `A term longer than ${maxTermYears} years needs a justification.` },
    );
  }
}

// No 0/O or 1/I: the code is read out over the telephone and typed from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

// A candidate code; the service draws again while one is taken.
export function trackingCodeCandidate(year: string): string {
  const suffix = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `USL-${year}-${suffix}`;
}
