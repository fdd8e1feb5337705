import ExcelJS from 'exceljs';
import { deriveAgreementStatus } from '../../../shared/agreement-status';
import { EXPORT_COLUMNS, type ExportColumn, type ExportQuery } from '../../../shared/search';
import type { exportRows } from './search.repository';

// The registry export as a file: XLSX, or CSV, with the import's column names as headers, so that an
// export imports back unchanged.

type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];

// A CSV cell that starts like a formula would run as one in a spreadsheet program (CWE-1236).
function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toRecord(row: ExportRow, status: string): Record<ExportColumn, string> {
  return {
    nomor_pemda: row.numberOurs ?? '',
    nomor_mitra: row.numberPartner ?? '',
    judul: row.title,
    jenis_dokumen: row.docType,
    jenis_kerja_sama: row.kind,
    mitra: row.partnerNames ?? '',
    kategori_mitra: row.partnerCategories ?? '',
    bidang: row.sectorCodes ?? '',
    opd: row.unitNames ?? '',
    tanggal_ttd: row.signedOn ?? '',
    tanggal_mulai: row.startsOn ?? '',
    tanggal_berakhir: row.endsOn ?? '',
    status,
    ruang_lingkup: row.scope ?? '',
    induk: row.parentNumber ?? '',
    nilai: row.valueIdr ?? '',
    jenis_ksdd: row.ksddMode ?? '',
    alasan_jangka_panjang: row.longTermReason ?? '',
    id: row.id,
  };
}

export type ExportFile = { body: Buffer; fileName: string; mimeType: string };

type SheetOptions = { format: ExportQuery['format']; today: string; warningDays: number; createdAt: Date };

// One row per agreement, in the order given; the status is derived for `today`.
export async function registryExportFile(rows: ExportRow[], options: SheetOptions): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = options.createdAt;
  const sheet = workbook.addWorksheet('naskah_kerja_sama');
  sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key, width: key === 'judul' || key === 'ruang_lingkup' ? 60 : 20 }));
  const isCsv = options.format === 'csv';
  for (const row of rows) {
    const record = toRecord(row, deriveAgreementStatus(row, options.today, options.warningDays));
    sheet.addRow(isCsv ? Object.fromEntries(Object.entries(record).map(([key, value]) => [key, csvSafe(value)])) : record);
  }
  const base = `registri-kerja-sama-${options.today}`;
  if (isCsv) {
    return { body: Buffer.from(await workbook.csv.writeBuffer()), fileName: `${base}.csv`, mimeType: 'text/csv; charset=utf-8' };
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
