import ExcelJS from 'exceljs';
import {
  IMPORT_COLUMNS,
  IMPORT_EXTRA_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  type ImportColumn,
} from '../../../shared/imports';
import { AppError } from '../../lib/errors';
import { CsvSyntaxError, parseCsv } from './imports.csv';

// A spreadsheet reduced to text cells under known column names; row = the spreadsheet's row number.
export type RawRow = { row: number; cells: Partial<Record<ImportColumn, string>> };
export type RawTable = { columns: ImportColumn[]; ignoredColumns: string[]; rows: RawRow[] };

export type FileProblem = 'empty' | 'format' | 'encoding' | 'headers' | 'too_many_rows';

const KNOWN_COLUMNS = new Set<string>([...IMPORT_COLUMNS, ...IMPORT_EXTRA_COLUMNS]);

export function badFile(reason: FileProblem, input: { message: string; messageEn: string; field?: string | undefined }): AppError {
  const { message, messageEn, field = 'file' } = input;
  return new AppError({ code: 'BAD_FILE', message, messageEn, field, issues: [{ path: field, message }], details: { reason } });
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function decodeUtf8(bytes: Uint8Array): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    throw badFile('encoding', {
      message: 'Berkas CSV bukan teks UTF-8 yang sah (encoding). Simpan ulang sebagai "CSV UTF-8".',
      messageEn: 'The CSV file is not valid UTF-8 text (encoding). Save it again as "CSV UTF-8".',
    });
  }
}

function notSpreadsheet(): AppError {
  return badFile('format', { message: 'Berkas bukan CSV atau XLSX.', messageEn: 'The file is neither CSV nor XLSX.' });
}

function isoDateOf(value: Date): string {
  // exceljs builds date cells at UTC midnight; the calendar date is the UTC one.
  return value.toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDateOf(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    // A hyperlink's text is rich text when the link is formatted, despite the typings.
    const text: unknown = value.text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellRichTextValue);
  }
  if ('error' in value) return value.error;
  return cellText(value.result);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw badFile('format', { message: 'Berkas XLSX rusak atau tidak dapat dibaca.', messageEn: 'The XLSX file is damaged or cannot be read.' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('empty', { message: 'Berkas XLSX tidak berisi lembar kerja.', messageEn: 'The XLSX file has no worksheet.' });
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      values[columnNumber - 1] = cellText(cell.value);
    });
    records[rowNumber - 1] = Array.from(values, (value) => value ?? '');
  });
  return Array.from(records, (record) => record ?? []);
}

// Control bytes (other than tab and line breaks) never occur in a text file; a PDF starts with %PDF.
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return true;
  return bytes.subarray(0, 8192).some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b));
}

function readCsv(bytes: Uint8Array): string[][] {
  if (looksBinary(bytes)) throw notSpreadsheet();
  const text = decodeUtf8(bytes);
  try {
    // The export defuses a cell that would run as a formula with a leading apostrophe (as a
    // spreadsheet does); reading it back takes the apostrophe off again.
    return parseCsv(text).map((record) => record.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)));
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw badFile('format', { message: `CSV tidak sah di baris ${error.record}: tanda kutip tidak seimbang.`, messageEn: `Invalid CSV at row ${error.record}: ${error.message}.` });
  }
}

function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function mapHeaders(headerCells: string[]): { indexes: [ImportColumn, number][]; ignoredColumns: string[] } {
  const indexes: [ImportColumn, number][] = [];
  const ignoredColumns: string[] = [];
  const seen = new Set<string>();
  headerCells.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key === '') return;
    if (!KNOWN_COLUMNS.has(key)) {
      ignoredColumns.push(cell.trim());
      return;
    }
    if (seen.has(key)) throw badFile('headers', { message: `Kolom "${key}" muncul dua kali.`, messageEn: `Column "${key}" appears twice.`, field: key });
    seen.add(key);
    indexes.push([key as ImportColumn, index]);
  });
  const missing = REQUIRED_IMPORT_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    throw badFile('headers', { message: `Kolom wajib tidak ada: ${missing.join(', ')}.`, messageEn: `Required columns are missing: ${missing.join(', ')}.`, field: missing[0] });
  }
  return { indexes, ignoredColumns };
}

function toTable(records: string[][]): RawTable {
  const headerIndex = records.findIndex((record) => record.some((cell) => cell.trim() !== ''));
  const header = records[headerIndex];
  if (headerIndex < 0 || !header) throw badFile('empty', { message: 'Berkas kosong.', messageEn: 'The file is empty.' });
  const { indexes, ignoredColumns } = mapHeaders(header);
  const rows: RawRow[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index] ?? [];
    const cells: RawRow['cells'] = {};
    let hasValue = false;
    for (const [column, position] of indexes) {
      const value = (record[position] ?? '').trim();
      if (value !== '') hasValue = true;
      cells[column] = value;
    }
    // Blank lines between rows are common in hand-kept registers; they are not rows.
    if (hasValue) rows.push({ row: index + 1, cells });
  }
  if (rows.length === 0) throw badFile('empty', { message: 'Berkas tidak berisi baris data di bawah judul kolom.', messageEn: 'The file has no data rows below the header.' });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw badFile('too_many_rows', { message: `Paling banyak ${MAX_IMPORT_ROWS} baris per berkas; pecah berkas ini.`, messageEn: `At most ${MAX_IMPORT_ROWS} rows per file; split this file.` });
  }
  return { columns: indexes.map(([column]) => column), ignoredColumns, rows };
}

// The kind of file is decided by its content, never by its name: XLSX is a zip, CSV is UTF-8 text.
export async function readImportTable(bytes: Uint8Array): Promise<RawTable> {
  const isBlank = bytes.length === 0 || (bytes.length <= 3 && bytes.every((byte) => byte === 0xef || byte === 0xbb || byte === 0xbf));
  if (isBlank) throw badFile('empty', { message: 'Berkas kosong.', messageEn: 'The file is empty.' });
  if (isOldExcel(bytes)) {
    throw badFile('format', { message: 'Format XLS lama tidak didukung; simpan sebagai XLSX atau CSV.', messageEn: 'The old XLS format is not supported; save as XLSX or CSV.' });
  }
  const records = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  return toTable(records);
}
