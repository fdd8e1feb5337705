import ExcelJS from 'exceljs';
import type { ReportSheet } from './report-document';

// Sheet names: at most 31 characters and none of : \ / ? * [ ] (Excel refuses the file otherwise).
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let candidate = base;
  for (let index = 2; taken.has(candidate.toLowerCase()); index += 1) candidate = `${base.slice(0, 27)} (${String(index)})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export async function renderXlsx(input: { title: string; sheets: ReportSheet[]; createdAt?: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jalin';
  workbook.title = input.title;
  if (input.createdAt) workbook.created = input.createdAt;
  const taken = new Set<string>();
  for (const sheet of input.sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken));
    worksheet.addRow(sheet.head).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.columns.forEach((column, index) => {
      const longest = Math.max((sheet.head[index] ?? '').length, ...sheet.rows.slice(0, 200).map((row) => String(row[index] ?? '').length));
      column.width = Math.min(60, Math.max(8, longest + 2));
    });
    worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
