import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from './agreement-codes';

// Multipart text fields arrive as strings; a checkbox may send "on".
const formBoolean = z
  .enum(['true', 'false', '1', '0', 'on', 'off'])
  .transform((value) => value === 'true' || value === '1' || value === 'on');

export const UploadDocumentFieldsSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  isPublic: formBoolean.optional().default(false),
});
export type UploadDocumentFields = z.output<typeof UploadDocumentFieldsSchema>;

export const DocumentFileQuerySchema = z.object({
  download: z.enum(['0', '1', 'true', 'false']).optional(),
  // The searchable copy OCR made (`ocr`) instead of the file as uploaded.
  variant: z.enum(['original', 'ocr']).optional().default('original'),
});

// A display name is at most this long; the stored file is named by Jalin, never by the user.
export const MAX_FILE_NAME_LENGTH = 200;

// queued → running → done, or failed (after the last retry, or at once for a file OCR cannot read).
export const OCR_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type OcrJobState = (typeof OCR_JOB_STATES)[number];

// The packages a server needs for OCR (named to the person who sees that it is missing).
export const OCR_PACKAGES = ['ocrmypdf', 'tesseract-ocr', 'tesseract-ocr-ind'] as const;

// Where a document's OCR stands. `isToolMissing`: the job waits because this server has no OCR tools.
export type DocumentOcrView = {
  state: OcrJobState;
  page: number | null;
  pageCount: number | null;
  attempts: number;
  error: string | null;
  nextAttemptAt: string | null;
  isToolMissing: boolean;
  canRetry: boolean;
};

export type DocumentView = {
  id: string;
  agreementId: string;
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  pageCount: number | null;
  // A scan without a text layer: its words are not searchable until it is OCR'd.
  needsOcr: boolean;
  // Kinds of active content (JavaScript, Launch, EmbeddedFile, …) found at upload; empty = none.
  activeContent: string[];
  // The OCR of its pages without text, if it has any; null for a document with a full text layer.
  ocr: DocumentOcrView | null;
  // OCR made a searchable copy (the original is kept as it was uploaded).
  hasSearchableCopy: boolean;
  isPublic: boolean;
  uploadedBy: string | null;
  createdAt: string;
};
