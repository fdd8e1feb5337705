import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table';
import { users } from '../users/users.table';

import { INTAKE_FILE_STATES, type IntakeFileState } from '../../../shared/intake';

export { INTAKE_FILE_STATES, type IntakeFileState };

// One upload of many scans (issue 13, part 4): nothing of it reaches the register until a file is accepted.
export const intakeBatches = pgTable('intake_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  fileCount: integer('file_count').notNull(),
});

// One scan of a batch. The row is also its job queue entry, claimed as document OCR jobs are
// (FOR UPDATE SKIP LOCKED, a lease, back-off: docs/decisions/0024-ocr-jobs.md). A file refused at
// upload is kept as a failed row with its reason and no bytes, so the person sees why.
export const intakeFiles = pgTable(
  'intake_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => intakeBatches.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    // The ZIP it came out of; null for a file uploaded as itself.
    source: text('source'),
    storageKey: text('storage_key'),
    sha256: text('sha256'),
    sizeBytes: integer('size_bytes'),
    pageCount: integer('page_count'),
    state: text('state', { enum: INTAKE_FILE_STATES }).notNull(),
    page: integer('page'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    error: text('error'),
    ocrStorageKey: text('ocr_storage_key'),
    text: text('text'),
    extraction: jsonb('extraction'),
    matchAgreementId: uuid('match_agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    acceptedAgreementId: uuid('accepted_agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('intake_files_batch_idx').on(table.batchId), index('intake_files_due_idx').on(table.state, table.nextAttemptAt)],
);
