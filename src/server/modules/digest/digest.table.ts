import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// One row per month whose digest went out (or was passed over): the month is claimed in the
// transaction that queues the mails, so a restart, a second process or a second run never sends a
// month twice. A 'baseline' row marks the month before the digest's first check on this install:
// no digest is sent for it or for any month before it (those months predate the install or the
// feature, and the pimpinan would not expect a late summary of them).
export const digestRuns = pgTable('digest_runs', {
  month: text('month').primaryKey(),
  status: text('status', { enum: ['sent', 'baseline'] }).notNull(),
  recipients: integer('recipients').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
