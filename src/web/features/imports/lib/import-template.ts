import { IMPORT_COLUMNS } from '../../../../shared/imports';
import { toCsv } from './csv-file';

type TemplateRow = Record<(typeof IMPORT_COLUMNS)[number], string>;

// Two rows that pass the import as they are: a KB and the PKS that implements it,
// showing both date formats, several values in one cell and a parent reference.
const EXAMPLE_ROWS: TemplateRow[] = [
  {
    nomor_pemda: '415.4/01/KB/2024',
    nomor_mitra: 'KB.001/DIR/BMM/2024',
    judul: 'Kesepakatan Bersama tentang Pemanfaatan Jasa Layanan Perbankan',
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'KSDPK',
    mitra: 'PT Bank Pembangunan Daerah Maluku dan Maluku Utara',
    kategori_mitra: 'bumd',
    bidang: 'perbankan_keuangan; pendapatan_daerah',
    opd: 'Badan Pengelolaan Keuangan dan Aset Daerah; Badan Pendapatan Daerah',
    tanggal_ttd: '2024-03-12',
    tanggal_mulai: '2024-03-12',
    tanggal_berakhir: '2029-03-11',
    ruang_lingkup: 'Layanan kas daerah, pembayaran pajak dan retribusi daerah secara digital, pembiayaan UMKM.',
    induk: '',
    nilai: '',
  },
  {
    nomor_pemda: '415.4/02/PKS/2024',
    nomor_mitra: 'PKS.014/DIR/BMM/2024',
    judul: 'Perjanjian Kerja Sama tentang Digitalisasi Pembayaran Pajak Daerah',
    jenis_dokumen: 'PKS',
    jenis_kerja_sama: 'KSDPK',
    mitra: 'PT Bank Pembangunan Daerah Maluku dan Maluku Utara',
    kategori_mitra: 'bumd',
    bidang: 'Pendapatan Daerah (pajak dan retribusi)',
    opd: 'Badan Pendapatan Daerah',
    tanggal_ttd: '02/05/2024',
    tanggal_mulai: '02/05/2024',
    tanggal_berakhir: '01/05/2026',
    ruang_lingkup: 'Penyediaan kanal pembayaran pajak daerah melalui QRIS dan aplikasi bank.',
    induk: '415.4/01/KB/2024',
    nilai: '250.000.000',
  },
];

export function buildTemplateCsv(): string {
  return toCsv([[...IMPORT_COLUMNS], ...EXAMPLE_ROWS.map((row) => IMPORT_COLUMNS.map((column) => row[column]))]);
}
