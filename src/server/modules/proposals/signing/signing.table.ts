import { boolean, date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DRAFT_TYPES, SIGNING_MODES } from '../../../../shared/proposal-signing';
import { agreements } from '../../agreements/agreements.table';
import { users } from '../../users/users.table';
import { proposalDocuments, proposals } from '../core/proposals.table';

// The signing of a proposal's KB, PKS or NK: when and how, the check after signing, and, once
// registered, the agreement it became. It is also the link between proposal and agreement.
export const proposalSignings = pgTable(
  'proposal_signings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    docType: text('doc_type', { enum: DRAFT_TYPES }).notNull(),
    mode: text('mode', { enum: SIGNING_MODES }).notNull(),
    scheduledOn: date('scheduled_on').notNull(),
    place: text('place').notNull(),
    note: text('note'),
    // The check after signing: paraf on every page, meterai, seal (cap/stempel) on every copy.
    parafEveryPage: boolean('paraf_every_page').notNull().default(false),
    meterai: boolean('meterai').notNull().default(false),
    sealEveryCopy: boolean('seal_every_copy').notNull().default(false),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    signedDocumentId: uuid('signed_document_id').references(() => proposalDocuments.id),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    registeredBy: uuid('registered_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One signing per document of a proposal: rescheduling edits it, it is never registered twice.
    uniqueIndex('proposal_signings_proposal_type_key').on(table.proposalId, table.docType),
    uniqueIndex('proposal_signings_agreement_key').on(table.agreementId),
  ],
);
