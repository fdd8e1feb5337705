import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The request counters behind @fastify/rate-limit, one row per route and caller (address), shared
// by every app process on the database: three processes then allow the limit once, not three times.
// A row counts hits until reset_at; the next hit after that starts a new window on the same row.
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  // The sweep of finished windows reads by reset_at.
  (table) => [index('rate_limit_counters_reset_idx').on(table.resetAt)],
);
