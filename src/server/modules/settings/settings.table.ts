import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Tunable rules (warning window, maximum term, upload limit) as data an admin can change.
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
