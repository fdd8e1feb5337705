import { PDFDocument } from 'pdf-lib';
import type { FileContentType } from './file-content';

// Bulk intake hands on PDFs only: a photographed or scanned page (JPEG/PNG) becomes a one-page
// image-only PDF, and a PDF gets a light check here. Deep parsing (text layer, page count limits)
// is left to the documents module's reader: lib may not import a module's private files.

export type PdfCheck = 'ok' | 'encrypted' | 'broken';

const POINTS_PER_INCH = 72;
// Scanners and the OCR step work at 300 dpi; a JPEG's own dpi field is too often wrong to trust.
const ASSUMED_DPI = 300;
const A4: [number, number] = [595.28, 841.89];
// Under 2 inches a side is a thumbnail or an icon; over 50 inches (beyond A0) a photo at camera
// resolution, not a page. Either way A4 is the better guess.
const MIN_SIDE = 2 * POINTS_PER_INCH;
const MAX_SIDE = 50 * POINTS_PER_INCH;

function pageSizeOf(pixels: { width: number; height: number }): [number, number] {
  const width = (pixels.width / ASSUMED_DPI) * POINTS_PER_INCH;
  const height = (pixels.height / ASSUMED_DPI) * POINTS_PER_INCH;
  const isAbsurd = [width, height].some((side) => side < MIN_SIDE || side > MAX_SIDE);
  if (!isAbsurd) return [width, height];
  // A4 in the picture's orientation.
  return pixels.width > pixels.height ? [A4[1], A4[0]] : A4;
}

// The image fitted to the page, aspect ratio kept, centred. Null when the image cannot be decoded.
export async function imageToPdf(bytes: Buffer, type: FileContentType): Promise<Buffer | null> {
  const pdf = await PDFDocument.create();
  let image;
  try {
    image = type.mimeType === 'image/png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
  } catch {
    return null;
  }
  if (image.width < 1 || image.height < 1) return null;
  const [pageWidth, pageHeight] = pageSizeOf(image);
  const scale = Math.min(pageWidth / image.width, pageHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const page = pdf.addPage([pageWidth, pageHeight]);
  page.drawImage(image, { x: (pageWidth - width) / 2, y: (pageHeight - height) / 2, width, height });
  return Buffer.from(await pdf.save());
}

// Encrypted PDFs cannot be OCR'd or read without the password; a PDF pdf-lib cannot load or that has
// no page is broken. Loaded with ignoreEncryption and asked isEncrypted, because the error pdf-lib
// throws otherwise is a plain Error to instanceof (its classes are compiled to ES5).
export async function checkPdf(bytes: Buffer): Promise<PdfCheck> {
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
    if (pdf.isEncrypted) return 'encrypted';
    return pdf.getPageCount() > 0 ? 'ok' : 'broken';
  } catch {
    return 'broken';
  }
}
