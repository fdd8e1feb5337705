import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partnerCategories } from '../master/master.table';

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
