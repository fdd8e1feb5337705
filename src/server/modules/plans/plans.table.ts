import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table';
import { disseminationOpportunities, disseminationTasks } from '../dissemination/dissemination.table';
import { units } from '../units/units.table';
import { users } from '../users/users.table';

export type PlanIndicator = { name: string; unit: string; target: number };

// An OPD's activity plan (rencana kegiatan) made from an agreement, tied to its Renja/DPA codes.
export const activityPlans = pgTable(
  'activity_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => disseminationTasks.id, { onDelete: 'set null' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    budgetYear: smallint('budget_year').notNull(),
    programCode: text('program_code'),
    kegiatanCode: text('kegiatan_code'),
    subKegiatanCode: text('sub_kegiatan_code'),
    title: text('title').notNull(),
    budgetAmount: numeric('budget_amount', { precision: 18, scale: 0 }).notNull(),
    budgetSource: text('budget_source', { enum: ['APBD', 'mitra', 'lainnya'] }).notNull(),
    indicators: jsonb('indicators').$type<PlanIndicator[]>().notNull().default([]),
    startMonth: text('start_month'),
    endMonth: text('end_month'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('activity_plans_agreement_idx').on(table.agreementId),
    index('activity_plans_unit_idx').on(table.unitId, table.budgetYear),
    check('activity_plans_budget_ok', sql`${table.budgetAmount} >= 0`),
  ],
);

// Beneficiaries an OPD reached through an agreement (and optionally one opportunity). The table keeps
// its dissemination_ name; the plans module records and reads it, next to the plans it follows.
export const disseminationBeneficiaries = pgTable(
  'dissemination_beneficiaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id').references(() => disseminationOpportunities.id, { onDelete: 'set null' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
    amountIdr: numeric('amount_idr', { precision: 18, scale: 0 }),
    reachedOn: date('reached_on').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('dissemination_beneficiaries_agreement_idx').on(table.agreementId),
    check('dissemination_beneficiaries_count_ok', sql`${table.count} >= 0`),
  ],
);

