import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/types';
import { agreements } from '../agreements/agreements.table';
import { users } from '../users/users.table';

// The columns of one stored file, shared with the proposals' documents so both describe a file alike.
// A function, not an object: each table needs its own column builders.
export function fileColumns() {
  return {
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull().unique(),
  pageCount: integer('page_count'),
  textContent: text('text_content'),
  // A scan without a text layer: kept and shown, but its words cannot be searched yet.
  needsOcr: boolean('needs_ocr').notNull().default(false),
  // Script, launch, attachment or event actions found at upload: kept, flagged to staff, never shown inline.
  activeContent: text('active_content').array().notNull().default(sql`'{}'::text[]`),
  };
}

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['naskah_ttd', 'draf', 'lampiran', 'lainnya'] }).notNull(),
    ...fileColumns(),
    isPublic: boolean('is_public').notNull().default(false),
    // The searchable copy OCR made of a scan (ocr-jobs.service.ts), beside the original, which is never altered.
    ocrStorageKey: text('ocr_storage_key').unique(),
    // Very long texts are cut for the index only (a tsvector must stay under 1 MB); the text is kept whole.
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('indonesian'::regconfig, left(coalesce(text_content, ''), 400000))`,
    ),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('documents_agreement_idx').on(table.agreementId),
    index('documents_search_idx').using('gin', table.searchVector),
  ],
);
