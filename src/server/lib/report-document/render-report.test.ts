import { describe, expect, it } from 'vitest';
import { docxText, pdfText, xlsxSheets } from '../../../../tests/support/report-files';
import { renderReport } from './render-report';
import type { ReportDocument } from './report-document';

const doc: ReportDocument = {
  title: 'Kajian Dampak Kerja Sama 2020–2022',
  subtitle: 'Bagian Kerja Sama Setda Kota Ternate',
  blocks: [
    { kind: 'heading', level: 1, text: 'Ringkasan' },
    { kind: 'paragraph', text: 'Pada tahun 2020 terdapat 8 naskah.\n\nPada tahun 2021 terdapat 27 naskah & lebih.' },
    { kind: 'chart', title: 'Naskah per tahun', categories: ['2020', '2021', '2022'], series: [{ name: 'Jumlah', values: [8, 27, 17] }] },
    { kind: 'table', title: 'Per tahun', sheetName: 'Ringkasan', head: ['Tahun', 'Jumlah'], rows: [[2020, 8], [2021, 27], [2022, 17]] },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: 'Bidang' },
    { kind: 'table', sheetName: 'Bidang', head: ['Bidang', '2020'], rows: [['Pendidikan', 3], ['Kesehatan', null]], note: 'Bidang utama naskah.' },
  ],
};

describe('renderReport', () => {
  it('writes a PDF whose text holds the headings, paragraphs, chart title and table cells', async () => {
    const file = await renderReport(doc, 'pdf');
    expect(file.mimeType).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(file.body);
    expect(pages).toBe(2);
    for (const expected of ['Kajian Dampak Kerja Sama 2020–2022', 'Ringkasan', 'Pada tahun 2020 terdapat 8 naskah.', '27 naskah & lebih', 'Naskah per tahun', 'Pendidikan', 'Bidang utama naskah.']) {
      expect(text).toContain(expected);
    }
  });

  it('writes a DOCX with the same text, the chart as its table', async () => {
    const text = await docxText((await renderReport(doc, 'docx')).body);
    for (const expected of ['Kajian Dampak Kerja Sama 2020–2022', 'Ringkasan', '27 naskah & lebih', 'Naskah per tahun', 'Jumlah', 'Pendidikan']) expect(text).toContain(expected);
  });

  it('writes one sheet per named table, in order, numbers kept as numbers', async () => {
    const sheets = await xlsxSheets((await renderReport(doc, 'xlsx')).body);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Bidang']);
    expect(sheets[0]?.rows).toEqual([['Tahun', 'Jumlah'], [2020, 8], [2021, 27], [2022, 17]]);
  });

  it('keeps sheet names Excel accepts: 31 characters, no forbidden characters, no twins', async () => {
    const sheets = await xlsxSheets(
      (await renderReport(doc, 'xlsx', [
        { name: 'Kategori/Mitra: [semua] tahun 2020 sampai 2022', head: ['A'], rows: [] },
        { name: 'kategori/mitra: [semua] tahun 2020 sampai 2022', head: ['A'], rows: [] },
      ])).body,
    );
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Kategori Mitra   semua  tahun 2', 'kategori mitra   semua  tah (2)']);
  });

  it('lays out a long report without holding up the event loop', async () => {
    const long: ReportDocument = {
      title: 'Laporan panjang',
      blocks: Array.from({ length: 400 }, (_, index) => [
        { kind: 'heading' as const, level: 2 as const, text: `Naskah ${String(index + 1)}` },
        { kind: 'paragraph' as const, text: 'Latar belakang. '.repeat(40) },
      ]).flat(),
    };
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    const file = await renderReport(long, 'pdf');
    clearInterval(timer);
    expect((await pdfText(file.body)).text).toContain('Naskah 400');
    // The layout ran in the worker; here the timer kept firing meanwhile.
    expect(ticks).toBeGreaterThan(20);
  });
});
