import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { HealthReason, HealthStatus } from '../../../shared/agreement-health';
import type { EvaluationBand } from '../../../shared/evaluation';
import { agreements } from '../agreements/agreements.table';

// The stored health of every agreement in force (decision record 0016): derived, never typed, and
// written only by refreshHealth. The register filters and counts by it; agreements without a row
// have no health (not in force).
export const agreementHealth = pgTable(
  'agreement_health',
  {
    agreementId: uuid('agreement_id')
      .primaryKey()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    status: text('status').$type<HealthStatus>().notNull(),
    reasons: text('reasons').array().$type<HealthReason[]>().notNull(),
    lastBand: text('last_band').$type<EvaluationBand>(),
  },
);

// One number that moves at the commit of any change to the facts health is derived from (plans,
// reports, packages, obligations, evaluations, agreements, settings): deferred triggers, migration
// 0026. Only those triggers write it.
export const agreementHealthChanges = pgTable(
  'agreement_health_changes',
  {
    id: smallint('id').primaryKey().default(1),
    generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  },
  (table) => [check('agreement_health_changes_single_row', sql`${table.id} = 1`)],
);

// What the stored rows were derived from: the facts' generation read when the refresh began, and
// the day (dormancy and "ending soon" move with the date). Only refreshHealth writes it; a separate
// row from the changes, so that a refresh and a writer never wait on each other's row.
export const agreementHealthRefresh = pgTable(
  'agreement_health_refresh',
  {
    id: smallint('id').primaryKey().default(1),
    generation: bigint('generation', { mode: 'number' }).notNull(),
    asOf: date('as_of').notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('agreement_health_refresh_single_row', sql`${table.id} = 1`)],
);

// The agreements whose facts changed since the stored health was derived from them: statement
// triggers on the fact tables (migration 0046) add one row per agreement a statement touched, NULL
// for a change that reaches every agreement (settings). The refresh takes the rows it sees and
// derives the health of those agreements only, so that one edit does not re-derive the register.
// No key: writers only add rows, and the refresh only removes rows it has seen.
export const agreementHealthDirty = pgTable('agreement_health_dirty', {
  agreementId: uuid('agreement_id'),
});
