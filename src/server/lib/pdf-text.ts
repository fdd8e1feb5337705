import type { PDFFont } from 'pdf-lib';

// Text for PDFs drawn with pdf-lib's standard fonts, which encode WinAnsi only (the printed
// dissemination sheet, the demo data set's documents).

// Replaces the few typographic characters WinAnsi cannot hold with plain ones, and anything else it
// cannot hold (line breaks included) with a space.
export function winAnsi(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014]/g, ' ');
}

// The text (made WinAnsi) broken into lines no wider than `width` at `size`, word by word.
export function wrapText(text: string, options: { font: PDFFont; size: number; width: number }): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && options.font.widthOfTextAtSize(candidate, options.size) > options.width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
