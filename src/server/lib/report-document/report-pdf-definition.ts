import { chartSvg } from './report-chart-svg';
import { formatCell, paragraphsOf, type ReportBlock, type ReportDocument, type ReportTable } from './report-document';

// The pdfmake document definition of a report: A4, the standard Helvetica, headings as PDF
// outline entries, tables with a repeated header row. Plain data, so it can go to the worker
// (which adds the page footer: a function cannot be sent).

type Content = Record<string, unknown>;

const HEADING_SIZES = { 1: 15, 2: 12.5, 3: 11 } as const;

function tableContent(table: ReportTable): Content[] {
  const body = [
    table.head.map((text) => ({ text, style: 'tableHead' })),
    ...table.rows.map((row) => table.head.map((_, index) => {
      const cell = row[index] ?? null;
      return { text: formatCell(cell), alignment: typeof cell === 'number' ? 'right' : 'left' };
    })),
  ];
  const widths = table.head.map((_, index) => (index === 0 && table.head.length > 2 ? 'auto' : '*'));
  return [
    ...(table.title ? [{ text: table.title, style: 'tableTitle' }] : []),
    { table: { headerRows: 1, widths, body, dontBreakRows: true }, layout: 'lightHorizontalLines', style: 'table' },
    ...(table.note ? [{ text: table.note, style: 'note' }] : []),
  ];
}

function blockContent(block: ReportBlock): Content[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: block.text, fontSize: HEADING_SIZES[block.level], bold: true, margin: [0, block.level === 1 ? 14 : 9, 0, 5], tocItem: false, outline: true, headlineLevel: block.level }];
    case 'paragraph':
      return paragraphsOf(block.text).map((text) => ({ text, margin: [0, 0, 0, 6], alignment: 'justify' }));
    case 'table':
      return tableContent(block);
    case 'chart': {
      const { svg, width } = chartSvg(block);
      return [{ text: block.title, style: 'tableTitle' }, { svg, width: Math.min(width, 480), margin: [0, 2, 0, 8] }];
    }
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
  }
}

export function pdfDefinition(doc: ReportDocument): Record<string, unknown> {
  return {
    pageSize: 'A4',
    pageOrientation: doc.landscape ? 'landscape' : 'portrait',
    pageMargins: [50, 50, 50, 56],
    info: { title: doc.title, author: doc.author ?? 'Jalin', creator: 'Jalin' },
    defaultStyle: { font: 'Helvetica', fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, color: '#495057', margin: [0, 0, 0, 12] },
      table: { fontSize: 8.5, margin: [0, 2, 0, 10] },
      tableHead: { bold: true },
      tableTitle: { bold: true, fontSize: 9.5, margin: [0, 6, 0, 3] },
      note: { fontSize: 8, italics: true, color: '#495057', margin: [0, 0, 0, 8] },
    },
    content: [
      { text: doc.title, style: 'title' },
      ...(doc.subtitle ? [{ text: doc.subtitle, style: 'subtitle' }] : []),
      ...doc.blocks.flatMap(blockContent),
    ],
  };
}
