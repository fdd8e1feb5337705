import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/types';
import { partnerCategories, sectors } from '../master/master.table';
import { partners } from '../partners/partners.table';
import { units } from '../units/units.table';
import { users } from '../users/users.table';

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docType: text('doc_type', { enum: ['KB', 'PKS', 'NK', 'ADENDUM'] }).notNull(),
    kind: text('kind', { enum: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'] }).notNull(),
    ksddMode: text('ksdd_mode', { enum: ['wajib', 'sukarela'] }),
    title: text('title').notNull(),
    // Both parties number the document (domain.md): ours identifies it in imports.
    numberOurs: text('number_ours'),
    // agreementNumberKey(numberOurs) (src/shared/agreement-number.ts): what uniqueness and lookups compare.
    numberKey: text('number_key'),
    // Set on rows that already shared a key with an older agreement when keys were introduced: they
    // stay out of the unique index until an admin renumbers them (`npm run jalin -- duplicates`).
    numberKeyDuplicate: boolean('number_key_duplicate').notNull().default(false),
    numberPartner: text('number_partner'),
    signedOn: date('signed_on'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    scope: text('scope'),
    purpose: text('purpose'),
    valueIdr: numeric('value_idr', { precision: 18, scale: 0 }),
    parentId: uuid('parent_id').references((): AnyPgColumn => agreements.id),
    primarySectorCode: text('primary_sector_code')
      .notNull()
      .references(() => sectors.code, { onUpdate: 'cascade' }),
    isDraft: boolean('is_draft').notNull().default(false),
    // A person's choice to publish; the portal shows the agreement only once its signed document is attached too.
    isPublic: boolean('is_public').notNull().default(false),
    longTermReason: text('long_term_reason'),
    // Why a PKS stands without the KB or NK it implements (agreements.rules.ts, checkPksParent).
    noParentReason: text('no_parent_reason'),
    // Set when the agreement ends early (diakhiri) or is revoked (dicabut).
    terminationKind: text('termination_kind', { enum: ['diakhiri', 'dicabut'] }),
    terminatedOn: date('terminated_on'),
    terminationReason: text('termination_reason'),
    terminationNote: text('termination_note'),
    // Denormalised for statistics: the primary partner's category at the time of writing.
    primaryCategoryCode: text('primary_category_code').references(() => partnerCategories.code, {
      onUpdate: 'cascade',
    }),
    // Searched through its copy in agreement_search, whose GIN index serves every text search; a
    // second GIN index here would only make every write of an agreement dearer.
    searchVector: tsvector('search_vector'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('agreements_number_key_key').on(table.numberKey).where(sql`NOT ${table.numberKeyDuplicate}`),
    // Lookups by key include flagged duplicates, which a partial index cannot answer.
    index('agreements_number_key_idx').on(table.numberKey),
    index('agreements_signed_idx').on(table.signedOn),
    index('agreements_parent_idx').on(table.parentId),
    index('agreements_sector_idx').on(table.primarySectorCode),
    check('agreements_dates_ordered', sql`${table.endsOn} IS NULL OR ${table.startsOn} IS NULL OR ${table.endsOn} >= ${table.startsOn}`),
  ],
);

export const agreementPartners = pgTable(
  'agreement_partners',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    // 0 is the primary partner.
    position: smallint('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.agreementId, table.partnerId] }),
    index('agreement_partners_partner_idx').on(table.partnerId),
  ],
);

export const agreementUnits = pgTable(
  'agreement_units',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    isLead: boolean('is_lead').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.agreementId, table.unitId] }),
    index('agreement_units_unit_idx').on(table.unitId),
  ],
);

export const agreementSectors = pgTable(
  'agreement_sectors',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    sectorCode: text('sector_code')
      .notNull()
      .references(() => sectors.code, { onUpdate: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.agreementId, table.sectorCode] }),
    index('agreement_sectors_sector_idx').on(table.sectorCode),
  ],
);
