// A realistic, reproducible registry for benchmarks: agreements as import rows and document texts.
import { DEFAULT_UNITS } from '../src/server/seed/default-units';
import type { IMPORT_COLUMNS } from '../src/shared/imports';

export type ImportRow = Record<(typeof IMPORT_COLUMNS)[number], string>;

// Mulberry32: small, fast and seedable, so every run measures the same data.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTORS = [
  'pendidikan', 'kesehatan', 'umkm_koperasi', 'pendapatan_daerah', 'perhubungan', 'pariwisata_kebudayaan',
  'kelautan_perikanan', 'pertanian_pangan', 'lingkungan_hidup', 'pekerjaan_umum', 'kominfo_statistik',
  'sosial_kependudukan', 'perbankan_keuangan',
];

const PARTNER_KINDS: { prefix: string; category: string; kind: string }[] = [
  { prefix: 'Pemerintah Kabupaten', category: 'pemerintah_kabupaten_kota', kind: 'KSDD' },
  { prefix: 'Pemerintah Kota', category: 'pemerintah_kabupaten_kota', kind: 'KSDD' },
  { prefix: 'Universitas', category: 'perguruan_tinggi_negeri', kind: 'SINERGI' },
  { prefix: 'Politeknik', category: 'perguruan_tinggi_negeri', kind: 'SINERGI' },
  { prefix: 'Universitas Swasta', category: 'perguruan_tinggi_swasta', kind: 'KSDPK' },
  { prefix: 'PT Bank', category: 'bumn', kind: 'KSDPK' },
  { prefix: 'PT Bank Daerah', category: 'bumd', kind: 'KSDPK' },
  { prefix: 'PT', category: 'swasta', kind: 'KSDPK' },
  { prefix: 'Koperasi', category: 'swasta', kind: 'KSDPK' },
  { prefix: 'Yayasan', category: 'ormas_lembaga', kind: 'KSDPK' },
  { prefix: 'Kementerian', category: 'pemerintah_pusat', kind: 'SINERGI' },
  { prefix: 'Balai', category: 'pemerintah_pusat', kind: 'SINERGI' },
];

const PLACES = ['Ternate', 'Tidore', 'Halmahera', 'Sula', 'Morotai', 'Bacan', 'Jailolo', 'Sofifi', 'Maluku', 'Sulawesi', 'Papua', 'Makassar', 'Manado', 'Ambon', 'Bitung'];
const TOPICS = [
  'pembiayaan usaha mikro dan pedagang pasar', 'beasiswa pendidikan vokasi transportasi', 'digitalisasi pembayaran pajak dan retribusi daerah',
  'pelayanan kesehatan rujukan', 'pengelolaan sampah terpadu', 'pengembangan destinasi wisata bahari', 'penelitian dan pengabdian masyarakat',
  'penyediaan air bersih', 'pelatihan kewirausahaan', 'pengembangan sistem informasi pemerintahan', 'pemberdayaan nelayan dan perikanan tangkap',
  'ketahanan pangan dan pertanian perkotaan', 'penataan ruang kawasan pesisir', 'pertukaran data kependudukan', 'magang dan praktik kerja lapangan',
];
const WORDS = 'para pihak sepakat untuk melaksanakan kegiatan bersama sesuai kewenangan masing masing dengan memperhatikan ketentuan peraturan perundang undangan yang berlaku termasuk pembiayaan pelaporan evaluasi serta penyelesaian perselisihan secara musyawarah untuk mufakat dalam jangka waktu yang disepakati'.split(' ');

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function isoDate(year: number, dayOfYear: number): string {
  const date = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return date.toISOString().slice(0, 10);
}

export function generatePartners(count: number, random: () => number): { name: string; category: string; kind: string }[] {
  const partners: { name: string; category: string; kind: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const kind = pick(random, PARTNER_KINDS);
    partners.push({ name: `${kind.prefix} ${pick(random, PLACES)} ${index + 1}`, category: kind.category, kind: kind.kind });
  }
  return partners;
}

export function generateRows(count: number, seed = 42): ImportRow[] {
  const random = seededRandom(seed);
  const partners = generatePartners(Math.max(50, Math.floor(count / 8)), random);
  const rows: ImportRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const partner = pick(random, partners);
    const year = 2015 + Math.floor(random() * 12);
    const start = isoDate(year, Math.floor(random() * 360));
    const end = isoDate(year + 1 + Math.floor(random() * 4), Math.floor(random() * 300));
    const topic = pick(random, TOPICS);
    // Every fourth row is a PKS under the KB just before it.
    const isPks = index % 4 === 3;
    const sectors = [pick(random, SECTORS), ...(random() < 0.3 ? [pick(random, SECTORS)] : [])];
    rows.push({
      nomor_pemda: `${String(index + 1).padStart(6, '0')}/${isPks ? 'PKS' : 'KB'}/KS/${year}`,
      nomor_mitra: `${Math.floor(random() * 900) + 100}/${partner.category.toUpperCase()}/${year}`,
      judul: `${isPks ? 'Perjanjian Kerja Sama' : 'Kesepakatan Bersama'} tentang ${topic} antara Pemerintah Kota Ternate dan ${partner.name}`,
      jenis_dokumen: isPks ? 'PKS' : 'KB',
      jenis_kerja_sama: partner.kind,
      mitra: partner.name,
      kategori_mitra: partner.category,
      bidang: [...new Set(sectors)].join(';'),
      opd: pick(random, DEFAULT_UNITS).name,
      tanggal_ttd: start,
      tanggal_mulai: start,
      tanggal_berakhir: end,
      ruang_lingkup: `Ruang lingkup meliputi ${topic} di wilayah ${pick(random, PLACES)} serta ${pick(random, TOPICS)}.`,
      induk: isPks ? (rows[index - 1]?.nomor_pemda ?? '') : '',
      nilai: random() < 0.3 ? String(Math.floor(random() * 5_000) * 1_000_000) : '',
    });
  }
  return rows;
}

// Text as extracted from a several-page signed scan with a text layer (about 3 pages of 400 words).
export function generateDocumentText(random: () => number, topic: string): string {
  const pages: string[] = [];
  for (let page = 0; page < 3; page += 1) {
    const words: string[] = [`Pasal ${page + 1}`, topic];
    for (let index = 0; index < 400; index += 1) words.push(pick(random, WORDS));
    pages.push(words.join(' '));
  }
  return pages.join('\n\n');
}

export function toCsv(rows: ImportRow[]): string {
  const first = rows[0];
  if (!first) return '';
  const headers = Object.keys(first) as (keyof ImportRow)[];
  const escape = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [headers.join(','), ...rows.map((row) => headers.map((header) => escape(row[header])).join(','))].join('\n');
}

export const BENCH_TOPICS = TOPICS;
