import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Every mail Jalin writes. Without SMTP_URL it is held here for the division to read and pass on;
// with SMTP_URL it is sent, and its body is cleared once delivered since it may carry a private link.
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body'),
    // An HTML alternative of the text body (the monthly digest); cleared with it once delivered.
    htmlBody: text('html_body'),
    status: text('status', { enum: ['held', 'pending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // When a mail still pending is next tried (the mail-retry job); set after a failed attempt.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    entity: text('entity'),
    entityId: text('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('outbox_status_idx').on(table.status, table.createdAt)],
);
