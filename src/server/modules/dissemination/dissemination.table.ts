import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table';
import { documents } from '../documents/documents.table';
import { units } from '../units/units.table';
import { users } from '../users/users.table';

// One dissemination package per agreement: what it means in plain words, who must act, what it opens.
export const disseminationPackages = pgTable(
  'dissemination_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'review', 'published'] }).notNull().default('draft'),
    // Plain-language summary: what, with whom, until when, why it matters.
    summaryWhat: text('summary_what'),
    summaryWithWhom: text('summary_with_whom'),
    summaryUntil: text('summary_until'),
    summaryWhy: text('summary_why'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedByName: text('approved_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // Four eyes (settings: dissemination_four_eyes): who asked for publication, waiting for a second
    // person; and the note of the last request sent back.
    publicationRequestedBy: uuid('publication_requested_by').references(() => users.id, { onDelete: 'set null' }),
    publicationRequestedByName: text('publication_requested_by_name'),
    publicationRequestedAt: timestamp('publication_requested_at', { withTimezone: true }),
    sentBackNote: text('sent_back_note'),
    sentBackByName: text('sent_back_by_name'),
    sentBackAt: timestamp('sent_back_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('dissemination_packages_agreement_key').on(table.agreementId),
    index('dissemination_packages_status_idx').on(table.status, table.publishedAt),
  ],
);

// A commitment of the agreement broken out for one OPD, with a due date.
export const disseminationTasks = pgTable(
  'dissemination_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => disseminationPackages.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    commitment: text('commitment').notNull(),
    dueOn: date('due_on'),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    index('dissemination_tasks_package_idx').on(table.packageId),
    index('dissemination_tasks_unit_idx').on(table.unitId),
  ],
);

// What the agreement opens to citizens: a scholarship, financing, training, a service.
export const disseminationOpportunities = pgTable(
  'dissemination_opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => disseminationPackages.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['beasiswa', 'pembiayaan', 'pelatihan', 'layanan', 'lainnya'] }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    sectorCodes: text('sector_codes').array().notNull().default(sql`'{}'::text[]`),
    deadline: date('deadline'),
    howToApply: text('how_to_apply'),
    applyUrl: text('apply_url'),
    // beasiswa
    quota: integer('quota'),
    eligibility: text('eligibility'),
    // pembiayaan
    scheme: text('scheme'),
    whoMayApply: text('who_may_apply'),
    limits: text('limits'),
    contact: text('contact'),
    position: integer('position').notNull().default(0),
    // Counts only, no personal data: how often the portal's "how to apply" was followed.
    applyClicks: integer('apply_clicks').notNull().default(0),
  },
  (table) => [
    index('dissemination_opportunities_package_idx').on(table.packageId),
    index('dissemination_opportunities_type_idx').on(table.type, table.deadline),
    index('dissemination_opportunities_sectors_idx').using('gin', table.sectorCodes),
  ],
);

// Which of the agreement's documents the package makes public.
export const disseminationPublicDocuments = pgTable(
  'dissemination_public_documents',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => disseminationPackages.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.packageId, table.documentId] })],
);

// Per OPD with a task: when it was told, first opened its view, acknowledged.
export const disseminationRecipients = pgTable(
  'dissemination_recipients',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => disseminationPackages.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
    firstOpenedBy: uuid('first_opened_by').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    primaryKey({ columns: [table.packageId, table.unitId] }),
    index('dissemination_recipients_unit_idx').on(table.unitId),
  ],
);

// A reminder is sent at most once per (package, OPD, stage): the record that makes the job idempotent.
export const disseminationReminders = pgTable(
  'dissemination_reminders',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => disseminationPackages.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    stage: text('stage', { enum: ['opd_reminder', 'admin_escalation'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.packageId, table.unitId, table.stage] })],
);

// A dissemination event (sosialisasi).
export const disseminationEvents = pgTable(
  'dissemination_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    audience: text('audience'),
    attendees: integer('attendees'),
    minutes: text('minutes'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('dissemination_events_agreement_idx').on(table.agreementId),
    check('dissemination_events_attendees_ok', sql`${table.attendees} IS NULL OR ${table.attendees} >= 0`),
  ],
);

export const disseminationEventPhotos = pgTable(
  'dissemination_event_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => disseminationEvents.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('dissemination_event_photos_event_idx').on(table.eventId)],
);
