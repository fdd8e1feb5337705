import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { BeneficiaryEntry, FundEntry } from '../../../shared/realisation';
import { agreements } from '../agreements/agreements.table';
import { activityPlans } from '../plans/plans.table';
import { units } from '../units/units.table';
import { users } from '../users/users.table';

// A realisation report (laporan realisasi) of one activity plan for one monitoring period. The
// agreement and the OPD are copied from the plan so the monitoring questions need no join.
export const realisationReports = pgTable(
  'realisation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => activityPlans.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'verified', 'returned'] }).notNull().default('draft'),
    summary: text('summary').notNull(),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    location: text('location'),
    outputs: text('outputs'),
    beneficiaries: jsonb('beneficiaries').$type<BeneficiaryEntry[]>().notNull().default([]),
    funds: jsonb('funds').$type<FundEntry[]>().notNull().default([]),
    completion: text('completion', { enum: ['not_started', 'under_half', 'half_or_more', 'completed', 'cancelled'] }).notNull().default('not_started'),
    obstaclesInternal: text('obstacles_internal'),
    obstaclesExternal: text('obstacles_external'),
    followUp: text('follow_up'),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('realisation_reports_plan_period_key').on(table.planId, table.period),
    index('realisation_reports_agreement_idx').on(table.agreementId, table.period),
    index('realisation_reports_period_idx').on(table.period, table.status),
    check('realisation_reports_period_ok', sql`${table.period} ~ '^[0-9]{4}-S[12]$'`),
    check('realisation_reports_return_reason', sql`${table.status} <> 'returned' OR ${table.returnReason} IS NOT NULL`),
  ],
);

// Evidence of a report (berita acara, daftar hadir, photos, proof of deposit to the kas daerah).
// The content hash lets anyone check later that the stored file is the one that was verified.
export const realisationEvidence = pgTable(
  'realisation_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => realisationReports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['berita_acara', 'daftar_hadir', 'foto', 'bukti_setor', 'lainnya'] }).notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('realisation_evidence_report_idx').on(table.reportId)],
);
