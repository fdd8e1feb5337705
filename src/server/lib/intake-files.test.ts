import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makePng, makeScanPdf, makeTextPdf } from '../../../tests/support/pdf-fixtures';
import { makeRawZip, makeZip } from '../../../tests/support/zip-fixtures';
import { AppError } from './errors';
import { type IntakeCandidate, intakeCandidates } from './intake-files';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './intake-zip';

const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 50 * 1024 * 1024 };

// A page photographed or scanned: a white sheet with a dark block of "text".
async function makeImage(options: { width: number; height: number; format: 'jpeg' | 'png' }): Promise<Buffer> {
  const canvas = createCanvas(options.width, options.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, options.width, options.height);
  context.fillStyle = '#222';
  context.fillRect(options.width / 10, options.height / 10, options.width / 2, options.height / 20);
  return options.format === 'jpeg' ? canvas.encode('jpeg', 80) : canvas.encode('png');
}

// pdf-lib writes no encryption; a trailer naming an /Encrypt dictionary is what readers check first.
async function makeEncryptedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const text = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
  const trailer = text.lastIndexOf('trailer');
  const opening = text.indexOf('<<', trailer) + 2;
  return Buffer.from(`${text.slice(0, opening)}\n/Encrypt 1 0 R${text.slice(opening)}`, 'latin1');
}

async function pageSizesOf(candidate: IntakeCandidate | undefined): Promise<{ width: number; height: number }[]> {
  if (!candidate || !('bytes' in candidate)) throw new Error(`expected a readable candidate, got ${JSON.stringify(candidate)}`);
  const pdf = await PDFDocument.load(candidate.bytes);
  return pdf.getPages().map((page) => ({ width: Math.round(page.getWidth()), height: Math.round(page.getHeight()) }));
}

