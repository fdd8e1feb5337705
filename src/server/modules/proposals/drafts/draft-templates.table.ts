import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DRAFT_TYPES, type DraftTemplateSection } from '../../../../shared/proposal-signing';
import { users } from '../../users/users.table';

// The wording of each generated draft is data the division edits: sections with a heading and a
// body that quotes the proposal through {{placeholders}}. Seeded by migration, one row per type.
export const draftTemplates = pgTable('draft_templates', {
  type: text('type', { enum: DRAFT_TYPES }).primaryKey(),
  title: text('title').notNull(),
  sections: jsonb('sections').$type<DraftTemplateSection[]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
