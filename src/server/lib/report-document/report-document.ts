// A report as a list of blocks, written once and rendered to PDF (to file and print), DOCX (for the
// division to keep writing in) and XLSX (tables to work on). The impact study and the statutory
// reports build one of these; the renderers know nothing of either.

export type ReportCell = string | number | null;

export type ReportTable = {
  kind: 'table';
  title?: string;
  // The workbook sheet this table becomes; tables without one appear only in PDF and DOCX.
  sheetName?: string;
  head: string[];
  rows: ReportCell[][];
  note?: string;
};

// A bar chart, grouped when there are several series. PDF draws it; DOCX, which has no drawing
// here, shows its figures as a table (every chart has its table alternative anyway).
export type ReportChart = { kind: 'chart'; title: string; categories: string[]; series: { name: string; values: number[] }[] };

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  // Blank lines split the text into paragraphs.
  | { kind: 'paragraph'; text: string }
  | ReportTable
  | ReportChart
  | { kind: 'pageBreak' };

export type ReportDocument = { title: string; subtitle?: string; author?: string; landscape?: boolean; blocks: ReportBlock[] };

export type ReportSheet = { name: string; head: string[]; rows: ReportCell[][] };

export const REPORT_FORMATS = ['pdf', 'xlsx', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MIME_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

// The table a chart stands for: one row per category, one column per series.
export function chartTable(chart: ReportChart): ReportTable {
  return {
    kind: 'table',
    title: chart.title,
    head: ['', ...chart.series.map((series) => series.name)],
    rows: chart.categories.map((category, index) => [category, ...chart.series.map((series) => series.values[index] ?? 0)]),
  };
}

// The table blocks that name a sheet, in their order.
export function sheetsOf(doc: ReportDocument): ReportSheet[] {
  return doc.blocks.flatMap((block) => (block.kind === 'table' && block.sheetName ? [{ name: block.sheetName, head: block.head, rows: block.rows }] : []));
}

export function formatCell(cell: ReportCell): string {
  if (cell === null) return '–';
  if (typeof cell === 'number') return cell.toLocaleString('id-ID');
  return cell;
}
