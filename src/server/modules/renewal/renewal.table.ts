import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RenewalDecisionKind } from '../../../shared/renewal';
import { agreements } from '../agreements/agreements.table';
import { users } from '../users/users.table';

// What was decided about an agreement nearing its end. One decision per agreement: it stops the
// expiry alerts, so changing it is a deliberate new act, not an edit (the audit log keeps both).
export const renewalDecisions = pgTable(
  'renewal_decisions',
  {
    agreementId: uuid('agreement_id')
      .primaryKey()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    decision: text('decision').$type<RenewalDecisionKind>().notNull(),
    reason: text('reason').notNull(),
    endReason: text('end_reason'),
    // Written when an extension went ahead without the evaluations the rule asks for.
    overrideReason: text('override_reason'),
    // The agreement's end date the decision was made for: an adendum that moves the end opens the
    // question again.
    endsOn: date('ends_on', { mode: 'string' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('renewal_decisions_decision_ok', sql`${table.decision} IN ('extend', 'end_early', 'lapse')`)],
);

// One row per (agreement, stage, person) alerted: the run that inserts it is the one that sends it,
// so an alert goes out once across restarts and across processes sharing one PostgreSQL.
export const expiryAlerts = pgTable(
  'expiry_alerts',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    stageDays: smallint('stage_days').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.agreementId, table.endsOn, table.stageDays, table.userId] }), index('expiry_alerts_user_idx').on(table.userId, table.sentAt)],
);
