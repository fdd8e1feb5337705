import { sql } from "drizzle-orm";
import {
  check,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  date,
} from "drizzle-orm/pg-core";
import type {
  ReportContent,
  ReportJobStatus,
  ReportSettings,
  StatutoryReportKind,
  StatutoryReportStatus,
} from "../../../shared/annual-report";
import { users } from "../users/users.table";

// A statutory report for one period ('2025' annual, '2025-S1' semester): a stored snapshot of its
// sections and recap, generated in the background, edited while a draft, then final and submitted.
export const annualReports = pgTable(
  "annual_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<StatutoryReportKind>().notNull(),
    year: smallint("year").notNull(),
    period: text("period").notNull(),
    status: text("status")
      .$type<StatutoryReportStatus>()
      .notNull()
      .default("draft"),
    jobStatus: text("job_status")
      .$type<ReportJobStatus>()
      .notNull()
      .default("pending"),
    jobDone: integer("job_done").notNull().default(0),
    jobTotal: integer("job_total").notNull().default(0),
    jobError: text("job_error"),
    content: jsonb("content").$type<ReportContent>(),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    finalisedBy: uuid("finalised_by").references(() => users.id, {
      onDelete: "set null",
    }),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    letterNumber: text("letter_number"),
    letterDate: date("letter_date"),
    recipient: text("recipient"),
    submittedBy: uuid("submitted_by").references(() => users.id, {
      onDelete: "set null",
    }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("annual_reports_period_key").on(table.kind, table.period),
    check(
      "annual_reports_kind_ok",
      sql`${table.kind} IN ('annual', 'semester')`,
    ),
    check(
      "annual_reports_status_ok",
      sql`${table.status} IN ('draft', 'final', 'submitted')`,
    ),
    check(
      "annual_reports_job_ok",
      sql`${table.jobStatus} IN ('pending', 'ready', 'failed')`,
    ),
    check(
      "annual_reports_submitted_has_letter",
      sql`${table.status} <> 'submitted' OR (${table.letterNumber} IS NOT NULL AND ${table.letterDate} IS NOT NULL AND ${table.recipient} IS NOT NULL)`,
    ),
  ],
);

// The reports' layout and deadlines: one row.
export const annualReportSettings = pgTable(
  "annual_report_settings",
  {
    id: smallint("id").primaryKey().default(1),
    value: jsonb("value").$type<ReportSettings>().notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [check("annual_report_settings_single_row", sql`${table.id} = 1`)],
);
