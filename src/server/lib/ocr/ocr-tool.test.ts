import { describe, expect, it } from 'vitest';
import { sidecarPages, tidyOcrText } from './ocr-tool';

describe("OCRmyPDF's sidecar text", () => {
  it('splits the pages at form feeds and leaves null for a page OCR skipped', () => {
    expect(sidecarPages('Halaman satu\n\f[OCR skipped on page 2]\n\fHalaman tiga\n\f', 3)).toEqual(['Halaman satu\n', null, 'Halaman tiga\n']);
  });

  it('parts two words a speck joined with a full stop or comma, so each can be found', () => {
    expect(sidecarPages('Budidaya.rumput laut,dilaksanakan\f', 1)).toEqual(['Budidaya rumput laut dilaksanakan']);
  });

  it('keeps abbreviations, numbers and sentence ends as they were read', () => {
    const text = 'a.n. Wali Kota; 1 Januari s.d. 31 Desember; Rp1.250.000,00; Pasal 2. Para Pihak';
    expect(tidyOcrText(text)).toBe(text);
  });
});
