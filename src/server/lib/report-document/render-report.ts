import { REPORT_MIME_TYPES, sheetsOf, type ReportDocument, type ReportFormat, type ReportSheet } from './report-document';
import { renderDocx } from './report-docx';
import { renderPdf } from './report-pdf';
import { renderXlsx } from './report-xlsx';

export { renderDocx, renderPdf, renderXlsx, sheetsOf };

export type RenderedReport = { body: Buffer; mimeType: string; extension: ReportFormat };

// One document, the format the reader asked for. The workbook holds the document's named tables
// unless the caller gives its own sheets (a recap wider than a printed page, say).
export async function renderReport(doc: ReportDocument, format: ReportFormat, sheets?: ReportSheet[]): Promise<RenderedReport> {
  const body = await renderBody(doc, format, sheets);
  return { body, mimeType: REPORT_MIME_TYPES[format], extension: format };
}

function renderBody(doc: ReportDocument, format: ReportFormat, sheets: ReportSheet[] | undefined): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(doc);
    case 'docx':
      return renderDocx(doc);
    case 'xlsx':
      return renderXlsx({ title: doc.title, sheets: sheets ?? sheetsOf(doc) });
  }
}
