import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COOPERATION_KINDS } from '../../../../shared/agreement-codes';
import { INITIATOR_TYPES, PROCEDURE_DOC_TYPES } from '../../../../shared/procedures';
import { PROPOSAL_STATES, type PlannedPartner } from '../../../../shared/proposals';
import { fileColumns } from '../../documents/documents.table';
import { units } from '../../units/units.table';
import { users } from '../../users/users.table';

// A proposal (usulan kerja sama) on its way through the procedure of its kind.
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Shown to people and quoted in letters; it opens nothing by itself.
    trackingCode: text('tracking_code').notNull().unique(),
    kind: text('kind', { enum: COOPERATION_KINDS }).notNull(),
    title: text('title').notNull(),
    initiatorType: text('initiator_type', { enum: INITIATOR_TYPES }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    externalInstitution: text('external_institution'),
    externalContactName: text('external_contact_name'),
    externalEmail: text('external_email'),
    externalPhone: text('external_phone'),
    plannedPartners: jsonb('planned_partners').$type<PlannedPartner[]>().notNull().default([]),
    sectorCodes: text('sector_codes').array().notNull().default(sql`'{}'::text[]`),
    latarBelakang: text('latar_belakang'),
    maksudTujuan: text('maksud_tujuan'),
    lokasi: text('lokasi'),
    ruangLingkup: text('ruang_lingkup'),
    peranParaPihak: text('peran_para_pihak'),
    jangkaWaktuBulan: integer('jangka_waktu_bulan'),
    jangkaWaktuAlasan: text('jangka_waktu_alasan'),
    manfaat: text('manfaat'),
    dampakSosial: text('dampak_sosial'),
    dampakEkonomi: text('dampak_ekonomi'),
    dampakLingkungan: text('dampak_lingkungan'),
    pembiayaan: text('pembiayaan'),
    burdensPublic: boolean('burdens_public').notNull().default(false),
    unbudgetedInApbd: boolean('unbudgeted_in_apbd').notNull().default(false),
    // PP 28/2018 Ps 6(2): DPRD approval when the cooperation burdens the public and the region or is not yet in the APBD.
    needsDprd: boolean('needs_dprd').generatedAlwaysAs(sql`burdens_public OR unbudgeted_in_apbd`),
    stageCode: text('stage_code').notNull(),
    state: text('state', { enum: PROPOSAL_STATES }).notNull(),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // The public form's own key: the same form posted twice is one proposal.
    idempotencyKey: text('idempotency_key').unique(),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('proposals_state_idx').on(table.state, table.kind, table.stageCode),
    index('proposals_unit_idx').on(table.unitId),
    check('proposals_opd_has_unit', sql`${table.initiatorType} <> 'opd' OR ${table.unitId} IS NOT NULL`),
    check('proposals_external_has_contact', sql`${table.initiatorType} <> 'external' OR (${table.externalInstitution} IS NOT NULL AND ${table.externalEmail} IS NOT NULL)`),
  ],
);

// Typed and versioned: a new upload of the same type is the next version, the earlier ones stay.
export const proposalDocuments = pgTable(
  'proposal_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    docType: text('doc_type', { enum: PROCEDURE_DOC_TYPES }).notNull(),
    versionNo: integer('version_no').notNull(),
    ...fileColumns(),
    note: text('note'),
    uploadedVia: text('uploaded_via', { enum: ['staff', 'tracking_link'] }).notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('proposal_documents_version_key').on(table.proposalId, table.docType, table.versionNo)],
);

// The timeline: every transition and upload, written in the same transaction as the change.
export const proposalEvents = pgTable(
  'proposal_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    fromState: text('from_state', { enum: PROPOSAL_STATES }),
    toState: text('to_state', { enum: PROPOSAL_STATES }),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
  },
  (table) => [index('proposal_events_proposal_idx').on(table.proposalId, table.at)],
);

// Private links for an outside initiator: only the SHA-256 of the token is kept; each expires and can be revoked.
export const proposalLinks = pgTable(
  'proposal_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['confirm', 'track'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('proposal_links_proposal_idx').on(table.proposalId, table.purpose)],
);
