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
});

// A display name is at most this long; the stored file is named by Jalin, never by the user.
export const MAX_FILE_NAME_LENGTH = 200;

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
  isPublic: boolean;
  uploadedBy: string | null;
  createdAt: string;
};
