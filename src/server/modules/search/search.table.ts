import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { HealthStatus } from '../../../shared/agreement-health';
import { tsvector, xid8 } from '../../db/types';
import { agreements } from '../agreements/agreements.table';

// What the register's counts read of an agreement: its row in agreement_search and each logged
// change of that row (agreement_search_changes) have these columns alike (new builders each call).
function countedColumns() {
  return {
    signedOn: date('signed_on'),
    docType: text('doc_type').notNull(),
    kind: text('kind').notNull(),
    isDraft: boolean('is_draft').notNull(),
    endsOn: date('ends_on'),
    terminationKind: text('termination_kind'),
    terminatedOn: date('terminated_on'),
    primaryCategoryCode: text('primary_category_code'),
    primarySectorCode: text('primary_sector_code').notNull(),
    // Every sector (the primary one included) and every linked OPD, sorted.
    sectorCodes: text('sector_codes').array().notNull(),
    unitIds: uuid('unit_ids').array().notNull(),
    // A copy of the stored health (agreement_health.status, null when not in force), kept by
    // statement triggers of migration 0026: the register filters by it along its date orders.
    health: text('health').$type<HealthStatus>(),
  };
}

// The registry list's own row per agreement: what it filters, counts, sorts and ranks on, and
// nothing else (no title, scope or audit columns, never an old row version left by an update), so
// that matching, ranking and counting over tens of thousands of agreements read a third of the bytes
// of the agreements table, and statistics a seventh (decision record 0004). Written only by the
// SQL function jalin_refresh_agreement_search_rows, which jalin_refresh_agreement_search calls: every
// write that refreshes an agreement's search vector refreshes this row in the same transaction.
export const agreementSearch = pgTable(
  'agreement_search',
  {
    agreementId: uuid('agreement_id')
      .primaryKey()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    ...countedColumns(),
    // A copy of agreements.search_vector.
    searchVector: tsvector('search_vector').notNull(),
    // lower(agreements.title), the title order of a page: a filtered page sorted by title walks its
    // own index here (with the partner category at hand) instead of the title index of agreements
    // and a look-up per row (docs/performance.md, "A filtered page by title").
    titleSort: text('title_sort').notNull(),
  },
  (table) => [
    index('agreement_search_signed_desc_idx').on(sql`${table.signedOn} DESC NULLS LAST`, table.agreementId),
    index('agreement_search_signed_asc_idx').on(table.signedOn, table.agreementId),
    index('agreement_search_ends_idx').on(table.endsOn, table.agreementId),
    index('agreement_search_vector_idx').using('gin', table.searchVector),
    // A health-filtered page reads its own rows in order, whichever state is chosen.
    index('agreement_search_health_signed_idx').on(table.health, sql`${table.signedOn} DESC NULLS LAST`, table.agreementId),
    index('agreement_search_health_ends_idx').on(table.health, table.endsOn, table.agreementId),
    // agreement_search_title_idx (title_sort, agreement_id) INCLUDE (primary_category_code) is made by
    // migration 0049 in SQL: the schema builder has no INCLUDE.
  ],
);

// One row whose number changes whenever anything the registry's facet counts depend on changes
// (agreement_search, partner_categories), bumped at commit by deferred triggers. Counts cached
// under a revision are therefore never stale, in any process that reads the same database.
export const registryRevision = pgTable(
  'registry_revision',
  {
    id: smallint('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
  },
  (table) => [check('registry_revision_single_row', sql`${table.id} = 1`)],
);

// Every change to what the register counts, so that counts kept in memory follow a change by
// adding what changed instead of counting the whole register again (decision 0038): the old row
// with sign −1 and the new one with +1, written by statement triggers of migration 0044 in the
// writing transaction (`tx`), with the columns of agreement_search that counts read (no search
// vector). A reader keeps its counts with the snapshot they were counted in; the rows of the
// transactions that snapshot did not see are exactly what changed since.
export const agreementSearchChanges = pgTable(
  'agreement_search_changes',
  {
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
    sign: smallint('sign').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    agreementId: uuid('agreement_id').notNull(),
    ...countedColumns(),
  },
  (table) => [index('agreement_search_changes_tx_idx').on(table.tx), index('agreement_search_changes_at_idx').on(table.at)],
);

// Kept counts whose snapshot's oldest running transaction is not after `countedFrom` cannot be
// brought up to date from the changes: older changes were removed (kept a day), or something
// counts read besides agreement_search changed (partner categories). They are counted again.
export const agreementSearchChangesHorizon = pgTable(
  'agreement_search_changes_horizon',
  {
    id: smallint('id').primaryKey().default(1),
    countedFrom: xid8('counted_from').notNull(),
  },
  (table) => [check('agreement_search_changes_horizon_single_row', sql`${table.id} = 1`)],
);

// Kept counts stored where every process finds them (decision 0041): a process asking a list for the
// first time (after a start, or another process's change) brings the stored counts up to date from
// the changes since their snapshot instead of counting the whole register. `snapshot` is the
// pg_snapshot the rows were counted in, as text; the rows are the count statement's own.
export const registerKeptCounts = pgTable('register_kept_counts', {
  key: text('key').primaryKey(),
  rows: jsonb('rows').notNull(),
  snapshot: text('snapshot').notNull(),
  countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
});
