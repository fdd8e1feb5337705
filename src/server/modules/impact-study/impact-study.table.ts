import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table';

// The writer's edit of the impact study's narrative, one per range of years. Without a row the
// study shows and exports the narrative generated from the figures; "reset" deletes the row.
export const impactStudyDrafts = pgTable(
  'impact_study_drafts',
  {
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    narrative: text('narrative').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.fromYear, table.toYear] }), check('impact_study_drafts_range_ok', sql`${table.fromYear} <= ${table.toYear}`)],
);
