import ExcelJS from 'exceljs';
import type { StatsQuery, StatsResponse, StatsYear } from '../../../shared/stats';
import type { Ctx } from '../../lib/context';
import { assertMayReadStats, computeStats, type StatsLabels } from './stats.service';

// The statistics as a workbook: one sheet per table, years as columns, codes beside names
// so that the sheet can be both read and processed further.

type Table = { title: string; head: string[]; rows: (string | number)[][] };

function perYear(stats: StatsResponse): Table {
  return { title: 'Per Tahun', head: ['Tahun', 'Jumlah kerja sama'], rows: stats.years.map((year) => [year.year, year.total]) };
}

function byCode(
  title: string,
  stats: StatsResponse,
  items: { code: string; name: string; extra?: string }[],
  pick: (year: StatsYear) => Record<string, number>,
  extraHead?: string,
): Table {
  const years = stats.years.map((year) => String(year.year));
  const head = ['Kode', 'Nama', ...(extraHead ? [extraHead] : []), ...years, 'Total'];
  const rows = items.map((item) => {
    const counts = stats.years.map((year) => pick(year)[item.code] ?? 0);
    return [item.code, item.name, ...(extraHead ? [item.extra ?? ''] : []), ...counts, counts.reduce((sum, count) => sum + count, 0)];
  });
  return { title, head, rows };
}

function addSheet(workbook: ExcelJS.Workbook, table: Table) {
  const sheet = workbook.addWorksheet(table.title);
  sheet.addRow(table.head).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 48 : Math.max(10, (table.head[index] ?? '').length + 2);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function tablesOf(stats: StatsResponse, labels: StatsLabels): Table[] {
  return [
    perYear(stats),
    byCode('Kelompok Mitra', stats, labels.groups, (year) => year.byPartnerGroup),
    byCode('Kategori Mitra', stats, labels.categories.map((category) => ({ ...category, extra: category.groupCode })), (year) => year.byPartnerCategory, 'Kelompok'),
    byCode('Bidang', stats, labels.sectors, (year) => year.bySector),
  ];
}

export async function exportStatsXlsx(ctx: Ctx, query: StatsQuery): Promise<{ fileName: string; body: Buffer }> {
  assertMayReadStats(ctx);
  const { stats, labels } = await computeStats(ctx, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jalin';
  workbook.created = ctx.now;
  for (const table of tablesOf(stats, labels)) addSheet(workbook, table);
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `statistik-kerja-sama-${stats.from}-${stats.to}.xlsx`, body };
}
