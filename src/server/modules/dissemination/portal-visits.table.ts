import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

// How often the portal's agreement and opportunity pages were opened, per day. Counts only: no
// address, no cookie, no user agent (issue 4 §8). The portal counts them in memory and hands each batch to
// recordPortalVisits (src/server/portal/portal-visits.ts); dissemination reads them as reach.
export const portalPageVisits = pgTable(
  'portal_page_visits',
  {
    page: text('page', { enum: ['agreement', 'opportunity'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    day: date('day').notNull(),
    visits: integer('visits').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.page, table.entityId, table.day] }), check('portal_page_visits_count_ok', sql`${table.visits} >= 0`)],
);
