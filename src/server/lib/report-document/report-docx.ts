import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { chartTable, formatCell, paragraphsOf, type ReportBlock, type ReportDocument, type ReportTable } from './report-document';

// The report as a Word document the division keeps writing in: real headings (so the navigation
// pane and a table of contents work), real tables, charts as their tables.

// Typed apart: TextRun also takes a plain string, whose (deprecated) String.bold would otherwise be meant.
function run(options: IRunOptions): TextRun {
  return new TextRun(options);
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cell(text: string, options: { bold?: boolean; right?: boolean } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run({ text, bold: options.bold ?? false, size: 18 })] })],
  });
}

function tableBlocks(table: ReportTable): (Paragraph | Table)[] {
  const head = new TableRow({ tableHeader: true, children: table.head.map((text) => cell(text, { bold: true })) });
  const rows = table.rows.map((row) => new TableRow({ cantSplit: true, children: table.head.map((_, index) => cell(formatCell(row[index] ?? null), { right: typeof row[index] === 'number' })) }));
  return [
    ...(table.title ? [new Paragraph({ spacing: { before: 160, after: 60 }, children: [run({ text: table.title, bold: true })] })] : []),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] }),
    ...(table.note ? [new Paragraph({ children: [run({ text: table.note, italics: true, size: 18 })] })] : []),
    new Paragraph({ children: [] }),
  ];
}

function blockParagraphs(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], spacing: { before: 240, after: 120 }, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return paragraphsOf(block.text).map((text) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [new TextRun(text)] }));
    case 'table':
      return tableBlocks(block);
    case 'chart':
      return tableBlocks(chartTable(block));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    creator: doc.author ?? 'Jalin',
    title: doc.title,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        properties: doc.landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] }),
          ...(doc.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun(doc.subtitle)] })] : []),
          ...doc.blocks.flatMap(blockParagraphs),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
