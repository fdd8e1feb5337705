import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { partnerGroups, sectors } from '../modules/master/master.table';

export type PortalLabels = {
  sectors: { code: string; name: string; isActive: boolean }[];
  groups: { code: string; name: string }[];
  sectorName: (code: string) => string;
};

// Names behind the codes the pages show; a page is cached whole, so this runs once per change.
export async function loadPortalLabels(db: Db): Promise<PortalLabels> {
  const [sectorRows, groupRows] = await Promise.all([
    db.select({ code: sectors.code, name: sectors.name, isActive: sectors.isActive }).from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.code)),
    db.select({ code: partnerGroups.code, name: partnerGroups.name }).from(partnerGroups).orderBy(asc(partnerGroups.sortOrder), asc(partnerGroups.code)),
  ]);
  const names = new Map(sectorRows.map((row) => [row.code, row.name]));
  return { sectors: sectorRows, groups: groupRows, sectorName: (code) => names.get(code) ?? code };
}

export const KIND_NAMES: Record<string, string> = {
  KSDD: 'Kerja sama daerah dengan daerah lain',
  KSDPK: 'Kerja sama daerah dengan pihak ketiga',
  KSDPL: 'Kerja sama daerah dengan pemerintah daerah di luar negeri',
  KSDLL: 'Kerja sama daerah dengan lembaga di luar negeri',
  SINERGI: 'Sinergi dengan instansi vertikal/pemerintah',
};

export const DOC_TYPE_NAMES: Record<string, string> = {
  KB: 'Kesepakatan Bersama',
  PKS: 'Perjanjian Kerja Sama',
  NK: 'Nota Kesepakatan',
  ADENDUM: 'Adendum',
};

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

// Legal dates are stored as 'YYYY-MM-DD' and shown the Indonesian way: 1 Februari 2025.
export function tanggal(date: string | null): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`;
}

export function angka(value: number): string {
  return new Intl.NumberFormat('id-ID').format(value);
}