describe('bulk intake candidates', () => {
  it('passes an uploaded PDF through as it is, judged by content whatever its name', async () => {
    const pdf = await makeTextPdf(['Perjanjian Kerja Sama']);
    const [candidate] = await intakeCandidates([{ name: 'pks.zip', bytes: pdf }], limits);
    expect(candidate).toEqual({ name: 'pks.zip', source: 'upload', kind: 'pdf', mimeType: 'application/pdf', bytes: pdf });
  });

  it('wraps a JPEG scan as a one-page PDF sized from its pixels at 300 dpi', async () => {
    // A4 at 300 dpi is 2480 × 3508 pixels: 595 × 842 points.
    const jpeg = await makeImage({ width: 2480, height: 3508, format: 'jpeg' });
    const [candidate] = await intakeCandidates([{ name: 'halaman-1.jpg', bytes: jpeg }], limits);
    expect(candidate).toMatchObject({ name: 'halaman-1.jpg', source: 'upload', kind: 'image', mimeType: 'application/pdf' });
    expect(await pageSizesOf(candidate)).toEqual([{ width: 595, height: 842 }]);
  });

  it('puts an image too small or too large to be a page at 300 dpi on an A4 page, landscape kept', async () => {
    const icon = await makeImage({ width: 64, height: 48, format: 'png' });
    const photo = await makeImage({ width: 16000, height: 300, format: 'jpeg' });
    const candidates = await intakeCandidates(
      [
        { name: 'ikon.png', bytes: icon },
        { name: 'panorama.jpg', bytes: photo },
        { name: 'sempit.png', bytes: makePng(60, 400) },
      ],
      limits,
    );
    expect(await pageSizesOf(candidates[0])).toEqual([{ width: 842, height: 595 }]);
    expect(await pageSizesOf(candidates[1])).toEqual([{ width: 842, height: 595 }]);
    expect(await pageSizesOf(candidates[2])).toEqual([{ width: 595, height: 842 }]);
  });

  it('gives an error entry naming each file that is not a PDF or an image, a damaged one, or an encrypted PDF', async () => {
    const candidates = await intakeCandidates(
      [
        { name: 'daftar.xlsx', bytes: Buffer.from('not a scan at all') },
        { name: 'kosong.pdf', bytes: Buffer.alloc(0) },
        { name: 'terkunci.pdf', bytes: await makeEncryptedPdf() },
        { name: 'rusak.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF') },
        { name: 'rusak.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a]) },
      ],
      limits,
    );
    expect(candidates.map((candidate) => ('error' in candidate ? candidate.error.code : 'ok'))).toEqual(['NOT_PDF_OR_IMAGE', 'NOT_PDF_OR_IMAGE', 'PDF_ENCRYPTED', 'PDF_BROKEN', 'IMAGE_BROKEN']);
    expect(candidates[0]).toEqual({
      name: 'daftar.xlsx',
      source: 'upload',
      error: { code: 'NOT_PDF_OR_IMAGE', message: '"daftar.xlsx" bukan PDF atau gambar (JPEG/PNG).', messageEn: '"daftar.xlsx" is not a PDF or an image (JPEG/PNG).' },
    });
    expect(candidates[2]).toMatchObject({ error: { messageEn: '"terkunci.pdf" is an encrypted (password-protected) PDF; unlock it and upload it again.' } });
  });

  it('flattens a ZIP, recognised by content, into its entries with the ZIP as their source', async () => {
    const scan = await makeScanPdf(2);
    const inner = await makeZip([{ name: 'x.pdf', data: scan }]);
    const zip = await makeZip([
      { name: 'scans/pks-001.pdf', data: scan },
      { name: 'scans/pks-002.png', data: makePng(2480, 3508) },
      { name: 'scans/catatan.txt', data: Buffer.from('catatan') },
      { name: 'scans/arsip-lama.zip', data: inner },
      { name: '__MACOSX/scans/._pks-001.pdf', data: Buffer.from('junk') },
    ]);
    const candidates = await intakeCandidates(
      [
        { name: 'lepas.pdf', bytes: scan },
        { name: 'kiriman', bytes: zip },
      ],
      limits,
    );
    expect(candidates.map((candidate) => [candidate.name, candidate.source, 'error' in candidate ? candidate.error.code : candidate.kind])).toEqual([
      ['lepas.pdf', 'upload', 'pdf'],
      ['scans/pks-001.pdf', 'kiriman', 'pdf'],
      ['scans/pks-002.png', 'kiriman', 'image'],
      ['scans/catatan.txt', 'kiriman', 'NOT_PDF_OR_IMAGE'],
      ['scans/arsip-lama.zip', 'kiriman', 'NESTED_ZIP'],
    ]);
    expect(await pageSizesOf(candidates[1])).toHaveLength(2);
    expect(await pageSizesOf(candidates[2])).toEqual([{ width: 595, height: 842 }]);
  });

  it('returns nothing and throws naming the ZIP and the entry when one uploaded ZIP reaches outside itself', async () => {
    const good = await makeZip([{ name: 'a.pdf', data: await makeScanPdf() }]);
    const evil = makeRawZip([{ name: '../evil.pdf', data: await makeScanPdf() }]);
    const error: unknown = await intakeCandidates(
      [
        { name: 'baik.zip', bytes: good },
        { name: 'jahat.zip', bytes: evil },
      ],
      limits,
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_FILE', details: { archive: 'jahat.zip', entry: '../evil.pdf' } });
    expect((error as AppError).messageEn).toBe('"jahat.zip": ZIP refused: entry "../evil.pdf" points outside the archive (an absolute path, ".." or a drive letter).');
    expect((error as AppError).message).toContain('"jahat.zip": ZIP ditolak: entri "../evil.pdf" menunjuk ke luar arsip');
  });

  it('counts the total limit across all the uploaded ZIPs', async () => {
    const scan = await makeScanPdf();
    const zip = await makeZip([{ name: 'a.pdf', data: scan, compress: false }]);
    const files = [
      { name: 'satu.zip', bytes: zip },
      { name: 'dua.zip', bytes: zip },
    ];
    expect(await intakeCandidates(files, { ...limits, maxTotalBytes: 2 * scan.length })).toHaveLength(2);
    await expect(intakeCandidates(files, { ...limits, maxTotalBytes: 2 * scan.length - 1 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { archive: 'dua.zip', entry: 'a.pdf' },
    });
  });
});
