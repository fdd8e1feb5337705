import type { PublicAgreement } from '../../shared/public';
import { agreementSlug } from '../../shared/slug';

// The open data files: one row per public agreement, public fields only (the same ones the
// agreement's page shows). The columns are documented on /data from this same list.
export const OPEN_DATA_COLUMNS = [
  { name: 'id', description: 'Pengenal tetap naskah (UUID).' },
  { name: 'judul', description: 'Judul naskah kerja sama.' },
  { name: 'jenis_naskah', description: 'KB (Kesepakatan Bersama), PKS (Perjanjian Kerja Sama), NK (Nota Kesepakatan) atau ADENDUM.' },
  { name: 'bentuk_kerja_sama', description: 'KSDD, KSDPK, KSDPL, KSDLL atau SINERGI (PP 28/2018).' },
  { name: 'mitra', description: 'Nama mitra, dipisah titik koma.' },
  { name: 'bidang', description: 'Kode bidang, bidang utama lebih dahulu, dipisah titik koma.' },
  { name: 'tanggal_tanda_tangan', description: 'Tanggal penandatanganan (YYYY-MM-DD).' },
  { name: 'mulai_berlaku', description: 'Tanggal mulai berlaku (YYYY-MM-DD).' },
  { name: 'berakhir', description: 'Tanggal berakhir (YYYY-MM-DD).' },
  { name: 'ruang_lingkup', description: 'Ruang lingkup kerja sama.' },
  { name: 'jumlah_dokumen_publik', description: 'Jumlah dokumen yang dipublikasikan.' },
  { name: 'url', description: 'Alamat halaman naskah di portal ini.' },
] as const;

export type OpenColumn = { name: string; description: string };
export type OpenValue = string | number | null;
type OpenRow = Record<(typeof OPEN_DATA_COLUMNS)[number]['name'], OpenValue>;

export function openDataRows(items: PublicAgreement[], publicUrl: string): OpenRow[] {
  return items.map((item) => ({
    id: item.id,
    judul: item.title,
    jenis_naskah: item.docType,
    bentuk_kerja_sama: item.kind,
    mitra: item.partnerNames.join('; '),
    bidang: item.sectorCodes.join('; '),
    tanggal_tanda_tangan: item.signedOn,
    mulai_berlaku: item.startsOn,
    berakhir: item.endsOn,
    ruang_lingkup: item.scope,
    jumlah_dokumen_publik: item.documents.length,
    url: `${publicUrl}/kerja-sama/${agreementSlug(item.id, item.title)}`,
  }));
}

// RFC 4180: quote every field that holds a separator, a quote or a line break. A leading =, +, -
// or @ is prefixed with an apostrophe so a spreadsheet never runs a cell as a formula.
function csvField(value: OpenValue): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Each dataset's columns in its own order; a column missing from a row is empty.
export function toCsv(rows: Record<string, OpenValue>[], columns: readonly OpenColumn[]): string {
  const header = columns.map((column) => column.name).join(',');
  const lines = rows.map((row) => columns.map((column) => csvField(row[column.name] ?? null)).join(','));
  // A BOM so spreadsheet programs read the names in UTF-8.
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
