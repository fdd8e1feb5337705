import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OpenFinding, RecapRow, ReportJobStatus, ReportMeta, ReportSettings, SectionKey, StatutoryReportKind, StatutoryReportStatus } from '../../../shared/annual-report';
import { users } from '../users/users.table';

// A statutory report for one period ('2025' annual, '2025-S1' semester): a stored snapshot of its
// sections and recap, generated in the background, edited while a draft, then final and submitted.
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<StatutoryReportKind>().notNull(),
    year: smallint('year').notNull(),
    period: text('period').notNull(),
    status: text('status').$type<StatutoryReportStatus>().notNull().default('draft'),
    jobStatus: text('job_status').$type<ReportJobStatus>().notNull().default('pending'),
    jobDone: integer('job_done').notNull().default(0),
    jobTotal: integer('job_total').notNull().default(0),
    jobError: text('job_error'),
    // The generating process's lease: written when generation is asked for and refreshed while it
    // runs; a pending report whose heartbeat went stale lost its process (see GENERATION_STALE_MS).
    jobHeartbeatAt: timestamp('job_heartbeat_at', { withTimezone: true }),
    content: jsonb('content').$type<ReportMeta>(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finalisedBy: uuid('finalised_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    letterNumber: text('letter_number'),
    letterDate: date('letter_date'),
    recipient: text('recipient'),
    submittedBy: uuid('submitted_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('annual_reports_period_key').on(table.kind, table.period),
    check('annual_reports_kind_ok', sql`${table.kind} IN ('annual', 'semester')`),
    check('annual_reports_status_ok', sql`${table.status} IN ('draft', 'final', 'submitted')`),
    check('annual_reports_job_ok', sql`${table.jobStatus} IN ('pending', 'ready', 'failed')`),
    check('annual_reports_submitted_has_letter', sql`${table.status} <> 'submitted' OR (${table.letterNumber} IS NOT NULL AND ${table.letterDate} IS NOT NULL AND ${table.recipient} IS NOT NULL)`),
  ],
);

// One agreement's part of a report: its Ps 37(1) sections (edited while the report is a draft), its
// recap row and its open findings. A row each, so that a year of thousands of agreements is written
// a batch at a time and an edit rewrites one agreement, not the whole report.
export const annualReportSections = pgTable(
  'annual_report_sections',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    texts: jsonb('texts').$type<Record<SectionKey, string>>().notNull(),
    recap: jsonb('recap').$type<RecapRow>().notNull(),
    isDormant: boolean('is_dormant').notNull(),
    findings: jsonb('findings').$type<OpenFinding[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.agreementId] }), index('annual_report_sections_position_idx').on(table.reportId, table.position)],
);

// The reports' layout and deadlines: one row.
export const annualReportSettings = pgTable(
  'annual_report_settings',
  {
    id: smallint('id').primaryKey().default(1),
    value: jsonb('value').$type<ReportSettings>().notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('annual_report_settings_single_row', sql`${table.id} = 1`)],
);
