import ExcelJS from 'exceljs';
import { deriveAgreementStatus } from '../../../shared/agreement-status';
import { EXPORT_COLUMNS, EXPORT_MAX_ROWS, type ExportColumn, type ExportQuery } from '../../../shared/search';
import type { ActorCtx } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { canExportRegistry } from './search.policy';
import { countMatches, effectiveSort, exportRows } from './search.repository';
import { planSearch } from './search.service';

type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];

function tooMany(total: number, limit: number): AppError {
  const shown = (value: number) => value.toLocaleString('id-ID');
  return new AppError({
    code: 'UNPROCESSABLE',
    message: `Hasil terlalu banyak untuk diekspor (${shown(total)} naskah; batas ${shown(limit)}). Persempit saringan.`,
    messageEn: `Too many results to export (${total} agreements; the limit is ${limit}). Narrow the filters.`,
    details: { total, limit },
  });
}

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

// Every matching row (no paging), in the registry's order, as XLSX or CSV with Indonesian headers.
export async function exportAgreements(ctx: ActorCtx, query: ExportQuery, maxRows = EXPORT_MAX_ROWS): Promise<ExportFile> {
  if (!canExportRegistry(ctx.actor)) throw forbidden();
  const plan = await planSearch(ctx, query);
  const where = plan.conditions.where();
  const total = await countMatches(ctx.db, where);
  if (total > maxRows) throw tooMany(total, maxRows);
  const rows = await exportRows(ctx.db, where, effectiveSort(query.sort === 'relevance' ? undefined : query.sort, false), maxRows);
  const workbook = new ExcelJS.Workbook();
  workbook.created = ctx.now;
  const sheet = workbook.addWorksheet('naskah_kerja_sama');
  sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key, width: key === 'judul' || key === 'ruang_lingkup' ? 60 : 20 }));
  const isCsv = query.format === 'csv';
  for (const row of rows) {
    const record = toRecord(row, deriveAgreementStatus(row, plan.today, plan.warningDays));
    sheet.addRow(isCsv ? Object.fromEntries(Object.entries(record).map(([key, value]) => [key, csvSafe(value)])) : record);
  }
  const base = `registri-kerja-sama-${plan.today}`;
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
