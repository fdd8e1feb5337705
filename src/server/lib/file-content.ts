// What an uploaded file is, decided by its first bytes, never by its name or the browser's declared
// type. One check for every upload that takes PDFs or photos (documents, event photos, evidence).

export type FileContentType = { mimeType: 'application/pdf' | 'image/jpeg' | 'image/png'; extension: 'pdf' | 'jpg' | 'png' };

// A PDF starts with "%PDF-"; readers accept it anywhere in the first 1024 bytes (ISO 32000-1, 7.5.2 note).
const PDF_MAGIC = Buffer.from('%PDF-', 'ascii');
const MAGIC_WINDOW = 1024;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function looksLikePdf(bytes: Buffer): boolean {
  const index = bytes.subarray(0, MAGIC_WINDOW + PDF_MAGIC.length).indexOf(PDF_MAGIC);
  return index >= 0 && index < MAGIC_WINDOW;
}

export function photoTypeOf(bytes: Buffer): FileContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mimeType: 'image/jpeg', extension: 'jpg' };
  if (bytes.length >= PNG_MAGIC.length && PNG_MAGIC.every((byte, index) => bytes[index] === byte)) return { mimeType: 'image/png', extension: 'png' };
  return null;
}

// A photo or a PDF (the evidence a report may carry).
export function photoOrPdfTypeOf(bytes: Buffer): FileContentType | null {
  return photoTypeOf(bytes) ?? (looksLikePdf(bytes) ? { mimeType: 'application/pdf', extension: 'pdf' } : null);
}
