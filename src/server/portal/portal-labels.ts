import type { Ctx } from '../lib/context';
import { getMasterData } from '../modules/master/master.service';

export type PortalLabels = {
  sectors: { code: string; name: string; isActive: boolean }[];
  groups: { code: string; name: string }[];
  categories: { code: string; name: string }[];
  sectorName: (code: string) => string;
};

type Ordered = { code: string; sortOrder: number };

// By the order the division set, then by code, so two entries sharing an order keep one place.
function bySortOrder<T extends Ordered>(rows: T[]): T[] {
  return [...rows].sort((left, right) => left.sortOrder - right.sortOrder || (left.code < right.code ? -1 : left.code > right.code ? 1 : 0));
}

// Names behind the codes the pages show; a page is cached whole, so this runs once per change.
export async function loadPortalLabels(ctx: Ctx): Promise<PortalLabels> {
  const master = await getMasterData(ctx);
  const sectorRows = bySortOrder(master.sectors).map(({ code, name, isActive }) => ({ code, name, isActive }));
  const groups = bySortOrder(master.partnerGroups).map(({ code, name }) => ({ code, name }));
  const categories = bySortOrder(master.partnerCategories).map(({ code, name }) => ({ code, name }));
  const names = new Map(sectorRows.map((row) => [row.code, row.name]));
  return { sectors: sectorRows, groups, categories, sectorName: (code) => names.get(code) ?? code };
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
