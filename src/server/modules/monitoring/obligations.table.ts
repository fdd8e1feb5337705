import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table';
import { units } from '../units/units.table';
import { users } from '../users/users.table';

// What each party owes under an agreement (kewajiban para pihak). "Late" is derived from the due
// date, never stored; the due dates of a recurring obligation are computed from its first one
// (obligations.rules occurrenceDates), and what was recorded for each is in obligation_occurrences.
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

// What was recorded for one occurrence of an obligation (one due date; a trigger obligation's one
// occurrence has none): met, with its evidence when there is one, or waived with a reason. An
// occurrence without a row is open, or late once its date has passed: late is never stored.
export const obligationOccurrences = pgTable(
  'obligation_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => obligations.id, { onDelete: 'cascade' }),
    dueOn: date('due_on'),
    status: text('status', { enum: ['met', 'waived'] }).notNull(),
    waiverReason: text('waiver_reason'),
    note: text('note'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    storageKey: text('storage_key').unique(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('obligation_occurrences_key').on(table.obligationId, table.dueOn).nullsNotDistinct(),
    check('obligation_occurrences_waiver_reason', sql`${table.status} <> 'waived' OR ${table.waiverReason} IS NOT NULL`),
    check('obligation_occurrences_evidence', sql`(${table.storageKey} IS NULL) = (${table.sha256} IS NULL)`),
  ],
);
