import { extractText, getDocumentProxy } from 'unpdf';
import { MAX_FILE_NAME_LENGTH } from '../../../shared/documents';
import { AppError } from '../../lib/errors';
import { findActiveContent } from './documents.pdf-active';

// activeContent: kinds of script, launch, attachment or event actions found (empty = none); see
// docs/decisions/0009-csrf.md, "Stored files".
// text: the pages' texts joined by form feeds (\f), so that a word's page can be told from the text
// alone (search names the page of a hit); pagesWithoutText: 1-based pages with no letters, which
// OCR reads (ocr-jobs.service.ts); needsOcr: no page has any, the file is a scan.
export type PdfContent = { pageCount: number; text: string; needsOcr: boolean; pagesWithoutText: number[]; activeContent: string[] };

export const PAGE_BREAK = '\f';

// PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded as UTF-8.
function cleanText(text: string): string {
  return text
    .replaceAll('\0', ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .trim();
}

// One page's text as stored: a form feed inside it would shift every later page number.
export function cleanPageText(text: string): string {
  return cleanText(text.replaceAll(PAGE_BREAK, ' '));
}

function corrupt(): AppError {
  return new AppError({
    code: 'BAD_FILE',
    message: 'Berkas PDF rusak atau tidak dapat dibaca.',
    messageEn: 'The PDF file is damaged or cannot be read.',
    field: 'file',
  });
}

// The byte scan reads every dictionary; pdf.js adds what only a full parse sees (an encrypted file).
async function activeContentOf(pdf: Awaited<ReturnType<typeof getDocumentProxy>>, bytes: Buffer): Promise<string[]> {
  const found = new Set(findActiveContent(bytes));
  if (await pdf.getJSActions()) found.add('JavaScript');
  if (await pdf.getAttachments()) found.add('EmbeddedFile');
  return [...found].sort();
}

async function openPdf(bytes: Buffer): Promise<Awaited<ReturnType<typeof getDocumentProxy>>> {
  try {
    // pdf.js may take over the buffer it is given, so it gets a copy; verbosity 0 keeps warnings out of the log.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch {
    throw corrupt();
  }
}

// Only the page count (a scan's size is checked before it is queued): the pages themselves are
// read when the file's turn comes.
export async function readPdfPageCount(bytes: Buffer): Promise<number> {
  const pdf = await openPdf(bytes);
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

// Parses the whole file (which also proves it is a PDF) and takes its text layer, page by page.
// A PDF without any letters in its text layer is a scan: kept, and marked as needing OCR.
export async function readPdfContent(bytes: Buffer): Promise<PdfContent> {
  const pdf = await openPdf(bytes);
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    // A form feed inside a page's own text would shift every later page number.
    const pages = text.map(cleanPageText);
    const pagesWithoutText = pages.flatMap((page, index) => (/\p{L}/u.test(page) ? [] : [index + 1]));
    const hasLetters = pagesWithoutText.length < pages.length;
    return {
      pageCount: totalPages,
      text: hasLetters ? pages.join(PAGE_BREAK) : '',
      needsOcr: !hasLetters,
      pagesWithoutText,
      activeContent: await activeContentOf(pdf, bytes),
    };
  } catch {
    throw corrupt();
  } finally {
    await pdf.destroy();
  }
}

// The name shown to people: the last path segment, without control or invisible format characters.
// It is never used to build a storage path.
export function displayFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  const named = cleaned.length > 0 ? cleaned : 'dokumen.pdf';
  const withExtension = /\.pdf$/i.test(named) ? named : `${named}.pdf`;
  if (withExtension.length <= MAX_FILE_NAME_LENGTH) return withExtension;
  return `${withExtension.slice(0, MAX_FILE_NAME_LENGTH - 4).trimEnd()}.pdf`;
}
