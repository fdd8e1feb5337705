import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table';
import { units } from '../units/units.table';
import { users } from '../users/users.table';

// What each party owes under an agreement (kewajiban para pihak). "Late" is derived from the due
// date, never stored; occurrences of a recurring obligation are computed from its first due date.
export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    party: text('party', { enum: ['city', 'partner'] }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    clause: text('clause'),
    description: text('description').notNull(),
    kind: text('kind', { enum: ['once', 'recurring', 'trigger'] }).notNull(),
    dueOn: date('due_on'),
    everyMonths: smallint('every_months'),
    triggerText: text('trigger_text'),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    status: text('status', { enum: ['open', 'met', 'waived'] }).notNull().default('open'),
    waiverReason: text('waiver_reason'),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('obligations_agreement_idx').on(table.agreementId),
    check('obligations_party_unit', sql`(${table.party} = 'city') = (${table.unitId} IS NOT NULL)`),
    check('obligations_waiver_reason', sql`${table.status} <> 'waived' OR ${table.waiverReason} IS NOT NULL`),
  ],
);
