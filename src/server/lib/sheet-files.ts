import ExcelJS from 'exceljs';

// Register files (CSV, XLSX) built from rows of header → cell: the demo data set and the tests write
// the files they import with them.
export type SheetRow = Record<string, string | number | Date | null>;

function quoteCsv(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvCell(value: SheetRow[string]): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export function toCsv(rows: SheetRow[], options: { delimiter?: string; headers?: string[] } = {}): Buffer {
  const delimiter = options.delimiter ?? ',';
  const headers = options.headers ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [headers, ...rows.map((row) => headers.map((header) => csvCell(row[header] ?? null)))];
  return Buffer.from(lines.map((line) => line.map((cell) => quoteCsv(cell, delimiter)).join(delimiter)).join('\r\n') + '\r\n', 'utf8');
}

export async function toXlsx(rows: SheetRow[], options: { headers?: string[] } = {}): Promise<Buffer> {
  const headers = options.headers ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
