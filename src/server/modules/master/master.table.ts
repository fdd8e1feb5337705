import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Master data kept as rows, not code constants, so the division can edit them (domain.md).
export const partnerGroups = pgTable('partner_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const partnerCategories = pgTable('partner_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  groupCode: text('group_code')
    .notNull()
    .references(() => partnerGroups.code, { onUpdate: 'cascade' }),
  sortOrder: integer('sort_order').notNull().default(0),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sectors = pgTable('sectors', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
