import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MeetingAttendee, MeetingFollowUp } from '../../../../shared/proposal-reviews';
import { users } from '../../users/users.table';
import { proposals } from '../core/proposals.table';

// Rapat pembahasan with the initiator and the TKKSD.
export const proposalMeetings = pgTable(
  'proposal_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place'),
    link: text('link'),
    attendees: jsonb('attendees').$type<MeetingAttendee[]>().notNull().default([]),
    minutes: text('minutes'),
    decisions: jsonb('decisions').$type<string[]>().notNull().default([]),
    followUps: jsonb('follow_ups').$type<MeetingFollowUp[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('proposal_meetings_proposal_idx').on(table.proposalId, table.heldAt),
    check('proposal_meetings_place_or_link', sql`${table.place} IS NOT NULL OR ${table.link} IS NOT NULL`),
  ],
);
