import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.table';

// Two-step sign-in with a time-based code (TOTP, RFC 6238) for the accounts that turned it on.
// `pendingSecret` is a secret shown to its owner but not yet proved with a code; `secret` the one
// in use. `lastStep`: the 30-second step of the last code accepted, so a code seen over a
// shoulder or in a log cannot be used a second time.
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret'),
  pendingSecret: text('pending_secret'),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  lastStep: integer('last_step'),
});
