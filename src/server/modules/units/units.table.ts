import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// OPD (perangkat daerah): a Dinas, Badan or Bagian of the city.
export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  shortName: text('short_name'),
  isActive: boolean('is_active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
