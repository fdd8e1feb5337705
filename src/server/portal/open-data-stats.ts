import type { Ctx } from '../lib/context';
import { lastAgreementChangeAt } from '../modules/agreements/agreements.service';
import { signedCountCells } from '../modules/stats/stats.service';
import type { OpenValue } from './open-data';

// Statistics as open data: the statistics module's own counting (signed KB, PKS and NK, not drafts,
// not adenda, per signing year), one row per year × the primary partner's group × the primary
// sector that has at least one agreement. Counts only: no titles, numbers or names.
export const STATS_COLUMNS = [
  { name: 'tahun', description: 'Tahun penandatanganan.' },
  { name: 'kode_kelompok_mitra', description: 'Kode kelompok mitra utama (kosong bila kategori mitra utama belum diisi).' },
  { name: 'kelompok_mitra', description: 'Nama kelompok mitra utama.' },
  { name: 'kode_bidang', description: 'Kode bidang utama naskah.' },
  { name: 'bidang', description: 'Nama bidang utama naskah.' },
  { name: 'jumlah_naskah', description: 'Jumlah naskah (KB, PKS, NK) yang ditandatangani; adendum dan rancangan tidak dihitung.' },
] as const;

export type OpenDataset = { rows: Record<string, OpenValue>[]; modified: Date | null; years: { from: number; to: number } | null };

export async function statsDataset(ctx: Ctx): Promise<OpenDataset> {
  const [{ cells, labels }, modified] = await Promise.all([signedCountCells(ctx), lastAgreementChangeAt(ctx.db)]);
  const groupName = new Map(labels.groups.map((group) => [group.code, group.name]));
  const sectorName = new Map(labels.sectors.map((sector) => [sector.code, sector.name]));
  const rows = cells.map((cell) => ({
    tahun: cell.year,
    kode_kelompok_mitra: cell.groupCode,
    kelompok_mitra: cell.groupCode ? (groupName.get(cell.groupCode) ?? cell.groupCode) : 'Tanpa kategori mitra',
    kode_bidang: cell.sectorCode,
    bidang: sectorName.get(cell.sectorCode) ?? cell.sectorCode,
    jumlah_naskah: cell.count,
  }));
  const years = cells.map((cell) => cell.year);
  return { rows, modified, years: years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : null };
}
