import { randomInt } from 'node:crypto';
import type { PlannedPartner } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import { invalid } from '../../../lib/errors';
import { getMasterData } from '../../master/master.service';
import { getSettings } from '../../settings/settings.service';
import { trackingCodeTaken } from './proposals.repository';

type ReferencedFields = {
  plannedPartners?: PlannedPartner[] | undefined;
  sectorCodes?: string[] | undefined;
  unitId?: string | null | undefined;
  jangkaWaktuBulan?: number | null | undefined;
  jangkaWaktuAlasan?: string | null | undefined;
};

// Codes and OPDs must exist in master data. Not for use inside a transaction (it reads in parallel).
export async function checkProposalReferences(db: Db, fields: ReferencedFields): Promise<void> {
  const master = await getMasterData({ db, actor: null, now: new Date() });
  const categories = new Set(master.partnerCategories.map((category) => category.code));
  fields.plannedPartners?.forEach((partner, index) => {
    if (!categories.has(partner.categoryCode)) {
      throw invalid(`plannedPartners.${index}.categoryCode`, `Kategori mitra "${partner.categoryCode}" tidak dikenal.`, `Unknown partner category "${partner.categoryCode}".`);
    }
  });
  const sectors = new Set(master.sectors.filter((sector) => sector.isActive).map((sector) => sector.code));
  fields.sectorCodes?.forEach((code, index) => {
    if (!sectors.has(code)) throw invalid(`sectorCodes.${index}`, `Bidang "${code}" tidak dikenal.`, `Unknown sector "${code}".`);
  });
  if (fields.unitId && !master.units.some((unit) => unit.id === fields.unitId && unit.isActive)) {
    throw invalid('unitId', 'OPD tidak ditemukan atau tidak aktif.', 'Unit not found or inactive.');
  }
}

// domain.md: at most the configured number of years, longer only with a reason.
export async function checkProposalTerm(db: Db, fields: Pick<ReferencedFields, 'jangkaWaktuBulan' | 'jangkaWaktuAlasan'>): Promise<void> {
  const { maxTermYears } = await getSettings(db);
  if ((fields.jangkaWaktuBulan ?? 0) > maxTermYears * 12 && !fields.jangkaWaktuAlasan) {
    throw invalid(
      'jangkaWaktuAlasan',
      `Jangka waktu lebih dari ${maxTermYears} tahun memerlukan alasan.`,
      `A term longer than ${maxTermYears} years needs a justification.`,
    );
  }
}

// No 0/O or 1/I: the code is read out over the telephone and typed from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export async function newTrackingCode(db: Db, year: string): Promise<string> {
  for (;;) {
    const suffix = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const code = `USL-${year}-${suffix}`;
    if (!(await trackingCodeTaken(db, code))) return code;
  }
}
