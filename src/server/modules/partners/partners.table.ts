import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partnerCategories } from '../master/master.table';
import { users } from '../users/users.table';

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // normalizePartnerName(name): one institution is one row however its name is typed.
    nameKey: text('name_key').notNull().unique(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => partnerCategories.code, { onUpdate: 'cascade' }),
    address: text('address'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('partners_category_idx').on(table.categoryCode)],
);

// Pairs a person said are not one institution: the duplicate list never offers them again. A pair is
// stored once, the smaller id first, whichever order it was dismissed in; it goes with either partner.
export const partnerDuplicateDismissals = pgTable(
  'partner_duplicate_dismissals',
  {
    partnerLowId: uuid('partner_low_id').notNull().references(() => partners.id, { onDelete: 'cascade' }),
    partnerHighId: uuid('partner_high_id').notNull().references(() => partners.id, { onDelete: 'cascade' }),
    dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.partnerLowId, table.partnerHighId] }),
    index('partner_duplicate_dismissals_high_idx').on(table.partnerHighId),
    check('partner_duplicate_dismissals_ordered', sql`${table.partnerLowId} < ${table.partnerHighId}`),
  ],
);
