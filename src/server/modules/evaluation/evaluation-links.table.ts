import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table';
import { evaluations } from './evaluation.table';

// The partner's private link to one evaluation. The partner has no account: the link is the key,
// so only the SHA-256 of its random token is kept (as the proposals' tracking links do); the
// table alone opens nothing.
export const evaluationPartnerLinks = pgTable(
  'evaluation_partner_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    // The last time the partner answered through this link.
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    index('evaluation_partner_links_evaluation_idx').on(table.evaluationId, table.createdAt),
    // One link works at a time: a new one revokes the previous in the same transaction.
    uniqueIndex('evaluation_partner_links_one_live_idx').on(table.evaluationId).where(sql`${table.revokedAt} IS NULL`),
  ],
);
