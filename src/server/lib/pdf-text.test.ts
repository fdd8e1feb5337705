import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { winAnsi, wrapText } from './pdf-text';

describe('pdf text', () => {
  it('replaces typographic quotes with plain ones and what WinAnsi cannot hold with a space', () => {
    expect(winAnsi('“Kota” ‘Rempah’ – ☕\nbaris')).toBe(`"Kota" 'Rempah' –   baris`);
  });

  it('breaks text into lines that fit the width, word by word, line breaks included', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const text = 'Kerja sama daerah Kota Ternate\ndengan pihak ketiga di bidang perikanan';
    const lines = wrapText(text, { font, size: 10, width: 100 });
    expect(lines.join(' ')).toBe(text.replace('\n', ' '));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(100);
  });
});
