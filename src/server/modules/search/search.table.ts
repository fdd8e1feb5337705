import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import type { HealthStatus } from '../../../shared/agreement-health';
import { tsvector } from '../../db/types';
import { agreements } from '../agreements/agreements.table';

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
    // A copy of agreements.search_vector.
    searchVector: tsvector('search_vector').notNull(),
    // A copy of the stored health (agreement_health.status, null when not in force), kept by
    // statement triggers of migration 0026: the register filters by it along its date orders.
    health: text('health').$type<HealthStatus>(),
  },
  (table) => [
    index('agreement_search_signed_desc_idx').on(sql`${table.signedOn} DESC NULLS LAST`, table.agreementId),
    index('agreement_search_signed_asc_idx').on(table.signedOn, table.agreementId),
    index('agreement_search_ends_idx').on(table.endsOn, table.agreementId),
    index('agreement_search_vector_idx').using('gin', table.searchVector),
    // A health-filtered page reads its own rows in order, whichever state is chosen.
    index('agreement_search_health_signed_idx').on(table.health, sql`${table.signedOn} DESC NULLS LAST`, table.agreementId),
    index('agreement_search_health_ends_idx').on(table.health, table.endsOn, table.agreementId),
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
