import { PDFDocument, StandardFonts, type PDFPage } from 'pdf-lib';
import { winAnsi, wrapText } from '../lib/pdf-text';

// Demo agreements get a real text PDF, written at load time, so that full-text search and the
// document viewer have something true to show. Standard fonts only: the text stays in WinAnsi.

export type PdfBlock = { text: string; style?: 'title' | 'heading' | 'body' };

const PAGE = { width: 595.28, height: 841.89, margin: 64 };
const STYLE = {
  title: { size: 13, gap: 6, bold: true, centred: true },
  heading: { size: 11, gap: 4, bold: true, centred: false },
  body: { size: 10.5, gap: 8, bold: false, centred: false },
} as const;

type Cursor = { page: PDFPage; y: number };

export async function renderPdf(options: { title: string; blocks: PdfBlock[]; createdAt: Date }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(options.title));
  pdf.setCreator('Jalin');
  pdf.setCreationDate(options.createdAt);
  pdf.setModificationDate(options.createdAt);
  const regular = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const width = PAGE.width - 2 * PAGE.margin;
  const cursor: Cursor = { page: pdf.addPage([PAGE.width, PAGE.height]), y: PAGE.height - PAGE.margin };
  for (const block of options.blocks) {
    const style = STYLE[block.style ?? 'body'];
    const font = style.bold ? bold : regular;
    for (const line of wrapText(block.text, { font, size: style.size, width })) {
      if (cursor.y < PAGE.margin + style.size) {
        cursor.page = pdf.addPage([PAGE.width, PAGE.height]);
        cursor.y = PAGE.height - PAGE.margin;
      }
      const lineWidth = font.widthOfTextAtSize(line, style.size);
      const x = style.centred ? (PAGE.width - lineWidth) / 2 : PAGE.margin;
      cursor.page.drawText(line, { x, y: cursor.y - style.size, size: style.size, font });
      cursor.y -= style.size * 1.45;
    }
    cursor.y -= style.gap;
  }
  return Buffer.from(await pdf.save());
}
