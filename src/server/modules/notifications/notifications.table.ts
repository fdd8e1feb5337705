import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table';

// In-app notices, one row per recipient.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    // A path inside the staff app, e.g. /app/proposals/<id>.
    link: text('link'),
    entity: text('entity'),
    entityId: text('entity_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_user_idx').on(table.userId, table.readAt, table.createdAt),
    // The inbox page's "all" list, newest first: read in index order, no sort over a user's whole history.
    index('notifications_user_created_idx').on(table.userId, table.createdAt.desc(), table.id.desc()),
  ],
);
