import type { Ctx } from '../lib/context';
import { lastAgreementChangeAt } from '../modules/agreements/agreements.service';
import { OPEN_DATA_COLUMNS, openDataRows, type OpenColumn } from './open-data';
import { IMPACT_COLUMNS, impactDataset } from './open-data-impact';
import { STATS_COLUMNS, statsDataset, type OpenDataset } from './open-data-stats';
import { allPortalAgreements } from './portal-agreements';
import type { Site } from './views/layout';

// Every open dataset of the portal, described once: the /data page, the files and the catalogue
// (catalog.json) all read this list, so a dataset cannot be served without being documented.
export type DatasetSpec = {
  slug: string;
  title: string;
  description: string;
  keyword: string[];
  columns: readonly OpenColumn[];
  load: (ctx: Ctx, site: Site) => Promise<OpenDataset>;
};

async function agreementsDataset(ctx: Ctx, site: Site): Promise<OpenDataset> {
  const [items, modified] = await Promise.all([allPortalAgreements(ctx), lastAgreementChangeAt(ctx.db)]);
  const years = items.flatMap((item) => (item.signedOn ? [Number(item.signedOn.slice(0, 4))] : []));
  return { rows: openDataRows(items, site.publicUrl), modified, years: years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : null };
}

export const DATASETS: readonly DatasetSpec[] = [
  {
    slug: 'kerja-sama',
    title: 'Daftar kerja sama daerah Kota Ternate yang berlaku',
    description:
      'Satu baris per naskah kerja sama Pemerintah Kota Ternate yang sedang berlaku dan dipublikasikan: judul, jenis naskah, bentuk kerja sama, mitra, bidang, tanggal dan ruang lingkup. Tanpa data pribadi, nilai kerja sama, nomor naskah, maupun dokumen yang tidak dipublikasikan.',
    keyword: ['kerja sama daerah', 'naskah kerja sama', 'mitra', 'Kota Ternate'],
    columns: OPEN_DATA_COLUMNS,
    load: agreementsDataset,
  },
  {
    slug: 'statistik',
    title: 'Statistik kerja sama daerah Kota Ternate per tahun, kelompok mitra dan bidang',
    description:
      'Jumlah naskah kerja sama (KB, PKS, NK) yang ditandatangani Pemerintah Kota Ternate per tahun penandatanganan, menurut kelompok mitra utama dan bidang utama; hitungan yang sama dengan statistik di aplikasi. Adendum bukan naskah baru dan rancangan belum ditandatangani, jadi keduanya tidak dihitung. Setiap naskah dihitung satu kali, pada bidang utamanya saja: naskah dengan beberapa bidang tidak dihitung ulang pada bidang lainnya. Hanya kombinasi yang memiliki naskah yang dicantumkan.',
    keyword: ['kerja sama daerah', 'statistik', 'kelompok mitra', 'bidang', 'Kota Ternate'],
    columns: STATS_COLUMNS,
    load: (ctx) => statsDataset(ctx),
  },
  {
    slug: 'pelaksanaan',
    title: 'Pelaksanaan dan dampak kerja sama daerah Kota Ternate per tahun',
    description:
      'Per tahun: naskah yang berlaku, naskah dengan rencana kegiatan OPD, naskah dengan laporan realisasi terverifikasi, jumlah penerima manfaat menurut kelompok dan dana terealisasi menurut sumber (keduanya dari laporan realisasi terverifikasi), serta jumlah evaluasi akhir menurut predikat. Hanya angka agregat, tanpa data pribadi dan tanpa laporan yang belum diverifikasi.',
    keyword: ['kerja sama daerah', 'pelaksanaan', 'penerima manfaat', 'realisasi anggaran', 'evaluasi', 'Kota Ternate'],
    columns: IMPACT_COLUMNS,
    load: (ctx) => impactDataset(ctx),
  },
];
