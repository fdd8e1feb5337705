import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table';

// An import run: preview first, then confirmed; progress is read by the UI while it runs.
export const importRuns = pgTable('import_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  status: text('status', { enum: ['preview', 'running', 'done', 'failed'] }).notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  doneRows: integer('done_rows').notNull().default(0),
  createdCount: integer('created_count').notNull().default(0),
  updatedCount: integer('updated_count').notNull().default(0),
  unchangedCount: integer('unchanged_count').notNull().default(0),
  issues: jsonb('issues').notNull().default([]),
  // The parsed, validated rows kept between preview and confirm.
  payload: jsonb('payload'),
  // A confirmed run belongs to the process writing it, which renews its lease while it works; a run
  // whose lease ran out lost its process (import-lease.service.ts) and may be confirmed again.
  ownerId: text('owner_id'),
  leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
  interruptedAt: timestamp('interrupted_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
