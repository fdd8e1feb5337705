import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { OCR_JOB_STATES } from '../../../shared/documents';
import { documents } from './documents.table';

// One OCR job per document whose pages (some or all) have no text layer. The row is the queue:
// a job is claimed with FOR UPDATE SKIP LOCKED and held by a lease, so that a server stopped in the
// middle of a job leaves it to be claimed again, and several processes never read the same scan.
export const documentOcrJobs = pgTable(
  'document_ocr_jobs',
  {
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    state: text('state', { enum: OCR_JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    // Not claimed before this instant: the back-off after a failed attempt.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    // A running job whose lease has run out was cut off (a stopped server) and is claimed again.
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    page: integer('page'),
    pageCount: integer('page_count'),
    // Why the last attempt failed, in words a person can act on.
    error: text('error'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('document_ocr_jobs_due_idx').on(table.state, table.nextAttemptAt)],
);
